package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;

class EvaluationTest {

	private static final double FS = TestEcg.FS;

	/** A reference with leads I (2.5-5 s), II (full 10 s) and V1 (5-7.5 s), masked as on a page. */
	private static EcgRecord reference() {
		double[][] s = { TestEcg.masked(TestEcg.trace(1, 10, 2.5, 5), 2.5, 5), TestEcg.trace(2, 10, 0, 10),
			TestEcg.masked(TestEcg.trace(3, 10, 5, 7.5), 5, 7.5) };
		return new EcgRecord("r1", FS, List.of("I", "II", "V1"), s);
	}

	@Test
	void leadsAreMatchedByNameCaseInsensitivelyAndMissingOnesAreZeros() {
		EcgRecord ref = reference();
		double[] noisyII = TestEcg.noisy(ref.channel(1), 0.01, 4);
		double[] noisyI = TestEcg.noisy(ref.channel(0), 0.01, 5);
		EcgRecord pred = new EcgRecord("r1", FS, List.of("ii", "i", "extra"),
			new double[][] { noisyII, noisyI, new double[ref.length()] });
		RecordScore score = Evaluation.score(ref, pred);
		assertEquals(3, score.leads.size());
		LeadScore i = score.leads.get(0), ii = score.leads.get(1), v1 = score.leads.get(2);
		assertEquals("I", i.lead);
		assertEquals(ChallengeSnr.snr(ref.channel(0), ChallengeSnr.align(ref.channel(0), noisyI, FS).estimate), i.snr2024, 0);
		assertTrue(ii.snr2024 > 25 && ii.snr2024 < 29, "II " + ii.snr2024);
		assertTrue(i.pearson > 0.99);
		assertTrue(Math.abs(i.rmseUv - 10) < 1.5, "rmse " + i.rmseUv);
		assertFalse(v1.predicted);
		assertEquals(0, v1.snr2024, 0);
		assertEquals((i.snr2024 + ii.snr2024) / 3, score.meanSnr2024(), 1e-12);
		assertEquals(1250, i.referenceSamples);
		assertEquals(1, i.coverage, 0);
	}

	/**
	 * The official rule for a lead the prediction lacks: all zeros, then aligned like any other lead.
	 * The reference sits on a 0.4 mV baseline (650 samples), with 50 samples at 1.4 mV and 50 at
	 * -0.4 mV, after 250 unplotted ones. Over [-0.4, 1.4] mV the zero line falls on row
	 * round(255 * 0.4 / 1.8 + 1) - 1 = 57 and the baseline on round(255 * 0.8 / 1.8 + 1) - 1 = 113,
	 * so the alignment lifts the zeros by 56 rows = 56 * 1.8 / 255 mV (the shifts that keep the whole
	 * reference covered tie, and all give the same score). Then signal = 650 * 0.16 + 50 * 1.96 + 50 * 0.16 = 210 mV^2 and noise =
	 * 650 (0.4 - c)^2 + 50 (1.4 - c)^2 + 50 (0.4 + c)^2 with c = 56 * 1.8 / 255.
	 */
	@Test
	void aLeadMissingFromThePredictionIsZerosAlignedLikeAnyOther() {
		double[] baseline = new double[1000];
		Arrays.fill(baseline, Double.NaN);
		Arrays.fill(baseline, 250, 1000, 0.4);
		Arrays.fill(baseline, 300, 350, 1.4);
		Arrays.fill(baseline, 600, 650, -0.4);
		EcgRecord ref = new EcgRecord("r2", 500, List.of("I", "II"), new double[][] { baseline, baseline.clone() });
		double c = 56 * 1.8 / 255;
		double noise = 650 * Math.pow(0.4 - c, 2) + 50 * Math.pow(1.4 - c, 2) + 50 * Math.pow(0.4 + c, 2);
		double byHand = 10 * Math.log10(210 / noise);
		assertEquals(4.0782, byHand, 1e-4); // the official code (scipy) gives 4.078193992731283

		double[] nan = new double[1000];
		Arrays.fill(nan, Double.NaN);
		// lead I absent by name, lead II present but without a finite sample: both are missing
		for (EcgRecord pred : List.of(new EcgRecord("r2", 500, List.of("II"), new double[][] { nan }),
			new EcgRecord("r2", 500, List.of("I", "II"), new double[][] { nan, nan.clone() })))
		{
			for (LeadScore l : Evaluation.score(ref, pred).leads) {
				assertFalse(l.predicted, l.lead);
				assertEquals(byHand, l.snr2024, 1e-9, l.lead);
				assertEquals(-c, l.offsetMv, 1e-12, l.lead);
				assertTrue(l.shiftApplied && l.coverage == 1, l.lead);
			}
		}
		// a lead written only where the reference is not plotted (and 5 mV off, so no alignment
		// reaches it) is not missing: it covers nothing and scores 0 dB
		double[] elsewhere = nan.clone();
		Arrays.fill(elsewhere, 0, 250, -5);
		LeadScore wrongPlace = Evaluation.score(ref, new EcgRecord("r2", 500, List.of("I", "II"), new double[][] {
			elsewhere, elsewhere })).leads.get(0);
		assertTrue(wrongPlace.predicted);
		assertEquals(0, wrongPlace.snr2024, 0);
	}

	@Test
	void aMissingPredictionScoresZeroAndIsFlagged() {
		RecordScore score = Evaluation.score(reference(), null);
		assertTrue(score.predictionMissing);
		for (LeadScore l : score.leads) {
			// empty leads, as the Challenge fills a missing record with NaN: nothing covered, 0 dB
			assertEquals(0, l.snr2024, 0);
			assertEquals(0, l.coverage, 0);
			assertTrue(Double.isNaN(l.rmseUv) && Double.isNaN(l.pearson));
			assertFalse(l.predicted);
		}
		EvaluationResult result = new EvaluationResult(List.of(score), List.of("orphan"));
		assertEquals(List.of("r1"), result.missingPredictions());
		assertEquals(0, result.meanSnr2024(), 0);
	}

	@Test
	void perfectLeadsAreSkippedInTheMean() {
		EcgRecord ref = reference();
		double[][] s = { ref.channel(0).clone(), TestEcg.noisy(ref.channel(1), 0.02, 1), TestEcg.noisy(ref.channel(2), 0.05, 2) };
		RecordScore score = Evaluation.score(ref, new EcgRecord("r1", FS, ref.leadNames(), s));
		assertTrue(Double.isNaN(score.leads.get(0).snr2024));
		assertEquals((score.leads.get(1).snr2024 + score.leads.get(2).snr2024) / 2, score.meanSnr2024(), 1e-12);
		// Kaggle counts the perfect lead's power in the record sums
		double signal = 0, noise = 0;
		for (LeadScore l : score.leads) {
			signal += l.kaggleSignal;
			noise += l.kaggleNoise;
		}
		assertEquals(10 * Math.log10(signal / noise), score.snrKaggle(), 1e-12);
	}

	@Test
	void kaggleScoreAveragesLinearRecordRatios() {
		EcgRecord ref = reference();
		RecordScore a = Evaluation.score(ref, new EcgRecord("r1", FS, ref.leadNames(), new double[][] {
			TestEcg.noisy(ref.channel(0), 0.01, 1), TestEcg.noisy(ref.channel(1), 0.01, 2), TestEcg.noisy(ref.channel(2), 0.01, 3) }));
		RecordScore b = Evaluation.score(ref, null);
		EvaluationResult result = new EvaluationResult(List.of(a, b), List.of());
		assertEquals(10 * Math.log10((a.kaggleRatio() + b.kaggleRatio()) / 2), result.snrKaggle(), 1e-12);
	}

	@Test
	void badInputIsRefusedClearly() {
		EcgRecord ref = reference();
		EcgRecord slow = new EcgRecord("r1", 250, ref.leadNames(), ref.samples());
		EcgException e = assertThrows(EcgException.class, () -> Evaluation.score(ref, slow));
		assertTrue(e.getMessage().contains("250 Hz") && e.getMessage().contains("500 Hz"), e.getMessage());
		EcgRecord twice = new EcgRecord("r1", FS, List.of("I", "i", "V1"), ref.samples());
		assertThrows(EcgException.class, () -> Evaluation.score(ref, twice));
	}

	@Test
	void jsonHasTheDocumentedShapeWithNullForNaN() {
		EcgRecord ref = reference();
		double[][] s = { ref.channel(0).clone(), TestEcg.noisy(ref.channel(1), 0.02, 1), new double[ref.length()] };
		Arrays.fill(s[2], Double.NaN);
		EvaluationResult result = new EvaluationResult(List.of(Evaluation.score(ref, new EcgRecord("r1", FS, ref.leadNames(), s))),
			List.of());
		Map<String, Object> json = Json.object(Json.parse(Json.write(result.toJson())));
		List<Object> records = Json.array(json.get("records"));
		Map<String, Object> rec = Json.object(records.get(0));
		assertEquals("r1", rec.get("name"));
		Map<String, Object> leads = Json.object(rec.get("leads"));
		assertEquals(List.of("I", "II", "V1"), List.copyOf(leads.keySet()));
		Map<String, Object> lead1 = Json.object(leads.get("I"));
		assertTrue(lead1.containsKey("snr2024") && lead1.get("snr2024") == null);
		for (String key : List.of("snr_kaggle", "pearson", "rmse_uv")) assertTrue(lead1.containsKey(key), key);
		assertTrue(Json.object(leads.get("II")).get("snr2024") instanceof Double);
		assertTrue(json.get("mean_snr2024") instanceof Double);
		assertTrue(json.get("snr_kaggle") instanceof Double);
		assertTrue(rec.get("mean_snr2024") instanceof Double);
		String csv = result.toCsv();
		assertEquals(4, csv.split("\n").length);
		assertTrue(csv.startsWith("record,lead,snr2024,snr_kaggle,pearson,rmse_uv,"));
		assertTrue(csv.split("\n")[1].startsWith("r1,I,,"), csv);
	}
}
