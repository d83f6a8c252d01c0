package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line digitizes a Letter page in a small heap, as an archive's workers run it: a
 * 300 dpi page with {@code -Xmx256m} and a 200 dpi page with {@code -Xmx128m}, in a JVM of its
 * own started with that limit, writing every default output (the overlay included); and a batch on
 * two threads within twice the 200 dpi page's heap (pages in memory = threads).
 */
class SmallHeapTest {

	@TempDir
	Path dir;

	@Test
	void a300DpiPageDigitizesIn256Mb() throws Exception {
		digitizesWithin(300, "256m");
	}

	@Test
	void a200DpiPageDigitizesIn128Mb() throws Exception {
		digitizesWithin(200, "128m");
	}

	@Test
	void aTwoThreadBatchOf200DpiPagesDigitizesIn256Mb() throws Exception {
		digitizesWithin(200, "256m", 4, 2);
	}

	private void digitizesWithin(int dpi, String heap) throws Exception {
		digitizesWithin(dpi, heap, 1, 1);
	}

	private void digitizesWithin(int dpi, String heap, int count, int threads) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path pages = dir.resolve("pages");
		assertEquals(0, CliRun.run(out, err, "generate", "--out", pages.toString(), "--seed", "4", "--dpi", String
			.valueOf(dpi), "--count", String.valueOf(count)), err.toString());
		Path results = dir.resolve("results");
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		// the test's own class path holds the command line and everything it needs
		ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx" + heap, "-cp", System.getProperty(
			"java.class.path"), Main.class.getName(), "digitize", pages.toString(), "--out", results.toString(),
			"--threads", String.valueOf(threads))).redirectErrorStream(true);
		Process p = pb.start();
		byte[] log = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
		String text = new String(log, StandardCharsets.UTF_8);
		String run = count + " page(s) of " + dpi + " dpi on " + threads + " thread(s) with -Xmx" + heap;
		assertEquals(0, p.exitValue(), run + ":\n" + text);
		assertTrue(text.contains(count + " of " + count + " page(s) digitized"), run + ":\n" + text);
		for (int seed = 4; seed < 4 + count; seed++) {
			assertEquals(Lead.standardLabels(), Wfdb.read(results.resolve("ecg-" + seed + ".hea")).leadNames(), run);
			assertTrue(Files.isRegularFile(results.resolve("ecg-" + seed + "-overlay.png")), "the overlay is written too");
		}
	}
}
