package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the rows of traces on a rectified ink mask: image rows near which ink runs
 * continuously for centimetres. Text is broken between characters, grid remnants are
 * sparse dots; a trace is one unbroken line.
 */
public final class TraceRows {

	/** One row of traces. */
	public static final class Row {
		/** Image row of the baseline (where the trace spends most of its time). */
		public final double baselineY;
		/** How trace-like the row is: covered length in long runs, in mm. */
		public final double strength;
		/** Horizontal extent of the long runs, image columns [x0, x1). */
		public final int x0;
		public final int x1;

		Row(double baselineY, double strength, int x0, int x1) {
			this.baselineY = baselineY;
			this.strength = strength;
			this.x0 = x0;
			this.x1 = x1;
		}

		@Override
		public String toString() {
			return String.format("Row[y=%.1f strength=%.0fmm x=%d..%d]", baselineY, strength, x0, x1);
		}
	}

	private TraceRows() {}

	/**
	 * @param mask ink mask, row-major
	 * @param halfWindowPx rows within this distance count as "near" (about 1.5 mm)
	 * @param minRunPx shortest run that counts as trace (about 8 mm)
	 * @param minSpacingPx closest two rows can be (about 8 mm)
	 * @return rows, top to bottom
	 */
	public static List<Row> find(boolean[] mask, int w, int h, int halfWindowPx, int minRunPx, int minSpacingPx,
		double pxPerMmX)
	{
		double[] score = new double[h];
		int[][] extent = new int[h][];
		int[] count = new int[w];
		boolean[] covered = new boolean[w];
		// sliding window over rows: count[x] = ink pixels of column x within [y - r, y + r]
		for (int y = -halfWindowPx; y < h; y++) {
			int add = y + halfWindowPx;
			if (add < h) {
				int row = add * w;
				for (int x = 0; x < w; x++) if (mask[row + x]) count[x]++;
			}
			int remove = y - halfWindowPx - 1;
			if (remove >= 0) {
				int row = remove * w;
				for (int x = 0; x < w; x++) if (mask[row + x]) count[x]--;
			}
			if (y < 0) continue;
			for (int x = 0; x < w; x++) covered[x] = count[x] > 0;
			long total = 0;
			int first = -1;
			int last = -1;
			int x = 0;
			while (x < w) {
				if (!covered[x]) {
					x++;
					continue;
				}
				int start = x;
				// bridge gaps of one or two columns (anti-aliasing dropouts)
				while (x < w && (covered[x] || x + 2 < w && (covered[x + 1] || covered[x + 2]))) x++;
				if (x - start >= minRunPx) {
					total += x - start;
					if (first < 0) first = start;
					last = x;
				}
			}
			score[y] = total / pxPerMmX;
			extent[y] = first < 0 ? null : new int[] { first, last };
		}
		double[] smooth = boxSmooth(score, Math.max(1, halfWindowPx / 2));
		double max = 0;
		for (double v : smooth) max = Math.max(max, v);
		List<Row> rows = new ArrayList<>();
		if (max <= 0) return rows;
		// Greedy peak picking: strongest first, suppressing neighbours closer than the minimum spacing.
		boolean[] taken = new boolean[h];
		while (true) {
			int best = -1;
			for (int y = 0; y < h; y++) {
				if (!taken[y] && (best < 0 || smooth[y] > smooth[best])) best = y;
			}
			if (best < 0 || smooth[best] < 0.3 * max) break;
			for (int y = Math.max(0, best - minSpacingPx); y < Math.min(h, best + minSpacingPx + 1); y++) taken[y] =
				true;
			int[] ext = extent[best];
			if (ext == null) continue;
			rows.add(new Row(refinePeak(smooth, best), smooth[best], ext[0], ext[1]));
		}
		rows.sort((a, b) -> Double.compare(a.baselineY, b.baselineY));
		return rows;
	}

	private static double refinePeak(double[] s, int i) {
		if (i <= 0 || i >= s.length - 1) return i;
		double d = s[i - 1] - 2 * s[i] + s[i + 1];
		return d < 0 ? i + 0.5 * (s[i - 1] - s[i + 1]) / d : i;
	}

	static double[] boxSmooth(double[] v, int r) {
		int n = v.length;
		double[] prefix = new double[n + 1];
		for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + v[i];
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			int a = Math.max(0, i - r);
			int b = Math.min(n, i + r + 1);
			out[i] = (prefix[b] - prefix[a]) / (b - a);
		}
		return out;
	}
}
