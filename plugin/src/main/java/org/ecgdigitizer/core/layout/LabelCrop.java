package org.ecgdigitizer.core.layout;

import java.util.Arrays;

/**
 * A label candidate's surroundings as {@link WordMatcher} compares them with words: the page
 * resampled so that capitals are {@link #H} pixels tall ({@link #resample}), blurred ({@link #blur}),
 * with lines too long for a letter found ({@link #clutter}), and running sums for fast area sums.
 * Clutter pixels are unknown: they hold 0 and are left out of every comparison.
 */
final class LabelCrop {

	/** Ink height (cap height plus pen) of the letters, in pixels. */
	static final int H = LabelGlyphs.H;
	/** Lines longer than this (ink heights) upright, or this flat, are trace or rules, not letters. */
	static final double CLUTTER_UPRIGHT = 1.35;
	static final double CLUTTER_FLAT = 1.25;
	/** Ink for finding clutter: the faint edges of a resampled line belong to it too. */
	static final float CLUTTER_INK = 0.2f;
	/** About how wide a letter is, in pixels at H (for choosing how to add up hidden sums). */
	private static final int TYPICAL_WIDTH = 12;

	final float[] pixels;
	/** The pixels as doubles, as the sums take them. */
	final double[] values;
	final boolean[] unknown;
	final boolean anyUnknown;
	/** Per row, the first and one past the last column holding a value other than 0 (empty: from = to). */
	final int[] valuesFrom;
	final int[] valuesTo;
	/**
	 * Per row y, the first and one past the last column holding a value other than 0 in rows y to
	 * y + 2 (none: from = width, to = 0).
	 */
	final int[] valuesFrom3;
	final int[] valuesTo3;
	/** Per row, the runs of unknown pixels: start and end (exclusive) columns, one after another. */
	final int[][] unknownRuns;
	/** Per column, the runs of unknown pixels: start and end (exclusive) rows, one after another. */
	final int[][] unknownColumnRuns;
	/**
	 * True when the hidden sums are cheaper to add up column by column: the unknown pixels are
	 * mostly upright strokes (a QRS, a pulse's edge) rather than flat ones (a baseline, a rule).
	 */
	final boolean hiddenByColumns;
	final int width;
	final int height;
	final double[] sum;
	final double[] sum2;
	final double[] sumU;

	LabelCrop(float[] pixels, boolean[] unknown, int width, int height) {
		this.pixels = pixels;
		this.unknown = unknown;
		this.width = width;
		this.height = height;
		// each loop is a method of its own: C2 compiles one by on-stack replacement only with what it calls,
		// not with the rest of the constructor
		float[] unknownValues = new float[pixels.length];
		anyUnknown = hideUnknown(pixels, unknown, unknownValues);
		values = RowFinder.toDouble(pixels);
		valuesFrom = new int[height];
		valuesTo = new int[height];
		unknownRuns = new int[height][];
		// what the hidden sums cost, roughly, per letter about TYPICAL_WIDTH wide: by rows, each
		// run's length and the letter's width; by columns, the letter's width per run
		long byRows = rowRunsAndBounds();
		valuesFrom3 = new int[Math.max(0, height - 2)];
		valuesTo3 = new int[valuesFrom3.length];
		for (int y = 0; y < valuesFrom3.length; y++) {
			int a = width;
			int b = 0;
			for (int t = 0; t < 3; t++) {
				if (valuesFrom[y + t] >= valuesTo[y + t]) continue;
				a = Math.min(a, valuesFrom[y + t]);
				b = Math.max(b, valuesTo[y + t]);
			}
			valuesFrom3[y] = a;
			valuesTo3[y] = b;
		}
		unknownColumnRuns = new int[width][];
		long byColumns = columnRuns();
		hiddenByColumns = byColumns < byRows;
		sum = integral(pixels, false);
		sum2 = integral(pixels, true);
		sumU = anyUnknown ? integral(unknownValues, false) : null;
	}

	/** Zeroes the unknown pixels and marks them 1 in unknownValues; whether there was any. */
	private static boolean hideUnknown(float[] pixels, boolean[] unknown, float[] unknownValues) {
		boolean any = false;
		for (int i = 0; i < pixels.length; i++) {
			if (!unknown[i]) continue;
			pixels[i] = 0;
			unknownValues[i] = 1;
			any = true;
		}
		return any;
	}

	/**
	 * Fills each row's span of non-zero values (valuesFrom, valuesTo) and its runs of unknown
	 * pixels; the cost of the hidden sums by rows.
	 */
	private long rowRunsAndBounds() {
		long cost = 0;
		for (int y = 0; y < height; y++) {
			int a = 0;
			int b = width;
			while (a < b && values[y * width + a] == 0) a++;
			while (b > a && values[y * width + b - 1] == 0) b--;
			valuesFrom[y] = a;
			valuesTo[y] = b;
			int[] r = unknownRuns[y] = runs(unknown, y * width, 1, width);
			for (int k = 0; k < r.length; k += 2) cost += r[k + 1] - r[k] + TYPICAL_WIDTH - 1;
		}
		return cost;
	}

	/** Fills each column's runs of unknown pixels; the cost of the hidden sums by columns. */
	private long columnRuns() {
		long cost = 0;
		for (int x = 0; x < width; x++) {
			unknownColumnRuns[x] = anyUnknown ? runs(unknown, x, width, height) : new int[0];
			cost += unknownColumnRuns[x].length / 2 * TYPICAL_WIDTH;
		}
		return cost;
	}

	/**
	 * The runs of true in a line of a mask (its n elements from start on, step apart): start and
	 * end (exclusive) indices along the line, one after another.
	 */
	private static int[] runs(boolean[] mask, int start, int step, int n) {
		// a line of n holds at most (n + 1) / 2 runs
		int[] out = new int[n + 1];
		int count = 0;
		int i = 0;
		while (i < n) {
			if (!mask[start + i * step]) {
				i++;
				continue;
			}
			int end = i;
			while (end < n && mask[start + end * step]) end++;
			out[count++] = i;
			out[count++] = end;
			i = end;
		}
		return Arrays.copyOf(out, count);
	}

	private double[] integral(float[] v, boolean squared) {
		double[] out = new double[(width + 1) * (height + 1)];
		for (int y = 0; y < height; y++) {
			double row = 0;
			for (int x = 0; x < width; x++) {
				double a = v[y * width + x];
				row += squared ? a * a : a;
				out[(y + 1) * (width + 1) + x + 1] = out[y * (width + 1) + x + 1] + row;
			}
		}
		return out;
	}

	/** n rows of zeros (one by one: a two-dimensional array is made more slowly). */
	static double[][] rows(int n, int length) {
		double[][] out = new double[n][];
		for (int i = 0; i < n; i++) out[i] = new double[length];
		return out;
	}

	/** Normalised correlation of a crop-sized drawing with the crop over the known pixels of [x0, x1] x [y0, y1]. */
	double correlation(float[] t, int x0, int y0, int x1, int y1) {
		double st = 0;
		double si = 0;
		double stt = 0;
		double sii = 0;
		double sti = 0;
		int n = 0;
		for (int y = y0; y <= y1; y++) {
			for (int x = x0; x <= x1; x++) {
				int i = y * width + x;
				if (unknown[i]) continue;
				double a = t[i];
				double b = pixels[i];
				st += a;
				si += b;
				stt += a * a;
				sii += b * b;
				sti += a * b;
				n++;
			}
		}
		if (n == 0) return 0;
		double vt = stt - st * st / n;
		double vi = sii - si * si / n;
		if (vt <= 1e-9 || vi <= 1e-9) return 0;
		return (sti - st * si / n) / Math.sqrt(vt * vi);
	}

	/** True when every known pixel is paper (0): no window's variance exceeds 0, so no word scores. */
	boolean blank() {
		for (float v : pixels) if (v != 0) return false;
		return true;
	}

	/** Sum over [x0, x1) x [y0, y1); outside the crop counts as paper (0). */
	double area(double[] s, int x0, int y0, int x1, int y1) {
		x0 = Math.max(0, Math.min(width, x0));
		x1 = Math.max(0, Math.min(width, x1));
		y0 = Math.max(0, Math.min(height, y0));
		y1 = Math.max(0, Math.min(height, y1));
		int stride = width + 1;
		return s[y1 * stride + x1] - s[y0 * stride + x1] - s[y1 * stride + x0] + s[y0 * stride + x0];
	}

	/**
	 * Sums of a letter's values and of their squares over the unknown pixels, for the letter's
	 * top at top0 + t and its left edge at every x from {@code from} to {@code to}; visits only
	 * the runs of unknown pixels, by rows or by columns, whichever is cheaper (the sums are exact:
	 * the same either way).
	 */
	void hiddenDots(LabelGlyphs.Letter l, int top0, int tops, int from, int to, double[][] hidden,
		double[][] hiddenSquares)
	{
		if (hiddenByColumns) hiddenDotsByColumns(l, top0, tops, from, to, hidden, hiddenSquares);
		else hiddenDotsByRows(l, top0, tops, from, to, hidden, hiddenSquares);
	}

	/** {@link #hiddenDots} over the runs of unknown pixels of each column. */
	void hiddenDotsByColumns(LabelGlyphs.Letter l, int top0, int tops, int from, int to, double[][] hidden,
		double[][] hiddenSquares)
	{
		int lw = l.width;
		int positions = Math.max(0, width - lw + 1);
		int first = Math.max(0, from);
		int end = Math.min(positions, to + 1);
		double[] pre = l.columnSums;
		double[] pre2 = l.columnSums2;
		// column cx holds the letter's column cx - x at every x from cx - lw + 1 to cx
		for (int cx = first; cx < end + lw - 1; cx++) {
			int[] runs = unknownColumnRuns[cx];
			int x0 = Math.max(first, cx - lw + 1);
			// an exclusive bound: C2 guards an inclusive one (x <= x1) with a loop limit check whose trap
			// forces a second compile of the label reads that inline this
			int xEnd = Math.min(end, cx + 1);
			for (int r = 0; r < runs.length; r += 2) {
				for (int t = 0; t < tops; t++) {
					int top = top0 + t;
					// the letter's rows r0 - top to r1 - top (clipped to the letter) are hidden
					int lo = Math.max(0, runs[r] - top);
					int hi = Math.min(H, runs[r + 1] - top);
					if (lo >= hi) continue;
					double[] sums = hidden[t];
					double[] squares = hiddenSquares[t];
					for (int x = x0; x < xEnd; x++) {
						int column = (cx - x) * (H + 1);
						sums[x] += pre[column + hi] - pre[column + lo];
						squares[x] += pre2[column + hi] - pre2[column + lo];
					}
				}
			}
		}
	}

	/** {@link #hiddenDots} over the runs of unknown pixels of each row. */
	void hiddenDotsByRows(LabelGlyphs.Letter l, int top0, int tops, int from, int to, double[][] hidden,
		double[][] hiddenSquares)
	{
		int positions = Math.max(0, width - l.width + 1);
		int first = Math.max(0, from);
		int end = Math.min(positions, to + 1);
		int lw = l.width;
		double[] pre = l.rowSums;
		double[] pre2 = l.rowSums2;
		// a letter's values are multiples of 2^-31 (squares 2^-39) and its sums stay below 2^10:
		// every partial sum is exact, so adding a row's run at once gives the pixel-by-pixel sums
		for (int t = 0; t < tops; t++) {
			double[] sums = hidden[t];
			double[] squares = hiddenSquares[t];
			for (int ly = 0; ly < H; ly++) {
				int y = top0 + t + ly;
				if (y < 0 || y >= height) continue;
				int[] runs = unknownRuns[y];
				int row = ly * (lw + 1);
				for (int r = 0; r < runs.length; r += 2) {
					int r0 = runs[r];
					int r1 = runs[r + 1];
					// the letter's columns r0 - x to r1 - x (clipped to the letter) are hidden at x
					int a = Math.max(first, r0 - lw + 1);
					int b = Math.min(end, r1);
					for (int x = a; x < b; x++) {
						int lo = row + Math.max(0, r0 - x);
						int hi = row + Math.min(lw, r1 - x);
						sums[x] += pre[hi] - pre[lo];
						squares[x] += pre2[hi] - pre2[lo];
					}
				}
			}
		}
	}

	/**
	 * Sum of a letter's values times the crop, for the letter's top at top0 + t and its left
	 * edge at every x from {@code from} to {@code to} (0 elsewhere).
	 */
	void dots(LabelGlyphs.Letter l, int top0, int tops, int from, int to, double[][] out) {
		int positions = Math.max(0, width - l.width + 1);
		int first = Math.max(0, from);
		int end = Math.min(positions, to + 1);
		int[] inkY = l.inkY;
		int[] inkX = l.inkX;
		float[] inkValue = l.inkValue;
		int n = inkY.length;
		if (tops == 3 && n > 0 && top0 + inkY[0] >= 0 && top0 + 2 + inkY[n - 1] < height) {
			threeTops(l, top0, first, end, out[0], out[1], out[2]);
			return;
		}
		for (int t = 0; t < tops; t++) {
			int top = top0 + t;
			double[] row = out[t];
			// the ink pixels on the crop's rows (they run top to bottom)
			int k = 0;
			while (k < n && top + inkY[k] < 0) k++;
			int kEnd = n;
			while (kEnd > k && top + inkY[kEnd - 1] >= height) kEnd--;
			// four pixels at a time, each place's products added in the pixels' order (a product of
			// paper is +0, which changes no sum: the range is the four pixels' ranges together)
			for (; k + 4 <= kEnd; k += 4) {
				int a = end;
				int b = first;
				for (int j = k; j < k + 4; j++) {
					int y = top + inkY[j];
					int aj = Math.max(first, valuesFrom[y] - inkX[j]);
					int bj = Math.min(end, valuesTo[y] - inkX[j]);
					if (aj < bj) {
						a = Math.min(a, aj);
						b = Math.max(b, bj);
					}
				}
				if (a >= b) continue;
				int c0 = (top + inkY[k]) * width + inkX[k];
				int c1 = (top + inkY[k + 1]) * width + inkX[k + 1];
				int c2 = (top + inkY[k + 2]) * width + inkX[k + 2];
				int c3 = (top + inkY[k + 3]) * width + inkX[k + 3];
				double v0 = inkValue[k];
				double v1 = inkValue[k + 1];
				double v2 = inkValue[k + 2];
				double v3 = inkValue[k + 3];
				for (int x = a; x < b; x++) {
					row[x] = row[x] + v0 * values[c0 + x] + v1 * values[c1 + x] + v2 * values[c2 + x] + v3 * values[c3 +
						x];
				}
			}
			for (; k < kEnd; k++) {
				int y = top + inkY[k];
				int dx = inkX[k];
				int a = Math.max(first, valuesFrom[y] - dx);
				int b = Math.min(end, valuesTo[y] - dx);
				int ci = y * width + dx;
				double v = inkValue[k];
				for (int x = a; x < b; x++) row[x] += v * values[ci + x];
			}
		}
	}

	/**
	 * {@link #dots} at three tops whose rows all lie on the crop, the three taken together: eight
	 * pixels' products added at each place of each top in the pixels' order, over the places where
	 * any of the three tops meets a value other than 0 (a product of paper is +0, which changes no
	 * sum), then the pixels left over one by one. Eight at a time loads and stores a place's sum
	 * half as often as four.
	 */
	private void threeTops(LabelGlyphs.Letter l, int top0, int first, int end, double[] r0, double[] r1, double[] r2) {
		int[] inkY = l.inkY;
		int[] inkX = l.inkX;
		float[] inkValue = l.inkValue;
		int n = inkY.length;
		int w = width;
		int k = 0;
		for (; k + 8 <= n; k += 8) {
			int a = end;
			int b = first;
			for (int j = k; j < k + 8; j++) {
				// the places where the pixel meets a value other than 0 at some top, and places between
				int y = top0 + inkY[j];
				int aj = Math.max(first, valuesFrom3[y] - inkX[j]);
				int bj = Math.min(end, valuesTo3[y] - inkX[j]);
				if (aj < bj) {
					a = Math.min(a, aj);
					b = Math.max(b, bj);
				}
			}
			if (a >= b) continue;
			int c0 = (top0 + inkY[k]) * w + inkX[k];
			int c1 = (top0 + inkY[k + 1]) * w + inkX[k + 1];
			int c2 = (top0 + inkY[k + 2]) * w + inkX[k + 2];
			int c3 = (top0 + inkY[k + 3]) * w + inkX[k + 3];
			int c4 = (top0 + inkY[k + 4]) * w + inkX[k + 4];
			int c5 = (top0 + inkY[k + 5]) * w + inkX[k + 5];
			int c6 = (top0 + inkY[k + 6]) * w + inkX[k + 6];
			int c7 = (top0 + inkY[k + 7]) * w + inkX[k + 7];
			for (int t = 0; t < 3; t++) {
				int o = t * w;
				addEight(t == 0 ? r0 : t == 1 ? r1 : r2, a, b, c0 + o, c1 + o, c2 + o, c3 + o, c4 + o, c5 + o, c6 + o, c7 +
					o, inkValue, k);
			}
		}
		for (; k < n; k++) {
			int y = top0 + inkY[k];
			int dx = inkX[k];
			double v = inkValue[k];
			for (int t = 0; t < 3; t++) {
				double[] row = t == 0 ? r0 : t == 1 ? r1 : r2;
				int a = Math.max(first, valuesFrom[y + t] - dx);
				int b = Math.min(end, valuesTo[y + t] - dx);
				int ci = (y + t) * w + dx;
				for (int x = a; x < b; x++) row[x] += v * values[ci + x];
			}
		}
	}

	/**
	 * row[x] plus the products of the eight pixels inkValue[k] to inkValue[k + 7] with the values at
	 * c0 + x to c7 + x, added in that order, for x from a to b (exclusive).
	 */
	private void addEight(double[] row, int a, int b, int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7,
		float[] inkValue, int k)
	{
		double v0 = inkValue[k];
		double v1 = inkValue[k + 1];
		double v2 = inkValue[k + 2];
		double v3 = inkValue[k + 3];
		double v4 = inkValue[k + 4];
		double v5 = inkValue[k + 5];
		double v6 = inkValue[k + 6];
		double v7 = inkValue[k + 7];
		double[] values = this.values;
		for (int x = a; x < b; x++) {
			row[x] = row[x] + v0 * values[c0 + x] + v1 * values[c1 + x] + v2 * values[c2 + x] + v3 * values[c3 + x] + v4 *
				values[c4 + x] + v5 * values[c5 + x] + v6 * values[c6 + x] + v7 * values[c7 + x];
		}
	}

	/**
	 * Pixels of lines too long to belong to a letter: upright runs of ink longer than
	 * {@link #CLUTTER_UPRIGHT} ink heights (a pulse's edge, a QRS complex, a separator tick) and
	 * flat runs longer than {@link #CLUTTER_FLAT} (a baseline, a rule), widened by a pixel. The
	 * comparison leaves them out: a label printed against the trace is read from what shows.
	 */
	static boolean[] clutter(float[] raw, int w, int h) {
		boolean[] line = new boolean[raw.length];
		int upright = (int) Math.ceil(CLUTTER_UPRIGHT * H);
		int flat = (int) Math.ceil(CLUTTER_FLAT * H);
		for (int x = 0; x < w; x++) {
			int y = 0;
			while (y < h) {
				int end = y;
				while (end < h && raw[end * w + x] > CLUTTER_INK) end++;
				if (end - y > upright) for (int k = y; k < end; k++) line[k * w + x] = true;
				y = end + 1;
			}
		}
		for (int y = 0; y < h; y++) {
			int x = 0;
			while (x < w) {
				int end = x;
				while (end < w && raw[y * w + end] > CLUTTER_INK) end++;
				if (end - x > flat) for (int k = x; k < end; k++) line[y * w + k] = true;
				x = end + 1;
			}
		}
		boolean[] out = new boolean[raw.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (!line[y * w + x]) continue;
				for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
					for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) out[yy * w + xx] = true;
				}
			}
		}
		return out;
	}

	/**
	 * The part of an image starting at (x0, y0) scaled by s (output pixel = 1/s input pixels):
	 * area averages when shrinking, bilinear when enlarging. Outside the image is 0. When turned,
	 * the image is sampled as if turned half-way round (x0, y0 are then on the turned image).
	 */
	static float[] resample(float[] src, int w, int h, double x0, double y0, double s, int outW, int outH,
		boolean turned)
	{
		float[] out = new float[outW * outH];
		if (s >= 1) {
			for (int v = 0; v < outH; v++) {
				double sy = y0 + (v + 0.5) / s - 0.5;
				for (int u = 0; u < outW; u++) {
					double sx = x0 + (u + 0.5) / s - 0.5;
					out[v * outW + u] = (float) bilinear(src, w, h, sx, sy, turned);
				}
			}
			return out;
		}
		// shrink: each output pixel averages the input area it covers; the input columns (and rows)
		// an output column (row) covers, and how much of each, are found once
		Cover across = new Cover(x0, s, outW, w);
		Cover down = new Cover(y0, s, outH, h);
		// where each covered input row starts and how far along it each covered column is (turned: the
		// row's last pixel, counted back)
		int[] rowStart = new int[down.from[outH]];
		for (int j = 0; j < rowStart.length; j++) rowStart[j] = turned ? (h - 1 - down.index[j]) * w + w - 1 : down.index[j] * w;
		int[] along = new int[across.from[outW]];
		for (int i = 0; i < along.length; i++) along[i] = turned ? -across.index[i] : across.index[i];
		double[] shareX = across.share;
		for (int v = 0; v < outH; v++) {
			int j0 = down.from[v];
			int j1 = down.from[v + 1];
			for (int u = 0; u < outW; u++) {
				int i0 = across.from[u];
				int i1 = across.from[u + 1];
				double acc = 0;
				for (int j = j0; j < j1; j++) {
					double fy = down.share[j];
					int row = rowStart[j];
					for (int i = i0; i < i1; i++) acc += shareX[i] * fy * src[row + along[i]];
				}
				out[v * outW + u] = (float) (acc * s * s);
			}
		}
		return out;
	}

	/**
	 * For each of n output pixels of a line scaled down by s from a start at a0, the input pixels it
	 * covers (on the image, 0 to size - 1) and the share of each it covers: those of output k at
	 * from[k] to from[k + 1] - 1.
	 */
	private static final class Cover {
		final int[] from;
		final int[] index;
		final double[] share;

		Cover(double a0, double s, int n, int size) {
			from = new int[n + 1];
			int[] at = new int[16];
			double[] part = new double[16];
			int count = 0;
			for (int k = 0; k < n; k++) {
				from[k] = count;
				double a = a0 + k / s;
				double b = a0 + (k + 1) / s;
				for (int p = (int) Math.floor(a); p < b; p++) {
					double f = Math.min(b, p + 1) - Math.max(a, p);
					if (f <= 0 || p < 0 || p >= size) continue;
					if (count == at.length) {
						at = Arrays.copyOf(at, 2 * count);
						part = Arrays.copyOf(part, 2 * count);
					}
					at[count] = p;
					part[count++] = f;
				}
			}
			from[n] = count;
			index = at;
			share = part;
		}
	}

	private static double bilinear(float[] src, int w, int h, double x, double y, boolean turned) {
		int x0 = (int) Math.floor(x);
		int y0 = (int) Math.floor(y);
		double fx = x - x0;
		double fy = y - y0;
		return (1 - fy) * ((1 - fx) * at(src, w, h, x0, y0, turned) + fx * at(src, w, h, x0 + 1, y0, turned)) + fy * ((1 -
			fx) * at(src, w, h, x0, y0 + 1, turned) + fx * at(src, w, h, x0 + 1, y0 + 1, turned));
	}

	private static double at(float[] src, int w, int h, int x, int y, boolean turned) {
		if (x < 0 || y < 0 || x >= w || y >= h) return 0;
		return turned ? src[(h - 1 - y) * w + (w - 1 - x)] : src[y * w + x];
	}

	/** Separable Gaussian blur with zero outside. */
	static float[] blur(float[] in, int w, int h, double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[] tmp = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++) {
					int xx = x + i;
					if (xx >= 0 && xx < w) acc += k[i + r] * in[y * w + xx];
				}
				tmp[y * w + x] = (float) acc;
			}
		}
		float[] out = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++) {
					int yy = y + i;
					if (yy >= 0 && yy < h) acc += k[i + r] * tmp[yy * w + x];
				}
				out[y * w + x] = (float) acc;
			}
		}
		return out;
	}
}
