package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

/**
 * A whole generated page at 72 dpi (2.8 px/mm) drawn by a 0.25 mm pen (0.7 px), with pixel noise
 * and JPEG: its QRS complexes are strokes thinner than a pixel, grey and broken. Their amplitudes
 * must be recovered.
 */
class LowResolutionQrsTest {

	@Test
	void qrsAmplitudesOfAThinPenAt72DpiAreRecovered() {
		long seed = 1;
		PageSpec spec = PageSpec.defaults().withDpi(72).withTraceWidthMm(0.25).withDistortions("noise:0.04,jpeg:0.5");
		SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(seed, 500, "qrs"), spec, seed);
		EcgDigitizer d = new EcgDigitizer(page.img(), Double.NaN, DigitizerSettings.defaults(), "qrs");
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		EcgRecord truth = page.maskedReference();
		EcgRecord got = d.getResult().record;
		// each lead's peak-to-peak amplitude (its QRS) where both show it, against the printed one
		List<Double> ratios = new ArrayList<>();
		for (String lead : truth.leadNames()) {
			double[] t = truth.lead(lead);
			double[] g = got.lead(lead);
			double tMin = Double.POSITIVE_INFINITY, tMax = Double.NEGATIVE_INFINITY;
			double gMin = Double.POSITIVE_INFINITY, gMax = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < Math.min(t.length, g.length); k++) {
				if (!Double.isFinite(t[k]) || !Double.isFinite(g[k])) continue;
				tMin = Math.min(tMin, t[k]);
				tMax = Math.max(tMax, t[k]);
				gMin = Math.min(gMin, g[k]);
				gMax = Math.max(gMax, g[k]);
			}
			if (tMax - tMin > 0.3) ratios.add((gMax - gMin) / (tMax - tMin));
		}
		assertTrue(ratios.size() >= 10, "leads compared: " + ratios);
		Collections.sort(ratios);
		double median = ratios.get(ratios.size() / 2);
		// measured: 0.914, worst lead 0.83 (the same before this round's rules: the apexes of a pen
		// thinner than a pixel still fall short where its up and down strokes share the apex's columns)
		assertTrue(median > 0.88 && median < 1.06, "median amplitude ratio " + median + " of " + ratios);
		assertTrue(ratios.get(0) > 0.78, "worst lead " + ratios);
	}
}
