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
 * own started with that limit, writing every default output (the overlay included).
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

	private void digitizesWithin(int dpi, String heap) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path pages = dir.resolve("pages");
		assertEquals(0, CliRun.run(out, err, "generate", "--out", pages.toString(), "--seed", "4", "--dpi", String
			.valueOf(dpi)), err.toString());
		Path results = dir.resolve("results");
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		// the test's own class path holds the command line and everything it needs
		ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx" + heap, "-cp", System.getProperty(
			"java.class.path"), Main.class.getName(), "digitize", pages.resolve("ecg-4.png").toString(), "--out", results
				.toString(), "--threads", "1")).redirectErrorStream(true);
		Process p = pb.start();
		byte[] log = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
		String text = new String(log, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), dpi + " dpi with -Xmx" + heap + ":\n" + text);
		assertTrue(text.contains("1 of 1 page(s) digitized"), text);
		assertEquals(Lead.standardLabels(), Wfdb.read(results.resolve("ecg-4.hea")).leadNames());
		assertTrue(Files.isRegularFile(results.resolve("ecg-4-overlay.png")), "the overlay is written too");
	}
}
