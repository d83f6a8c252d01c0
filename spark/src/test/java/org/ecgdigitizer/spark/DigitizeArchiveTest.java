package org.ecgdigitizer.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.RecordNames;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in {@code local[2]} over a folder of generated pages and bad files, checked against what
 * {@code digitize} (core's {@link BatchDigitizer}) makes of the same files.
 */
class DigitizeArchiveTest {

	@TempDir
	static Path dir;

	private static SparkSession spark;
	private static Path pages;

	@BeforeAll
	static void startSpark() throws Exception {
		pages = dir.resolve("pages");
		// Two good pages of the same file name in different folders, as archives have them.
		writePage(pages.resolve("a/ecg.png"), 11, PageSpec.defaults().withDpi(100));
		writePage(pages.resolve("b/ecg.png"), 12, PageSpec.defaults().withDpi(100).withLayout("6x2"));
		Files.write(pages.resolve("broken.png"), new byte[] { 1, 2, 3 });
		Files.write(pages.resolve("empty.png"), new byte[0]);
		ImageFiles.writePng(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), pages.resolve("tiny.png"));
		Files.writeString(pages.resolve("notes.txt"), "not a page");
		spark = SparkSession.builder().master("local[2]").appName("DigitizeArchiveTest").config("spark.ui.enabled",
			"false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
	}

	@AfterAll
	static void stopSpark() {
		if (spark != null) spark.stop();
	}

	private static void writePage(Path file, long seed, PageSpec spec) throws Exception {
		Files.createDirectories(file.getParent());
		EcgRecord signal = PageGenerator.synthesize(seed, 500, "ecg");
		ImageFiles.writePng(PageGenerator.render(signal, spec, seed).image(), file);
	}

	/** Runs the job; returns what it printed, after checking its exit status. */
	private static String run(int expectedStatus, String... args) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = DigitizeArchive.run(spark, args, new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		assertEquals(expectedStatus, status, printed);
		return printed;
	}

	private static Map<String, Row> rowsByPath(Path table) {
		Map<String, Row> rows = new HashMap<>();
		for (Row r : spark.read().parquet(table.toString()).collectAsList()) {
			assertNull(rows.put(r.getAs("source_path"), r), "one row per page: " + r.getAs("source_path"));
		}
		return rows;
	}

	private static String uri(Path file) {
		return file.toUri().toString().replaceFirst("^file:///", "file:/");
	}

	@Test
	void everyPageIsOneRowAndGoodPagesHoldWhatDigitizeWrites() throws Exception {
		Path table = dir.resolve("out/ecg.parquet");
		String printed = run(0, "--input", pages.toString(), "--output", table.toString(), "--formats", "parquet,wfdb",
			"--commit-every", "3");
		assertTrue(printed.contains("5 page(s) under the input, 1 other file(s) not matching"), printed);

		List<Path> images = BatchDigitizer.expand(List.of(pages), null, null);
		assertEquals(5, images.size());
		Map<Path, String> records = RecordNames.forFiles(images);
		Map<String, Row> rows = rowsByPath(table);
		assertEquals(5, rows.size(), rows.keySet().toString());

		Path reference = dir.resolve("digitize");
		BatchDigitizer digitize = new BatchDigitizer(DigitizerSettings.defaults(), reference, EnumSet.of(
			DigitizationFiles.Format.WFDB), true);
		int ok = 0;
		for (Path image : images) {
			Row row = rows.get(uri(image));
			assertNotNull(row, "a row for " + image + " among " + rows.keySet());
			String record = records.get(image);
			assertEquals(record, row.getAs("record"));
			BatchDigitizer.Result expected = digitize.digitize(InputFile.of(image).pages().get(0), record, false,
				Progress.NONE);
			if (!expected.ok) {
				assertEquals("failed", row.getAs("status"), image.toString());
				assertEquals(expected.message, row.getAs("error"), "the message digitize gives");
				assertNull(row.getAs("leads"));
				continue;
			}
			ok++;
			assertEquals("ok", row.getAs("status"), image + ": " + row.getAs("error"));
			assertEquals(expected.layout, row.getAs("layout"));
			assertEquals(500.0, (double) row.getAs("fs"));
			EcgRecord written = Wfdb.read(reference.resolve(record + ".hea"));
			Row leads = row.getAs("leads");
			Row confidence = row.getAs("confidence");
			int printedLeads = 0;
			for (Lead lead : Lead.values()) {
				double[] want = written.lead(lead);
				List<Float> got = leads.getList(lead.ordinal());
				if (got == null) {
					assertTrue(java.util.Arrays.stream(want).allMatch(Double::isNaN), lead + " is null but digitize wrote it");
					assertTrue(confidence.isNullAt(lead.ordinal()));
					continue;
				}
				printedLeads++;
				assertEquals(want.length, got.size(), lead.label());
				for (int i = 0; i < want.length; i++) {
					float v = got.get(i);
					if (Double.isNaN(want[i])) assertTrue(Float.isNaN(v), lead + " sample " + i);
					// WFDB keeps 1 uV: the table's floats round to the same microvolt.
					else assertEquals(want[i], v, 0.0005 + 1e-6, lead + " sample " + i);
				}
			}
			assertTrue(printedLeads >= 12, "every lead is printed on " + image);
			// The files beside the table are digitize's, byte for byte.
			for (String ext : List.of(".hea", ".dat")) {
				assertArrayEquals(Files.readAllBytes(reference.resolve(record + ext)), Files.readAllBytes(dir.resolve(
					"out/ecg-files/" + record + ext)), record + ext);
			}
		}
		assertEquals(2, ok);
		try (var files = Files.list(dir.resolve("out/ecg-files"))) {
			List<String> names = new ArrayList<>();
			files.forEach(f -> names.add(f.getFileName().toString()));
			names.sort(null);
			assertEquals(List.of("a_ecg.dat", "a_ecg.hea", "b_ecg.dat", "b_ecg.hea"), names, "files of good pages only");
		}
		assertFalse(Files.exists(table.resolve("_temporary")));
	}

	@Test
	void resumeDigitizesOnlyNewPagesAndTheTimeLimitStopsAPage() throws Exception {
		Path folder = dir.resolve("resume");
		Files.createDirectories(folder);
		Files.copy(pages.resolve("broken.png"), folder.resolve("broken.png"));
		Files.copy(pages.resolve("empty.png"), folder.resolve("empty.png"));
		Path table = dir.resolve("resume.parquet");
		run(0, "--input", folder.toString(), "--output", table.toString());
		Map<String, Row> first = rowsByPath(table);
		assertEquals(2, first.size());

		String again = run(1, "--input", folder.toString(), "--output", table.toString());
		assertTrue(again.contains("already holds a table; add --resume"), again);

		Files.copy(pages.resolve("a/ecg.png"), folder.resolve("late.png"));
		String printed = run(0, "--input", folder.toString(), "--output", table.toString(), "--resume",
			"--page-timeout", "0.01");
		assertTrue(printed.contains("2 already in the table; 1 to digitize"), printed);
		Map<String, Row> rows = rowsByPath(table);
		assertEquals(3, rows.size());
		for (Map.Entry<String, Row> e : first.entrySet()) {
			assertEquals(e.getValue().getAs("seconds"), (Object) rows.get(e.getKey()).getAs("seconds"),
				"rows already in the table stay as they were");
		}
		Row late = rows.get(uri(folder.resolve("late.png")));
		assertEquals("failed", late.getAs("status"));
		assertTrue(((String) late.getAs("error")).startsWith("stopped after the time limit of 0.01 s"), (String) late
			.getAs("error"));
		run(0, "--input", folder.toString(), "--output", table.toString(), "--resume");
		assertEquals(3, rowsByPath(table).size(), "nothing left to do");
	}

	@Test
	void mistakesAreOneLineErrors() throws Exception {
		assertTrue(run(2, "--output", "x.parquet").contains("error: no input given"));
		assertTrue(run(2, "--input", "x", "--output", "y", "--gain", "7").contains("Gain must be auto, 5, 10 or 20"));
		assertTrue(run(1, "--input", dir.resolve("nowhere").toString(), "--output", dir.resolve("n.parquet").toString())
			.contains("error: no file or folder matches --input"));
	}
}
