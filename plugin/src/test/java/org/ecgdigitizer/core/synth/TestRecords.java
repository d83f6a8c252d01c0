package org.ecgdigitizer.core.synth;

import java.util.Random;

import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;

/** ECG-like twelve-lead records for tests: P, Q, R, S and T waves as Gaussians per beat, per-lead weights. */
final class TestRecords {

	private TestRecords() {}

	static EcgRecord twelveLead(long seed, double fs, double seconds) {
		Random r = new Random(seed);
		int n = (int) Math.round(seconds * fs);
		double[][] s = new double[12][n];
		// per lead: weights of P, Q, R, S, T
		double[][] weights = new double[12][5];
		for (int l = 0; l < 12; l++) {
			double polarity = l == Lead.AVR.ordinal() || l == Lead.V1.ordinal() ? -1 : 1;
			weights[l] = new double[] { 0.1 + 0.1 * r.nextDouble(), -0.1 * r.nextDouble(), polarity * (0.5 + 1.2 * r
				.nextDouble()), -0.4 * r.nextDouble(), polarity * (0.15 + 0.25 * r.nextDouble()) };
		}
		double[][] waves = { { -0.16, 0.025 }, { -0.03, 0.010 }, { 0, 0.014 }, { 0.03, 0.012 }, { 0.27, 0.045 } };
		double rr = 0.65 + 0.4 * r.nextDouble();
		for (double beat = 0.2 + 0.4 * r.nextDouble(); beat < seconds + 0.6; beat += rr * (1 + 0.04 * r.nextGaussian())) {
			for (int k = 0; k < waves.length; k++) {
				double centre = beat + waves[k][0], sigma = waves[k][1];
				int from = Math.max(0, (int) ((centre - 5 * sigma) * fs)), to = Math.min(n, (int) ((centre + 5 * sigma) * fs));
				for (int i = from; i < to; i++) {
					double t = i / fs - centre;
					double g = Math.exp(-0.5 * t * t / (sigma * sigma));
					for (int l = 0; l < 12; l++) s[l][i] += weights[l][k] * g;
				}
			}
		}
		// a slow baseline wander so traces are not flat between beats
		for (int l = 0; l < 12; l++) {
			double a = 0.05 * r.nextDouble(), ph = 2 * Math.PI * r.nextDouble();
			for (int i = 0; i < n; i++) s[l][i] += a * Math.sin(2 * Math.PI * 0.3 * i / fs + ph);
		}
		return new EcgRecord("test" + seed, fs, Lead.standardLabels(), s);
	}
}
