package org.ecgdigitizer.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.EcgSynthesizer.Conduction;
import org.ecgdigitizer.core.synth.EcgSynthesizer.Params;
import org.ecgdigitizer.core.synth.EcgSynthesizer.StPattern;
import org.junit.jupiter.api.Test;

class EcgSynthesizerTest {

	private static double[] lead(EcgRecord r, Lead lead) {
		return r.samples()[lead.ordinal()];
	}

	@Test
	void limbLeadIdentitiesHoldExactly() {
		for (long seed = 0; seed < 20; seed++) {
			EcgRecord r = EcgSynthesizer.synthesize(seed, 500, 10, "s" + seed);
			double[] i1 = lead(r, Lead.I), i2 = lead(r, Lead.II), i3 = lead(r, Lead.III);
			double[] avr = lead(r, Lead.AVR), avl = lead(r, Lead.AVL), avf = lead(r, Lead.AVF);
			for (int k = 0; k < i1.length; k++) {
				assertEquals(i2[k], i1[k] + i3[k], 0.0, "I + III = II, seed " + seed);
				assertEquals(0.0, avr[k] + avl[k] + avf[k], 0.0, "aVR + aVL + aVF = 0, seed " + seed);
			}
		}
	}

	@Test
	void sameSeedSameSamplesOtherSeedOtherSamples() {
		EcgRecord a = EcgSynthesizer.synthesize(7, 500, 10, "a");
		EcgRecord b = EcgSynthesizer.synthesize(7, 500, 10, "b");
		EcgRecord c = EcgSynthesizer.synthesize(8, 500, 10, "c");
		for (int l = 0; l < 12; l++) assertArrayEquals(a.samples()[l], b.samples()[l], 0.0);
		assertTrue(maxAbsDifference(a.samples()[1], c.samples()[1]) > 0.1);
		assertEquals(12, a.samples().length);
		assertEquals(5000, a.samples()[0].length);
		assertEquals(Lead.standardLabels(), a.leadNames());
	}

	@Test
	void beatsComeAtTheRequestedRateWithPlausibleAmplitudes() {
		for (double bpm : new double[] { 50, 75, 120 }) {
			Params p = new Params().heartRateBpm(bpm).wanderMv(0).noiseMv(0).rrVariability(0);
			EcgRecord r = EcgSynthesizer.synthesize(p, 500, 10, "rate");
			double[] ii = lead(r, Lead.II);
			List<Integer> peaks = rPeaks(ii, 500);
			double meanRr = (peaks.get(peaks.size() - 1) - peaks.get(0)) / 500.0 / (peaks.size() - 1);
			assertEquals(60 / bpm, meanRr, 0.02 * 60 / bpm, "RR at " + bpm + " bpm");
			double peak = ii[peaks.get(1)];
			assertTrue(peak > 0.4 && peak < 3, "R in II " + peak + " mV");
		}
	}

	@Test
	void wideConductionWidensTheQrs() {
		Params narrow = new Params().wanderMv(0).noiseMv(0).rrVariability(0);
		Params wide = narrow.copy().conduction(Conduction.LEFT_BUNDLE_BRANCH_BLOCK).qrsMs(160);
		assertTrue(qrsWidthMs(wide) > qrsWidthMs(narrow) + 30,
			"QRS " + qrsWidthMs(narrow) + " ms narrow vs " + qrsWidthMs(wide) + " ms wide");
	}

	@Test
	void inferiorStElevationRaisesIiAndLowersAvl() {
		Params base = new Params().wanderMv(0).noiseMv(0).rrVariability(0);
		Params injured = base.copy().stPattern(StPattern.INFERIOR_ELEVATION).stMv(0.2);
		EcgRecord a = EcgSynthesizer.synthesize(base, 500, 10, "a");
		EcgRecord b = EcgSynthesizer.synthesize(injured, 500, 10, "b");
		int j = rPeaks(lead(a, Lead.II), 500).get(1) + 50; // 100 ms after R: ST segment
		assertTrue(lead(b, Lead.II)[j] - lead(a, Lead.II)[j] > 0.1, "ST up in II");
		assertTrue(lead(b, Lead.AVL)[j] - lead(a, Lead.AVL)[j] < -0.05, "ST down in aVL");
	}

	@Test
	void seedsVaryRhythmConductionAndAxis() {
		Set<String> kinds = new HashSet<>();
		double minAxis = 1e9, maxAxis = -1e9;
		for (long seed = 0; seed < 200; seed++) {
			Params p = Params.random(seed);
			kinds.add(p.rhythm() + "/" + p.conduction() + "/" + (p.stPattern() != StPattern.NONE));
			minAxis = Math.min(minAxis, p.frontalAxisDeg());
			maxAxis = Math.max(maxAxis, p.frontalAxisDeg());
			assertTrue(p.heartRateBpm() >= 45 && p.heartRateBpm() <= 130);
		}
		assertTrue(kinds.size() >= 6, "variety " + kinds);
		assertTrue(maxAxis - minAxis > 90, "axis spread " + minAxis + ".." + maxAxis);
	}

	@Test
	void refusesImpossibleRatesAndDurations() {
		assertThrows(EcgException.class, () -> EcgSynthesizer.synthesize(1, 10, 10, "x"));
		assertThrows(EcgException.class, () -> EcgSynthesizer.synthesize(1, 500, -1, "x"));
	}

	private static double maxAbsDifference(double[] a, double[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	/** Local maxima above half the record's maximum, at least 250 ms apart. */
	private static List<Integer> rPeaks(double[] x, double fs) {
		double max = 0;
		for (double v : x) max = Math.max(max, v);
		List<Integer> peaks = new ArrayList<>();
		int gap = (int) (0.25 * fs);
		for (int i = 1; i < x.length - 1; i++) {
			if (x[i] > max / 2 && x[i] >= x[i - 1] && x[i] > x[i + 1]) {
				if (!peaks.isEmpty() && i - peaks.get(peaks.size() - 1) < gap) {
					if (x[i] > x[peaks.get(peaks.size() - 1)]) peaks.set(peaks.size() - 1, i);
				}
				else peaks.add(i);
			}
		}
		return peaks;
	}

	/** Width of the region around the second R peak of lead-vector magnitude above 15% of its peak. */
	private static double qrsWidthMs(Params p) {
		EcgRecord r = EcgSynthesizer.synthesize(p, 1000, 5, "w");
		double[] mag = new double[r.samples()[0].length];
		for (Lead lead : new Lead[] { Lead.I, Lead.AVF, Lead.V2 }) {
			double[] x = lead(r, lead);
			for (int i = 0; i < mag.length; i++) mag[i] += x[i] * x[i];
		}
		int peak = rPeaks(mag, 1000).get(1);
		double threshold = 0.15 * mag[peak];
		int a = peak, b = peak;
		while (a > 0 && mag[a - 1] > threshold) a--;
		while (b < mag.length - 1 && mag[b + 1] > threshold) b++;
		return b - a;
	}
}
