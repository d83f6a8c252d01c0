package org.ecgdigitizer.core.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * An ECG-like test trace: P, Q, R, S and T waves as Gaussians, jittered RR intervals, R-wave sigma
 * 18 ms, scaled to an RMS of 0.22 mV over the scored window. Deterministic for a given seed.
 */
final class TestEcg {

	static final double FS = 500;

	private TestEcg() {}

	/** A full trace of the given duration (seconds), RMS 0.22 mV over [from, to) seconds. */
	static double[] trace(long seed, double seconds, double from, double to) {
		Random rnd = new Random(seed);
		int n = (int) Math.round(seconds * FS);
		double[] x = new double[n];
		// waves: amplitude (mV), centre relative to R (s), sigma (s)
		double[][] waves = { { 0.15, -0.16, 0.025 }, { -0.12, -0.03, 0.010 }, { 1.0, 0, 0.018 },
			{ -0.28, 0.03, 0.012 }, { 0.30, 0.26, 0.045 } };
		for (double beat = 0.35 + 0.2 * rnd.nextDouble(); beat < seconds + 0.6; beat += 0.8 + 0.1 * rnd.nextGaussian()) {
			double scale = 1 + 0.05 * rnd.nextGaussian();
			for (double[] w : waves) {
				double centre = beat + w[1];
				for (int i = Math.max(0, (int) ((centre - 5 * w[2]) * FS)); i < Math.min(n, (centre + 5 * w[2]) * FS); i++) {
					double t = i / FS - centre;
					x[i] += scale * w[0] * Math.exp(-0.5 * t * t / (w[2] * w[2]));
				}
			}
		}
		int a = (int) Math.round(from * FS), b = (int) Math.round(to * FS);
		double ss = 0;
		for (int i = a; i < b; i++) ss += x[i] * x[i];
		double k = 0.22 / Math.sqrt(ss / (b - a));
		for (int i = 0; i < n; i++) x[i] *= k;
		return x;
	}

	/** The trace with NaN outside [from, to) seconds, as a masked reference of a 3x4 page. */
	static double[] masked(double[] x, double from, double to) {
		double[] out = x.clone();
		int a = (int) Math.round(from * FS), b = (int) Math.round(to * FS);
		Arrays.fill(out, 0, a, Double.NaN);
		Arrays.fill(out, b, out.length, Double.NaN);
		return out;
	}

	/** The standard 2.5-s window of a 10-s record: lead II's column 2 as on a 3x4 page, 2.5 to 5 s. */
	static double[] window(long seed) {
		return masked(trace(seed, 10, 2.5, 5), 2.5, 5);
	}

	static double[] scaled(double[] x, double gain) {
		double[] out = x.clone();
		for (int i = 0; i < out.length; i++) out[i] *= gain;
		return out;
	}

	static double[] plus(double[] x, double offset) {
		double[] out = x.clone();
		for (int i = 0; i < out.length; i++) out[i] += offset;
		return out;
	}

	static double[] noisy(double[] x, double sigma, long seed) {
		Random rnd = new Random(seed);
		double[] out = x.clone();
		for (int i = 0; i < out.length; i++) out[i] += sigma * rnd.nextGaussian();
		return out;
	}

	/** out[i] = x[i - delay]: the trace arrives delay samples late (NaN where nothing arrives). */
	static double[] delayed(double[] x, int delay) {
		double[] out = new double[x.length];
		for (int i = 0; i < out.length; i++) {
			int j = i - delay;
			out[i] = j >= 0 && j < x.length ? x[j] : Double.NaN;
		}
		return out;
	}
}
