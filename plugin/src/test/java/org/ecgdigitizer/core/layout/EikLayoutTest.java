package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead detection, stage by stage, on ecg-image-kit pages (another generator's, with its JSON as
 * truth): the rows, the layout and its column timing, and the lead names. One page of each kind
 * that broke: 12x1 with complexes across neighbouring rows and wandering baselines, 6x2 with a
 * rhythm strip and every column over the same window, 3x4 pages in colour, rotated and noisy, with
 * other rhythm leads. Skipped without {@code ../shared/data/eik-dev}.
 */
class EikLayoutTest {

	static final String[] PAGES = { "clean/1-0", "12x1/E07508-0", "12x1/JS20005-0", "6x2/E07507-0", "6x2/JS20006-0",
		"6x2/E07509-0", "colours/E07505-0", "rhythm-variants/HR06006-0", "rhythm-variants/JS20001-0",
		"rotated-noisy/E07509-0" };

	static final Map<EikPage, LeadLayout> DETECTED = new LinkedHashMap<>();

	@BeforeAll
	static void detect() {
		System.setProperty("java.awt.headless", "true");
		Path root = SharedData.require("eik-dev");
		for (String name : PAGES) {
			EikPage truth = EikPage.read(root.resolve(name + ".png"));
			ImageFiles.LoadedImage loaded = ImageFiles.read(truth.image);
			PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			DETECTED.put(truth, Stages.detectLeads(page, DigitizerSettings.defaults()));
		}
	}

	/** Every row the generator drew is found, and nothing else; each where the trace runs. */
	@Test
	void rows() {
		for (Map.Entry<EikPage, LeadLayout> e : DETECTED.entrySet()) {
			EikPage truth = e.getKey();
			LayoutEvidence found = e.getValue().evidence;
			assertEquals(truth.rows, found.rows.size(), truth.name());
			if (Math.abs(truth.angleDeg) > 0.5) continue;
			for (EikPage.Segment s : truth.segments) {
				LayoutEvidence.Row row = found.rows.get(s.row);
				assertTrue(s.medianY >= row.top && s.medianY <= row.bottom, truth.name() + " " + s + " at " + s.medianY +
					" is outside the band " + row.top + ".." + row.bottom);
			}
		}
	}

	/** The arrangement: 3x4 with a strip, 12x1 with a strip, 6x2 with a strip over the same window as its columns. */
	@Test
	void layout() {
		for (Map.Entry<EikPage, LeadLayout> e : DETECTED.entrySet()) {
			EikPage truth = e.getKey();
			LeadLayout found = e.getValue();
			int columns = found.layout.columnCount();
			assertEquals(truth.columns, columns, truth.name() + ": " + found.layout.spec());
			int strips = 0;
			for (int segments : found.layout.segmentsPerRow()) if (segments == 1 && columns > 1) strips++;
			if (columns == 1) strips = found.layout.rowCount() - 12;
			assertEquals(1, strips, truth.name() + ": " + found.layout.spec());
			// 3x4 columns follow one another in time; ecg-image-kit's 6x2 columns all show 0-5 s
			PageLayout.ColumnTiming timing = columns == 2 ? PageLayout.ColumnTiming.SAME_WINDOW
				: PageLayout.ColumnTiming.SEQUENTIAL;
			if (columns > 1) {
				assertEquals(timing, found.layout.timing(), truth.name() + ": " + found.evidence.timing.why);
				// the same window is only ever assumed when the beats show it (a very regular rhythm may
				// leave 3x4 undecided, and sequential is the default)
				if (timing == PageLayout.ColumnTiming.SAME_WINDOW) assertEquals("beats", found.evidence.timing.source);
			}
		}
	}

	/**
	 * The names: on 3x4 pages (ecg-image-kit prints the standard order) every short segment; on every
	 * page, every segment named from its printed label is named right, rhythm strips included (V5 on
	 * JS20001; 6x2/E07509 is 48 bpm, so only how closely its beats line up tells its timing).
	 */
	@Test
	void leadNames() {
		for (Map.Entry<EikPage, LeadLayout> e : DETECTED.entrySet()) {
			EikPage truth = e.getKey();
			LeadLayout found = e.getValue();
			List<LeadRegion> regions = found.regions;
			for (LeadRegion r : regions) {
				EikPage.Segment s = truth.at(r.row, r.column * truth.columns / found.layout.columnCount());
				if (s == null) continue;
				boolean byLabel = r.labelText != null && "labels".equals(found.namingSource);
				if (s.rhythm ? byLabel : truth.columns == 4 || byLabel) {
					assertEquals(s.lead, r.label(), truth.name() + " row " + r.row + " column " + r.column + " (" + found
						.namingSource + ")");
				}
			}
		}
	}
}
