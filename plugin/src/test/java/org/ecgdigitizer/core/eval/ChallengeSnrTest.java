package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the Challenge 2024 SNR on a 2.5-s window (2.5 to 5 s) of a 10-s synthetic ECG
 * (TestEcg seed 1, RMS 0.22 mV). Where the alignment changes the result, the expected values come
 * from an independent Python transcription of the official align_signals/compute_snr run with
 * numpy/scipy on the same samples (see docs/metrics.md); they are not this code's own output.
 */
class ChallengeSnrTest {

	private static final double FS = TestEcg.FS;
	private static final double[] FULL = TestEcg.trace(1, 10, 2.5, 5);
	private static final double[] REF = TestEcg.masked(FULL, 2.5, 5);

	private static double score(double[] ref, double[] est) {
		ChallengeSnr.Alignment a = ChallengeSnr.align(ref, est, FS);
		return ChallengeSnr.snr(ref, a.estimate);
	}

	@Test
	void theTestSignalIsEcgLike() {
		double ss = 0;
		int n = 0;
		for (double v : REF) {
			if (Double.isNaN(v)) continue;
			ss += v * v;
			n++;
		}
		assertEquals(1250, n);
		assertEquals(0.22, Math.sqrt(ss / n), 1e-12);
	}

	@Test
	void gainErrors() {
		// a gain g with no shift gives exactly -20 log10|1 - g|
		assertEquals(20.0, score(REF, TestEcg.scaled(REF, 0.9)), 1e-9);
		assertEquals(-20 * Math.log10(0.05), score(REF, TestEcg.scaled(REF, 0.95)), 1e-9);
		// here the image correlation prefers a small shift, which costs almost 1 dB (Python: 13.086671,
		// 4.687840); without it the values would be 13.98 and 6.02 dB
		assertEquals(13.086671, score(REF, TestEcg.scaled(REF, 0.8)), 1e-5);
		assertEquals(4.687840, score(REF, TestEcg.scaled(REF, 0.5)), 1e-5);
	}

	@Test
	void whiteNoise() {
		// 20 log10(0.22 / sigma) would be 26.85, 12.87, 6.85 dB; the sample noise and, at higher
		// levels, a one-sample shift picked by the alignment move them (Python values)
		assertEquals(26.643113, score(REF, TestEcg.noisy(REF, 0.01, 5)), 1e-5);
		assertEquals(12.098835, score(REF, TestEcg.noisy(REF, 0.05, 5)), 1e-5);
		assertEquals(6.259679, score(REF, TestEcg.noisy(REF, 0.1, 5)), 1e-5);
	}

	@Test
	void positiveAndNegativeShiftsAreRecovered() {
		for (int delay : new int[] { 5, 20, -20, 60, -200, 250, -250 }) {
			for (double[] source : new double[][] { REF, FULL }) {
				double[] est = TestEcg.noisy(TestEcg.delayed(source, delay), 0.001, 6);
				ChallengeSnr.Alignment a = ChallengeSnr.align(REF, est, FS);
				assertEquals(delay, a.shift, "delay " + delay);
				assertEquals(0, a.offsetMv, 1e-12);
				assertTrue(a.applied);
				// 1 µV of noise on 0.22 mV RMS: about 46.8 dB
				double snr = ChallengeSnr.snr(REF, a.estimate);
				assertTrue(snr > 46.5 && snr < 47.1, "delay " + delay + ": " + snr);
			}
		}
		assertEquals(46.849544, score(REF, TestEcg.noisy(TestEcg.delayed(REF, -20), 0.001, 6)), 1e-5);
		assertEquals(46.778873, score(REF, TestEcg.noisy(TestEcg.delayed(REF, 20), 0.001, 6)), 1e-5);
	}

	@Test
	void shiftsBeyondHalfASecondAreRefused() {
		assertEquals(250, ChallengeSnr.maxShift(FS));
		for (int delay : new int[] { 251, -251, 300 }) {
			double[] est = TestEcg.noisy(TestEcg.delayed(REF, delay), 0.001, 6);
			ChallengeSnr.Alignment a = ChallengeSnr.align(REF, est, FS);
			assertEquals(delay, a.shift);
			assertFalse(a.applied);
			assertTrue(a.estimate == est, "the unshifted estimate is scored");
		}
		assertEquals(-2.053653, score(REF, TestEcg.noisy(TestEcg.delayed(REF, 251), 0.001, 6)), 1e-5);
		assertEquals(-1.647766, score(REF, TestEcg.noisy(TestEcg.delayed(REF, -251), 0.001, 6)), 1e-5);
		// numpy rounds half to even: round(0.5 * 257) = 128, round(0.5 * 259) = 130
		assertEquals(128, ChallengeSnr.maxShift(257));
		assertEquals(130, ChallengeSnr.maxShift(259));
	}

	@Test
	void offsetsBeyondOneMillivoltAreRefused() {
		ChallengeSnr.Alignment in = ChallengeSnr.align(REF, TestEcg.plus(TestEcg.noisy(REF, 0.001, 7), 0.99), FS);
		assertTrue(in.applied);
		// the offset is quantised to (max - min) / 255
		assertEquals(0.991020, in.offsetMv, 1e-6);
		ChallengeSnr.Alignment out = ChallengeSnr.align(REF, TestEcg.plus(TestEcg.noisy(REF, 0.001, 7), 1.01), FS);
		assertFalse(out.applied);
		assertEquals(1.008745, out.offsetMv, 1e-6);
		assertEquals(44.091193, score(REF, TestEcg.plus(TestEcg.noisy(REF, 0.001, 7), 0.99)), 1e-5);
		assertEquals(-13.238465, score(REF, TestEcg.plus(TestEcg.noisy(REF, 0.001, 7), 1.01)), 1e-5);
	}

	@Test
	void zerosScoreZero() {
		assertEquals(0, score(REF, new double[REF.length]), 0);
		assertEquals(0, score(FULL, new double[FULL.length]), 0);
	}

	@Test
	void coverageScalesTheSnr() {
		double[] est = TestEcg.noisy(REF, 0.01, 5);
		double full = ChallengeSnr.snr(REF, est);
		// drop the estimate's last 40 % of the window (samples 2000..2499 of 1250..2499)
		double[] partial = est.clone();
		Arrays.fill(partial, 2000, 2500, Double.NaN);
		double[] refPart = REF.clone();
		Arrays.fill(refPart, 2000, 2500, Double.NaN);
		double covered = ChallengeSnr.snr(refPart, partial);
		assertEquals(0.6 * covered, ChallengeSnr.snr(REF, partial), 1e-12);
		assertTrue(Math.abs(full - covered) < 1);
		// a shorter estimate is padded with NaN
		assertEquals(0.6 * covered, ChallengeSnr.snr(REF, Arrays.copyOf(partial, 2000)), 1e-12);
	}

	@Test
	void noOverlapScoresZeroAndNoReferenceIsUndefined() {
		double[] est = TestEcg.masked(FULL, 0, 2.5);
		assertEquals(0, score(REF, est), 0);
		assertEquals(0, ChallengeSnr.snr(REF, new double[] { Double.NaN }), 0);
		double[] nothing = new double[100];
		Arrays.fill(nothing, Double.NaN);
		assertTrue(Double.isNaN(ChallengeSnr.snr(nothing, new double[100])));
	}

	@Test
	void perfectOrSilentIsUndefined() {
		assertTrue(Double.isNaN(score(REF, REF.clone())));
		assertTrue(Double.isNaN(ChallengeSnr.snr(new double[10], new double[10])));
		assertTrue(Double.isNaN(ChallengeSnr.snr(new double[10], TestEcg.plus(new double[10], 1))));
	}

	@Test
	void shiftedDropsOrPrependsSamples() {
		double[] x = { 1, 2, 3, 4 };
		assertEquals(Arrays.toString(new double[] { 2.5, 3.5, Double.NaN, Double.NaN }),
			Arrays.toString(ChallengeSnr.shifted(x, 2, 0.5)));
		assertEquals(Arrays.toString(new double[] { Double.NaN, 0.5, 1.5, 2.5, 3.5 }),
			Arrays.toString(ChallengeSnr.shifted(x, -1, 0.5)));
		assertEquals(6, ChallengeSnr.shifted(x, 6, 0).length);
	}
}
