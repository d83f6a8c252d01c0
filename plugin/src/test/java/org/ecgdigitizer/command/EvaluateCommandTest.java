package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.eval.EvaluationResult;
import org.ecgdigitizer.core.io.CsvRecords;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.measure.ResultsTable;

class EvaluateCommandTest {

	@TempDir
	Path dir;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** Two references (leads I and II, 500 Hz, 4 s) and a prediction of the first only. */
	private void writeRecords() throws Exception {
		Random rnd = new Random(3);
		Files.createDirectories(dir.resolve("ref"));
		Files.createDirectories(dir.resolve("pred"));
		for (String name : List.of("a", "b")) {
			double[][] ref = new double[2][2000];
			double[][] pred = new double[2][2000];
			for (int i = 0; i < 2000; i++) {
				double t = i / 500.0;
				ref[0][i] = Math.sin(2 * Math.PI * 1.3 * t) + 0.3 * Math.sin(2 * Math.PI * 7.1 * t);
				ref[1][i] = i < 1000 ? Double.NaN : Math.cos(2 * Math.PI * 0.9 * t);
				pred[0][i] = ref[0][i] + 0.02 * rnd.nextGaussian();
				pred[1][i] = i < 1000 ? Double.NaN : ref[1][i] * 0.9;
			}
			CsvRecords.write(new EcgRecord(name, 500, List.of("I", "II"), ref), dir.resolve("ref/" + name + ".csv"));
			if (name.equals("a")) {
				CsvRecords.write(new EcgRecord(name, 500, List.of("i", "II"), pred), dir.resolve("pred/" + name + ".csv"));
			}
		}
	}

	private static ResultsTable run(Context context, Map<String, Object> inputs) throws Exception {
		Module module = context.service(CommandService.class).run(EvaluateCommand.class, true, inputs).get();
		assertNull(Fiji.canceled(module), Fiji.canceled(module));
		return ((EvaluateCommand) Fiji.command(module)).getResults();
	}

	@Test
	void runsHeadlessFromMacroStyleStringInputs() throws Exception {
		writeRecords();
		try (Context context = new Context()) {
			CommandInfo info = context.service(CommandService.class).getCommand(EvaluateCommand.class);
			assertEquals("Evaluate Digitization", info.getMenuPath().getLeaf().getName());
			assertEquals("Plugins > ECG Digitizer > Evaluate Digitization", info.getMenuPath().getMenuString());

			// String values, as Fiji's macro bridge passes them
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("pred", dir.resolve("pred").toString());
			inputs.put("ref", dir.resolve("ref").toString());
			ResultsTable table = run(context, inputs);
			EvaluationResult expect = Evaluation.evaluate(dir.resolve("pred"), dir.resolve("ref"), Progress.NONE);

			// 4 lead rows, 2 record means, 1 overall mean
			assertEquals(7, table.size());
			assertEquals("a", table.getStringValue("Record", 0));
			assertEquals("I", table.getStringValue("Lead", 0));
			assertEquals(expect.records.get(0).leads.get(0).snr2024, table.getValue("SNR_2024_dB", 0), 1e-12);
			assertEquals(expect.records.get(0).leads.get(1).snr2024, table.getValue("SNR_2024_dB", 1), 1e-12);
			// record b has no prediction, so its leads are empty and score 0 dB
			assertEquals(0, table.getValue("SNR_2024_dB", 2), 0);
			assertEquals(0, table.getValue("Predicted", 2), 0);
			assertEquals("mean", table.getStringValue("Lead", 6));
			assertEquals("all records", table.getStringValue("Record", 6));
			assertEquals(expect.meanSnr2024(), table.getValue("SNR_2024_dB", 6), 1e-12);
			assertEquals(expect.snrKaggle(), table.getValue("SNR_Kaggle_dB", 6), 1e-12);
			assertTrue(table.getValue("Pearson", 0) > 0.99);

			// a single pair of files works the same way
			inputs.put("pred", dir.resolve("pred/a.csv").toString());
			inputs.put("ref", dir.resolve("ref/a.csv").toString());
			ResultsTable single = run(context, inputs);
			assertEquals(2 + 1 + 1, single.size());
			assertEquals(table.getValue("SNR_2024_dB", 0), single.getValue("SNR_2024_dB", 0), 0);
		}
	}

	@Test
	void badPathsFailWithAClearMessage() throws Exception {
		writeRecords();
		try (Context context = new Context()) {
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("pred", dir.resolve("pred").toString());
			inputs.put("ref", dir.resolve("nowhere").toString());
			// one line that names the problem and says what to do, as the reason the command stopped
			Module module = context.service(CommandService.class).run(EvaluateCommand.class, true, inputs).get();
			String why = Fiji.canceled(module);
			assertTrue(why.contains("nowhere") && why.contains("does not exist"), why);
			assertEquals(1, why.lines().count(), why);
		}
	}
}
