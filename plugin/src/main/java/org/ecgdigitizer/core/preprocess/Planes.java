package org.ecgdigitizer.core.preprocess;

/**
 * Single-channel float planes derived from packed RGB pixels, and the few whole-plane
 * operations the preprocessing needs. Planes are row-major {@code float[w*h]}.
 */
public final class Planes {

	private Planes() {}

	public static int red(int rgb) {
		return (rgb >> 16) & 0xff;
	}

	public static int green(int rgb) {
		return (rgb >> 8) & 0xff;
	}

	public static int blue(int rgb) {
		return rgb & 0xff;
	}

	/** Luma (Rec. 601) of a packed RGB pixel, 0..255. */
	public static float luma(int rgb) {
		return 0.299f * red(rgb) + 0.587f * green(rgb) + 0.114f * blue(rgb);
	}

	/** 1 - luma/255: 0 on white paper, 1 on black ink. */
	public static float[] darkness(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) out[i] = darkness(rgb[i]);
		return out;
	}

	private static float darkness(int rgb) {
		return 1f - luma(rgb) / 255f;
	}

	/**
	 * A plane in which grid lines and ink weigh about the same: darkness clipped at a high
	 * percentile of the page. The black trace would otherwise dominate every projection while
	 * covering only a few percent of the page; clipped, it is just one more line, and the
	 * periodic grid wins. The darkness plane is clipped in place and returned.
	 */
	public static float[] clippedDarkness(float[] darkness, double percentile) {
		float clip = Math.max(percentile(darkness, percentile), 0.02f);
		for (int i = 0; i < darkness.length; i++) darkness[i] = Math.min(darkness[i], clip);
		return darkness;
	}

	/**
	 * The plane the grid is found in: clipped darkness (grid lines and ink weigh alike) plus
	 * chroma (coloured grid inks stand out, black traces do not).
	 */
	public static float[] gridPlane(int[] rgb) {
		float[] g = new float[rgb.length];
		int[] histogram = new int[PERCENTILE_BINS];
		for (int i = 0; i < rgb.length; i++) histogram[percentileBin(g[i] = darkness(rgb[i]))]++;
		float clip = Math.max(percentile(histogram, rgb.length, 0.9), 0.02f);
		for (int i = 0; i < rgb.length; i++) g[i] = Math.min(g[i], clip) + chroma(rgb[i]);
		return g;
	}

	/** How much darker each pixel is than the mean of the (2r+1)^2 box around it; 0 where it is lighter. */
	static float[] aboveLocalMean(float[] p, int w, int h, int r) {
		// the row means of the rows inside the box's window, in a ring: row y at (y % ring)
		int ring = Math.min(h, 2 * r + 2);
		float[] rowMean = new float[ring * w];
		double[] prefix = new double[w + 1];
		// the box's vertical pass, row by row: a running sum of the row means inside the window
		float[] out = new float[p.length];
		double[] sum = new double[w];
		int inside = 0;
		for (int y = 0; y < Math.min(h, r); y++) {
			int at = rowMeans(p, w, y, r, prefix, rowMean, ring);
			for (int x = 0; x < w; x++) sum[x] += rowMean[at + x];
			inside++;
		}
		for (int y = 0; y < h; y++) {
			int enter = y + r;
			int leave = y - r - 1;
			if (enter < h) {
				int at = rowMeans(p, w, enter, r, prefix, rowMean, ring);
				for (int x = 0; x < w; x++) sum[x] += rowMean[at + x];
				inside++;
			}
			if (leave >= 0) {
				int at = leave % ring * w;
				for (int x = 0; x < w; x++) sum[x] -= rowMean[at + x];
				inside--;
			}
			int row = y * w;
			double perRow = 1.0 / inside;
			for (int x = 0; x < w; x++) out[row + x] = Math.max(0f, p[row + x] - (float) (sum[x] * perRow));
		}
		return out;
	}

	/** The means of row y's (2r+1)-wide boxes into its place in the ring; returns that place. */
	private static int rowMeans(float[] p, int w, int y, int r, double[] prefix, float[] rowMean, int ring) {
		int row = y * w;
		int at = y % ring * w;
		for (int x = 0; x < w; x++) prefix[x + 1] = prefix[x] + p[row + x];
		// a multiplication where the whole box lies inside the row: divisions are slow
		double inverse = 1.0 / (2 * r + 1);
		int inFrom = Math.min(w, r);
		int inTo = Math.max(inFrom, w - r);
		for (int x = 0; x < inFrom; x++) rowMean[at + x] = rowBoxMean(prefix, w, x, r);
		for (int x = inFrom; x < inTo; x++) rowMean[at + x] = (float) ((prefix[x + r + 1] - prefix[x - r]) * inverse);
		for (int x = inTo; x < w; x++) rowMean[at + x] = rowBoxMean(prefix, w, x, r);
		return at;
	}

	private static float rowBoxMean(double[] prefix, int w, int x, int r) {
		int lo = Math.max(0, x - r);
		int hi = Math.min(w, x + r + 1);
		return (float) ((prefix[hi] - prefix[lo]) / (hi - lo));
	}

	/** Chroma (max - min of RGB)/255: grid inks are coloured, traces are black or dark blue. */
	public static float[] chroma(int[] rgb) {
		float[] out = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) out[i] = chroma(rgb[i]);
		return out;
	}

	private static float chroma(int rgb) {
		int r = red(rgb);
		int g = green(rgb);
		int b = blue(rgb);
		return (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))) / 255f;
	}

	/** Bins of the histograms percentiles are read from (values 0..1). */
	static final int PERCENTILE_BINS = 1024;

	/** The histogram bin of a value, for {@link #percentile(int[], long, double)}. */
	static int percentileBin(float v) {
		return Math.max(0, Math.min(PERCENTILE_BINS - 1, (int) (v * (PERCENTILE_BINS - 1))));
	}

	/** The value below which a fraction {@code q} of a plane's values lie (values assumed in 0..1). */
	public static float percentile(float[] p, double q) {
		int[] hist = new int[PERCENTILE_BINS];
		for (float v : p) hist[percentileBin(v)]++;
		return percentile(hist, p.length, q);
	}

	/** {@link #percentile(float[], double)} of {@code count} values binned by {@link #percentileBin}. */
	static float percentile(int[] hist, long count, double q) {
		long target = (long) (q * count);
		long acc = 0;
		for (int i = 0; i < PERCENTILE_BINS; i++) {
			acc += hist[i];
			if (acc >= target) return i / (float) (PERCENTILE_BINS - 1);
		}
		return 1f;
	}

	/**
	 * Downsamples by {@code f} through a box twice as wide as the step, which suppresses
	 * periods shorter than about 2f pixels instead of aliasing them into moire (the 1 mm grid
	 * would otherwise fold into false stripes). The result is (w/f) x (h/f).
	 */
	public static float[] downsampleSmooth(float[] p, int w, int h, int f) {
		if (f == 1) return p;
		float[] d = downsample(p, w, h, f);
		int ow = w / f;
		int oh = h / f;
		for (int y = 0; y < oh; y++) {
			int row = y * ow;
			for (int x = 0; x < ow - 1; x++) d[row + x] = 0.5f * (d[row + x] + d[row + x + 1]);
		}
		for (int y = 0; y < oh - 1; y++) {
			int row = y * ow;
			for (int x = 0; x < ow; x++) d[row + x] = 0.5f * (d[row + x] + d[row + ow + x]);
		}
		return d;
	}

	/** Box-averages packed RGB pixels by an integer factor per channel; the result is (w/f) x (h/f). */
	public static int[] downsampleRgb(int[] rgb, int w, int h, int f) {
		int ow = w / f;
		int oh = h / f;
		int[] out = new int[ow * oh];
		int[] r = new int[ow];
		int[] g = new int[ow];
		int[] b = new int[ow];
		int area = f * f;
		for (int oy = 0; oy < oh; oy++) {
			java.util.Arrays.fill(r, 0);
			java.util.Arrays.fill(g, 0);
			java.util.Arrays.fill(b, 0);
			for (int dy = 0; dy < f; dy++) {
				int row = (oy * f + dy) * w;
				for (int ox = 0; ox < ow; ox++) {
					for (int dx = 0; dx < f; dx++) {
						int p = rgb[row + ox * f + dx];
						r[ox] += p >> 16 & 255;
						g[ox] += p >> 8 & 255;
						b[ox] += p & 255;
					}
				}
			}
			for (int ox = 0; ox < ow; ox++) {
				out[oy * ow + ox] = (r[ox] + area / 2) / area << 16 | (g[ox] + area / 2) / area << 8 | (b[ox] + area / 2) /
					area;
			}
		}
		return out;
	}

	/** Box-averages a plane by an integer factor; the result is (w/f) x (h/f). */
	public static float[] downsample(float[] p, int w, int h, int f) {
		if (f == 1) return p;
		int ow = w / f;
		int oh = h / f;
		float[] out = new float[ow * oh];
		float norm = 1f / (f * f);
		for (int oy = 0; oy < oh; oy++) {
			for (int dy = 0; dy < f; dy++) {
				int row = (oy * f + dy) * w;
				int orow = oy * ow;
				// the common factors spelled out: a loop of unknown length per pixel costs more than its sums
				// (the same sums in the same order: 0 + v is v)
				if (f == 2) {
					for (int ox = 0; ox < ow; ox++) {
						int base = row + 2 * ox;
						out[orow + ox] += (p[base] + p[base + 1]) * norm;
					}
				}
				else if (f == 4) {
					for (int ox = 0; ox < ow; ox++) {
						int base = row + 4 * ox;
						out[orow + ox] += (p[base] + p[base + 1] + p[base + 2] + p[base + 3]) * norm;
					}
				}
				else {
					for (int ox = 0; ox < ow; ox++) {
						float s = 0;
						int base = row + ox * f;
						for (int dx = 0; dx < f; dx++) s += p[base + dx];
						out[orow + ox] += s * norm;
					}
				}
			}
		}
		return out;
	}
}
