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
		return transpose(filterRows(transpose(p, w, h), h, w, length, true), h, w);
	}

	public static float[] maxColumns(float[] p, int w, int h, int length) {
		return transpose(filterRows(transpose(p, w, h), h, w, length, false), h, w);
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

	static float[] transpose(float[] p, int w, int h) {
		float[] out = new float[p.length];
		int tile = 32;
		for (int y0 = 0; y0 < h; y0 += tile) {
			for (int x0 = 0; x0 < w; x0 += tile) {
				for (int y = y0; y < Math.min(h, y0 + tile); y++) {
					for (int x = x0; x < Math.min(w, x0 + tile); x++) out[x * h + y] = p[y * w + x];
				}
			}
		}
		return out;
	}
}
