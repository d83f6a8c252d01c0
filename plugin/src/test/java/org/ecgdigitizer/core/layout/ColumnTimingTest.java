package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	/**
	 * Three rows of four 2.5 s columns, each row's complexes every rr seconds from t0 (page times):
	 * the record's own times if the columns follow one another, else each column showing 0-2.5 s
	 * again, the 1.5 mm margins at the column edges (60 ms) left out as the chooser leaves them.
	 */
	private static Map<Integer, TreeMap<Integer, double[]>> rows(double t0, double rr, boolean sameWindow) {
		Map<Integer, TreeMap<Integer, double[]>> out = new TreeMap<>();
		for (int row = 0; row < 3; row++) {
			TreeMap<Integer, double[]> columns = new TreeMap<>();
			for (int c = 0; c < 4; c++) {
				List<Double> t = new ArrayList<>();
				for (double r : beats(t0 + 0.01 * row, rr, 10)) {
					double page = sameWindow ? r + 2.5 * c : r;
					if (page >= 2.5 * c + 0.06 && page < 2.5 * (c + 1) - 0.06 && (!sameWindow || r < 2.5)) t.add(page);
				}
				columns.put(c, t.stream().mapToDouble(Double::doubleValue).toArray());
			}
			out.put(row, columns);
		}
		return out;
	}

	/**
	 * Without a strip, the sequence is tested at the columns' boundaries: the heart beats on across
	 * them. At 157 bpm (rr 0.383 s, as on eik_ecg00039) 2.5 s is 6.5 beats: columns that follow one
	 * another keep the row's beat interval across each boundary, columns that show the same window
	 * jump by half of it.
	 */
	@Test
	void theBeatIntervalAcrossColumnBoundariesTestsTheSequence() {
		ColumnTimingChooser.Fit sequential = ColumnTimingChooser.continuity(rows(0.15, 0.383, false));
		assertEquals(9, sequential.compared);
		assertTrue(sequential.holds(), sequential.describe());
		assertEquals(0, sequential.medianOffset, 1e-9);
		ColumnTimingChooser.Fit sameWindow = ColumnTimingChooser.continuity(rows(0.15, 0.383, true));
		assertEquals(9, sameWindow.compared);
		assertTrue(sameWindow.fails(), sameWindow.describe());
		assertTrue(sameWindow.medianOffset > 0.1, sameWindow.describe());
		// a beat lost in the margins at a boundary makes the interval two of the row's own
		Map<Integer, TreeMap<Integer, double[]>> lost = new TreeMap<>();
		TreeMap<Integer, double[]> row = new TreeMap<>();
		row.put(0, new double[] { 0.5, 1.0, 1.5, 2.0 });
		row.put(1, new double[] { 3.0, 3.5, 4.0 });
		lost.put(0, row);
		assertEquals(0, ColumnTimingChooser.continuity(lost).medianOffset, 1e-9);
		assertEquals(0.5, ColumnTimingChooser.medianInterval(row.get(0), row.get(1)), 1e-9);
	}

	/**
	 * A regular rhythm of 120 bpm fits 2.5 s five times: both readings line up, so neither wins, and
	 * the page keeps the printers' usual sequence; at 157 bpm the same window wins only when the beats
	 * jump at the boundaries.
	 */
	@Test
	void withoutAStripTheEvidenceSeparatesTheReadings() {
		Map<Integer, TreeMap<Integer, double[]>> commensurate = rows(0.15, 0.5, false);
		ColumnTimingChooser.Fit continuity = ColumnTimingChooser.continuity(commensurate);
		List<Double> first = new ArrayList<>();
		List<double[]> later = new ArrayList<>();
		for (TreeMap<Integer, double[]> columns : commensurate.values()) {
			for (Map.Entry<Integer, double[]> e : columns.entrySet()) {
				for (double t : e.getValue()) {
					if (e.getKey() == 0) first.add(t);
					else later.add(new double[] { t, 2.5 * e.getKey() });
				}
			}
		}
		ColumnTimingChooser.Fit same = ColumnTimingChooser.fit(later, first, 2.5, true);
		assertTrue(same.holds() && continuity.holds(), same.describe() + " / " + continuity.describe());
		assertEquals(0, ColumnTimingChooser.closer(same, continuity));
	}

	/** Generated 3x4 pages without a strip at 157 bpm: each reading found from the beats. */
	@Test
	void aFastRegularRhythmWithoutAStrip() {
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(39).heartRateBpm(157)
			.rrVariability(0.005), 500, 10, "fast");
		for (String spec : new String[] { "3x4/same-window", "3x4" }) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withLayout(spec), 39);
			LeadLayout found = Stages.detectLeads(Stages.preprocess(page.img(), Double.NaN, Progress.NONE),
				DigitizerSettings.defaults());
			LayoutEvidence.Timing t = found.evidence.timing;
			assertEquals(PageLayout.parse(spec).timing(), found.layout.timing(), spec + ": " + Json.write(t.toJson()));
			assertEquals("beats", t.source, spec + ": " + t.why);
			assertTrue(t.sequentialBeats >= ColumnTimingChooser.MIN_BEATS, t.why);
		}
	}
}
