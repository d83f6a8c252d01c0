package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCliTest {

	@TempDir
	Path dir;

	private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return CliRun.run(out, err, argv);
	}

	/** A page image (its content does not matter to the flat baseline) and a masked two-lead reference. */
	private Path dataset() throws Exception {
		Path data = dir.resolve("pages");
		Files.createDirectories(data);
		BufferedImage page = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 400, 300);
		g.dispose();
		ImageFiles.writePng(page, data.resolve("p1.png"));
		ImageFiles.writePng(page, data.resolve("p2.png"));
		double[][] s = new double[2][2000];
		for (int i = 0; i < 2000; i++) {
			double t = i / 500.0;
			s[0][i] = i < 500 ? Double.NaN : 0.8 * Math.sin(2 * Math.PI * 1.2 * t) + 0.1;
			s[1][i] = 0.5 * Math.cos(2 * Math.PI * 0.9 * t);
		}
		Wfdb.write(new EcgRecord("p1_masked", 500, List.of("II", "V1"), s), data);
		return data;
	}

	@Test
	void datasetWithFlatBaselinePrintsTheTableListsSkippedPagesAndWritesJson() throws Exception {
		Path data = dataset();
		Path json = dir.resolve("report.json");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = run(out, err, "bench", "--dataset", data.toString(), "--digitizer", "flat", "--json", json.toString());
		String text = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		assertTrue(text.startsWith("condition pages failed   mean dB"), text);
		assertTrue(text.contains("\npages         1      0 "), text);
		assertTrue(text.contains("skipped pages/p2: no reference p2_masked.hea or p2.hea"), text);
		assertTrue(text.contains("Digitizer: flat"), text);

		Map<String, Object> root = Json.object(Json.read(json));
		assertEquals("flat", root.get("digitizer"));
		assertEquals("dataset", Json.object(root.get("setup")).get("source"));
		assertTrue(((String) Json.object(root.get("setup")).get("command")).endsWith("bench --dataset " + data +
			" --digitizer flat --json " + json));
		Map<String, Object> machine = Json.object(root.get("machine"));
		assertTrue(((Double) machine.get("cores")) >= 1);
		Map<String, Object> condition = Json.object(Json.array(root.get("conditions")).get(0));
		assertEquals(1.0, condition.get("pages"));
		assertEquals(1.0, condition.get("skipped"));
	}

	@Test
	void settingsFromTheCommandLineReachTheConditionAndAreReported() throws Exception {
		Path data = dataset();
		Path json = dir.resolve("report.json");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = run(out, err, "bench", "--dataset", data.toString(), "--digitizer", "flat", "--settings",
			"pages:layout=3x4+3:V1,II,V5;gain=20", "--settings", "*:speed=50", "--json", json.toString());
		String text = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		assertTrue(text.contains("settings pages: layout=3x4+3:V1,II,V5 (--settings), gain=20 (--settings), speed=50"
			+ " (--settings)"), text);
		Map<String, Object> root = Json.object(Json.read(json));
		assertTrue(((String) Json.object(root.get("setup")).get("command")).contains(
			"--settings pages:layout=3x4+3:V1,II,V5;gain=20 --settings *:speed=50"));
		Map<String, Object> condition = Json.object(Json.array(root.get("conditions")).get(0));
		assertEquals("20", Json.object(Json.object(condition.get("settings")).get("gain")).get("value"));

		err.reset();
		assertEquals(2, run(out, err, "bench", "--dataset", data.toString(), "--settings", "6x2:layout=6x2"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--settings names condition '6x2', which this run does"
			+ " not have: use one of pages, or *"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, run(out, err, "bench", "--dataset", data.toString(), "--settings", "layout=6x2"));
		err.reset();
		assertEquals(1, run(out, err, "bench", "--dataset", data.toString(), "--settings", "pages:layout=6x2/sideways"));
		String message = err.toString(StandardCharsets.UTF_8).trim();
		assertTrue(message.contains("Bad setting layout=6x2/sideways in --settings") && !message.contains("\n"), message);
	}

	@Test
	void badOptionsAreUsageErrors() throws Exception {
		Path data = dataset();
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(2, run(out, err, "bench", "--dataset", data.toString(), "--pages", "3"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("with --dataset every page of the folder is used"));
		err.reset();
		assertEquals(1, run(out, err, "bench", "--dataset", data.toString(), "--digitizer", "clever"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown digitizer 'clever'"));
		err.reset();
		assertEquals(1, run(out, err, "bench", "--dataset", dir.resolve("none").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a folder"));
		err.reset();
		assertEquals(2, run(out, err, "bench", "--pages", "0"));
		assertEquals(2, run(out, err, "bench", "somefile.png"));
		err.reset();
		assertEquals(2, run(out, err, "bench", "--dataset", data.toString(), "--heap", "--threads", "2"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--heap measures one page at a time"));
	}

	@Test
	void theHeapIsMeasuredPerPageOnlyWhenAsked() throws Exception {
		Path data = dataset();
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path plain = dir.resolve("plain.json");
		assertEquals(0, run(out, err, "bench", "--dataset", data.toString(), "--digitizer", "flat", "--threads", "1",
			"--json", plain.toString()), err.toString(StandardCharsets.UTF_8));
		Map<String, Object> root = Json.object(Json.read(plain));
		assertNull(Json.object(Json.array(root.get("conditions")).get(0)).get("peak_heap_mb"));
		assertTrue(((Double) Json.object(root.get("throughput")).get("peak_heap_mb")) > 0);
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("heap: measured per page only with --heap"));

		out.reset();
		Path perPage = dir.resolve("per-page.json");
		assertEquals(0, run(out, err, "bench", "--dataset", data.toString(), "--digitizer", "flat", "--heap", "--json",
			perPage.toString()), err.toString(StandardCharsets.UTF_8));
		root = Json.object(Json.read(perPage));
		assertTrue(((Double) Json.object(Json.array(root.get("conditions")).get(0)).get("peak_heap_mb")) > 0);
		assertEquals(1.0, Json.object(root.get("throughput")).get("threads"));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("CPU seconds include regrowing the heap"));
	}

	@Test
	void aTinySyntheticRunWritesPagesThatReadBackAsADataset() throws Exception {
		Path out = dir.resolve("out");
		ByteArrayOutputStream o = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = run(o, err, "bench", "--conditions", "dpi100", "--pages", "1", "--seed", "4", "--digitizer", "flat",
			"--out", out.toString());
		String text = o.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		assertTrue(text.contains("\ndpi100        1      0 "), text);
		assertTrue(Files.isRegularFile(out.resolve("dpi100/dpi100-01.png")));
		assertTrue(Files.isRegularFile(out.resolve("dpi100/dpi100-01_masked.hea")));
		assertTrue(Files.isRegularFile(out.resolve("dpi100/digitized/dpi100-01.hea")));
		assertTrue(Files.isRegularFile(out.resolve("report.json")));

		o.reset();
		assertEquals(0, run(o, err, "bench", "--dataset", out.toString(), "--digitizer", "flat"));
		assertTrue(o.toString(StandardCharsets.UTF_8).contains("\ndpi100        1      0 "), o.toString(
			StandardCharsets.UTF_8));

		o.reset();
		assertEquals(0, run(o, err, "bench", "--list"));
		assertTrue(o.toString(StandardCharsets.UTF_8).contains("perspective"));
		err.reset();
		assertEquals(1, run(o, err, "bench", "--conditions", "fog"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown benchmark condition 'fog'"));
	}
}
