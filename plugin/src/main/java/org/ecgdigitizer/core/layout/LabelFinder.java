package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.preprocess.Components;

/**
 * Finds the printed lead name near the start of each lead segment: a short row of small ink
 * blobs (letters and digits 1.5 to 7 mm tall) just above or below the baseline, within a few
 * millimetres of where the segment begins. The trace itself is one long stroke and is never a
 * letter; pulses and separator ticks are excluded by their shape.
 */
public final class LabelFinder {

	/** A candidate label: its box and the blobs (letters) it is made of. */
	public static final class Label {
		public final Box box;
		/** True for letters freed from a stroke that ran into them (read only where nothing else is). */
		public final boolean touching;

		public Label(Box box) {
			this(box, false);
		}

		Label(Box box, boolean touching) {
			this.box = box;
			this.touching = touching;
		}
	}

	private LabelFinder() {}

	/**
	 * The most likely label of a region, or null.
	 *
	 * @param components ink components of the page (undilated)
	 */
	public static Label find(LeadRegion region, Components components, List<CalibrationPulse> pulses, double mmX,
		double mmY)
	{
		List<Label> all = candidates(region, components, pulses, mmX, mmY, 1);
		return all.isEmpty() ? null : all.get(0);
	}

	/** A letter or digit: 1.2 to 7 mm tall, at most 6 mm wide (a '-' is flat but wide enough). */
	static boolean isGlyph(Components.Component c, double mmX, double mmY) {
		double hMm = c.height() / mmY;
		double wMm = c.width() / mmX;
		boolean letter = hMm >= 1.2 && hMm <= 7 && wMm <= 6 && c.pixels >= 4;
		boolean dash = hMm < 1.2 && wMm >= 0.8 && wMm <= 3;
		return letter || dash;
	}

	/** Letters of a word stand at most this far (mm) apart. */
	static final double GAP_MM = 1.5;
	/** Letters freed from a stroke that ran between them stand at most this far (mm) apart. */
	static final double FREED_GAP_MM = 2.5;

	/** Glyphs grouped into words: a similar vertical band, gaps under 1.5 mm; left to right. */
	static List<List<Components.Component>> words(List<Components.Component> glyphs, double mmX, double mmY) {
		return words(glyphs, mmX, mmY, GAP_MM);
	}

	/** Glyphs grouped into words: a similar vertical band, gaps under {@code gapMm}; left to right. */
	static List<List<Components.Component>> words(List<Components.Component> glyphs, double mmX, double mmY,
		double gapMm)
	{
		List<Components.Component> sorted = new ArrayList<>(glyphs);
		sorted.sort((a, b) -> Integer.compare(a.minX, b.minX));
		List<List<Components.Component>> words = new ArrayList<>();
		for (Components.Component g : sorted) {
			List<Components.Component> target = null;
			for (List<Components.Component> w : words) {
				Components.Component last = w.get(w.size() - 1);
				double gap = (g.minX - last.maxX) / mmX;
				double centreShift = Math.abs((g.minY + g.maxY) / 2.0 - (last.minY + last.maxY) / 2.0) / mmY;
				if (gap <= gapMm && gap >= -0.5 && centreShift <= 2.5) target = w;
			}
			if (target == null) {
				target = new ArrayList<>();
				words.add(target);
			}
			target.add(g);
		}
		return words;
	}

	/** The box of a word's glyphs. */
	static Box box(List<Components.Component> word) {
		int minX = Integer.MAX_VALUE;
		int minY = Integer.MAX_VALUE;
		int maxX = -1;
		int maxY = -1;
		for (Components.Component g : word) {
			minX = Math.min(minX, g.minX);
			minY = Math.min(minY, g.minY);
			maxX = Math.max(maxX, g.maxX);
			maxY = Math.max(maxY, g.maxY);
		}
		return Box.fromCorners(minX, minY, maxX + 1, maxY + 1);
	}

	/**
	 * Up to {@code max} candidate labels of a region, the most likely first (a separator tick or a
	 * piece of trace may sit closer to the segment start than the printed name).
	 */
	public static List<Label> candidates(LeadRegion region, Components components, List<CalibrationPulse> pulses,
		double mmX, double mmY, int max)
	{
		return ranked(region, glyphs(region, components.components, pulses, mmX, mmY), mmX, mmY, max);
	}

	/**
	 * Candidates as {@link #candidates(LeadRegion, Components, List, double, double, int)} finds
	 * them, then up to {@code max} more from letters that touch a longer stroke: printers put a
	 * name right where its segment starts, so a QRS complex, the trace's first stroke or a
	 * separator tick often runs into it, and the name is then part of the trace's ink. Those
	 * strokes (steep paths longer than {@link #STROKE_MM}: a row per step, at most a column aside; flat runs longer than
	 * {@link #FLAT_MM}) are taken out, and what touched them is read like any other ink, letters grouped up
	 * to {@link #FREED_GAP_MM} apart.
	 */
	static List<Label> candidates(LeadRegion region, PageInk ink, List<CalibrationPulse> pulses, int max) {
		List<Label> out = candidates(region, ink.raw, pulses, ink.mmX, ink.mmY, max);
		if (region.column == 0) addNew(out, aboveTheRow(region, ink.raw, pulses, ink.mmX, ink.mmY, out), false);
		List<Components.Component> touching = glyphs(region, lettersTouchingStrokes(region, ink), pulses, ink.mmX,
			ink.mmY);
		// a stroke taken out leaves a gap where it ran between two letters: they are grouped further apart
		addNew(out, ranked(region, touching, ink.mmX, ink.mmY, max, 0.5, FREED_GAP_MM), true);
		return out;
	}

	/** Adds the labels of {@code more} whose boxes {@code out} does not hold yet. */
	private static void addNew(List<Label> out, List<Label> more, boolean touching) {
		for (Label l : more) {
			if (!holds(out, l.box)) out.add(new Label(l.box, touching));
		}
	}

	private static boolean holds(List<Label> labels, Box b) {
		for (Label o : labels) {
			if (o.box.x == b.x && o.box.y == b.y && o.box.width == b.width && o.box.height == b.height) return true;
		}
		return false;
	}

	/** Around the line, names are looked for this far (mm) above and below it. */
	static final double NEAR_LINE_MM = 13;

	/**
	 * The name printed at a row's start above its trace, anywhere up to the top of the row's band
	 * (half-way to the row above, {@link RowFinder#setBands}): printers that name each row at its
	 * start (GE's 6x1 limb-lead pages) put the name up to a third of the row pitch above the line,
	 * beyond the {@link #NEAR_LINE_MM} looked at around it, and the nearer blobs there (pieces of the
	 * trace, the pulse's corners) rank first. In the row's own band it is this row's name: a name
	 * printed below a row sits nearer that row's line than half-way to the next one. The calibration
	 * pulses stand at the same place on every row, so ink where any row has its pulse is a pulse, not
	 * a name. Returns at most one label, not one of {@code known}: the word nearest the row's start.
	 */
	static List<Label> aboveTheRow(LeadRegion region, Components components, List<CalibrationPulse> pulses,
		double mmX, double mmY, List<Label> known)
	{
		double top = region.box.y;
		if (top >= region.baselineY) return List.of();
		List<Components.Component> above = new ArrayList<>();
		for (Components.Component c : glyphs(region, components.components, pulses, mmX, mmY, top, region.baselineY)) {
			if (c.maxY >= region.baselineY - 0.3 * mmY || c.minY < top) continue;
			boolean pulseColumn = false;
			for (CalibrationPulse p : pulses) pulseColumn |= c.maxX >= p.box.x && c.minX <= p.box.maxX();
			if (!pulseColumn) above.add(c);
		}
		// what lies above the line is ranked by where it starts alone: the name starts where the row does
		for (Label l : ranked(region, above, mmX, mmY, Integer.MAX_VALUE, 0)) {
			if (!holds(known, l.box)) return List.of(l);
		}
		return List.of();
	}

	/** Upright ink runs longer than this (mm) are strokes of the trace or ticks, not letters. */
	static final double STROKE_MM = 5;
	/** Flat ink runs longer than this (mm) are the trace's baseline, not letters. */
	static final double FLAT_MM = 4;

	/**
	 * Marks in {@code out} the runs of ink longer than {@code longer} pixels along each of
	 * {@code lines} lines of {@code length} pixels; line i's pixel k is at i * lineStride + k * step
	 * (columns: 1 and w; rows: w and 1).
	 */
	private static void markLongRuns(boolean[] in, boolean[] out, int lines, int lineStride, int step, int length,
		int longer)
	{
		for (int i = 0; i < lines; i++) {
			int base = i * lineStride;
			int k = 0;
			while (k < length) {
				int end = k;
				while (end < length && in[base + end * step]) end++;
				if (end - k > longer) for (int j = k; j < end; j++) out[base + j * step] = true;
				k = end + 1;
			}
		}
	}

	/**
	 * Marks in {@code out} the ink on steep paths longer than {@code longer} rows: paths that go one
	 * row down per step and at most one column aside (an upright run is one). A QRS's strokes and a
	 * deep S wave are steep but slanted (V1-V3's S waves run into their names), so they are seldom
	 * one column for 5 mm; no letter of a name is 5 mm tall.
	 */
	static void markSteepPaths(boolean[] in, boolean[] out, int w, int h, int longer) {
		// the longest steep path of ink ending at each pixel from above, and starting there going down
		int[] down = new int[w * h];
		int[] up = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!in[i]) continue;
				int best = 0;
				if (y > 0) {
					for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) best = Math.max(best, up[i - w + dx - x]);
				}
				up[i] = best + 1;
			}
		}
		for (int y = h - 1; y >= 0; y--) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!in[i]) continue;
				int best = 0;
				if (y + 1 < h) {
					for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) best = Math.max(best, down[i + w + dx - x]);
				}
				down[i] = best + 1;
				if (up[i] + down[i] - 1 > longer) out[i] = true;
			}
		}
	}

	/**
	 * The components, in page coordinates, of the ink around a segment's start once the long
	 * strokes are taken out, of those that touched such a stroke.
	 */
	static List<Components.Component> lettersTouchingStrokes(LeadRegion region, PageInk ink) {
		int x0 = (int) Math.max(0, Math.floor(region.box.x - 8 * ink.mmX));
		int x1 = (int) Math.min(ink.w, Math.ceil(region.box.x + 14 * ink.mmX));
		int y0 = (int) Math.max(0, Math.floor(region.baselineY - NEAR_LINE_MM * ink.mmY));
		int y1 = (int) Math.min(ink.h, Math.ceil(region.baselineY + NEAR_LINE_MM * ink.mmY));
		int w = x1 - x0;
		int h = y1 - y0;
		if (w <= 0 || h <= 0) return new ArrayList<>();
		boolean[] local = new boolean[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) local[y * w + x] = ink.mask[(y + y0) * ink.w + x + x0];
		boolean[] stroke = new boolean[w * h];
		int upright = (int) Math.ceil(STROKE_MM * ink.mmY);
		int flat = (int) Math.ceil(FLAT_MM * ink.mmX);
		markSteepPaths(local, stroke, w, h, upright);
		markLongRuns(local, stroke, h, w, 1, w, flat);
		boolean any = false;
		for (int i = 0; i < local.length; i++) {
			if (stroke[i]) {
				local[i] = false;
				any = true;
			}
		}
		List<Components.Component> out = new ArrayList<>();
		if (!any) return out;
		Components pieces = Components.of(local, w, h);
		// which pieces touched a stroke (8-neighbours)
		boolean[] touched = new boolean[pieces.components.size()];
		int[] id = pieces.labels();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (!stroke[y * w + x]) continue;
				for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
					for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
						int c = id[yy * w + xx];
						if (c >= 0) touched[c] = true;
					}
				}
			}
		}
		for (Components.Component c : pieces.components) {
			if (!touched[c.id]) continue;
			// pieces cut by the window's edge are not whole letters
			if (c.minX == 0 || c.minY == 0 || c.maxX == w - 1 || c.maxY == h - 1) continue;
			c.minX += x0;
			c.maxX += x0;
			c.minY += y0;
			c.maxY += y0;
			out.add(c);
		}
		return out;
	}

	/** The components near a segment's start that may be letters of its name. */
	private static List<Components.Component> glyphs(LeadRegion region, List<Components.Component> components,
		List<CalibrationPulse> pulses, double mmX, double mmY)
	{
		return glyphs(region, components, pulses, mmX, mmY, region.baselineY - NEAR_LINE_MM * mmY, region.baselineY +
			NEAR_LINE_MM * mmY);
	}

	/** The components between heights y0 and y1 near a segment's start that may be letters of its name. */
	private static List<Components.Component> glyphs(LeadRegion region, List<Components.Component> components,
		List<CalibrationPulse> pulses, double mmX, double mmY, double y0, double y1)
	{
		double x0 = region.box.x - 8 * mmX;
		double x1 = region.box.x + 14 * mmX;
		List<Components.Component> glyphs = new ArrayList<>();
		for (Components.Component c : components) {
			if (c.maxX < x0 || c.minX > x1 || c.maxY < y0 || c.minY > y1) continue;
			// separator ticks and trace pieces cross the baseline; printed names sit beside it
			if (c.minY < region.baselineY - 0.3 * mmY && c.maxY > region.baselineY + 0.3 * mmY) continue;
			// ink is the pulse's when its centre lies in the pulse's box: printers start the name right at
			// the pulse's falling edge, level with its top (ecg-image-kit), so its first letter overlaps the box
			boolean inPulse = false;
			for (CalibrationPulse p : pulses) inPulse |= p.box.contains((c.minX + c.maxX + 1) / 2.0, (c.minY + c.maxY + 1) / 2.0);
			if (inPulse) continue;
			if (isGlyph(c, mmX, mmY)) glyphs.add(c);
		}
		return glyphs;
	}

	/** Glyphs grouped into words, the likeliest labels first, at most {@code max}. */
	private static List<Label> ranked(LeadRegion region, List<Components.Component> glyphs, double mmX, double mmY,
		int max)
	{
		return ranked(region, glyphs, mmX, mmY, max, 0.5);
	}

	/** As {@link #ranked(LeadRegion, List, double, double, int)}, a millimetre from the line weighing {@code dyWeight} mm along it. */
	private static List<Label> ranked(LeadRegion region, List<Components.Component> glyphs, double mmX, double mmY,
		int max, double dyWeight)
	{
		return ranked(region, glyphs, mmX, mmY, max, dyWeight, GAP_MM);
	}

	/** As {@link #ranked(LeadRegion, List, double, double, int, double)}, letters grouped up to {@code gapMm} apart. */
	private static List<Label> ranked(LeadRegion region, List<Components.Component> glyphs, double mmX, double mmY,
		int max, double dyWeight, double gapMm)
	{
		List<List<Components.Component>> words = words(glyphs, mmX, mmY, gapMm);
		// the best words: close to the segment start and to the baseline, and short (a lead name has 1-4 characters)
		List<Label> found = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		for (List<Components.Component> w : words) {
			if (w.size() > 5) continue;
			Box b = box(w);
			if (b.height / mmY < 1.5) continue;
			double dx = Math.abs(b.x - region.box.x) / mmX;
			double dy = Math.abs(b.centerY() - region.baselineY) / mmY;
			double score = dx + dyWeight * dy;
			int at = 0;
			while (at < scores.size() && scores.get(at) <= score) at++;
			scores.add(at, score);
			found.add(at, new Label(b));
		}
		return found.size() > max ? new ArrayList<>(found.subList(0, max)) : found;
	}
}
