package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.io.CsvRecords;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCliTest {

	@TempDir
	Path dir;

	private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return CliRun.run(out, err, argv);
	}

	private static double[][] signals(double gain, boolean perfect) {
		double[][] s = new double[2][1500];
		for (int i = 0; i < 1500; i++) {
			double t = i / 500.0;
			s[0][i] = gain * (Math.sin(2 * Math.PI * 1.1 * t) + 0.4 * Math.sin(2 * Math.PI * 5.3 * t + 1));
			s[1][i] = i < 500 ? Double.NaN : gain * Math.cos(2 * Math.PI * 0.7 * t) * (perfect ? 1 : 1 + 0.01 * Math.sin(i));
		}
		return s;
	}

	@Test
	void foldersOfWfdbAndCsvAreMatchedByNameAndReported() throws Exception {
		Files.createDirectories(dir.resolve("ref"));
		Files.createDirectories(dir.resolve("pred"));
		List<String> leads = List.of("I", "II");
		Wfdb.write(new EcgRecord("r1", 500, leads, signals(1, true)), dir.resolve("ref"));
		CsvRecords.write(new EcgRecord("r2", 500, leads, signals(1, true)), dir.resolve("ref/r2.csv"));
		CsvRecords.write(new EcgRecord("r1", 500, leads, signals(0.95, false)), dir.resolve("pred/r1.csv"));
		CsvRecords.write(new EcgRecord("r9", 500, leads, signals(1, false)), dir.resolve("pred/r9.csv"));

		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path json = dir.resolve("out/scores.json"), csv = dir.resolve("scores.csv");
		Files.createDirectories(json.getParent());
		int status = run(out, err, "evaluate", "--pred", dir.resolve("pred").toString(), "--ref",
			dir.resolve("ref").toString(), "--json", json.toString(), "--csv", csv.toString());
		String text = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		assertTrue(text.contains("References without a prediction (every lead scored as empty, 0 dB, as in the Challenge): r2"), text);
		assertTrue(text.contains("Predictions without a reference (not scored): r9"), text);
		assertTrue(text.contains("PhysioNet 2024 SNR (mean over leads):"), text);
		assertTrue(text.contains("Kaggle 2025 SNR"), text);

		Map<String, Object> root = Json.object(Json.read(json));
		List<Object> records = Json.array(root.get("records"));
		assertEquals(2, records.size());
		Map<String, Object> r1 = Json.object(records.get(0));
		assertEquals("r1", r1.get("name"));
		Map<String, Object> lead = Json.object(Json.object(r1.get("leads")).get("II"));
		assertTrue(lead.get("snr2024") instanceof Double);
		assertTrue(lead.containsKey("snr_kaggle") && lead.containsKey("pearson") && lead.containsKey("rmse_uv"));
		assertTrue(root.get("mean_snr2024") instanceof Double && root.get("snr_kaggle") instanceof Double);
		assertEquals(List.of("r9"), Json.array(root.get("unmatched_predictions")));

		List<String> rows = Files.readAllLines(csv);
		assertEquals(1 + 4, rows.size());
		assertTrue(rows.get(1).startsWith("r1,I,"), rows.get(1));
	}

	@Test
	void aPerfectLeadIsNullInJsonAndMissingPathsFailClearly() throws Exception {
		List<String> leads = List.of("I", "II");
		CsvRecords.write(new EcgRecord("a", 500, leads, signals(1, true)), dir.resolve("ref.csv"));
		CsvRecords.write(new EcgRecord("b", 500, leads, signals(1, true)), dir.resolve("pred.csv"));
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path json = dir.resolve("s.json");
		assertEquals(0, run(out, err, "evaluate", "--pred", dir.resolve("pred.csv").toString(), "--ref",
			dir.resolve("ref.csv").toString(), "--json", json.toString()));
		Map<String, Object> root = Json.object(Json.read(json));
		Map<String, Object> r = Json.object(Json.array(root.get("records")).get(0));
		assertNull(Json.object(Json.object(r.get("leads")).get("I")).get("snr2024"));
		assertNull(root.get("mean_snr2024"));

		ByteArrayOutputStream out2 = new ByteArrayOutputStream(), err2 = new ByteArrayOutputStream();
		assertEquals(1, run(out2, err2, "evaluate", "--pred", dir.resolve("nope.csv").toString(), "--ref",
			dir.resolve("ref.csv").toString()));
		String msg = err2.toString(StandardCharsets.UTF_8);
		assertTrue(msg.contains("Error: The prediction") && msg.contains("does not exist"), msg);
		assertEquals(2, run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), "evaluate", "--ref", "x"));
	}

	@Test
	void aMaskedReferenceIsTheReferenceOfThePageOfItsName() throws Exception {
		// a generator folder: the full record p1 and the masked p1_masked; the prediction is p1
		Path ref = dir.resolve("gen"), pred = dir.resolve("pred");
		Files.createDirectories(ref);
		Files.createDirectories(pred);
		List<String> leads = List.of("I", "II");
		double[][] full = signals(1, true);
		double[][] masked = signals(1, true);
		for (int i = 0; i < 1000; i++) masked[0][i] = Double.NaN;
		Wfdb.write(new EcgRecord("p1", 500, leads, full), ref);
		Wfdb.write(new EcgRecord("p1_masked", 500, leads, masked), ref);
		double[][] guess = signals(0.9, false);
		for (int i = 0; i < 1000; i++) guess[0][i] = Double.NaN;
		Wfdb.write(new EcgRecord("p1", 500, leads, guess), pred);

		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path json = dir.resolve("m.json");
		assertEquals(0, run(out, err, "evaluate", "--pred", pred.toString(), "--ref", ref.toString(), "--json",
			json.toString()), err.toString(StandardCharsets.UTF_8));
		List<Object> records = Json.array(Json.object(Json.read(json)).get("records"));
		assertEquals(1, records.size(), out.toString(StandardCharsets.UTF_8));
		Map<String, Object> r = Json.object(records.get(0));
		assertEquals("p1", r.get("name"));
		// scored on the plotted samples only: lead I's reference has 500 of them, nearly all covered
		Map<String, Object> leadI = Json.object(Json.object(r.get("leads")).get("I"));
		assertEquals(500.0, leadI.get("reference_samples"));
		assertTrue((Double) leadI.get("coverage") > 0.95);

		// the masked file alone, against the folder of predictions, finds p1 too
		assertEquals(0, run(new ByteArrayOutputStream(), err, "evaluate", "--pred", pred.toString(), "--ref", ref.resolve(
			"p1_masked.hea").toString()), err.toString(StandardCharsets.UTF_8));
	}
}
