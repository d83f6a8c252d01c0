package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.InkSource;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages digitized at once on several threads give what they give one at a time: the engine keeps
 * no state between pages, and the one ink classifier serves every thread.
 */
class ParallelPagesTest {

	@TempDir
	Path dir;

	/** Generated 100 dpi pages unlike each other: clean, rotated, a photocopy, a dotted grid, a 6x2. */
	static List<BufferedImage> pages() {
		List<PageSpec> specs = List.of(PageSpec.defaults(), PageSpec.defaults().withDistortions("rotate:3"), PageSpec
			.defaults().withDistortions("bw"), PageSpec.defaults().withGridStyle(PageSpec.GridStyle.DOTS), PageSpec
				.defaults().withLayout("6x2"));
		List<BufferedImage> out = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			EcgRecord signal = PageGenerator.synthesize(20 + i, 500, "p" + i);
			out.add(PageGenerator.render(signal, specs.get(i).withDpi(100), 30 + i).image());
		}
		return out;
	}

	@Test
	void aFolderGivesTheSameRecordsOnOneThreadAndOnSeveral() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		List<BufferedImage> pages = pages();
		for (int i = 0; i < pages.size(); i++) ImageFiles.writePng(pages.get(i), in.resolve("page" + i + ".png"));
		Files.writeString(in.resolve("broken.png"), "not an image");
		EnumSet<DigitizationFiles.Format> formats = EnumSet.of(DigitizationFiles.Format.WFDB,
			DigitizationFiles.Format.CSV, DigitizationFiles.Format.JSON);
		List<String> summaries = new ArrayList<>();
		List<List<String>> orders = new ArrayList<>();
		for (int threads : new int[] { 1, 3 }) {
			Path out = dir.resolve("out" + threads);
			BatchDigitizer batch = new BatchDigitizer(DigitizerSettings.defaults(), out, formats, false);
			batch.setThreads(threads);
			List<String> order = new ArrayList<>();
			List<BatchDigitizer.Result> results = batch.run(BatchDigitizer.expand(List.of(in), null, out),
				Progress.NONE, r -> order.add(r.stem));
			assertEquals(6, results.size());
			assertEquals(5, results.stream().filter(r -> r.ok).count(), results.stream().map(r -> r.stem + ": " +
				r.message).collect(Collectors.joining("\n")));
			BatchDigitizer.writeSummary(results, out.resolve("summary.csv"));
			orders.add(order);
			// the summary but its seconds column
			summaries.add(Files.readAllLines(out.resolve("summary.csv")).stream().map(l -> l.substring(0, l
				.lastIndexOf(','))).collect(Collectors.joining("\n")));
		}
		assertEquals(List.of("broken", "page0", "page1", "page2", "page3", "page4"), orders.get(0));
		assertEquals(orders.get(0), orders.get(1), "results are handed on in the order of the pages");
		assertEquals(summaries.get(0), summaries.get(1));
		List<Path> files = files(dir.resolve("out1"));
		assertEquals(files, files(dir.resolve("out3")));
		assertTrue(files.size() >= 5 * 4, files.toString());
		for (Path f : files) {
			if (f.toString().equals("summary.csv")) continue;
			assertArrayEquals(Files.readAllBytes(dir.resolve("out1").resolve(f)), Files.readAllBytes(dir.resolve("out3")
				.resolve(f)), f + " differs between one thread and three");
		}
	}

	private static List<Path> files(Path folder) throws Exception {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(folder::relativize).sorted().collect(Collectors.toList());
		}
	}

	/**
	 * Three pages with the rules and with the learned ink model, one after another and then all at
	 * once on four threads, each twice (the same image read by two threads): the same samples, bit
	 * for bit.
	 */
	@Test
	void theEngineDigitizesSeveralPagesAtOnce() throws Exception {
		List<BufferedImage> pages = pages().subList(0, 3);
		List<InkSource> inks = List.of(InkSource.RULES, InkSources.parse("learned"));
		List<double[][]> alone = new ArrayList<>();
		for (InkSource ink : inks) for (BufferedImage page : pages) alone.add(samples(page, ink));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<double[][]>> together = new ArrayList<>();
			for (int round = 0; round < 2; round++) {
				for (InkSource ink : inks) for (BufferedImage page : pages) together.add(pool.submit(() -> samples(page,
					ink)));
			}
			for (int i = 0; i < together.size(); i++) {
				double[][] expected = alone.get(i % alone.size());
				double[][] actual = together.get(i).get();
				assertEquals(expected.length, actual.length);
				for (int c = 0; c < expected.length; c++) {
					assertArrayEquals(expected[c], actual[c], "page " + i % pages.size() + ", ink " + inks.get(i % alone
						.size() / pages.size()).name() + ", lead " + c);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static double[][] samples(BufferedImage page, InkSource ink) {
		EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(page), 100, DigitizerSettings.defaults().withInk(ink),
			"page");
		assertTrue(d.checkInput() && d.process(), () -> d.getErrorMessage());
		assertNotNull(d.getResult());
		EcgRecord r = d.getResult().record;
		double[][] out = new double[r.leadCount()][];
		for (int c = 0; c < out.length; c++) out[c] = r.channel(c);
		return out;
	}
}
