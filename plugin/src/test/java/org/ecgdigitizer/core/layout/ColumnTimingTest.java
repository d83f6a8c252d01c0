package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The column timing when the rhythm is regular and a column lasts nearly a whole number of beats:
 * the complexes of a later column then line up, within the tolerance of two leads' QRS, under both
 * assumptions, and only how closely they line up tells them apart (as on ecg-image-kit's
 * 6x2/E07509, 48 bpm: 5 s is 4 beats and 50 ms).
 */
class ColumnTimingTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** Beats every rr seconds from t0 up to end, page times. */
	private static List<Double> beats(double t0, double rr, double end) {
		List<Double> out = new ArrayList<>();
		for (double t = t0; t < end; t += rr) out.add(t);
		return out;
	}

	@Test
	void theCloserFitDecidesWhenBothLineUp() {
		double rr = 1.238;
		// a strip over 10 s; a right column starting at 5 s showing the same window (0-5 s), a lead
		// whose QRS centre sits 5 ms later than the strip's
		List<Double> strip = beats(0.3, rr, 10);
		List<double[]> later = new ArrayList<>();
		for (double t : beats(0.3, rr, 4.9)) later.add(new double[] { t + 5 + 0.005, 5 });
		ColumnTimingChooser.Fit same = ColumnTimingChooser.fit(later, strip, 10, true);
		ColumnTimingChooser.Fit sequential = ColumnTimingChooser.fit(later, strip, 10, false);
		assertTrue(same.holds() && sequential.holds(), same.describe() + " / " + sequential.describe());
		assertEquals(0.005, same.medianOffset, 1e-9);
		// 4 beats are 4.952 s: under the sequence the complexes sit 48 ms and the lead's 5 ms off
		assertEquals(0.053, sequential.medianOffset, 1e-9);
		assertEquals(1, ColumnTimingChooser.closer(same, sequential));
		assertEquals(-1, ColumnTimingChooser.closer(sequential, same));
		// a perfectly regular rhythm whose beats fit 5 s exactly cannot be told
		List<double[]> exact = new ArrayList<>();
		for (double t : beats(0.3, 1.25, 4.9)) exact.add(new double[] { t + 5, 5 });
		List<Double> exactStrip = beats(0.3, 1.25, 10);
		assertEquals(0, ColumnTimingChooser.closer(ColumnTimingChooser.fit(exact, exactStrip, 10, true),
			ColumnTimingChooser.fit(exact, exactStrip, 10, false)));
	}

	/** Generated 6x2 pages at 48.4 bpm with little variation: with a strip, and without. */
	@Test
	void aRegularRhythmDoesNotFakeTheTiming() {
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(2105).heartRateBpm(48.4)
			.rrVariability(0.005), 500, 10, "regular");
		for (String spec : new String[] { "6x2+1/same-window", "6x2+1", "6x2" }) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withLayout(spec), 2105);
			LeadLayout found = Stages.detectLeads(Stages.preprocess(page.img(), Double.NaN, Progress.NONE),
				DigitizerSettings.defaults());
			LayoutEvidence.Timing t = found.evidence.timing;
			assertEquals(PageLayout.parse(spec).timing(), found.layout.timing(), spec + ": " + Json.write(t.toJson()));
			if (spec.contains("+1")) {
				assertEquals("beats", t.source, spec + ": " + t.why);
				assertEquals("rhythm strip", t.reference);
				// both line up within a QRS's tolerance: only the closeness tells
				assertTrue(t.sequentialMatch >= ColumnTimingChooser.MATCH && t.sameWindowMatch >= ColumnTimingChooser.MATCH,
					t.why);
			}
		}
	}
}
