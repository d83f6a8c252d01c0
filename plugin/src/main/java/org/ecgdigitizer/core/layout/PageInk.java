package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * The ink of a rectified page as lead detection reads it: a mask without printed rules and frame
 * lines, its components, and the scale it is read at (provisional until the calibration is known).
 * The row, pulse and separator finders ask it their questions about strokes.
 */
final class PageInk {

	/** Gaps in a stroke up to twice this many pixels are bridged (where it crossed a grid line taken away). */
	static final int BRIDGE = 2;

	final int w;
	final int h;
	/** Ink pixels, printed rules erased. */
	final boolean[] mask;
	/** The same as bits, row by row (for counts along rows)... */
	final Bits rows;
	/** ...and column by column (for questions down a column, read a word for 64 rows). */
	final Bits columns;
	/** Components of the ink before rules were erased (letters are read from them). */
	final Components raw;
	final double mmX;
	final double mmY;

	private List<CalibrationPulse> pulses;

	private PageInk(int w, int h, boolean[] mask, Bits rows, Bits columns, Components raw, double mmX, double mmY)
	{
		this.w = w;
		this.h = h;
		this.mask = mask;
		this.rows = rows;
		this.columns = columns;
		this.raw = raw;
		this.mmX = mmX;
		this.mmY = mmY;
	}

	/** The page's ink at its measured scale, or (no grid) assuming the page is about 280 mm wide. */
	static PageInk of(PreparedPage page) {
		return of(inked(page), page.geometry.pxPerMmX, page.geometry.pxPerMmY);
	}

	/**
	 * @param turned read the page turned half-way round
	 */
	static PageInk of(float[] ink, int w, int h, double mmX, double mmY, boolean turned) {
		Bits inked = Bits.above(ink, w, h, InkModel.MASK_THRESHOLD);
		return of(turned ? inked.turned() : inked, mmX, mmY);
	}

	/**
	 * The pixels of a page's ink plane above the mask's threshold, rules not yet erased. The same
	 * pixels turned half-way round are the turned page's, bit for bit: the threshold is the same
	 * for every pixel.
	 */
	static Bits inked(PreparedPage page) {
		return Bits.above(page.inkPixels(), page.width(), page.height(), InkModel.MASK_THRESHOLD);
	}

	/**
	 * The ink of a page from its pixels above the mask's threshold ({@link #inked}), which become
	 * the mask: rules are erased from them.
	 */
	static PageInk of(Bits inked, double mmX, double mmY) {
		boolean known = !Double.isNaN(mmX) && !Double.isNaN(mmY);
		double x = known ? mmX : inked.w / 280.0;
		double y = known ? mmY : inked.w / 280.0;
		Components raw = Components.of(inked);
		raw.erase(inked, rules(raw, x, y));
		return new PageInk(inked.w, inked.h, inked.toMask(), inked, inked.transposed(), raw, x, y);
	}

	/** The same ink read at another scale. */
	PageInk rescaled(double newMmX, double newMmY) {
		return new PageInk(w, h, mask, rows, columns, raw, newMmX, newMmY);
	}

	/**
	 * Printed rules and frame lines: long, straight, solid components thinner than 0.6 mm. Even a
	 * flat trace zigzags, so its box is taller than its stroke and mostly empty.
	 */
	static IntPredicate rules(Components components, double mmX, double mmY) {
		boolean[] rule = new boolean[components.components.size()];
		for (Components.Component c : components.components) {
			double fill = c.pixels / ((double) c.width() * c.height());
			boolean horizontal = c.height() < 0.6 * mmY + 1 && c.width() > 15 * mmX;
			boolean vertical = c.width() < 0.6 * mmX + 1 && c.height() > 40 * mmY;
			rule[c.id] = (horizontal || vertical) && fill > 0.7;
		}
		for (List<Components.Component> dashes : brokenRules(components, mmX, mmY)) {
			for (Components.Component c : dashes) rule[c.id] = true;
		}
		return id -> rule[id];
	}

	/** A broken rule runs at least this long; a trace never stays on one pixel row for a second. */
	static final double BROKEN_RULE_MM = 25;

	/**
	 * Grid lines the ink separation kept, cut into dashes where the crossing lines were taken away:
	 * chains of thin, solid, flat pieces on the same image rows, less than 3 mm apart (a crossing
	 * line, or a trace crossing it, takes a piece), together {@link #BROKEN_RULE_MM} long and mostly
	 * ink. A trace broken the same way wanders off any one pixel row within a beat.
	 */
	static List<List<Components.Component>> brokenRules(Components components, double mmX, double mmY) {
		double thin = 0.6 * mmY + 1;
		int maxGap = (int) Math.max(2, Math.round(3 * mmX));
		List<Components.Component> pieces = new ArrayList<>();
		for (Components.Component c : components.components) {
			if (c.height() < thin && c.pixels >= 0.7 * c.width() * c.height()) pieces.add(c);
		}
		pieces.sort((a, b) -> Integer.compare(a.minX, b.minX));
		List<List<Components.Component>> chains = new ArrayList<>();
		// the chains that may still grow, by the top row of their last piece: a piece joins the
		// latest-made chain that ends on its rows, less than maxGap before it
		Map<Integer, List<Integer>> open = new HashMap<>();
		for (Components.Component c : pieces) {
			int best = -1;
			for (int top = c.minY - 1; top <= c.minY + 1; top++) {
				List<Integer> ids = open.get(top);
				if (ids == null) continue;
				for (Iterator<Integer> it = ids.iterator(); it.hasNext();) {
					int id = it.next();
					List<Components.Component> chain = chains.get(id);
					Components.Component last = chain.get(chain.size() - 1);
					int gap = c.minX - last.maxX - 1;
					// pieces come left to right: a chain this far behind never grows again
					if (gap > maxGap) it.remove();
					else if (gap >= 0 && Math.abs(c.maxY - last.maxY) <= 1) best = Math.max(best, id);
				}
			}
			if (best < 0) {
				best = chains.size();
				chains.add(new ArrayList<>());
			}
			else {
				List<Components.Component> chain = chains.get(best);
				open.get(chain.get(chain.size() - 1).minY).remove(Integer.valueOf(best));
			}
			chains.get(best).add(c);
			open.computeIfAbsent(c.minY, k -> new ArrayList<>()).add(best);
		}
		List<List<Components.Component>> rules = new ArrayList<>();
		for (List<Components.Component> chain : chains) {
			if (chain.size() < 2) continue;
			int span = chain.get(chain.size() - 1).maxX - chain.get(0).minX + 1;
			int inked = 0;
			for (Components.Component c : chain) inked += c.width();
			if (span > BROKEN_RULE_MM * mmX && inked >= 0.6 * span) rules.add(chain);
		}
		return rules;
	}

	/**
	 * The calibration pulses standing anywhere on the page ({@link PulseFinder#scan}), searched for
	 * once: the row finder, the pulse finder and the upside-down check all ask.
	 */
	List<CalibrationPulse> pulses() {
		if (pulses == null) pulses = Collections.unmodifiableList(PulseFinder.search(this));
		return pulses;
	}

	boolean at(int x, int y) {
		return mask[y * w + x];
	}

	/** The vertical run of ink in column x that comes within slack rows of row y, as {top, bottom}, or null. */
	int[] verticalRunThrough(int x, int y, int slack) {
		for (int d = 0; d <= slack; d++) {
			int yy = inkAt(x, y - d) ? y - d : inkAt(x, y + d) ? y + d : -1;
			if (yy < 0) continue;
			// a stroke is cut where it crosses a grid line taken away with the grid: bridge short gaps
			int top = yy;
			int up;
			while ((up = columns.previousSet(x, top - 1)) >= 0 && top - up <= 2 * BRIDGE + 1) top = up;
			int bottom = yy;
			int down;
			while ((down = columns.nextSet(x, bottom + 1)) < h && down - bottom <= 2 * BRIDGE + 1) bottom = down;
			return new int[] { top, bottom };
		}
		return null;
	}

	/** Whether (x, y) is ink, false off the page's rows. */
	private boolean inkAt(int x, int y) {
		return y >= 0 && y < h && columns.get(y, x);
	}

	/** Whether column x holds ink in rows [y0, y1). */
	boolean inkBetween(int x, int y0, int y1) {
		return columns.anySet(x, y0, y1);
	}

	/** The inked fraction of column x between rows top and bottom (inclusive). */
	double inkedOver(int x, int top, int bottom) {
		return columns.count(x, top, bottom + 1) / (double) (bottom - top + 1);
	}
}
