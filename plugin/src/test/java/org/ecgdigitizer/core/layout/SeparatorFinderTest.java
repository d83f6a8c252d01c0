package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.Test;

/** Which words read along a row say that a new lead starts there. */
class SeparatorFinderTest {

	@Test
	void aLoneIInsideARowNamesNoBoundary() {
		// no printer's layout (3x4, 6x2, 12x1, standard or Cabrera) starts lead I inside a row
		assertFalse(SeparatorFinder.namesBoundary("I", 0.25));
		assertFalse(SeparatorFinder.namesBoundary("I", 0.5));
		// ...but at the start of a row it is the first lead's name
		assertTrue(SeparatorFinder.namesBoundary("I", 0));
		for (String word : new String[] { "II", "III", "aVR", "-aVR", "aVL", "aVF", "V1", "V6" }) {
			assertTrue(SeparatorFinder.namesBoundary(word, 0.25), word);
			assertTrue(SeparatorFinder.namesBoundary(word, 0), word);
		}
		// words that name none of the 12 leads, or nothing read
		assertFalse(SeparatorFinder.namesBoundary("V4R", 0.25));
		assertFalse(SeparatorFinder.namesBoundary(null, 0.25));
	}

	/**
	 * eik_ecg00042: a photographed 3x4 page with a II rhythm strip below. The strip's QRS spikes and
	 * grid-line stubs read as lone I's along it; they are no lead boundaries, so the strip is kept
	 * as the fourth row of 3x4+1 instead of being dropped for 3x4.
	 */
	@Test
	void aRhythmStripWhoseSpikesReadAsIIsKept() {
		Path image = SharedData.require("real-images").resolve("eik_ecg00042.jpg");
		ImageFiles.LoadedImage loaded = ImageFiles.read(image);
		DigitizerSettings settings = DigitizerSettings.defaults();
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, settings.ink(), Progress.NONE);
		LeadLayout layout = Stages.detectLeads(page, settings);
		assertEquals(4, layout.layout.rowCount(), layout.layout.spec());
		assertEquals(1, layout.layout.rhythmLeads().size(), layout.layout.spec());
		for (LayoutEvidence.Boundary b : layout.evidence.boundaries) {
			if (b.row == 3 && b.fraction > 0) assertFalse(b.seen.equals("label"), b.fraction + " " + b.seen);
		}
	}
}
