package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ecgdigitizer.core.io.AwkwardFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.io.PageContent;
import org.ecgdigitizer.core.io.PdfWriter;
import org.ecgdigitizer.core.io.ReadOptions;
import org.ecgdigitizer.core.io.RecordNames;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.ecgdigitizer.core.vector.VectorDigitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files an archive really holds: every valid encoding is digitized, every broken or hostile
 * file is refused in one line (decompression bombs before decoding), and a seeded fuzz loop of
 * damaged files never lets an exception escape or hangs.
 */
class AwkwardInputsTest {

	/** PDFBox logs every oddity of a damaged file; the results say all that matters. */
	static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.apache.pdfbox");

	static {
		QUIET.setLevel(java.util.logging.Level.OFF);
	}

	@TempDir
	Path dir;

	@Test
	void everyValidFileIsDigitizedAndEveryBadOneRefusedInOneLine() throws Exception {
		SyntheticPage page = AwkwardFiles.page(3);
		Map<String, Integer> valid = AwkwardFiles.writeValid(dir.resolve("good"), page);
		Map<String, String> bad = AwkwardFiles.writeBad(dir.resolve("bad"), page);
		assertTrue(valid.size() + bad.size() >= 50, "a corpus of at least 50 files: " + (valid.size() + bad.size()));

		Runtime rt = Runtime.getRuntime();
		System.gc();
		long heapBefore = rt.totalMemory() - rt.freeMemory();
		PageDigitizer digitizer = PageDigitizer.defaults();
		List<InputPage> pages = new ArrayList<>();
		for (String name : valid.keySet()) {
			List<InputPage> p = InputFile.of(dir.resolve("good").resolve(name)).pages();
			assertEquals((int) valid.get(name), p.size(), name + " pages");
			pages.addAll(p);
		}
		Map<InputPage, String> names = RecordNames.assign(pages);
		// pages that decode to the same pixels as one already digitized give the same record (the
		// digitizer is deterministic): digitized once, to keep the test quick
		Map<Integer, PageResult> byPixels = new java.util.HashMap<>();
		for (Map.Entry<InputPage, String> e : names.entrySet()) {
			PageContent content = e.getKey().load(ReadOptions.defaults());
			int key = content.isVector() ? -1 : java.util.Arrays.hashCode(((java.awt.image.DataBufferInt) content.image
				.getRaster().getDataBuffer()).getData()) * 31 + (content.exactScale ? 1 : 0);
			PageResult r = byPixels.containsKey(key) && key != -1 ? byPixels.get(key) : digitizer.digitize(e.getKey(), e
				.getValue(), Progress.NONE);
			byPixels.put(key, r);
			assertEquals(PageResult.Status.OK, r.status, e.getKey() + " (" + r.source + "): " + r.message);
			assertTrue(r.leads.digitized.size() >= 11, e.getKey() + ": " + r.leads.message());
			if (e.getKey().input.fileName().endsWith(".pdf")) assertEquals("pdf", r.digitization.layout.geometry
				.scaleSource.id(), e.getKey() + " takes its scale from the PDF");
		}
		assertEquals(2, names.values().stream().filter(n -> n.startsWith("two-pages_pdf")).count(), names.values()
			.toString());
		assertTrue(names.containsValue("two-pages_pdf-p2") && names.containsValue("two-pages_tif-p1"), names.values()
			.toString());

		for (Map.Entry<String, String> e : bad.entrySet()) {
			List<InputPage> p = InputFile.of(dir.resolve("bad").resolve(e.getKey())).pages();
			for (InputPage one : p) {
				long start = System.nanoTime();
				PageResult r = digitizer.digitize(one, one.defaultName(), Progress.NONE);
				double seconds = (System.nanoTime() - start) / 1e9;
				assertEquals(PageResult.Status.FAILED, r.status, e.getKey());
				assertFalse(r.message.isBlank() || r.message.contains("\n"), e.getKey() + ": one line: " + r.message);
				assertTrue(r.message.toLowerCase(Locale.ROOT).contains(e.getValue().toLowerCase(Locale.ROOT)), e.getKey() +
					": '" + r.message + "' should say " + e.getValue());
				if (e.getKey().startsWith("bomb")) assertTrue(seconds < 5, e.getKey() + " took " + seconds + " s");
			}
		}
		System.gc();
		long grown = rt.totalMemory() - rt.freeMemory() - heapBefore;
		assertTrue(grown < 200L << 20, "the heap stays bounded: grew by " + (grown >> 20) + " MB");
	}

	/** Mutations of small valid files: truncated, bytes flipped, chunks duplicated or zeroed. */
	@Test
	void fuzzedFilesNeverLetAnExceptionEscapeNorHang() throws Exception {
		SyntheticPage page = AwkwardFiles.page(4);
		BufferedImage crop = page.image().getSubimage(100, 150, 420, 320);
		BufferedImage small = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_INT_RGB);
		small.getGraphics().drawImage(crop, 0, 0, null);
		Map<String, byte[]> bases = new LinkedHashMap<>();
		bases.put("page.png", AwkwardFiles.encode(small, "png"));
		bases.put("page.jpg", AwkwardFiles.jpeg(small, false));
		bases.put("page-progressive.jpg", AwkwardFiles.jpeg(small, true));
		bases.put("page.gif", AwkwardFiles.encode(convert(small), "gif"));
		bases.put("page.bmp", AwkwardFiles.encode(small, "bmp"));
		bases.put("page.webp", AwkwardFiles.encode(small, "webp"));
		bases.put("page.tif", tiff(small));
		bases.put("page.pdf", AwkwardFiles.bytes(page.vectorPdf()));
		bases.put("scan.pdf", AwkwardFiles.bytes(PdfWriter.image(small, 100)));
		List<String> names = new ArrayList<>(bases.keySet());
		Random random = new Random(14);
		ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "fuzz");
			t.setDaemon(true);
			return t;
		});
		int refused = 0, read = 0, cases = 320;
		try {
			for (int i = 0; i < cases; i++) {
				String name = names.get(i % names.size());
				byte[] mutated = mutate(bases.get(name), random);
				String label = "case " + i + " (" + name + ")";
				Future<int[]> f = pool.submit(() -> readAll(mutated, name));
				int[] outcome;
				try {
					outcome = f.get(20, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.TimeoutException e) {
					f.cancel(true);
					fail(label + " hung");
					return;
				}
				catch (java.util.concurrent.ExecutionException e) {
					fail(label + " let " + e.getCause() + " escape", e.getCause());
					return;
				}
				refused += outcome[0];
				read += outcome[1];
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertTrue(refused > 50 && read > 50, "the mutations both break files and leave some readable: " + refused +
			" refused, " + read + " read");
	}

	/** Lists and decodes every page (and reads a vector page's layout); returns {refused, read} counts. */
	private static int[] readAll(byte[] bytes, String name) {
		int refused = 0, read = 0;
		for (InputPage p : InputFile.of(bytes, name).pages()) {
			try {
				// rendered coarsely, and a damaged header claiming a page of many megapixels refused (the
				// bases are 0.13 megapixels): the fuzz is about reading damaged files, not decoding large
				// ones, which the page time limit bounds
				PageContent c = p.load(ReadOptions.defaults().withPdfDpi(72).withMaxPixels(4_000_000));
				if (c.isVector()) VectorDigitizer.digitize(c.vector, DigitizerSettings.defaults(), "fuzz");
				read++;
			}
			catch (EcgException e) {
				if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
					throw new AssertionError("not one line: '" + e.getMessage() + "'");
				}
				refused++;
			}
		}
		return new int[] { refused, read };
	}

	static byte[] mutate(byte[] b, Random r) {
		byte[] out = b.clone();
		switch (r.nextInt(4)) {
			case 0: // truncated at a random offset
				return java.util.Arrays.copyOf(out, 1 + r.nextInt(out.length - 1));
			case 1: // bytes flipped
				for (int k = 1 + r.nextInt(8); k > 0; k--) out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
				return out;
			case 2: { // a chunk duplicated
				int from = r.nextInt(out.length), len = Math.min(out.length - from, 1 + r.nextInt(512));
				int at = r.nextInt(out.length);
				byte[] d = new byte[out.length + len];
				System.arraycopy(out, 0, d, 0, at);
				System.arraycopy(out, from, d, at, len);
				System.arraycopy(out, at, d, at + len, out.length - at);
				return d;
			}
			default: { // a run zeroed
				int from = r.nextInt(out.length);
				java.util.Arrays.fill(out, from, Math.min(out.length, from + 1 + r.nextInt(256)), (byte) 0);
				return out;
			}
		}
	}

	private static BufferedImage convert(BufferedImage src) {
		BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
		out.getGraphics().drawImage(src, 0, 0, null);
		return out;
	}

	private static byte[] tiff(BufferedImage image) throws Exception {
		Path f = Files.createTempFile("fuzz", ".tif");
		try {
			javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
			try (javax.imageio.stream.ImageOutputStream o = javax.imageio.ImageIO.createImageOutputStream(f.toFile())) {
				w.setOutput(o);
				w.prepareWriteSequence(null);
				w.writeToSequence(new javax.imageio.IIOImage(image, null, null), null);
				w.writeToSequence(new javax.imageio.IIOImage(image, null, null), null);
				w.endWriteSequence();
			}
			return Files.readAllBytes(f);
		}
		finally {
			Files.deleteIfExists(f);
		}
	}
}
