package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.Bits;

/**
 * Where a row's time runs from and to on the page: the two ends of the trace's centre line, in
 * continuous pixel coordinates (pixel x covers [x, x+1)).
 *
 * <p>A printer puts time on the pen's centre line. Ink spreads half a pen width to each side of
 * that line, and a line's cap (round on thermal heads and in Java2D, square in matplotlib) reaches
 * half a pen width beyond its first and last point. So the first inked column of a trace is not
 * time 0: the trace's first point lies half a pen width inside it. The ink mask adds the same
 * threshold margin on every edge, so half the trace's thickness as the mask sees it (a level stretch
 * of trace, measured across) is the distance from the first inked column's left edge to the
 * centre line's start.</p>
 *
 * <p>Where the trace is drawn on from the calibration pulse's foot without a gap (ecg-image-kit,
 * and printers that plot pulse and signal as one line), its first point is hidden under the pulse's
 * falling stroke, which is drawn with a wider pen; the centre of that stroke is then the best
 * reading of time 0. Taking the first column right of the pulse's ink instead put time 0 half the
 * pulse's pen width (about 0.3 mm, 14 ms) too far right on every ecg-image-kit page.</p>
 *
 * <p>Both readings above are whole or half pixels, 1.3 samples at 200 dpi, 25 mm/s and 500 Hz, and
 * the Challenge's score aligns only whole samples: the fraction left costs up to 4-7 dB. A scan
 * shades a pixel by how much of it the pen covers, so where a trace starts and ends with caps of
 * its own, {@link #capCentre} reads each end from that shading to a tenth of a pixel, and
 * {@link PageCalibration} takes time 0 from both ends of the rows, which cancels what is misread
 * about the pen.</p>
 */
final class TraceEnds {

	/** How far right of the pulse the trace may begin, mm. */
	static final double MAX_GAP_MM = 5;
	/** Fewest level columns that measure the trace's thickness; below that, lower-quartile runs do. */
	static final int MIN_LEVEL_COLUMNS = 10;

	private TraceEnds() {}

	/**
	 * Time 0 of a row: where its trace's centre line begins.
	 *
	 * @param firstInk the row's first inked column when it has no pulse
	 * @param pulse the row's calibration pulse, or null
	 * @param thickness the trace's thickness in the mask ({@link #thickness}), px
	 */
	static double start(boolean[] mask, int w, int top, int bottom, double baseline, int firstInk,
		CalibrationPulse pulse, double thickness, double mmX, double mmY)
	{
		return start(beginning(mask, w, top, bottom, baseline, firstInk, pulse, mmX, mmY), mask, w, pulse, thickness,
			mmX);
	}

	/** Time 0 of a row whose trace begins as {@code b} says ({@link #beginning}). */
	static double start(Beginning b, boolean[] mask, int w, CalibrationPulse pulse, double thickness, double mmX) {
		switch (b.kind) {
			case OWN_CAP:
				return b.column + thickness / 2;
			case NONE:
				return Math.ceil(pulse.box.maxX());
			default:
				double stroke = fallingStrokeCentre(mask, w, pulse, mmX);
				return Double.isNaN(stroke) ? b.column : stroke;
		}
	}

	/** How a row's trace begins: its first inked column, and whether it has a cap of its own there. */
	static final class Beginning {
		enum Kind {
			/** Starts by itself (no pulse, or a blank gap after it): its first column shows its own cap. */
			OWN_CAP,
			/** Drawn on from the pulse's foot: the column is the first right of the pulse's falling stroke. */
			FROM_PULSE,
			/** No trace within {@link #MAX_GAP_MM} right of the pulse; the column is the pulse's end. */
			NONE
		}

		final int column;
		final Kind kind;

		Beginning(int column, Kind kind) {
			this.column = column;
			this.kind = kind;
		}
	}

	/** How the row's trace begins: by itself (no pulse, or after a blank gap right of the pulse) or from the pulse. */
	static Beginning beginning(boolean[] mask, int w, int top, int bottom, double baseline, int firstInk,
		CalibrationPulse pulse, double mmX, double mmY)
	{
		if (pulse == null) return new Beginning(firstInk, Beginning.Kind.OWN_CAP);
		int h = mask.length / w;
		top = Math.max(0, top);
		bottom = Math.min(h, bottom);
		int y0 = (int) Math.max(0, Math.round(baseline - 1.5 * mmY));
		int strokeTop = (int) Math.max(0, Math.round(baseline - 2.5 * mmY));
		int first = (int) Math.ceil(pulse.box.maxX());
		int last = (int) Math.min(w - 1, first + Math.round(MAX_GAP_MM * mmX));
		// columns still on the pulse's falling stroke (ink well above the baseline) are not the trace;
		// the stroke is one pen wide, so ink there further right is something else (a lead's name
		// printed above the trace's start, as ecg-image-kit and many printers do)
		int strokeEnd = (int) Math.min(last, first + Math.max(2, Math.round(0.5 * mmX)));
		int x = first;
		while (x <= strokeEnd && inkBetween(mask, w, x, strokeTop, y0)) x++;
		// blank columns (nothing anywhere in the row's band) part a trace that starts on its own from
		// the pulse; without them the trace is drawn on from the pulse's foot, wherever it heads
		boolean gap = false;
		for (; x <= last; x++) {
			if (inkBetween(mask, w, x, top, bottom)) break;
			gap = true;
		}
		if (x > last) return new Beginning(first, Beginning.Kind.NONE);
		return new Beginning(x, gap ? Beginning.Kind.OWN_CAP : Beginning.Kind.FROM_PULSE);
	}

	/**
	 * Where a trace's centre line ends, to a fraction of a pixel, from how much of each pixel the pen
	 * covers at its round cap. A round cap's tip lies half a pen width beyond the line's end whichever
	 * way the line heads, and the ink beyond any column boundary near the tip is a segment of the
	 * pen's disc, whose area says how far the tip reaches past that boundary. The boundary is the
	 * inner edge of the outermost inked column (the ink beyond it includes what the pen put into the
	 * two columns outside, too little to pass the mask). Only rows near the trace's mask runs there
	 * (nearest the baseline), two pixels either side, are counted: a name printed beside the start is
	 * not the trace.
	 *
	 * @param inked the trace's outermost inked column at this end
	 * @param direction +1 at the start (the trace runs right from it), -1 at the end
	 * @param pen the pen's width, px ({@link #penWidth})
	 * @param level only where the line leaves its cap no steeper than {@link #MAX_CAP_SLOPE}
	 * @return the centre line's end, continuous x; NaN when the ink there does not show a cap
	 */
	static double capCentre(boolean[] mask, float[] density, int w, int top, int bottom, double baseline, int inked,
		int direction, double pen, boolean level)
	{
		int h = mask.length / w;
		top = Math.max(0, top);
		bottom = Math.min(h, bottom);
		int inner = inked + (int) Math.ceil(pen + 1) * direction;
		int outer = inked - 2 * direction;
		if (!(pen > 0.5) || Math.min(outer, inner) < 0 || Math.max(outer, inner) >= w || bottom - top < 1) {
			return Double.NaN;
		}
		int yMin = Integer.MAX_VALUE, yMax = Integer.MIN_VALUE;
		double firstCentre = Double.NaN, lastCentre = Double.NaN;
		for (int x = inked; x != inner; x += direction) {
			int[] run = runNearest(mask, w, x, top, bottom, baseline);
			if (run == null) return Double.NaN;
			yMin = Math.min(yMin, run[0]);
			yMax = Math.max(yMax, run[1]);
			if (x == inked) continue;
			// a steep line puts its own ink beside the cap's, in the same columns: the disc no longer
			// tells the area (the tip's column holds only the cap's)
			if (level && run[1] - run[0] > 2 * pen + 2) return Double.NaN;
			if (Double.isNaN(firstCentre)) firstCentre = (run[0] + run[1]) / 2.0;
			lastCentre = (run[0] + run[1]) / 2.0;
		}
		if (level && Math.abs(lastCentre - firstCentre) > MAX_CAP_SLOPE * (Math.abs(inner - inked) - 2)) return Double.NaN;
		int ya = Math.max(top, yMin - 2);
		int yb = Math.min(bottom, yMax + 2);
		double area = 0;
		for (int x = outer; x != inked + direction; x += direction) area += covered(density, w, x, ya, yb);
		double depth = capDepth(area, pen / 2);
		if (Double.isNaN(depth)) return Double.NaN;
		double boundary = direction > 0 ? inked + 1 : inked;
		return boundary + direction * (pen / 2 - depth);
	}

	/**
	 * Steepest a trace may leave its cap (rows per column) for the disc to tell the cap's area: at
	 * about 27 degrees the line's own ink begins to share the columns of a cap read to a pixel deep.
	 */
	static final double MAX_CAP_SLOPE = 1;

	/**
	 * How far (px) a round cap of radius r reaches past a line across it, given the ink beyond that
	 * line: a segment of the disc up to its centre, then the pen's width per pixel; NaN when the area
	 * is more than a cap and a pen width.
	 */
	static double capDepth(double area, double r) {
		double half = Math.PI * r * r / 2;
		if (area >= half) {
			double depth = r + (area - half) / (2 * r);
			return depth <= r + 1 ? depth : Double.NaN;
		}
		double lo = 0, hi = r;
		for (int i = 0; i < 40; i++) {
			double d = (lo + hi) / 2;
			if (segment(d, r) < area) lo = d;
			else hi = d;
		}
		return (lo + hi) / 2;
	}

	/** Area of the segment of a disc of radius r cut off at depth d (0..r) from its edge. */
	static double segment(double d, double r) {
		return r * r * Math.acos((r - d) / r) - (r - d) * Math.sqrt(Math.max(0, 2 * r * d - d * d));
	}

	/**
	 * The pen's width, px: the ink across a level stretch of trace (the coverage summed down a
	 * column, one pixel beyond its mask run on each side), the median over the row; NaN without
	 * enough level columns ({@link #MIN_LEVEL_COLUMNS}).
	 */
	static double penWidth(boolean[] mask, float[] density, int w, int top, int bottom, double baseline, int from,
		int to)
	{
		int h = mask.length / w;
		top = Math.max(0, top);
		bottom = Math.min(h, bottom);
		from = Math.max(0, from);
		to = Math.min(w, to);
		List<Double> widths = new ArrayList<>();
		int[] previous = null, current = null;
		for (int x = from; x < to; x++) {
			int[] next = runNearest(mask, w, x, top, bottom, baseline);
			if (previous != null && current != null && next != null && Math.abs(previous[0] + previous[1] - next[0] -
				next[1]) <= 1)
			{
				widths.add(covered(density, w, x - 1, Math.max(top, current[0] - 1), Math.min(bottom, current[1] + 1)));
			}
			previous = current;
			current = next;
		}
		if (widths.size() < MIN_LEVEL_COLUMNS) return Double.NaN;
		return Median.of(widths);
	}

	/** The mask run [from, to) in column x, rows [top, bottom), whose centre is nearest y; null if none. */
	private static int[] runNearest(boolean[] mask, int w, int x, int top, int bottom, double y) {
		int[] best = null;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int a = top; a < bottom; ) {
			if (!mask[a * w + x]) {
				a++;
				continue;
			}
			int b = a;
			while (b < bottom && mask[b * w + x]) b++;
			double d = Math.abs((a + b) / 2.0 - y);
			if (d < bestDistance) {
				bestDistance = d;
				best = new int[] { a, b };
			}
			a = b;
		}
		return best;
	}

	/** How many pixels' worth of pen covers column x from row a to b (exclusive). */
	private static double covered(float[] density, int w, int x, int a, int b) {
		double sum = 0;
		for (int y = a; y < b; y++) sum += Math.min(1, Math.max(0, density[y * w + x]));
		return sum;
	}

	/** Where the row's time ends: its trace's centre line ends half its thickness before {@code endInk} (exclusive). */
	static double end(int endInk, double thickness) {
		return endInk - thickness / 2;
	}

	/**
	 * The centre of the pulse's falling stroke: the middle of its ink, read across the stroke in the
	 * rows of the middle of the pulse's height (the corners are rounded and may touch other ink).
	 * NaN when no such row shows the stroke.
	 */
	static double fallingStrokeCentre(boolean[] mask, int w, CalibrationPulse pulse, double mmX) {
		int h = mask.length / w;
		int right = (int) Math.ceil(pulse.box.maxX()) - 1;
		int widest = (int) Math.ceil(2 * mmX);
		List<Double> centres = new ArrayList<>();
		int ya = (int) Math.round(pulse.footY - 0.7 * pulse.heightPx);
		int yb = (int) Math.round(pulse.footY - 0.3 * pulse.heightPx);
		for (int y = Math.max(0, ya); y <= Math.min(h - 1, yb); y++) {
			int b = right;
			while (b > right - 2 && b >= 0 && !mask[y * w + b]) b--;
			if (b < 0 || !mask[y * w + b]) continue;
			int a = b;
			while (a - 1 >= 0 && mask[y * w + a - 1] && b - a < widest) a--;
			if (b - a >= widest) continue;
			centres.add((a + b + 1) / 2.0);
		}
		if (centres.isEmpty()) return Double.NaN;
		double[] v = centres.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(v);
		return v[v.length / 2];
	}

	/**
	 * The trace's thickness in the mask, px: the length of the ink run across a level stretch of
	 * trace (its neighbours' centres agree), the median over the row; sloped columns hold longer
	 * runs. Each column's run is the one nearest the row's baseline within rows [top, bottom).
	 * 0 when the row shows no trace.
	 *
	 * @param columns the mask column by column ({@link Bits#transposed()}): a column's runs are
	 *        found a word of 64 rows at a time
	 */
	static double thickness(Bits columns, int top, int bottom, double baseline, int from, int to) {
		int h = columns.w;
		top = Math.max(0, top);
		bottom = Math.min(h, bottom);
		from = Math.max(0, from);
		to = Math.min(columns.h, to);
		int n = Math.max(0, to - from);
		double[] centre = new double[n];
		int[] length = new int[n];
		// the runs and the median in methods of their own: C2 would otherwise compile all of thickness, called a few
		// times a page, once per hot loop (on-stack replacement)
		for (int i = 0; i < n; i++) nearestRun(columns, from + i, top, bottom, baseline, centre, length, i);
		return levelLength(centre, length);
	}

	/**
	 * Into centre[i] and length[i]: the centre and length of column x's run within rows [top, bottom)
	 * nearest the baseline (NaN and 0 without one).
	 */
	private static void nearestRun(Bits columns, int x, int top, int bottom, double baseline, double[] centre,
		int[] length, int i)
	{
		centre[i] = Double.NaN;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int y = columns.nextSet(x, top); y < bottom; ) {
			int end = Math.min(bottom, columns.nextClear(x, y)); // the run is [y, end)
			double c = (y + end) / 2.0;
			if (Math.abs(c - baseline) < bestDistance) {
				bestDistance = Math.abs(c - baseline);
				centre[i] = c;
				length[i] = end - y;
			}
			y = end < bottom ? columns.nextSet(x, end) : bottom;
		}
	}

	/** The median run length of the level columns, or the lower quartile of all when few are level. */
	private static double levelLength(double[] centre, int[] length) {
		int n = centre.length;
		List<Integer> level = new ArrayList<>();
		List<Integer> all = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (Double.isNaN(centre[i])) continue;
			all.add(length[i]);
			if (i > 0 && i + 1 < n && Math.abs(centre[i + 1] - centre[i - 1]) <= 0.5) level.add(length[i]);
		}
		if (level.size() >= MIN_LEVEL_COLUMNS) {
			level.sort(Integer::compare);
			return level.get(level.size() / 2);
		}
		if (all.isEmpty()) return 0;
		all.sort(Integer::compare);
		return all.get(all.size() / 4);
	}

	private static boolean inkBetween(boolean[] mask, int w, int x, int y0, int y1) {
		for (int y = y0; y < y1; y++) if (mask[y * w + x]) return true;
		return false;
	}
}
