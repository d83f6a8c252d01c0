package org.ecgdigitizer.core.preprocess;

/** Running minimum and maximum filters along rows or columns (van Herk / Gil-Werman, O(1) per pixel). */
public final class Morphology {

	private Morphology() {}

	/**
	 * White top-hat of a plane along one direction: the plane minus its opening by a line of
	 * {@code length} pixels. What remains is bright structure narrower than the line in that
	 * direction; broad bright areas vanish.
	 */
	public static float[] topHat(float[] p, int w, int h, int length, boolean alongRows) {
		// an odd, centred window keeps the opening below the plane (an even one is lopsided)
		length |= 1;
		float[] opened = alongRows ? maxRows(minRows(p, w, h, length), w, h, length) : maxColumns(minColumns(p, w, h,
			length), w, h, length);
		for (int i = 0; i < opened.length; i++) opened[i] = p[i] - opened[i];
		return opened;
	}

	public static float[] minRows(float[] p, int w, int h, int length) {
		return filterRows(p, w, h, length, true);
	}

	public static float[] maxRows(float[] p, int w, int h, int length) {
		return filterRows(p, w, h, length, false);
	}

	public static float[] minColumns(float[] p, int w, int h, int length) {
		return filterColumns(p, w, h, length, true);
	}

	public static float[] maxColumns(float[] p, int w, int h, int length) {
		return filterColumns(p, w, h, length, false);
	}

	/**
	 * Van Herk / Gil-Werman along columns, sweeping whole rows at a time so memory is read in
	 * order: prefix extremes (g) and suffix extremes (s) within blocks of {@code length} rows.
	 */
	private static float[] filterColumns(float[] p, int w, int h, int length, boolean min) {
		int k = Math.max(1, length);
		int half = k / 2;
		int n = h + k - 1; // padded rows: index j holds image row j - half
		float pad = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
		float[] g = new float[n * w];
		float[] s = new float[n * w];
		for (int j = 0; j < n; j++) {
			int y = j - half;
			boolean start = j % k == 0;
			for (int x = 0; x < w; x++) {
				float v = y >= 0 && y < h ? p[y * w + x] : pad;
				g[j * w + x] = start ? v : min ? Math.min(g[(j - 1) * w + x], v) : Math.max(g[(j - 1) * w + x], v);
			}
		}
		for (int j = n - 1; j >= 0; j--) {
			int y = j - half;
			boolean end = j % k == k - 1 || j == n - 1;
			for (int x = 0; x < w; x++) {
				float v = y >= 0 && y < h ? p[y * w + x] : pad;
				s[j * w + x] = end ? v : min ? Math.min(s[(j + 1) * w + x], v) : Math.max(s[(j + 1) * w + x], v);
			}
		}
		float[] out = new float[p.length];
		for (int y = 0; y < h; y++) {
			// window rows [y - half, y - half + k - 1] = padded [y, y + k - 1]
			int a = y * w;
			int b = (y + k - 1) * w;
			int o = y * w;
			for (int x = 0; x < w; x++) out[o + x] = min ? Math.min(s[a + x], g[b + x]) : Math.max(s[a + x], g[b + x]);
		}
		return out;
	}

	private static float[] filterRows(float[] p, int w, int h, int length, boolean min) {
		float[] out = new float[p.length];
		int k = Math.max(1, length);
		int half = k / 2;
		float[] g = new float[w + k];
		float[] hh = new float[w + k];
		float pad = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int n = w + k - 1;
			// padded row: index j holds pixel j - half
			for (int block = 0; block < n; block += k) {
				int end = Math.min(n, block + k);
				float acc = pad;
				for (int j = block; j < end; j++) {
					int x = j - half;
					float v = x >= 0 && x < w ? p[row + x] : pad;
					acc = min ? Math.min(acc, v) : Math.max(acc, v);
					g[j] = acc;
				}
				acc = pad;
				for (int j = end - 1; j >= block; j--) {
					int x = j - half;
					float v = x >= 0 && x < w ? p[row + x] : pad;
					acc = min ? Math.min(acc, v) : Math.max(acc, v);
					hh[j] = acc;
				}
			}
			for (int x = 0; x < w; x++) {
				// window [x - half, x - half + k - 1] in pixels = [x, x + k - 1] in padded indices
				float a = hh[x];
				float b = g[x + k - 1];
				out[row + x] = min ? Math.min(a, b) : Math.max(a, b);
			}
		}
		return out;
	}
}
