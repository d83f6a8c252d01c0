package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line over the files users really have: PDFs (vector, scanned, two pages), same-named
 * files, broken files; a per-page time limit; and a batch killed half-way and run again.
 */
class InputsCliTest {

	@TempDir
	Path dir;

	private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return CliRun.run(out, err, argv);
	}

	private static List<String> errors(ByteArrayOutputStream err) {
		return err.toString().lines().filter(l -> l.startsWith("error:")).collect(Collectors.toList());
	}

	private Path generate(String folder, int seed, String formats) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path pages = dir.resolve(folder);
		assertEquals(0, run(out, err, "generate", "--out", pages.toString(), "--seed", String.valueOf(seed), "--dpi",
			"100", "--format", formats), err.toString());
		return pages;
	}

	@Test
	void aFolderOfPdfsSameNamedAndBrokenFilesGivesOneRecordPerPageAndOneLinePerFailure() throws Exception {
		Path pages = generate("pages", 8, "png,pdf,pdf-raster");
		// a two-page PDF: the vector page and the scanned one
		PDFMergerUtility merger = new PDFMergerUtility();
		merger.addSource(new RandomAccessReadBuffer(Files.readAllBytes(pages.resolve("ecg-8.pdf"))));
		merger.addSource(new RandomAccessReadBuffer(Files.readAllBytes(pages.resolve("ecg-8-scan.pdf"))));
		merger.setDestinationFileName(pages.resolve("two-pages.pdf").toString());
		merger.mergeDocuments(null);
		Files.write(pages.resolve("empty.jpg"), new byte[0]);
		Files.writeString(pages.resolve("error-page.jpg"), "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>");
		Files.write(pages.resolve("cut.png"), java.util.Arrays.copyOf(Files.readAllBytes(pages.resolve("ecg-8.png")),
			5000));
		Files.write(pages.resolve("locked.pdf"), "%PDF-1.4 nothing".getBytes(StandardCharsets.US_ASCII));

		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path results = dir.resolve("results");
		int status = run(out, err, "digitize", pages.toString(), "--out", results.toString(), "--formats", "csv,json");
		assertEquals(1, status, "four files failed");
		List<String> errors = errors(err);
		assertEquals(4, errors.size(), err.toString());
		for (String name : List.of("empty.jpg", "error-page.jpg", "cut.png", "locked.pdf")) {
			assertEquals(1, errors.stream().filter(e -> e.contains(name)).count(), name + " in " + errors);
		}
		assertTrue(errors.stream().anyMatch(e -> e.contains("error-page.jpg") && e.contains("web page")), errors
			.toString());
		assertTrue(out.toString().contains("5 of 9 page(s) digitized"), out.toString());

		// one row per page, saying which input made which record
		List<String> summary = Files.readAllLines(results.resolve("summary.csv"));
		assertEquals(10, summary.size(), String.join("\n", summary));
		Map<String, String> readAs = new HashMap<>();
		for (String row : summary.subList(1, summary.size())) {
			String[] c = row.split(",");
			readAs.put(c[2], c[3] + " " + c[5]);
		}
		assertEquals("ok PDF vector", readAs.get("ecg-8_pdf"));
		assertEquals("ok PNG", readAs.get("ecg-8_png"));
		assertEquals("ok PDF image", readAs.get("ecg-8-scan"));
		assertEquals("ok PDF vector", readAs.get("two-pages-p1"));
		assertEquals("ok PDF image", readAs.get("two-pages-p2"));
		assertTrue(summary.get(0).contains("leads_digitized,leads_printed,mean_confidence"), summary.get(0));
		Map<String, Object> json = Json.object(Json.parse(Files.readString(results.resolve("two-pages-p2.json"))));
		assertEquals("ok", json.get("status"));
		assertEquals(2.0, Json.number(Json.object(json.get("input")).get("page"), 0));
		assertEquals("pdf", json.get("scale_source"));
	}

	@Test
	void aPageOverTheTimeLimitIsStoppedAndTheBatchGoesOn() throws Exception {
		Path pages = generate("slow", 9, "png,pdf");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = run(out, err, "digitize", pages.resolve("ecg-9.png").toString(), pages.resolve("ecg-9.pdf")
			.toString(), "--out", dir.resolve("o").toString(), "--page-timeout", "0.001", "--formats", "csv");
		assertEquals(1, status);
		List<String> errors = errors(err);
		assertEquals(2, errors.size(), "both pages are stopped and reported: " + err);
		assertTrue(errors.get(0).contains("ecg-9.png") && errors.get(0).contains("time limit of 0.001 s"), errors
			.get(0));
		assertFalse(Files.exists(dir.resolve("o/ecg-9_png.csv")), "a stopped page writes nothing");
	}

	/**
	 * A batch killed with SIGKILL half-way leaves only complete files under final names; run again,
	 * it keeps what is done, digitizes the rest and writes summary.csv anew.
	 */
	@Test
	void aBatchKilledHalfWayContinuesWhereItStopped() throws Exception {
		Path pages = dir.resolve("batch");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(0, run(out, err, "generate", "--out", pages.toString(), "--seed", "20", "--count", "5", "--dpi",
			"100"), err.toString());
		Path results = dir.resolve("records");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
			"digitize", pages.toString(), "--out", results.toString(), "--formats", "wfdb,csv,json,png").redirectErrorStream(
				true).redirectOutput(dir.resolve("first-run.log").toFile()).start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (countRecords(results) < 1 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
		}
		finally {
			p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
			p.waitFor(30, TimeUnit.SECONDS);
		}
		int done = countRecords(results);
		assertTrue(done >= 1, Files.readString(dir.resolve("first-run.log")));
		assertFalse(Files.exists(results.resolve("summary.csv")) && done < 5, "the summary comes at the end");
		// every file under a final name is complete
		try (Stream<Path> files = Files.list(results)) {
			for (Path f : files.collect(Collectors.toList())) {
				String name = f.getFileName().toString();
				if (name.startsWith(".")) continue; // a temporary: not a final name
				if (name.endsWith(".hea")) assertEquals(5000, Wfdb.read(f).length(), name);
				if (name.endsWith(".csv")) assertEquals(5001, Files.readAllLines(f).size(), name);
				if (name.endsWith(".json")) Json.parse(Files.readString(f));
				if (name.endsWith(".png")) assertTrue(javax.imageio.ImageIO.read(f.toFile()).getWidth() > 0, name);
			}
		}
		Map<Path, FileTime> before = new HashMap<>();
		try (Stream<Path> files = Files.list(results)) {
			for (Path f : files.filter(f -> f.toString().endsWith(".hea")).collect(Collectors.toList())) {
				before.put(f, Files.getLastModifiedTime(f));
			}
		}

		out.reset();
		err.reset();
		assertEquals(0, run(out, err, "digitize", pages.toString(), "--out", results.toString(), "--formats",
			"wfdb,csv,json,png"), err.toString());
		assertEquals(5, countRecords(results));
		for (Map.Entry<Path, FileTime> e : before.entrySet()) {
			assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " kept as it was");
		}
		List<String> summary = Files.readAllLines(results.resolve("summary.csv"));
		assertEquals(6, summary.size(), "rebuilt with every page");
		assertEquals(before.size(), summary.stream().filter(l -> l.contains("kept: written by an earlier run")).count());
		try (Stream<Path> files = Files.list(results)) {
			assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporaries cleared");
		}
		EcgRecord last = Wfdb.read(results.resolve("ecg-24.hea"));
		assertEquals(12, last.leadCount());
	}

	private static int countRecords(Path folder) throws Exception {
		if (!Files.isDirectory(folder)) return 0;
		try (Stream<Path> files = Files.list(folder)) {
			return (int) files.filter(f -> f.getFileName().toString().matches("ecg-\\d+\\.hea")).count();
		}
	}

	@Test
	void theGeneratorWritesVectorPdfsOfCleanPagesOnly() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(2, run(out, err, "generate", "--out", dir.resolve("g").toString(), "--format", "pdf", "--distort",
			"rotate"));
		assertTrue(err.toString().contains("pdf-raster"), err.toString());
		assertEquals(2, run(out, err, "generate", "--out", dir.resolve("g").toString(), "--format", "svg"));
		assertTrue(err.toString().contains("unknown page format 'svg'"), err.toString());
	}

	@Test
	void helpListsTheNewOptions() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(0, run(out, err, "digitize", "--help"));
		for (String o : List.of("--pdf-dpi", "--pdf-render", "--page-timeout", "--keep-partial")) {
			assertTrue(out.toString().contains(o), o);
		}
	}
}
