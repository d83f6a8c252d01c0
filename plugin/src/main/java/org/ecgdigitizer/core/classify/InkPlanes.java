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
	 * A plane resized by ImageJ (bilinear, averaging when it shrinks).
	 *
	 * <p>ImageJ shrinks along rows, then along columns, and along columns it reads and writes the plane
	 * column by column, a cache miss per pixel. Shrinking the transposed plane along its rows adds the
	 * same terms to each pixel in the same order (the same table of weights, the plane's height to
	 * {@code nh}), so the plane is shrunk that way, in order, to the same values.</p>
	 */
	public static float[] resize(float[] plane, int w, int h, int nw, int nh) {
		if (nw == w && nh == h) return plane;
		if (nw <= w && nh < h) {
			float[] rows = nw < w ? imageJ(plane, w, h, nw, h) : plane;
			return transpose(imageJ(transpose(rows, nw, h), h, nw, nh, nw), nh, nw);
		}
		return imageJ(plane, w, h, nw, nh);
	}

	/** ImageJ's resize of a plane (bilinear, averaging when it shrinks). */
	private static float[] imageJ(float[] plane, int w, int h, int nw, int nh) {
		FloatProcessor fp = new FloatProcessor(w, h, plane);
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		// a display range, which the values do not depend on: else ImageJ reads the plane to find one
		fp.setMinAndMax(0, 1);
		return (float[]) fp.resize(nw, nh, true).getPixels();
	}

	/** The w x h plane transposed (h wide, w tall), in blocks that stay in the cache. */
	static float[] transpose(float[] p, int w, int h) {
		float[] out = new float[p.length];
		final int block = 64;
		for (int y0 = 0; y0 < h; y0 += block) {
			int y1 = Math.min(h, y0 + block);
			for (int x0 = 0; x0 < w; x0 += block) {
				int x1 = Math.min(w, x0 + block);
				for (int y = y0; y < y1; y++) {
					for (int x = x0; x < x1; x++) out[x * h + y] = p[y * w + x];
				}
			}
		}
		return out;
	}
}
