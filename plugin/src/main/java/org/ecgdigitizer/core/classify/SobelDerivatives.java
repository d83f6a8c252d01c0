package org.ecgdigitizer.core.classify;

import ij.plugin.filter.Convolver;

/**
 * The first and second derivatives TWS takes of a blurred plane (ImageJ's {@link Convolver} with the
 * two 3x3 Sobel kernels, applied once and twice), at some pixels only. Every value is ImageJ's to the
 * bit: the same products, added in the same order in double, edge pixels repeated outwards; so the
 * features from them are those of a full-plane convolution, at a fraction of the cost when the pixels
 * are few. One instance serves every sigma of a page (the buffers are reused).
 */
final class SobelDerivatives {

	/** TWS's Sobel kernels, row by row as {@link Convolver} reads them; both sum to 0, so ImageJ does not rescale. */
	static final float[] SOBEL_X = { 1, 2, 1, 0, 0, 0, -1, -2, -1 };
	static final float[] SOBEL_Y = { 1, 0, -1, 2, 0, -2, 1, 0, -1 };

	final int w, h;
	/** The pixels asked about. */
	final int[] pixels;
	/** Those pixels and their eight neighbours: where the second derivatives read the first. */
	private final int[] around;
	/** First derivatives of the current plane, valid at {@link #around}. */
	private final float[] dx, dy;
	/**
	 * Per pixel asked about, and per pixel of {@link #around}: whether its 3x3 neighbourhood lies
	 * inside the plane (no edge to repeat). Lists, not a plane: a few percent of a page are asked about.
	 */
	private final boolean[] pixelInside, aroundInside;

	SobelDerivatives(int w, int h, int[] pixels) {
		this.w = w;
		this.h = h;
		this.pixels = pixels;
		this.around = pixels.length == w * h ? pixels : Pixels.of(Pixels.within(pixels, w, h, 1));
		this.dx = new float[w * h];
		this.dy = new float[w * h];
		pixelInside = inside(pixels, w, h);
		aroundInside = around == pixels ? pixelInside : inside(around, w, h);
	}

	private static boolean[] inside(int[] pixels, int w, int h) {
		boolean[] out = new boolean[pixels.length];
		for (int k = 0; k < pixels.length; k++) {
			int x = pixels[k] % w, y = pixels[k] / w;
			out[k] = x > 0 && x < w - 1 && y > 0 && y < h - 1;
		}
		return out;
	}

	/** Takes the first derivatives of a new plane (w x h). */
	void differentiate(float[] plane) {
		for (int k = 0; k < around.length; k++) {
			int p = around[k];
			if (aroundInside[k]) {
				dx[p] = convolveInside(plane, SOBEL_X, p);
				dy[p] = convolveInside(plane, SOBEL_Y, p);
			}
			else {
				int x = p % w, y = p / w;
				dx[p] = convolve(plane, SOBEL_X, x, y);
				dy[p] = convolve(plane, SOBEL_Y, x, y);
			}
		}
	}

	/** The gradient magnitude at each pixel (TWS's Sobel feature). */
	float[] magnitude() {
		float[] out = new float[pixels.length];
		for (int k = 0; k < pixels.length; k++) {
			float gx = dx[pixels[k]], gy = dy[pixels[k]];
			out[k] = (float) Math.sqrt(gx * gx + gy * gy);
		}
		return out;
	}

	/** The second derivatives xx, xy and yy at pixel {@code pixels[k]}, into {@code out}. */
	void second(int k, float[] out) {
		int p = pixels[k];
		if (pixelInside[k]) {
			out[0] = convolveInside(dx, SOBEL_X, p);
			out[1] = convolveInside(dx, SOBEL_Y, p);
			out[2] = convolveInside(dy, SOBEL_Y, p);
			return;
		}
		int x = p % w, y = p / w;
		out[0] = convolve(dx, SOBEL_X, x, y);
		out[1] = convolve(dx, SOBEL_Y, x, y);
		out[2] = convolve(dy, SOBEL_Y, x, y);
	}

	/**
	 * {@link Convolver#convolveFloat} with a 3x3 kernel that sums to 0, at one pixel: a double sum
	 * of the float products in the kernel's order, coordinates outside the plane clamped to its edge.
	 */
	float convolve(float[] plane, float[] kernel, int x, int y) {
		double sum = 0;
		int i = 0;
		for (int v = -1; v <= 1; v++) {
			int row = Math.min(h - 1, Math.max(0, y + v)) * w;
			for (int u = -1; u <= 1; u++) sum += plane[row + Math.min(w - 1, Math.max(0, x + u))] * kernel[i++];
		}
		return (float) sum;
	}

	/** {@link #convolve} at a pixel away from the edges: the same products added in the same order, without clamping. */
	private float convolveInside(float[] plane, float[] kernel, int p) {
		int above = p - w - 1, at = p - 1, below = p + w - 1;
		double sum = 0;
		sum += plane[above] * kernel[0];
		sum += plane[above + 1] * kernel[1];
		sum += plane[above + 2] * kernel[2];
		sum += plane[at] * kernel[3];
		sum += plane[at + 1] * kernel[4];
		sum += plane[at + 2] * kernel[5];
		sum += plane[below] * kernel[6];
		sum += plane[below + 1] * kernel[7];
		sum += plane[below + 2] * kernel[8];
		return (float) sum;
	}
}
