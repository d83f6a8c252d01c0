package org.ecgdigitizer.core.signal;

/** In-place radix-2 complex FFT on separate real and imaginary arrays. */
public final class Fft {

	private Fft() {}

	/** The smallest power of two that is at least n. */
	public static int size(int n) {
		int m = 1;
		while (m < n) m <<= 1;
		return m;
	}

	/**
	 * Transforms {@code re + i*im} in place. Forward uses e^{-2 pi i k n / N}; the inverse
	 * uses e^{+2 pi i k n / N} and divides by N, so a round trip returns the input.
	 *
	 * @throws IllegalArgumentException if the length is not a power of two
	 */
	public static void transform(double[] re, double[] im, boolean inverse) {
		int n = re.length;
		if (Integer.bitCount(n) != 1 || im.length != n) {
			throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
		}
		for (int i = 1, j = 0; i < n; i++) {
			int bit = n >> 1;
			for (; (j & bit) != 0; bit >>= 1) j ^= bit;
			j ^= bit;
			if (i < j) {
				double t = re[i];
				re[i] = re[j];
				re[j] = t;
				t = im[i];
				im[i] = im[j];
				im[j] = t;
			}
		}
		for (int len = 2; len <= n; len <<= 1) {
			double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
			int half = len >> 1;
			// twiddles computed directly per stage keep rounding error at the level of one cos/sin
			double[] wr = new double[half];
			double[] wi = new double[half];
			for (int k = 0; k < half; k++) {
				wr[k] = Math.cos(angle * k);
				wi[k] = Math.sin(angle * k);
			}
			for (int start = 0; start < n; start += len) {
				for (int k = 0; k < half; k++) {
					int a = start + k;
					int b = a + half;
					double xr = re[b] * wr[k] - im[b] * wi[k];
					double xi = re[b] * wi[k] + im[b] * wr[k];
					re[b] = re[a] - xr;
					im[b] = im[a] - xi;
					re[a] += xr;
					im[a] += xi;
				}
			}
		}
		if (inverse) {
			for (int i = 0; i < n; i++) {
				re[i] /= n;
				im[i] /= n;
			}
		}
	}

	/** Power spectrum |X(k)|^2 of a real signal zero-padded to {@code padded} (a power of two), bins 0..padded/2. */
	public static double[] powerSpectrum(double[] signal, int padded) {
		double[] re = new double[padded];
		double[] im = new double[padded];
		System.arraycopy(signal, 0, re, 0, Math.min(signal.length, padded));
		transform(re, im, false);
		double[] p = new double[padded / 2 + 1];
		for (int k = 0; k < p.length; k++) p[k] = re[k] * re[k] + im[k] * im[k];
		return p;
	}
}
