package org.ecgdigitizer.core.classify;

import ij.plugin.filter.GaussianBlur;

/**
 * ImageJ's Gaussian blur ({@link GaussianBlur#blurGaussian} of a float plane, no downscaling) at some
 * pixels only. ImageJ blurs every row, then every column, each output a float sum of the kernel's
 * products in a fixed order, an edge value standing in for what lies outside the line; here, column
 * by column, the rows are blurred only where a wanted pixel's column pass reads them, and the column
 * only at the wanted pixels, with the same kernel and the same sums in the same order, so those
 * values are ImageJ's to the bit. The learned ink asks for the few percent of a page near its ink; the whole
 * plane's blur would cost several times more.
 */
final class GaussianAt {

	/** ImageJ downscales the line for a larger blur; those are left to ImageJ. */
	private static final double MAX_SIGMA = 8.5;

	final int w, h;
	/**
	 * The wanted pixels column by column: column x's rows are {@code rowsOf[columnFrom[x]]} to
	 * {@code rowsOf[columnFrom[x + 1] - 1]}, ascending.
	 */
	private final int[] columnFrom, rowsOf;
	/** One column's row-pass values, as ImageJ's column pass reads them, and the rows they are made at. */
	private final float[] line;
	private final int[] rows;
	/** The four sums of {@link #fourInside}. */
	private final float[] four = new float[4];

	/** Blurs of planes w x h, wanted at {@code pixels} (ascending, row-major). */
	GaussianAt(int[] pixels, int w, int h) {
		this.w = w;
		this.h = h;
		columnFrom = new int[w + 1];
		for (int p : pixels) columnFrom[p % w + 1]++;
		for (int x = 0; x < w; x++) columnFrom[x + 1] += columnFrom[x];
		rowsOf = new int[pixels.length];
		int[] next = java.util.Arrays.copyOf(columnFrom, w);
		// row-major order: each column's rows come ascending
		for (int p : pixels) rowsOf[next[p % w]++] = p / w;
		line = new float[h];
		rows = new int[h];
	}

	/** Whether {@link #blur} gives ImageJ's values for this blur (a small sigma, no downscaling). */
	static boolean handles(double sigma) {
		return sigma > 0 && sigma <= MAX_SIGMA;
	}

	/**
	 * The plane blurred at {@code sigma} (ImageJ's units, already scaled) with ImageJ's accuracy; the
	 * values are ImageJ's at the wanted pixels and 0 elsewhere.
	 */
	float[] blur(float[] plane, double sigma, double accuracy) {
		GaussianBlur imageJ = new GaussianBlur();
		float[][] alongRows = imageJ.makeGaussianKernel(sigma, accuracy, w);
		float[][] alongColumns = imageJ.makeGaussianKernel(sigma, accuracy, h);
		float[] out = new float[w * h];
		for (int x = 0; x < w; x++) {
			if (columnFrom[x] < columnFrom[x + 1]) blurColumn(plane, x, alongRows, alongColumns, out);
		}
		return out;
	}

	/**
	 * Column x's wanted pixels: the row pass where the column pass reads it (within the kernel's
	 * radius of a wanted pixel, and the column's ends, ImageJ's stand-ins beyond them), then the
	 * column pass at the wanted pixels.
	 */
	private void blurColumn(float[] plane, int x, float[][] alongRows, float[][] alongColumns, float[] out) {
		int reach = alongColumns[0].length - 1;
		int n = 0;
		rows[n++] = 0;
		int done = 1;
		for (int k = columnFrom[x]; k < columnFrom[x + 1]; k++) {
			int y = rowsOf[k];
			for (int r = Math.max(done, y - reach); r < Math.min(h - 1, y + reach + 1); r++) rows[n++] = r;
			done = Math.max(done, y + reach + 1);
		}
		if (h > 1) rows[n++] = h - 1;
		rowPass(plane, x, alongRows, n);
		columnPass(x, alongColumns, out);
	}

	/** Point x of the rows {@code rows[0..n-1]} into {@link #line}, four rows side by side away from the edges. */
	private void rowPass(float[] plane, int x, float[][] kernel, int n) {
		int k = 0;
		if (x >= kernel[0].length && x < w - kernel[0].length) {
			for (; k + 4 <= n; k += 4) {
				fourInside(plane, rows[k] * w + x, rows[k + 1] * w + x, rows[k + 2] * w + x, rows[k + 3] * w + x,
					kernel[0]);
				for (int q = 0; q < 4; q++) line[rows[k + q]] = four[q];
			}
		}
		for (; k < n; k++) line[rows[k]] = convolveAt(plane, rows[k] * w, w, kernel, x);
	}

	/** Column x's wanted pixels from {@link #line}, four side by side away from its ends. */
	private void columnPass(int x, float[][] kernel, float[] out) {
		int kRadius = kernel[0].length;
		int k = columnFrom[x], to = columnFrom[x + 1];
		for (; k + 4 <= to; k += 4) {
			// ascending rows: the four are inside when the first and last are
			if (rowsOf[k] < kRadius || rowsOf[k + 3] >= h - kRadius) break;
			fourInside(line, rowsOf[k], rowsOf[k + 1], rowsOf[k + 2], rowsOf[k + 3], kernel[0]);
			for (int q = 0; q < 4; q++) out[rowsOf[k + q] * w + x] = four[q];
		}
		for (; k < to; k++) out[rowsOf[k] * w + x] = convolveAt(line, 0, h, kernel, rowsOf[k]);
	}

	/**
	 * ImageJ's inside case ({@link #convolveAt}) at four points a0..a3 into {@link #four}: each sum in
	 * ImageJ's order, the four side by side, so that they do not wait for one another.
	 */
	private void fourInside(float[] values, int a0, int a1, int a2, int a3, float[] kern) {
		float s0 = values[a0] * kern[0], s1 = values[a1] * kern[0], s2 = values[a2] * kern[0], s3 = values[a3] * kern[0];
		for (int j = 1; j < kern.length; j++) {
			float kj = kern[j];
			s0 += kj * (values[a0 - j] + values[a0 + j]);
			s1 += kj * (values[a1 - j] + values[a1 + j]);
			s2 += kj * (values[a2 - j] + values[a2 + j]);
			s3 += kj * (values[a3 - j] + values[a3 + j]);
		}
		four[0] = s0;
		four[1] = s1;
		four[2] = s2;
		four[3] = s3;
	}

	/**
	 * ImageJ's convolution of a line (its point i) with a one-sided kernel and its running sums, the
	 * line being {@code length} values of {@code values} from {@code start}: ImageJ's three cases
	 * (near the start, inside, near the end) with their sums in its order.
	 */
	static float convolveAt(float[] values, int start, int length, float[][] kernel, int i) {
		float[] kern = kernel[0];
		float[] kernSum = kernel[1];
		int kRadius = kern.length;
		float first = values[start];
		float last = values[start + length - 1];
		int at = start + i;
		float result = values[at] * kern[0];
		if (i >= kRadius && i < length - kRadius) {
			for (int k = 1; k < kRadius; k++) result += kern[k] * (values[at - k] + values[at + k]);
			return result;
		}
		if (i < Math.min(kRadius, length)) {
			result += kernSum[i] * first;
			if (i + kRadius > length) result += kernSum[length - i - 1] * last;
		}
		else {
			if (i < kRadius) result += kernSum[i] * first;
			if (i + kRadius >= length) result += kernSum[length - i - 1] * last;
		}
		for (int k = 1; k < kRadius; k++) {
			float v = 0;
			if (i - k >= 0) v += values[at - k];
			if (i + k < length) v += values[at + k];
			result += kern[k] * v;
		}
		return result;
	}
}
