package org.ecgdigitizer.core.classify;

/**
 * Lists of pixel indices (ascending, row-major) and moving values between a plane and such a list:
 * the classifier works on the pixels it is asked about, not on every pixel of the page.
 */
final class Pixels {

	private Pixels() {}

	/** Every pixel of a plane of n pixels. */
	static int[] all(int n) {
		int[] out = new int[n];
		for (int i = 0; i < n; i++) out[i] = i;
		return out;
	}

	/** The pixels where {@code mask} is true. */
	static int[] of(boolean[] mask) {
		int n = 0;
		for (boolean b : mask) if (b) n++;
		int[] out = new int[n];
		for (int i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
		return out;
	}

	/**
	 * The mask of every pixel of a w x h plane within {@code reach} of one of the pixels on each axis
	 * (their (2 reach + 1)-square neighbourhoods, cut at the plane's edges).
	 */
	static boolean[] within(int[] pixels, int w, int h, int reach) {
		boolean[] mask = new boolean[w * h];
		for (int p : pixels) {
			int x = p % w, y = p / w;
			for (int yy = Math.max(0, y - reach); yy <= Math.min(h - 1, y + reach); yy++) {
				java.util.Arrays.fill(mask, yy * w + Math.max(0, x - reach), yy * w + Math.min(w - 1, x + reach) + 1, true);
			}
		}
		return mask;
	}

	/** The plane's values at the pixels. */
	static float[] gather(float[] plane, int[] pixels) {
		float[] out = new float[pixels.length];
		for (int k = 0; k < pixels.length; k++) out[k] = plane[pixels[k]];
		return out;
	}

	/** A plane of n pixels holding {@code values[k]} at {@code pixels[k]} and 0 elsewhere. */
	static float[] scatter(float[] values, int[] pixels, int n) {
		float[] out = new float[n];
		for (int k = 0; k < pixels.length; k++) out[pixels[k]] = values[k];
		return out;
	}
}
