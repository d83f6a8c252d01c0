package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitizeCliTest {

	@TempDir
	Path dir;

	private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return CliRun.run(out, err, argv);
	}

	/**
	 * A folder with a good page and a corrupt one, digitized into a folder inside it: the good page
	 * is written, the bad one reported on one line, and a second run does not take the first run's
	 * overlays for pages.
	 */
	@Test
	void folderRunKeepsGoingPastABadFileAndSkipsItsOwnOutput() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path pages = dir.resolve("pages");
		assertEquals(0, run(out, err, "generate", "--out", pages.toString(), "--seed", "7", "--dpi", "100"), err
			.toString());
		Files.write(pages.resolve("broken.png"), new byte[] { 1, 2, 3 });
		Path results = pages.resolve("results");

		for (int pass = 0; pass < 2; pass++) {
			out.reset();
			err.reset();
			int status = run(out, err, "digitize", pages.toString(), "--out", results.toString(), "--overwrite");
			assertEquals(1, status, "one page failed, so the run reports failure");
			List<String> errors = err.toString().lines().filter(l -> l.startsWith("error:")).collect(java.util
				.stream.Collectors.toList());
			assertEquals(1, errors.size(), err.toString());
			assertTrue(errors.get(0).contains("broken.png"), errors.get(0));
			assertTrue(out.toString().contains("1 of 2 page(s) digitized"), out.toString());
			// the generator's ground truth beside the page is not a page: said, not silently passed over
			List<String> notes = err.toString().lines().filter(l -> l.startsWith("note:")).collect(java.util.stream
				.Collectors.toList());
			assertEquals(1, notes.size(), err.toString());
			assertTrue(notes.get(0).contains("were not read") && notes.get(0).contains("ecg-7.json"), notes.get(0));
		}
		EcgRecord record = Wfdb.read(results.resolve("ecg-7.hea"));
		assertEquals(Lead.standardLabels(), record.leadNames());
		assertTrue(Files.isRegularFile(results.resolve("ecg-7-overlay.png")), "review overlay");
		assertTrue(Files.isRegularFile(results.resolve("summary.csv")));
		assertFalse(Files.exists(results.resolve("broken.hea")), "nothing is written for a page that failed");
		try (var files = Files.list(results)) {
			assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporaries left");
		}
	}

	/**
	 * The review overlay is 1600 px wide by default, the page's size when asked for; --threads
	 * takes a positive count.
	 */
	@Test
	void theOverlayIsAtReviewWidthUnlessTheFullSizeIsAskedFor() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path pages = dir.resolve("pages");
		assertEquals(0, run(out, err, "generate", "--out", pages.toString(), "--seed", "3", "--dpi", "200"), err
			.toString());
		int pageWidth = javax.imageio.ImageIO.read(pages.resolve("ecg-3.png").toFile()).getWidth();
		assertTrue(pageWidth > 2000, "a 200 dpi Letter page: " + pageWidth);
		for (String width : new String[] { null, "0" }) {
			Path results = dir.resolve("results" + width);
			List<String> argv = new java.util.ArrayList<>(List.of("digitize", pages.resolve("ecg-3.png").toString(),
				"--out", results.toString(), "--formats", "json,png", "--threads", "2"));
			if (width != null) argv.addAll(List.of("--overlay-width", width));
			assertEquals(0, run(out, err, argv.toArray(new String[0])), err.toString());
			int written = javax.imageio.ImageIO.read(results.resolve("ecg-3-overlay.png").toFile()).getWidth();
			assertEquals(width == null ? 1600 : pageWidth, written);
		}
		err.reset();
		assertEquals(2, run(out, err, "digitize", pages.toString(), "--out", dir.resolve("x").toString(), "--threads",
			"0"));
		assertTrue(err.toString().contains("--threads must be at least 1"), err.toString());
	}
}
