package org.ecgdigitizer.core.classify;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** The grayscale planes the ink classifiers see, and moving them between scales. */
public final class InkPlanes {

	private InkPlanes() {}

	/**
	 * Each pixel's brightest channel (0..255): a red, green or blue grid is bright in at least one
	 * channel, as under a scanner's colour dropout, while ink (black, blue-black) is dark in all.
	 */
	public static float[] brightestChannel(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			out[i] = Math.max(p >> 16 & 255, Math.max(p >> 8 & 255, p & 255));
		}
		return out;
	}

	/** ImageJ's default RGB to grayscale conversion, (r + g + b) / 3, as TWS sees an RGB image made 8-bit. */
	public static float[] gray(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			out[i] = (float) Math.floor(((p >> 16 & 255) + (p >> 8 & 255) + (p & 255)) / 3.0);
		}
		return out;
	}

	/**
	 * A plane resized to exactly what ImageJ's {@code FloatProcessor.resize(nw, nh, true)} with
	 * bilinear interpolation gives: an axis that shrinks is averaged ({@link Downsize}), rows first,
	 * then an axis that grows (or both, when neither shrinks) is interpolated bilinearly
	 * ({@link #bilinear}). Both walk the plane row by row with per-axis tables, where ImageJ reads it
	 * column by column and divides per pixel.
	 */
	public static float[] resize(float[] plane, int w, int h, int nw, int nh) {
		if (nw == w && nh == h) return plane;
		if (nw >= w && nh >= h) return bilinear(plane, w, h, nw, nh);
		float[] out = plane;
		int ow = w, oh = h;
		if (nw < w) {
			out = new Downsize(w, nw).rows(out, w, h);
			ow = nw;
		}
		if (nh < h) {
			out = new Downsize(h, nh).columns(out, ow);
			oh = nh;
		}
		return ow == nw && oh == nh ? out : bilinear(out, ow, oh, nw, nh);
	}

	/**
	 * ImageJ's averaging along one axis (its DownsizeTable with the bilinear kernel): each new pixel
	 * is a weighted sum of the old ones its kernel covers. ImageJ scatters each old pixel into its
	 * slots' new pixels; here each new pixel gathers its slots in the same order (old pixel by old
	 * pixel, slot by slot), so the float sums are the same. Unused slots add {@code 0 * value} to
	 * pixel 0 in ImageJ, and so they do here.
	 */
	static final class Downsize {
		/** Per new pixel j: its slots are {@code from[j]..from[j + 1] - 1} of source and weight. */
		final int[] from, source;
		final float[] weight;

		Downsize(int length, int newLength) {
			final int kernelSize = 2;
			double scale = length / (double) newLength;
			int srcStart = Math.max(0, (int) Math.ceil(1e-8 + sourceAt(-0.5 * kernelSize, scale)));
			int srcEnd = Math.min(length - 1, (int) Math.floor(1e-8 + sourceAt(newLength - 1 + 0.5 * kernelSize, scale)));
			int slots = (srcEnd - srcStart + 1) * kernelSize;
			int[] target = new int[slots];
			float[] w = new float[slots];
			java.util.Arrays.fill(target, -1);
			for (int j = 0; j < newLength; j++) {
				double sum = 0;
				int lo = (int) Math.ceil(1e-8 + sourceAt(j - 0.5 * kernelSize, scale));
				int hi = (int) Math.floor(-1e-8 + sourceAt(j + 0.5 * kernelSize, scale));
				for (int s = lo; s <= hi; s++) {
					int clamped = Math.max(0, Math.min(length - 1, s));
					int slot = (clamped - srcStart) * kernelSize;
					while (target[slot] != -1 && target[slot] != j) slot++;
					target[slot] = j;
					float k = 1f - (float) Math.abs(j - ((s + 0.5) / scale - 0.5));
					sum += k;
					w[slot] += k;
				}
				int last = Math.min(slots - 1, (hi - srcStart) * kernelSize + kernelSize - 1);
				for (int slot = Math.max(0, (lo - srcStart) * kernelSize); slot <= last; slot++) {
					if (target[slot] == j) w[slot] = (float) (w[slot] / sum);
				}
			}
			from = new int[newLength + 1];
			for (int slot = 0; slot < slots; slot++) from[Math.max(0, target[slot]) + 1]++;
			for (int j = 0; j < newLength; j++) from[j + 1] += from[j];
			source = new int[slots];
			weight = new float[slots];
			int[] next = java.util.Arrays.copyOf(from, newLength);
			for (int slot = 0; slot < slots; slot++) {
				int at = next[Math.max(0, target[slot])]++;
				source[at] = srcStart + slot / kernelSize;
				weight[at] = w[slot];
			}
		}

		/** Where new pixel d's centre falls on the old axis. */
		private static double sourceAt(double d, double scale) {
			return -0.5 + (d + 0.5) * scale;
		}

		/** The plane (w wide, h tall) shrunk along its rows to {@code from.length - 1} wide. */
		float[] rows(float[] plane, int w, int h) {
			int nw = from.length - 1;
			float[] out = new float[nw * h];
			for (int y = 0; y < h; y++) {
				int row = y * w;
				for (int j = 0; j < nw; j++) {
					float sum = 0;
					for (int t = from[j]; t < from[j + 1]; t++) sum += plane[row + source[t]] * weight[t];
					out[y * nw + j] = sum;
				}
			}
			return out;
		}

		/** The plane (w wide) shrunk along its columns to {@code from.length - 1} tall. */
		float[] columns(float[] plane, int w) {
			int nh = from.length - 1;
			float[] out = new float[w * nh];
			for (int j = 0; j < nh; j++) {
				int row = j * w;
				for (int t = from[j]; t < from[j + 1]; t++) {
					int src = source[t] * w;
					float k = weight[t];
					for (int x = 0; x < w; x++) out[row + x] += plane[src + x] * k;
				}
			}
			return out;
		}
	}

	/**
	 * ImageJ's bilinear resize of a whole plane ({@code FloatProcessor.resize(nw, nh)}): the same
	 * source positions (centres matched, a quarter of a new pixel's shift on an axis that changes,
	 * clamped inside the plane) and the same double arithmetic, NaN neighbours included. A source
	 * row's interpolation along x is the same whichever new rows use it, so each is made once.
	 */
	static float[] bilinear(float[] plane, int w, int h, int nw, int nh) {
		if (w == 1 || h == 1) return imageJ(plane, w, h, nw, nh);
		int[] xBase = new int[nw], yBase = new int[nh];
		double[] xFraction = new double[nw], yFraction = new double[nh];
		sourcePositions(w, nw, xBase, xFraction);
		sourcePositions(h, nh, yBase, yFraction);
		float[] out = new float[nw * nh];
		double[] lower = new double[nw], upper = new double[nw];
		int lowerRow = -1, upperRow = -1;
		for (int y = 0; y < nh; y++) {
			int r = yBase[y];
			if (r != lowerRow) {
				if (r == upperRow) {
					double[] t = lower;
					lower = upper;
					upper = t;
				}
				else alongRow(plane, r * w, xBase, xFraction, lower);
				alongRow(plane, (r + 1) * w, xBase, xFraction, upper);
				lowerRow = r;
				upperRow = r + 1;
			}
			double f = yFraction[y];
			int row = y * nw;
			for (int x = 0; x < nw; x++) out[row + x] = (float) between(lower[x], upper[x], f);
		}
		return out;
	}

	/** Per new pixel along an axis of {@code length} old ones: ImageJ's base pixel and fraction. */
	private static void sourcePositions(int length, int newLength, int[] base, double[] fraction) {
		double srcCentre = length / 2.0;
		double scale = newLength / (double) length;
		double dstCentre = newLength / 2.0;
		if (newLength != length) dstCentre += scale / 4.0;
		double limit = length - 1.0, inside = length - 1.001;
		for (int d = 0; d < newLength; d++) {
			double s = (d - dstCentre) / scale + srcCentre;
			if (s < 0) s = 0;
			if (s >= limit) s = inside;
			base[d] = (int) s;
			fraction[d] = s - base[d];
		}
	}

	/** One source row interpolated along x at every new column. */
	private static void alongRow(float[] plane, int row, int[] xBase, double[] xFraction, double[] out) {
		for (int x = 0; x < out.length; x++) {
			int i = row + xBase[x];
			out[x] = between(plane[i], plane[i + 1], xFraction[x]);
		}
	}

	/** ImageJ's linear step from a to b: a missing (NaN) end gives way to the other on its half. */
	private static double between(double a, double b, double fraction) {
		if (Double.isNaN(a) && fraction >= 0.5) return b;
		if (Double.isNaN(b) && fraction < 0.5) return a;
		return a + fraction * (b - a);
	}

	/** ImageJ's own resize, for planes one pixel wide or tall (which it interpolates another way). */
	private static float[] imageJ(float[] plane, int w, int h, int nw, int nh) {
		FloatProcessor fp = new FloatProcessor(w, h, plane);
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		// a display range, which the values do not depend on: else ImageJ reads the plane to find one
		fp.setMinAndMax(0, 1);
		return (float[]) fp.resize(nw, nh, true).getPixels();
	}
}
