package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class KaggleSnrTest {

	private static final double FS = TestEcg.FS;
	private static final double[] FULL = TestEcg.trace(1, 10, 2.5, 5);
	private static final double[] REF = TestEcg.masked(FULL, 2.5, 5);

	@Test
	void lagSearchFindsKnownShiftsWithinTheLimit() {
		assertEquals(100, KaggleSnr.maxLag(FS));
		// A prediction that arrives late by d samples is moved earlier: lag -d. Expected lags come
		// from a Python transcription of Kaggle's metric on the same samples: its mean removal and
		// the edge of the window make early predictions (d < 0) come out one sample short.
		int[][] delayAndLag = { { 0, 0 }, { 20, -20 }, { 37, -37 }, { 60, -60 }, { 100, -100 }, { -20, 19 },
			{ -37, 36 }, { -100, 99 } };
		for (int[] c : delayAndLag) {
			int delay = c[0];
			KaggleSnr.LeadPower p = KaggleSnr.lead(REF, TestEcg.delayed(FULL, delay), FS);
			assertEquals(c[1], p.lag, "delay " + delay);
			if (delay < 0) continue;
			// the samples the shift leaves empty count as zeros
			double expectNoise = 0;
			for (int i = 1250; i < 2500; i++) {
				int j = i + delay;
				if (j < 1250 || j >= 2500) expectNoise += REF[i] * REF[i];
			}
			assertEquals(expectNoise, p.noise, 1e-9, "delay " + delay);
		}
		// beyond 0.2 s the true lag is not reachable
		KaggleSnr.LeadPower far = KaggleSnr.lead(REF, TestEcg.delayed(FULL, 150), FS);
		assertTrue(Math.abs(far.lag) <= 100);
	}

	@Test
	void theOffsetIsTheMseOptimum() {
		double[] pred = TestEcg.plus(TestEcg.noisy(FULL, 0.02, 3), 0.37);
		KaggleSnr.LeadPower p = KaggleSnr.lead(REF, pred, FS);
		assertEquals(0, p.lag);
		double mean = 0;
		for (int i = 1250; i < 2500; i++) mean += pred[i] - REF[i];
		mean /= 1250;
		assertEquals(mean, p.offsetMv, 1e-14);
		// moving the offset either way raises the noise
		for (double eps : new double[] { -1e-3, 1e-3 }) {
			double noise = 0;
			for (int i = 1250; i < 2500; i++) {
				double d = REF[i] - (pred[i] - p.offsetMv - eps);
				noise += d * d;
			}
			assertTrue(noise > p.noise);
		}
	}

	@Test
	void ratiosAreCappedAndPerfectGetsTheCap() {
		KaggleSnr.LeadPower perfect = KaggleSnr.lead(REF, FULL, FS);
		assertEquals(0, perfect.noise, 1e-24);
		assertEquals(60, perfect.db(), 1e-9);
		assertEquals(1e6, KaggleSnr.ratio(5, 1e-9), 0);
		assertEquals(1e6, KaggleSnr.ratio(5, 0), 0);
		assertEquals(0, KaggleSnr.ratio(0, 3), 0);
		assertEquals(4, KaggleSnr.ratio(8, 2), 0);
		assertEquals(60, KaggleSnr.score(new double[] { 1e6, 1e6 }), 1e-12);
		// the mean is taken over linear ratios: (1e6 + 1) / 2
		assertEquals(10 * Math.log10(500000.5), KaggleSnr.score(new double[] { 1e6, 1 }), 1e-12);
	}

	@Test
	void tiesGoToTheSmallestLag() {
		// a zero prediction correlates equally (zero) at every lag
		KaggleSnr.LeadPower p = KaggleSnr.lead(REF, new double[REF.length], FS);
		assertEquals(0, p.lag);
		// after the optimal offset the prediction is the label's mean: noise = Σ(x - mean)²
		double mean = 0;
		for (int i = 1250; i < 2500; i++) mean += REF[i];
		mean /= 1250;
		double noise = 0, signal = 0;
		for (int i = 1250; i < 2500; i++) {
			noise += (REF[i] - mean) * (REF[i] - mean);
			signal += REF[i] * REF[i];
		}
		assertEquals(noise, p.noise, 1e-9);
		assertEquals(signal, p.signal, 1e-9);
		// symmetric ties at ±τ go to the negative lag, as the first index does in the official code
		assertEquals(-1, KaggleSnr.bestLag(new double[] { 1, 0, 1 }, new double[] { 0, 1, 0 }, 1));
	}

	@Test
	void nanAndShortPredictionsCountAsZero() {
		double[] pred = Arrays.copyOf(FULL, 2000);
		KaggleSnr.LeadPower p = KaggleSnr.lead(REF, pred, FS);
		double[] padded = Arrays.copyOf(pred, FULL.length);
		KaggleSnr.LeadPower q = KaggleSnr.lead(REF, padded, FS);
		assertEquals(q.noise, p.noise, 1e-12);
		assertEquals(q.lag, p.lag);
		double[] withNan = padded.clone();
		Arrays.fill(withNan, 2000, withNan.length, Double.NaN);
		assertEquals(q.noise, KaggleSnr.lead(REF, withNan, FS).noise, 1e-12);
		double[] none = new double[10];
		Arrays.fill(none, Double.NaN);
		assertNull(KaggleSnr.lead(none, new double[10], FS));
	}
}
