package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import ij.IJ;
import ij.measure.ResultsTable;

/** Digitize Folder: good pages digitized, bad ones reported, outputs kept unless told, Esc stops it. */
class FolderCommandTest {

	static Context context;

	@TempDir
	Path dir;

	/** The status bar of this test's Fiji: it presses Esc when a chosen message appears. */
	public static class EscapeOnStatus extends AbstractService implements StatusService {
		static volatile String trigger;
		static final List<String> messages = new ArrayList<>();

		@Override
		public void showProgress(int value, int maximum) {}

		@Override
		public void showStatus(String message) {
			synchronized (messages) {
				messages.add(message);
			}
			if (trigger != null && message.contains(trigger)) IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		}

		@Override
		public void showStatus(int progress, int maximum, String message) {
			showStatus(message);
		}

		@Override
		public void showStatus(int progress, int maximum, String message, boolean warn) {
			showStatus(message);
		}

		@Override
		public void warn(String message) {
			showStatus(message);
		}

		@Override
		public void clearStatus() {}

		@Override
		public String getStatusMessage(String appName, StatusEvent statusEvent) {
			return statusEvent.getStatusMessage();
		}
	}

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		PluginIndex index = new PluginIndex();
		index.discover();
		for (PluginInfo<?> info : new ArrayList<>(index.getAll())) {
			if (info.getClassName().equals("org.scijava.app.DefaultStatusService")) index.remove(info);
		}
		index.add(new PluginInfo<>(EscapeOnStatus.class, Service.class));
		context = new Context(index);
		context.service(LogService.class).setLevel(LogLevel.ERROR);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** Three page images (one ECG, one blank, one not an image at all) and a text file. */
	Path pages() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(StageCommandsTest.SAMPLE, in.resolve("page.png"));
		BufferedImage blank = new BufferedImage(1100, 850, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = blank.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1100, 850);
		g.dispose();
		ImageIO.write(blank, "png", in.resolve("blank.png").toFile());
		Files.writeString(in.resolve("broken.png"), "not an image");
		Files.writeString(in.resolve("notes.txt"), "not a page");
		return in;
	}

	ResultsTable run(Path in, Path out, Object... more) {
		Object[] inputs = new Object[more.length + 6];
		inputs[0] = "input_dir";
		inputs[1] = in.toString();
		inputs[2] = "output_dir";
		inputs[3] = out.toString();
		inputs[4] = "formats";
		inputs[5] = "csv,json";
		System.arraycopy(more, 0, inputs, 6, more.length);
		Module m = Fiji.run(context, DigitizeFolderCommand.class, inputs);
		assertNull(Fiji.canceled(m));
		return ((DigitizeFolderCommand) Fiji.command(m)).getSummary();
	}

	@Test
	void goodPagesAreDigitizedBadOnesReportedAndOutputsKept() throws Exception {
		Path in = pages();
		Path out = dir.resolve("out");
		ResultsTable t = run(in, out);
		assertEquals(3, t.size());
		assertEquals("blank.png", t.getStringValue("File", 0));
		assertEquals("failed", t.getStringValue("Status", 0));
		assertEquals("broken.png", t.getStringValue("File", 1));
		assertEquals("failed", t.getStringValue("Status", 1));
		assertTrue(t.getStringValue("Message", 1).contains("not an image"), t.getStringValue("Message", 1));
		assertEquals("page.png", t.getStringValue("File", 2));
		assertEquals("ok", t.getStringValue("Status", 2));
		assertEquals("3x4+1", t.getStringValue("Layout", 2));
		assertTrue(Files.exists(out.resolve("page.csv")) && Files.exists(out.resolve("page.json")));
		assertFalse(Files.exists(out.resolve("blank.csv")));
		List<String> summary = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
		assertEquals(4, summary.size());
		assertTrue(summary.get(3).contains("page.png,1,page,ok,"), summary.get(3));

		// again, without overwriting: the record is kept as it was, and summary.csv is written anew
		byte[] csv = Files.readAllBytes(out.resolve("page.csv"));
		FileTime written = Files.getLastModifiedTime(out.resolve("page.csv"));
		ResultsTable again = run(in, out);
		assertEquals("ok", again.getStringValue("Status", 2));
		assertTrue(again.getStringValue("Message", 2).contains("kept: written by an earlier run"), again
			.getStringValue("Message", 2));
		assertEquals("3x4+1", again.getStringValue("Layout", 2), "described from the kept record's JSON");
		assertArrayEquals(csv, Files.readAllBytes(out.resolve("page.csv")));
		assertEquals(written, Files.getLastModifiedTime(out.resolve("page.csv")));
		assertTrue(Files.readString(out.resolve("summary.csv")).contains("kept: written by an earlier run"));
		assertFalse(Files.exists(out.resolve("summary-2.csv")));

		// told to overwrite
		ResultsTable overwritten = run(in, out, "overwrite", "true");
		assertEquals("ok", overwritten.getStringValue("Status", 2));
		assertTrue(Files.readString(out.resolve("summary.csv")).contains("page.png,1,page,ok,"));

		// a pattern picks files
		ResultsTable picked = run(in, dir.resolve("picked"), "pattern", "p*.png", "fs", "250");
		assertEquals(1, picked.size());
		assertEquals(1 + 10 * 250, Files.readAllLines(dir.resolve("picked/page.csv")).size());
	}

	/**
	 * PDFs (a vector page, and a two-page file whose second page is a scan), and files of one name
	 * with different extensions: every page a record, none overwriting another, the table saying
	 * which file and page made which record; a page with too few leads fails, or is kept marked
	 * partial when asked.
	 */
	@Test
	void pdfPagesAndSameNamedFilesEachGetTheirOwnRecord() throws Exception {
		Path in = Files.createDirectories(dir.resolve("pdfs"));
		org.ecgdigitizer.core.synth.SyntheticPage page = org.ecgdigitizer.core.io.AwkwardFiles.page(11);
		byte[] vector = org.ecgdigitizer.core.io.AwkwardFiles.bytes(page.vectorPdf());
		Files.write(in.resolve("page.pdf"), vector);
		Files.write(in.resolve("page.png"), org.ecgdigitizer.core.io.AwkwardFiles.encode(page.image(), "png"));
		Files.write(in.resolve("two.pdf"), org.ecgdigitizer.core.io.AwkwardFiles.merge(vector,
			org.ecgdigitizer.core.io.AwkwardFiles.bytes(page.rasterPdf())));
		ResultsTable t = run(in, dir.resolve("pdf-out"), "page_timeout", "120", "pdf_dpi", "200");
		assertEquals(4, t.size());
		List<String> records = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			records.add(t.getStringValue("Record", i));
			assertEquals("ok", t.getStringValue("Status", i), t.getStringValue("Message", i));
			assertEquals(12, (int) t.getValue("Leads digitized", i));
			assertTrue(t.getValue("Mean confidence", i) > 0.9);
		}
		assertEquals(List.of("page_pdf", "page_png", "two-p1", "two-p2"), records);
		assertEquals("PDF vector", t.getStringValue("Read as", 0));
		assertEquals(2, (int) t.getValue("Page", 3));
		assertEquals("PDF image", t.getStringValue("Read as", 3));
		assertEquals("pdf", t.getStringValue("Scale source", 3));
		for (String r : records) assertTrue(Files.exists(dir.resolve("pdf-out").resolve(r + ".csv")), r);
	}

	/** The lead check in Fiji: a page with most leads painted out fails, or is kept marked partial when asked. */
	@Test
	void aPageWithTooFewLeadsFailsOrIsKeptMarkedPartial() throws Exception {
		Path in = Files.createDirectories(dir.resolve("few"));
		Files.write(in.resolve("few.png"), org.ecgdigitizer.core.io.AwkwardFiles.encode(org.ecgdigitizer.core.io
			.AwkwardFiles.blanked(org.ecgdigitizer.core.io.AwkwardFiles.page(6)), "png"));
		ResultsTable failed = run(in, dir.resolve("few-out"));
		assertEquals("failed", failed.getStringValue("Status", 0));
		assertTrue(failed.getStringValue("Message", 0).contains("of 12 printed leads digitized (6 needed)"), failed
			.getStringValue("Message", 0));
		assertFalse(Files.exists(dir.resolve("few-out/few.csv")));
		ResultsTable partial = run(in, dir.resolve("few-out"), "keep_partial", "true");
		assertEquals("partial", partial.getStringValue("Status", 0));
		assertTrue(partial.getValue("Leads digitized", 0) < 6);
		assertTrue(Files.readString(dir.resolve("few-out/few.json")).contains("\"status\": \"partial\""));
		assertTrue(Files.readString(dir.resolve("few-out/summary.csv")).contains(",few,partial,\"partial record: only "));
	}

	@Test
	void subfoldersAreReadButNotTheOutputFolder() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in/a"));
		Files.copy(StageCommandsTest.SAMPLE, in.resolve("page.png"));
		Files.createDirectories(dir.resolve("in/b"));
		Files.copy(StageCommandsTest.SAMPLE, dir.resolve("in/b/page.png"));
		Path out = dir.resolve("in/out");
		ResultsTable t = run(dir.resolve("in"), out, "formats", "csv,png");
		assertEquals(2, t.size());
		assertTrue(Files.exists(out.resolve("a_page.csv")) && Files.exists(out.resolve("b_page.csv")));
		assertTrue(Files.exists(out.resolve("a_page-overlay.png")));
		// the overlays just written are not pages to digitize
		assertEquals(2, run(dir.resolve("in"), out, "formats", "csv,png", "overwrite", "true").size());
	}

	@Test
	void escStopsBeforeTheNextFile() throws Exception {
		Path in = pages();
		// one page at a time, and two: the pages in flight when Esc came finish, the next is not started
		for (int threads = 1; threads <= 2; threads++) {
			EscapeOnStatus.trigger = "Digitizing 2/3";
			Path out = dir.resolve("out" + threads);
			try {
				ResultsTable t = run(in, out, "threads", threads);
				assertEquals(2, t.size(), threads + " thread(s): the pages running when Esc came are finished, the " +
					"next is not started");
				assertTrue(Files.readString(out.resolve("summary.csv")).lines().count() == 3);
			}
			finally {
				EscapeOnStatus.trigger = null;
				IJ.resetEscape();
			}
		}
		synchronized (EscapeOnStatus.messages) {
			assertTrue(EscapeOnStatus.messages.stream().anyMatch(m -> m.startsWith("Digitizing 1/3")),
				EscapeOnStatus.messages.toString());
		}
	}
}
