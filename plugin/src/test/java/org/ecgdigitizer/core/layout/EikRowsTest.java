package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.Test;

/**
 * The row finder on ecg-image-kit pages against their JSON: every page of the 12x1 folder (twelve
 * 10 s rows and a strip, complexes across the neighbouring rows, pulses hidden under them), and the
 * pages whose rows were lost elsewhere (grid lines the ink kept in dashes, a strip found only from
 * its pulse). Each row the generator drew is found, in order, nothing else, and its segments lie in
 * its band. Skipped without {@code ../shared/data/eik-dev}.
 */
class EikRowsTest {

	static final String[] PAGES = { "12x1/E07506-0", "12x1/E07508-0", "12x1/HR06009-0", "12x1/JS20005-0",
		"12x1/muse-af-0", "colours/E07505-0", "colours/muse-af-0", "6x2/muse-sinus-0" };

	@Test
	void everyRowDrawnIsFoundWhereItIs() {
		System.setProperty("java.awt.headless", "true");
		Path root = SharedData.require("eik-dev");
		List<String> wrong = new ArrayList<>();
		for (String name : PAGES) {
			EikPage truth = EikPage.read(root.resolve(name + ".png"));
			ImageFiles.LoadedImage loaded = ImageFiles.read(truth.image);
			PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			PageInk ink = PageInk.of(page);
			List<TraceRow> rows = RowFinder.find(ink);
			RowFinder.setBands(rows, ink.h, ink.mmY);
			if (rows.size() != truth.rows) {
				wrong.add(name + ": " + rows.size() + " rows of " + truth.rows + " " + rows);
				continue;
			}
			for (EikPage.Segment s : truth.segments) {
				TraceRow row = rows.get(s.row);
				if (s.medianY < row.top || s.medianY > row.bottom) {
					wrong.add(name + ": " + s + " at " + s.medianY + " outside the band " + row.top + ".." + row.bottom);
				}
			}
		}
		assertTrue(wrong.isEmpty(), String.join("\n", wrong));
		assertEquals(0, wrong.size());
	}
}
