package org.ecgdigitizer.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.EcgSynthesizer.Conduction;
import org.ecgdigitizer.core.synth.EcgSynthesizer.Params;
import org.ecgdigitizer.core.synth.EcgSynthesizer.Rhythm;
import org.ecgdigitizer.core.synth.EcgSynthesizer.StPattern;
import org.junit.jupiter.api.Test;

class EcgSynthesizerTest {

	private static final double FS = 500;

	/** Default parameters without wander or noise, so that measurements see the cardiac waves only. */
	private static Params clean() {
		return new Params().wanderMv(0).noiseMv(0);
	}

	@Test
	void einthovenAndGoldbergerIdentitiesHoldWithWanderAndNoise() {
		for (long seed = 0; seed < 60; seed++) {
			Params p = Params.random(seed).wanderMv(0.3).noiseMv(0.02);
			EcgRecord r = EcgSynthesizer.synthesize(p, seed % 2 == 0 ? 500 : 257, 8, "s" + seed);
			double[] i = r.lead(Lead.I), ii = r.lead(Lead.II), iii = r.lead(Lead.III);
			double[] avr = r.lead(Lead.AVR), avl = r.lead(Lead.AVL), avf = r.lead(Lead.AVF);
			for (int k = 0; k < r.length(); k++) {
				assertEquals(ii[k], i[k] + iii[k], 0.0, "Einthoven, seed " + seed);
				assertEquals(0, avr[k] + avl[k] + avf[k], 0.0, "Goldberger, seed " + seed);
				assertEquals(-(i[k] + ii[k]) / 2, avr[k], 1e-12);
			}
		}
	}

	@Test
	void recordHasTheTwelveStandardLeadsAtTheRequestedRateAndLength() {
		EcgRecord r = EcgSynthesizer.synthesize(7, 250, 10, "rec7");
		assertEquals(Lead.standardLabels(), r.leadNames());
		assertEquals(250, r.samplingFrequency());
		assertEquals(2500, r.length());
		assertEquals("rec7", r.name());
		for (int c = 0; c < 12; c++) assertEquals(r.length(), r.finiteCount(c));
	}

	@Test
	void sameSeedGivesIdenticalSamplesAndDifferentSeedsDiffer() {
		EcgRecord a = EcgSynthesizer.synthesize(42, FS, 10, "a");
		EcgRecord b = EcgSynthesizer.synthesize(42, FS, 10, "b");
		for (int c = 0; c < 12; c++) assertArrayEquals(a.channel(c), b.channel(c));
		EcgRecord other = EcgSynthesizer.synthesize(43, FS, 10, "c");
		assertFalse(Arrays.equals(a.channel(1), other.channel(1)));
		// Only the noise seed differs: same heart, different noise.
		EcgRecord noise = EcgSynthesizer.synthesize(Params.random(42).noiseSeed(5), FS, 10, "d");
		assertFalse(Arrays.equals(a.channel(1), noise.channel(1)));
	}

	/**
	 * Pins the exact output so that a change in the model, or a JVM that computes differently,
	 * is noticed. If the model is changed on purpose, update the value and regenerate the
	 * committed sample pages that were drawn from it.
	 */
	@Test
	void outputIsPinned() {
		Params[] cases = { Params.random(2024),
			new Params().rhythm(Rhythm.ATRIAL_FIBRILLATION).rrVariability(0.2).conduction(Conduction.LEFT_BUNDLE_BRANCH_BLOCK)
				.stPattern(StPattern.DIFFUSE_DEPRESSION).stMv(0.15).wanderMv(0.3).noiseMv(0.02).noiseSeed(99),
			new Params().conduction(Conduction.RIGHT_BUNDLE_BRANCH_BLOCK).frontalAxisDeg(-30).horizontalRotationDeg(20)
				.heartRateBpm(110).stPattern(StPattern.INFERIOR_ELEVATION).stMv(0.2) };
		long hash = 1;
		for (Params p : cases) {
			EcgRecord r = EcgSynthesizer.synthesize(p, 500, 10, "pinned");
			for (double[] channel : r.samples()) {
				for (double v : channel) hash = 31 * hash + Double.doubleToLongBits(v);
			}
		}
		assertEquals(PINNED_HASH, hash, "Synthetic ECG output changed: see the comment of this test");
	}

	private static final long PINNED_HASH = 5500690617663947680L;

	@Test
	void paramsRoundTripThroughJson() {
		for (long seed = 0; seed < 20; seed++) {
			Params p = Params.random(seed);
			@SuppressWarnings("unchecked")
			Map<String, Object> back = (Map<String, Object>) Json.parse(Json.write(p.toMap()));
			Params q = Params.fromMap(back);
			assertEquals(p.toMap(), q.toMap());
			assertArrayEquals(EcgSynthesizer.synthesize(p, 250, 4, "p").channel(6),
				EcgSynthesizer.synthesize(q, 250, 4, "q").channel(6));
		}
	}

	@Test
	void badArgumentsFailWithAClearMessage() {
		assertThrows(EcgException.class, () -> EcgSynthesizer.synthesize(1, 20, 10, "x"));
		assertThrows(EcgException.class, () -> EcgSynthesizer.synthesize(1, 500, 0, "x"));
		EcgException e = assertThrows(EcgException.class, () -> new Params().heartRateBpm(400));
		assertTrue(e.getMessage().contains("heart rate"), e.getMessage());
		assertThrows(EcgException.class, () -> Params.fromMap(Map.of("rhythm", "flutter")));
	}

	@Test
	void heartRateMatchesTheRequest() {
		for (double bpm : new double[] { 45, 60, 75, 100, 130 }) {
			EcgRecord r = EcgSynthesizer.synthesize(new Params().heartRateBpm(bpm).noiseSeed((long) bpm), FS, 60, "hr");
			List<Integer> peaks = rPeaks(r.lead(Lead.II), FS);
			double meanRr = (peaks.get(peaks.size() - 1) - peaks.get(0)) / FS / (peaks.size() - 1);
			assertEquals(bpm, 60 / meanRr, 3, "requested " + bpm + " bpm");
		}
	}

	@Test
	void heartRateOfRandomParamsMatches() {
		for (long seed = 0; seed < 15; seed++) {
			Params p = Params.random(seed).frontalAxisDeg(60).rhythm(Rhythm.SINUS).rrVariability(0.03);
			EcgRecord r = EcgSynthesizer.synthesize(p, FS, 60, "hr");
			List<Integer> peaks = rPeaks(r.lead(Lead.II), FS);
			double meanRr = (peaks.get(peaks.size() - 1) - peaks.get(0)) / FS / (peaks.size() - 1);
			assertEquals(p.heartRateBpm(), 60 / meanRr, 3, "seed " + seed);
		}
	}

	@Test
	void wideQrsIsMeasurablyWiderThanNarrow() {
		double narrow = qrsWidthMs(clean().qrsMs(90));
		double lbbb = qrsWidthMs(clean().conduction(Conduction.LEFT_BUNDLE_BRANCH_BLOCK).qrsMs(150));
		double rbbb = qrsWidthMs(clean().conduction(Conduction.RIGHT_BUNDLE_BRANCH_BLOCK).qrsMs(150));
		assertTrue(narrow > 65 && narrow < 115, "narrow QRS measured " + narrow + " ms");
		assertTrue(lbbb > 120 && lbbb < 180, "LBBB QRS measured " + lbbb + " ms");
		assertTrue(rbbb > 120 && rbbb < 180, "RBBB QRS measured " + rbbb + " ms");
		assertTrue(lbbb > narrow + 35 && rbbb > narrow + 35);
	}

	@Test
	void bundleBranchBlocksHaveTheirTypicalShapes() {
		// LBBB: no septal q in V6 and a negative V1; RBBB: a terminal R' in V1 and a terminal S in I.
		EcgRecord l = EcgSynthesizer.synthesize(clean().conduction(Conduction.LEFT_BUNDLE_BRANCH_BLOCK), FS, 5, "l");
		EcgRecord r = EcgSynthesizer.synthesize(clean().conduction(Conduction.RIGHT_BUNDLE_BRANCH_BLOCK), FS, 5, "r");
		EcgRecord n = EcgSynthesizer.synthesize(clean(), FS, 5, "n");
		assertTrue(min(n.lead(Lead.V6), firstQrs(n), -60, 0) < -0.05, "normal V6 has a septal q");
		assertTrue(min(l.lead(Lead.V6), firstQrs(l), -90, 0) > -0.03, "LBBB V6 has no septal q");
		assertTrue(minOverQrs(l, Lead.V1) < -0.8);
		int rPeak = firstQrs(r);
		double[] v1 = r.lead(Lead.V1);
		double latePositive = 0;
		for (int k = rPeak + (int) (0.03 * FS); k < rPeak + (int) (0.12 * FS); k++) latePositive = Math.max(latePositive, v1[k]);
		assertTrue(latePositive > 0.3, "RBBB R' in V1: " + latePositive);
	}

	@Test
	void atrialFibrillationHasIrregularRrAndNoPWaves() {
		Params sinus = clean().heartRateBpm(80).rrVariability(0.02);
		Params af = clean().heartRateBpm(80).rhythm(Rhythm.ATRIAL_FIBRILLATION).rrVariability(0.2).fibrillationMv(0.06);
		EcgRecord s = EcgSynthesizer.synthesize(sinus, FS, 60, "sinus");
		EcgRecord a = EcgSynthesizer.synthesize(af, FS, 60, "af");
		assertTrue(rrVariation(s) < 0.04, "sinus RR variation " + rrVariation(s));
		assertTrue(rrVariation(a) > 0.12, "AF RR variation " + rrVariation(a));
		assertTrue(pWaveHeight(s) > 0.08, "sinus P wave " + pWaveHeight(s));
		assertTrue(pWaveHeight(a) < 0.025, "AF P wave " + pWaveHeight(a));
	}

	@Test
	void stPatternsRaiseAndLowerTheIntendedLeads() {
		checkSt(StPattern.INFERIOR_ELEVATION, new Lead[] { Lead.II, Lead.III, Lead.AVF }, new Lead[] { Lead.AVL });
		checkSt(StPattern.ANTERIOR_ELEVATION, new Lead[] { Lead.V1, Lead.V2, Lead.V3, Lead.V4 }, new Lead[0]);
		checkSt(StPattern.LATERAL_ELEVATION, new Lead[] { Lead.I, Lead.AVL, Lead.V5, Lead.V6 }, new Lead[] { Lead.III });
		checkSt(StPattern.DIFFUSE_DEPRESSION, new Lead[] { Lead.AVR }, new Lead[] { Lead.I, Lead.II, Lead.V5, Lead.V6 });
	}

	private static void checkSt(StPattern pattern, Lead[] raised, Lead[] lowered) {
		EcgRecord base = EcgSynthesizer.synthesize(clean(), FS, 10, "base");
		EcgRecord st = EcgSynthesizer.synthesize(clean().stPattern(pattern).stMv(0.2), FS, 10, "st");
		for (Lead lead : raised) {
			double shift = stLevel(st, lead) - stLevel(base, lead);
			assertTrue(shift > 0.08, pattern + " should raise ST in " + lead + ", shift " + shift);
		}
		for (Lead lead : lowered) {
			double shift = stLevel(st, lead) - stLevel(base, lead);
			assertTrue(shift < -0.08, pattern + " should lower ST in " + lead + ", shift " + shift);
		}
	}

	@Test
	void frontalAxisMatchesTheRequest() {
		for (double axis : new double[] { -45, -10, 30, 60, 90, 110 }) {
			EcgRecord r = EcgSynthesizer.synthesize(clean().frontalAxisDeg(axis), FS, 10, "axis");
			// The net QRS area in I and aVF gives the frontal axis (aVF is scaled by 2/sqrt(3) to
			// the length of lead I on the hexaxial chart).
			double i = qrsArea(r, Lead.I), avf = qrsArea(r, Lead.AVF) * 2 / Math.sqrt(3);
			assertEquals(axis, Math.toDegrees(Math.atan2(avf, i)), 3, "axis");
		}
	}

	@Test
	void horizontalRotationMovesTheTransitionZone() {
		double forwards = transitionLead(clean().horizontalRotationDeg(30));
		double neutral = transitionLead(clean());
		double backwards = transitionLead(clean().horizontalRotationDeg(-30));
		assertTrue(forwards < neutral && neutral < backwards, forwards + " " + neutral + " " + backwards);
		assertTrue(neutral >= 2 && neutral <= 4, "normal transition between V2/V3 and V4/V5: " + neutral);
	}

	@Test
	void defaultEcgLooksLikeANormalAdultEcg() {
		EcgRecord r = EcgSynthesizer.synthesize(clean(), FS, 10, "normal");
		assertTrue(maxOverQrs(r, Lead.II) > 0.3, "R in II");
		assertTrue(qrsArea(r, Lead.AVR) < 0, "aVR negative");
		assertTrue(qrsArea(r, Lead.V1) < 0 && maxOverQrs(r, Lead.V1) > 0.05, "V1 rS");
		for (Lead v : new Lead[] { Lead.V5, Lead.V6 }) {
			assertTrue(maxOverQrs(r, v) > 0.8 && maxOverQrs(r, v) < 2.5, "R in " + v + " " + maxOverQrs(r, v));
		}
		// T concordant with the QRS in the main leads.
		for (Lead lead : new Lead[] { Lead.I, Lead.II, Lead.AVR, Lead.V4, Lead.V5, Lead.V6 }) {
			double t = tPeak(r, lead);
			assertTrue(Math.signum(t) == Math.signum(qrsArea(r, lead)), "T concordant in " + lead);
			assertTrue(Math.abs(t) > 0.05 && Math.abs(t) < 0.7, "T size in " + lead + " " + t);
		}
		double p = pWaveHeight(r);
		assertTrue(p > 0.05 && p < 0.25, "P in II " + p);
	}

	@Test
	void amplitudesStayPlausibleForManySeeds() {
		for (long seed = 0; seed < 200; seed++) {
			EcgRecord r = EcgSynthesizer.synthesize(seed, 250, 10, "a");
			for (int c = 0; c < 12; c++) {
				for (double v : r.channel(c)) {
					assertTrue(Math.abs(v) < 5, "seed " + seed + " lead " + r.leadNames().get(c) + ": " + v);
				}
			}
		}
	}

	@Test
	void wanderAndNoiseHaveTheRequestedSize() {
		Params p = new Params().amplitudeScale(0).wanderMv(0.3).noiseMv(0);
		double peak = 0;
		for (long seed = 0; seed < 20; seed++) {
			EcgRecord r = EcgSynthesizer.synthesize(p.noiseSeed(seed), 100, 60, "w");
			for (double[] channel : r.samples()) for (double v : channel) peak = Math.max(peak, Math.abs(v));
		}
		assertTrue(peak > 0.15 && peak < 0.6, "wander peak " + peak);

		EcgRecord noise = EcgSynthesizer.synthesize(new Params().amplitudeScale(0).wanderMv(0).noiseMv(0.01), 1000, 20, "n");
		double sum = 0;
		for (double v : noise.lead(Lead.I)) sum += v * v;
		assertEquals(0.01, Math.sqrt(sum / noise.length()), 0.002, "noise standard deviation in I");
	}

	@Test
	void samplingRateChangesSamplingOnly() {
		// Everything but the broadband noise is a function of time alone.
		Params[] cases = { clean(), new Params().noiseMv(0).wanderMv(0.2).rhythm(Rhythm.ATRIAL_FIBRILLATION).rrVariability(0.2) };
		for (Params p : cases) {
			EcgRecord slow = EcgSynthesizer.synthesize(p, 100, 10, "100");
			EcgRecord fast = EcgSynthesizer.synthesize(p, 1000, 10, "1000");
			for (Lead lead : new Lead[] { Lead.II, Lead.V1, Lead.V5 }) {
				double[] s = slow.lead(lead), f = fast.lead(lead);
				for (int k = 0; k < s.length; k++) assertEquals(f[10 * k], s[k], 1e-9, p.rhythm() + " " + lead);
			}
		}
	}

	@Test
	void longRecordsWork() {
		EcgRecord r = EcgSynthesizer.synthesize(3, 500, 300, "long");
		assertEquals(150_000, r.length());
		List<Integer> peaks = rPeaks(r.lead(Lead.II), 500);
		assertTrue(peaks.size() > 200, "beats in 5 minutes: " + peaks.size());
	}

	// ---- measurements ----

	/** R peaks: local maxima above half the largest value, at least 250 ms apart. */
	static List<Integer> rPeaks(double[] x, double fs) {
		double max = Double.NEGATIVE_INFINITY;
		for (double v : x) max = Math.max(max, v);
		int refractory = (int) (0.25 * fs);
		List<Integer> peaks = new ArrayList<>();
		for (int k = 1; k < x.length - 1; k++) {
			if (x[k] > max / 2 && x[k] >= x[k - 1] && x[k] > x[k + 1]) {
				if (!peaks.isEmpty() && k - peaks.get(peaks.size() - 1) < refractory) {
					if (x[k] > x[peaks.get(peaks.size() - 1)]) peaks.set(peaks.size() - 1, k);
				}
				else {
					peaks.add(k);
				}
			}
		}
		return peaks;
	}

	/**
	 * QRS peaks found on the spatial magnitude of all leads (so any axis works), ignoring beats
	 * too close to the ends for a whole P-QRS-T window.
	 */
	private static List<Integer> beats(EcgRecord r) {
		List<Integer> out = new ArrayList<>();
		for (int k : rPeaks(spatialMagnitude(r), r.samplingFrequency())) {
			if (k > 0.4 * r.samplingFrequency() && k < r.length() - 0.6 * r.samplingFrequency()) out.add(k);
		}
		return out;
	}

	private static double[] spatialMagnitude(EcgRecord r) {
		double[] magnitude = new double[r.length()];
		for (int k = 0; k < magnitude.length; k++) {
			double s = 0;
			for (int c = 0; c < 12; c++) s += r.channel(c)[k] * r.channel(c)[k];
			magnitude[k] = Math.sqrt(s);
		}
		return magnitude;
	}

	private static int firstQrs(EcgRecord r) {
		return beats(r).get(0);
	}

	private static double rrVariation(EcgRecord r) {
		List<Integer> peaks = rPeaks(r.lead(Lead.II), r.samplingFrequency());
		double[] rr = new double[peaks.size() - 1];
		for (int k = 0; k < rr.length; k++) rr[k] = peaks.get(k + 1) - peaks.get(k);
		double mean = Arrays.stream(rr).average().orElse(0);
		double var = Arrays.stream(rr).map(v -> (v - mean) * (v - mean)).average().orElse(0);
		return Math.sqrt(var) / mean;
	}

	/** Height of the R-aligned average of lead II 80-300 ms before the R peak (the P wave), in mV. */
	private static double pWaveHeight(EcgRecord r) {
		double[] x = r.lead(Lead.II);
		int from = (int) (0.30 * FS), to = (int) (0.08 * FS);
		double[] avg = new double[from - to];
		List<Integer> beats = beats(r);
		for (int k : beats) {
			for (int j = 0; j < avg.length; j++) avg[j] += x[k - from + j] / beats.size();
		}
		// Height above the straight line joining the window ends, so a sloping T tail does not count.
		double peak = Double.NEGATIVE_INFINITY;
		int last = avg.length - 1;
		for (int j = 0; j <= last; j++) peak = Math.max(peak, avg[j] - (avg[0] + (avg[last] - avg[0]) * j / last));
		return peak;
	}

	/** QRS width: the span around the first R peak where the spatial magnitude of all leads stays above 5% of its peak. */
	private static double qrsWidthMs(Params p) {
		EcgRecord r = EcgSynthesizer.synthesize(p, FS, 5, "w");
		double[] magnitude = spatialMagnitude(r);
		int peak = firstQrs(r);
		double threshold = 0.05 * magnitude[peak];
		int start = peak, end = peak;
		while (magnitude[start] > threshold) start--;
		while (magnitude[end] > threshold) end++;
		return (end - start) / FS * 1000;
	}

	/** ST level 60 ms after the J point minus the PR segment level, averaged over beats. */
	private static double stLevel(EcgRecord r, Lead lead) {
		double[] x = r.lead(lead);
		double sum = 0;
		List<Integer> beats = beats(r);
		for (int k : beats) {
			// Default QRS is 90 ms with the R peak near 45 ms: the PR segment is ~70 ms before
			// the peak, J+60 ms is ~105 ms after it.
			sum += x[k + (int) (0.105 * FS)] - x[k - (int) (0.07 * FS)];
		}
		return sum / beats.size();
	}

	private static double qrsArea(EcgRecord r, Lead lead) {
		double[] x = r.lead(lead);
		int k = firstQrs(r);
		double s = 0;
		for (int j = k - (int) (0.07 * FS); j < k + (int) (0.07 * FS); j++) s += x[j];
		return s / FS;
	}

	private static double maxOverQrs(EcgRecord r, Lead lead) {
		int k = firstQrs(r);
		double[] x = r.lead(lead);
		double m = Double.NEGATIVE_INFINITY;
		for (int j = k - (int) (0.07 * FS); j < k + (int) (0.07 * FS); j++) m = Math.max(m, x[j]);
		return m;
	}

	private static double minOverQrs(EcgRecord r, Lead lead) {
		int k = firstQrs(r);
		return min(r.lead(lead), k, -70, 70);
	}

	/** Smallest value from {@code fromMs} to {@code toMs} around a sample. */
	private static double min(double[] x, int center, int fromMs, int toMs) {
		double m = Double.POSITIVE_INFINITY;
		for (int j = center + (int) (fromMs / 1000.0 * FS); j < center + (int) (toMs / 1000.0 * FS); j++) m = Math.min(m, x[j]);
		return m;
	}

	/** The T wave extreme (signed) 150-400 ms after the first R peak. */
	private static double tPeak(EcgRecord r, Lead lead) {
		int k = firstQrs(r);
		double[] x = r.lead(lead);
		double best = 0;
		for (int j = k + (int) (0.15 * FS); j < k + (int) (0.4 * FS); j++) if (Math.abs(x[j]) > Math.abs(best)) best = x[j];
		return best;
	}

	/** The first chest lead (1-6, interpolated) whose net QRS area turns positive. */
	private static double transitionLead(Params p) {
		EcgRecord r = EcgSynthesizer.synthesize(p, FS, 5, "t");
		Lead[] chest = { Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6 };
		double previous = qrsArea(r, chest[0]);
		if (previous > 0) return 1;
		for (int v = 1; v < 6; v++) {
			double area = qrsArea(r, chest[v]);
			if (area > 0) return v + previous / (previous - area);
			previous = area;
		}
		return 7;
	}
}
