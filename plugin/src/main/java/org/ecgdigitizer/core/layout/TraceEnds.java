package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
		if (pulse == null) return firstInk + thickness / 2;
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
		if (x > last) return first;
		if (gap) return x + thickness / 2;
		double stroke = fallingStrokeCentre(mask, w, pulse, mmX);
		return Double.isNaN(stroke) ? x : stroke;
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
		for (int i = 0; i < n; i++) {
			int x = from + i;
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
