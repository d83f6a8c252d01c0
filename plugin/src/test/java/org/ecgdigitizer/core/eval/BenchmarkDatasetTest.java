package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDatasetTest {

	@TempDir
	Path dir;

	/** Two drawn pages with masked references, one without a reference, one that is not an image. */
	private Path dataset() throws Exception {
		Path data = dir.resolve("pages");
		Files.createDirectories(data);
		for (int k = 1; k <= 2; k++) {
			EcgRecord full = TestPages.record("page" + k, k);
			ImageFiles.writePng(TestPages.draw(full, 100), data.resolve("page" + k + ".png"));
			Wfdb.write(TestPages.masked(full).withName("page" + k + "_masked"), data);
		}
		ImageFiles.writePng(TestPages.draw(TestPages.record("orphan", 9), 100), data.resolve("orphan.png"));
		Files.writeString(data.resolve("broken.png"), "not an image");
		Wfdb.write(TestPages.masked(TestPages.record("broken", 8)), data);
		return data;
	}

	@Test
	void flatBaselineScoresAboutZeroAndBadInputsAreReportedNotFatal() throws Exception {
		List<BenchmarkCondition> conditions = BenchmarkDataset.conditions(dataset());
		assertEquals(1, conditions.size());
		assertEquals("pages", conditions.get(0).name);
		BenchmarkReport report = new Benchmark(BenchmarkDigitizer.flat(), null).run(conditions, Map.of("source",
			"dataset"), Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(4, c.pages.size());
		assertEquals(2, c.attempted());
		assertEquals(2, c.skipped());
		assertEquals(0, c.failures());
		for (BenchmarkReport.PageResult p : c.pages) {
			switch (p.name) {
				case "page1":
				case "page2":
					assertEquals(BenchmarkReport.Status.OK, p.status);
					assertEquals(12, p.leadSnr2024.size(), "every printed lead is scored");
					assertEquals(p.name + "_masked.hea", p.details);
					break;
				case "orphan":
					assertEquals(BenchmarkReport.Status.SKIPPED, p.status);
					assertTrue(p.reason.contains("no reference orphan_masked.hea or orphan.hea"), p.reason);
					break;
				case "broken":
					assertEquals(BenchmarkReport.Status.SKIPPED, p.status);
					assertTrue(p.reason.contains("cannot read broken.png"), p.reason);
					break;
				default:
					throw new AssertionError(p.name);
			}
		}
		assertEquals(0, c.meanSnr2024(), 1.0, report.table());
		assertEquals(0, c.overallSnr2024(), 1.0);
		// Kaggle removes the offset, so a flat line counts as the reference's mean: a little above 0 dB
		assertEquals(0, c.snrKaggle(), 1.5);
		assertTrue(c.worstSnr2024() <= c.meanSnr2024());
		assertTrue(report.problems().contains("skipped pages/orphan: no reference"), report.problems());
	}

	@Test
	void aPerfectPredictionScoresHighSoTheHarnessCanTellGoodFromBad() throws Exception {
		// the reference itself, slightly perturbed so that the SNR is finite
		BenchmarkDigitizer nearlyPerfect = new BenchmarkDigitizer() {
			@Override
			public String name() {
				return "reference-plus-noise";
			}

			@Override
			public Outcome digitize(BenchmarkPage page) {
				EcgRecord r = page.reference.copy();
				for (int c = 0; c < r.leadCount(); c++) {
					double[] x = r.channel(c);
					for (int i = 0; i < x.length; i++) x[i] += 0.01 * Math.sin(i * 0.7 + c);
				}
				return new Outcome(r.withName(page.name), null, null, null);
			}
		};
		BenchmarkReport report = new Benchmark(nearlyPerfect, null).run(BenchmarkDataset.conditions(dataset()), Map.of(),
			Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		// RMS 0.22 mV against 0.0071 mV of noise: about 30 dB
		assertTrue(c.meanSnr2024() > 25 && c.meanSnr2024() < 35, report.table());
		assertTrue(c.snrKaggle() > 25, report.table());
	}

	@Test
	void aPredictionThatRunsLateShowsAsAPositiveShift() throws Exception {
		// the reference drawn 6 samples late, as a digitizer that puts time 0 too far left writes it
		BenchmarkDigitizer late = new BenchmarkDigitizer() {
			@Override
			public String name() {
				return "late";
			}

			@Override
			public Outcome digitize(BenchmarkPage page) {
				EcgRecord r = page.reference.copy();
				for (int c = 0; c < r.leadCount(); c++) {
					double[] x = r.channel(c), y = x.clone();
					for (int i = 0; i < x.length; i++) y[i] = i < 6 ? Double.NaN : x[i - 6] + 0.01 * Math.sin(i * 0.7 + c);
					System.arraycopy(y, 0, x, 0, x.length);
				}
				return new Outcome(r.withName(page.name), null, null, null);
			}
		};
		BenchmarkReport report = new Benchmark(late, null).run(BenchmarkDataset.conditions(dataset()), Map.of(),
			Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(6, c.meanShiftSamples(), 1e-9, report.table());
		double fs = c.pages.stream().filter(BenchmarkReport.PageResult::scored).findFirst().get().samplingFrequency;
		assertEquals(6000 / fs, c.meanShiftMs(), 1e-9);
		assertEquals(6000 / fs, c.medianShiftMs(), 1e-9);
		assertTrue(report.table().contains(String.format(java.util.Locale.ROOT, "  6.0 %8.1f %7.1f ", 6000 / fs,
			6000 / fs)), report.table());
		BenchmarkReport back = BenchmarkReport.fromJson(Json.parse(Json.write(report.toJson())));
		assertEquals(report.table(), back.table());
	}

	@Test
	void refusalsAndCrashesAreFailuresScoredAsEmpty() throws Exception {
		BenchmarkDigitizer crashing = new BenchmarkDigitizer() {
			@Override
			public String name() {
				return "crashing";
			}

			@Override
			public Outcome digitize(BenchmarkPage page) {
				if (page.name.equals("page1")) return new Outcome(null, null, "no grid found; scan at 200 dpi", null);
				throw new IllegalStateException("boom");
			}
		};
		BenchmarkReport report = new Benchmark(crashing, null).run(BenchmarkDataset.conditions(dataset()), Map.of(),
			Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(2, c.failures());
		BenchmarkReport.PageResult p1 = c.pages.stream().filter(p -> p.name.equals("page1")).findFirst().get();
		BenchmarkReport.PageResult p2 = c.pages.stream().filter(p -> p.name.equals("page2")).findFirst().get();
		assertEquals("no grid found; scan at 200 dpi", p1.reason);
		assertTrue(p2.reason.startsWith("crashed: IllegalStateException: boom at BenchmarkDatasetTest"), p2.reason);
		// an empty prediction scores exactly 0 dB per lead, as the Challenge scores a missing output;
		// Kaggle counts it as zeros, like the flat baseline
		assertEquals(0, c.meanSnr2024(), 1e-12);
		assertEquals(0, c.overallSnr2024(), 1e-12);
		BenchmarkReport flat = new Benchmark(BenchmarkDigitizer.flat(), null).run(BenchmarkDataset.conditions(dir.resolve(
			"pages")), Map.of(), Progress.NONE);
		assertEquals(flat.conditions.get(0).snrKaggle(), c.snrKaggle(), 1e-9);
	}

	@Test
	void realDigitizerWithOutputFolderWritesWhatADeveloperNeedsAndCanBeReadBack() throws Exception {
		Path data = dir.resolve("real");
		Files.createDirectories(data);
		EcgRecord full = TestPages.record("drawn", 3);
		ImageFiles.writePng(TestPages.draw(full, 100), data.resolve("drawn.png"));
		Wfdb.write(TestPages.masked(full).withName("drawn_masked"), data);
		BufferedImage blank = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
		ImageFiles.writePng(blank, data.resolve("blank.png"));
		Wfdb.write(TestPages.masked(full).withName("blank"), data);

		Path out = dir.resolve("out");
		Benchmark bench = new Benchmark(BenchmarkDigitizer.real(), out);
		bench.setHeapPerPage(true);
		BenchmarkReport report = bench.run(BenchmarkDataset.conditions(data), Map.of(), Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(2, c.attempted());
		BenchmarkReport.PageResult blankResult = c.pages.stream().filter(p -> p.name.equals("blank")).findFirst().get();
		assertEquals(BenchmarkReport.Status.FAILED, blankResult.status);
		assertFalse(blankResult.reason.isEmpty());
		assertTrue(c.peakHeapMb > 0 && c.secondsMedian() > 0, report.table());
		// where the JVM measures thread CPU time, the digitizer's thread used some
		assertTrue(Double.isNaN(c.cpuSecondsMedian()) || c.cpuSecondsMedian() > 0, report.table());

		Path cond = out.resolve("real");
		assertTrue(Files.isRegularFile(cond.resolve("drawn.png")));
		assertTrue(Files.isRegularFile(cond.resolve("drawn_masked.hea")));
		assertTrue(Files.isRegularFile(cond.resolve("blank_masked.hea")));
		assertTrue(Files.isRegularFile(cond.resolve(Benchmark.DIGITIZED).resolve("blank-error.txt")));
		BenchmarkReport.PageResult drawn = c.pages.stream().filter(p -> p.name.equals("drawn")).findFirst().get();
		if (drawn.status == BenchmarkReport.Status.OK) {
			assertTrue(Files.isRegularFile(cond.resolve(Benchmark.DIGITIZED).resolve("drawn.hea")));
			assertTrue(Files.isRegularFile(cond.resolve(Benchmark.DIGITIZED).resolve("drawn-overlay.png")));
			assertFalse(drawn.detected.isEmpty());
		}
		assertTrue(Files.isRegularFile(out.resolve("report.json")));

		// the output folder is itself a dataset: the same pages, read back, give the same flat scores
		List<BenchmarkCondition> again = BenchmarkDataset.conditions(out);
		assertEquals(1, again.size());
		assertEquals("real", again.get(0).name);
		BenchmarkReport flatAgain = new Benchmark(BenchmarkDigitizer.flat(), null).run(again, Map.of(), Progress.NONE);
		BenchmarkReport flatFirst = new Benchmark(BenchmarkDigitizer.flat(), null).run(BenchmarkDataset.conditions(data),
			Map.of(), Progress.NONE);
		assertEquals(flatFirst.conditions.get(0).overallSnr2024(), flatAgain.conditions.get(0).overallSnr2024(), 1e-9);
		assertEquals(2, flatAgain.conditions.get(0).attempted());
	}

	@Test
	void subFoldersAreConditionsAndImageKitCopiesFindTheirRecord() throws Exception {
		Path root = dir.resolve("root");
		for (String sub : List.of("a", "b")) {
			Path d = root.resolve(sub);
			Files.createDirectories(d);
			EcgRecord full = TestPages.record("00001_lr", 1);
			ImageFiles.writePng(TestPages.draw(full, 100), d.resolve("00001_lr-0.png"));
			Wfdb.write(TestPages.masked(full), d);
		}
		List<BenchmarkCondition> conditions = BenchmarkDataset.conditions(root);
		assertEquals(List.of("a", "b"), conditions.stream().map(c -> c.name).collect(java.util.stream.Collectors.toList()));
		assertEquals(root.resolve("a/00001_lr.hea"), BenchmarkDataset.reference(root.resolve("a/00001_lr-0.png")));
		assertNull(BenchmarkDataset.reference(root.resolve("a/missing.png")));
		assertThrows(EcgException.class, () -> BenchmarkDataset.conditions(dir.resolve("nowhere")));
		Files.createDirectories(dir.resolve("empty"));
		EcgException e = assertThrows(EcgException.class, () -> BenchmarkDataset.conditions(dir.resolve("empty")));
		assertTrue(e.getMessage().startsWith("No page images"), e.getMessage());
	}

	@Test
	void reportRoundTripsThroughJson() throws Exception {
		BenchmarkReport report = new Benchmark(BenchmarkDigitizer.flat(), null).run(BenchmarkDataset.conditions(dataset()),
			Map.of("source", "dataset", "seed", 7L), Progress.NONE);
		String json = Json.write(report.toJson());
		BenchmarkReport back = BenchmarkReport.fromJson(Json.parse(json));
		assertEquals(report.table(), back.table());
		assertEquals(report.problems(), back.problems());
		assertEquals(report.digitizer, back.digitizer);
		assertEquals(report.date, back.date);
		assertEquals(7.0, back.setup.get("seed"));
		assertEquals(report.machine.get("cpu"), back.machine.get("cpu"));
		BenchmarkReport.ConditionResult a = report.conditions.get(0), b = back.conditions.get(0);
		assertEquals(a.pages.size(), b.pages.size());
		for (int i = 0; i < a.pages.size(); i++) {
			BenchmarkReport.PageResult p = a.pages.get(i), q = b.pages.get(i);
			assertEquals(p.name, q.name);
			assertEquals(p.status, q.status);
			assertEquals(p.reason, q.reason);
			assertEquals(p.seconds, q.seconds, 1e-9);
			assertEquals(p.cpuSeconds, q.cpuSeconds, 1e-9);
			assertEquals(p.leadSnr2024.keySet(), q.leadSnr2024.keySet());
			for (String lead : p.leadSnr2024.keySet()) {
				assertEquals(p.leadSnr2024.get(lead), q.leadSnr2024.get(lead), 1e-5 * Math.max(1, Math.abs(p.leadSnr2024.get(lead))));
			}
		}
		assertEquals(a.overallSnr2024(), b.overallSnr2024(), 1e-5);
		assertEquals(a.snrKaggle(), b.snrKaggle(), 1e-4);
		assertThrows(EcgException.class, () -> BenchmarkReport.fromJson(Json.parse("{\"conditions\": 3}")));
	}
}
