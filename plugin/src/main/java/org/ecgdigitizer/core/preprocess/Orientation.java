package org.ecgdigitizer.core.preprocess;

/**
 * Tells whether a rectified page lies on its side. ECG traces run along the time axis for
 * centimetres without a break, so on an upright page the long runs of ink are horizontal.
 */
public final class Orientation {

	/** The best line of a sideways page is covered for at least this fraction of its length. */
	static final double MIN_TRACE_COVER = 0.25;

	private Orientation() {}

	/**
	 * The best line's coverage: for each line (a row when {@code alongRows}, else a column), the
	 * total length of runs at least {@code minRun} long in which every step has ink within
	 * {@code band} pixels across the line; the maximum over lines.
	 */
	static long bestLine(float[] ink, int w, int h, int band, int minRun, boolean alongRows) {
		return alongRows ? bestRow(ink, w, h, band, minRun) : bestColumn(ink, w, h, band, minRun);
	}

	/** {@link #bestLine} along rows: a window of rows slides down the page, counting ink per column. */
	private static long bestRow(float[] ink, int w, int h, int band, int minRun) {
		int[] count = new int[w];
		long best = 0;
		for (int line = -band; line < h; line++) {
			int add = line + band;
			if (add < h) for (int i = 0; i < w; i++) if (ink[add * w + i] > InkModel.MASK_THRESHOLD) count[i]++;
			int remove = line - band - 1;
			if (remove >= 0) for (int i = 0; i < w; i++) if (ink[remove * w + i] > InkModel.MASK_THRESHOLD) count[i]--;
			if (line < 0) continue;
			long total = 0;
			int run = 0;
			for (int i = 0; i < w; i++) {
				if (count[i] > 0) {
					run++;
				}
				else {
					if (run >= minRun) total += run;
					run = 0;
				}
			}
			if (run >= minRun) total += run;
			best = Math.max(best, total);
		}
		return best;
	}

	/**
	 * {@link #bestLine} along columns, reading the plane row by row: per row, whether each column
	 * has ink within band pixels across it (a window sliding along the row), and per column the
	 * run it is in and the total of its long runs so far.
	 */
	private static long bestColumn(float[] ink, int w, int h, int band, int minRun) {
		int[] run = new int[w];
		long[] total = new long[w];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			// ink pixels of this row within [x - band, x + band]
			int near = 0;
			for (int x = 0; x <= Math.min(w - 1, band); x++) if (ink[row + x] > InkModel.MASK_THRESHOLD) near++;
			for (int x = 0; x < w; x++) {
				if (near > 0) {
					run[x]++;
				}
				else {
					if (run[x] >= minRun) total[x] += run[x];
					run[x] = 0;
				}
				int enter = x + band + 1;
				int leave = x - band;
				if (enter < w && ink[row + enter] > InkModel.MASK_THRESHOLD) near++;
				if (leave >= 0 && ink[row + leave] > InkModel.MASK_THRESHOLD) near--;
			}
		}
		long best = 0;
		for (int x = 0; x < w; x++) best = Math.max(best, total[x] + (run[x] >= minRun ? run[x] : 0));
		return best;
	}

	/**
	 * True when the page's traces run vertically: it must be turned a quarter to be read. On an
	 * upright page the best row (a trace baseline) is covered for most of the page width; no
	 * column is, because the rows of traces are separated by blank paper.
	 */
	public static boolean isSideways(float[] ink, int w, int h, double pxPerMm) {
		int band = (int) Math.max(1, Math.round(1.5 * pxPerMm));
		int minRun = (int) Math.max(8, Math.round(8 * pxPerMm));
		long horizontal = bestLine(ink, w, h, band, minRun, true);
		long vertical = bestLine(ink, w, h, band, minRun, false);
		// a sideways page's traces cover a good part of a column; a few short strokes are no evidence
		return vertical > 1.5 * horizontal && vertical > MIN_TRACE_COVER * h;
	}

	/** Packed RGB (or any int plane) turned 90 degrees clockwise: the result is h wide and w high. */
	public static int[] turnClockwise(int[] p, int w, int h) {
		int[] out = new int[p.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = p[y * w + x];
		}
		return out;
	}

	/** A float plane turned 90 degrees clockwise. */
	public static float[] turnClockwise(float[] p, int w, int h) {
		float[] out = new float[p.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = p[y * w + x];
		}
		return out;
	}
}
