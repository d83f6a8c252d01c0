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

		public Label(Box box) {
			this.box = box;
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

	/** Glyphs grouped into words: a similar vertical band, gaps under 1.5 mm; left to right. */
	static List<List<Components.Component>> words(List<Components.Component> glyphs, double mmX, double mmY) {
		List<Components.Component> sorted = new ArrayList<>(glyphs);
		sorted.sort((a, b) -> Integer.compare(a.minX, b.minX));
		List<List<Components.Component>> words = new ArrayList<>();
		for (Components.Component g : sorted) {
			List<Components.Component> target = null;
			for (List<Components.Component> w : words) {
				Components.Component last = w.get(w.size() - 1);
				double gap = (g.minX - last.maxX) / mmX;
				double centreShift = Math.abs((g.minY + g.maxY) / 2.0 - (last.minY + last.maxY) / 2.0) / mmY;
				if (gap <= 1.5 && gap >= -0.5 && centreShift <= 2.5) target = w;
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
		double x0 = region.box.x - 8 * mmX;
		double x1 = region.box.x + 14 * mmX;
		double y0 = region.baselineY - 13 * mmY;
		double y1 = region.baselineY + 13 * mmY;
		List<Components.Component> glyphs = new ArrayList<>();
		for (Components.Component c : components.components) {
			if (c.maxX < x0 || c.minX > x1 || c.maxY < y0 || c.minY > y1) continue;
			// separator ticks and trace pieces cross the baseline; printed names sit beside it
			if (c.minY < region.baselineY - 0.3 * mmY && c.maxY > region.baselineY + 0.3 * mmY) continue;
			boolean inPulse = false;
			for (CalibrationPulse p : pulses) {
				if (c.maxX >= p.box.x && c.minX <= p.box.maxX() && c.maxY >= p.box.y && c.minY <= p.box.maxY()) {
					inPulse = true;
				}
			}
			if (inPulse) continue;
			if (isGlyph(c, mmX, mmY)) glyphs.add(c);
		}
		List<List<Components.Component>> words = words(glyphs, mmX, mmY);
		// the best words: close to the segment start and to the baseline, and short (a lead name has 1-4 characters)
		List<Label> found = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		for (List<Components.Component> w : words) {
			if (w.size() > 5) continue;
			Box b = box(w);
			if (b.height / mmY < 1.5) continue;
			double dx = Math.abs(b.x - region.box.x) / mmX;
			double dy = Math.abs(b.centerY() - region.baselineY) / mmY;
			double score = dx + 0.5 * dy;
			int at = 0;
			while (at < scores.size() && scores.get(at) <= score) at++;
			scores.add(at, score);
			found.add(at, new Label(b));
		}
		return found.size() > max ? new ArrayList<>(found.subList(0, max)) : found;
	}
}
