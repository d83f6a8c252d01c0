package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;

/** A page is turned half-way round only when its calibration pulses or its printed lead names say so. */
class UpsideDownTest {

	private static BufferedImage turnedHalf(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(w - 1 - x, h - 1 - y, image.getRGB(x, y));
		return out;
	}

	@Test
	void aPageScannedUpsideDownIsTurnedAndNamed() {
		BufferedImage page = PageGenerator.render(PageGenerator.synthesize(5, 500, "upside"), PageSpec.defaults(), 5)
			.image();
		PreparedPage upsideDown = Preprocessor.run(ImageFiles.asImg(turnedHalf(page)), Double.NaN, Progress.NONE);
		assertTrue(PageOrientation.decide(upsideDown).upsideDown);
		LeadLayout layout = Stages.detectLeads(Stages.preprocess(ImageFiles.asImg(turnedHalf(page)), Double.NaN,
			Progress.NONE), DigitizerSettings.defaults());
		assertEquals("I", layout.regions.get(0).label(), layout.layout.spec());
		PreparedPage upright = Preprocessor.run(ImageFiles.asImg(page), Double.NaN, Progress.NONE);
		assertFalse(PageOrientation.decide(upright).upsideDown);
	}

	/** Without calibration pulses, the printed lead names tell which way up a page is. */
	@Test
	void aPageWithoutPulsesIsTurnedByItsLabels() {
		BufferedImage page = PageGenerator.render(PageGenerator.synthesize(6, 500, "nopulse"), PageSpec.defaults()
			.withPulses(false), 6).image();
		PreparedPage upsideDown = Preprocessor.run(ImageFiles.asImg(turnedHalf(page)), Double.NaN, Progress.NONE);
		LabelOrientation.Evidence turned = LabelOrientation.read(upsideDown);
		assertTrue(turned.turned >= 3 && turned.upright == 0, turned.toString());
		PageOrientation.Evidence decided = PageOrientation.decide(upsideDown);
		assertTrue(decided.upsideDown, turned.toString());
		// the names decide here, so they are read as far as it takes
		PageOrientation.Vote names = leadNames(decided);
		assertTrue(names.turned >= PageOrientation.MIN_PULSED_ROWS && names.upright == 0, names.toJson().toString());
		PreparedPage upright = Preprocessor.run(ImageFiles.asImg(page), Double.NaN, Progress.NONE);
		LabelOrientation.Evidence labels = LabelOrientation.read(upright);
		assertTrue(labels.upright >= 3 && labels.turned == 0, labels.toString());
		assertFalse(PageOrientation.decide(upright).upsideDown, labels.toString());
	}

	/**
	 * A page whose pulses and beats settle it leaves its lead names unread, and the decision is the
	 * one reading them all gives, either way up.
	 */
	@Test
	void labelsAreReadOnlyWhileTheyCanChangeTheDecision() {
		BufferedImage page = PageGenerator.render(PageGenerator.synthesize(7, 500, "settled"), PageSpec.defaults(), 7)
			.image();
		List<PageOrientation.Cue> readingEveryName = List.of(PageOrientation::rowPulses, PageOrientation::pulseShapes,
			PageOrientation::waveOrder, (upright, turned, settled) -> PageOrientation.leadNames(upright, turned,
				PageOrientation.NOT_YET));
		for (BufferedImage image : new BufferedImage[] { page, turnedHalf(page) }) {
			PreparedPage prepared = Preprocessor.run(ImageFiles.asImg(image), Double.NaN, Progress.NONE);
			PageOrientation.Evidence lazy = PageOrientation.decide(prepared);
			PageOrientation.Evidence full = PageOrientation.decide(prepared, readingEveryName);
			assertEquals(full.upsideDown, lazy.upsideDown, lazy.why + " / " + full.why);
			assertEquals(image != page, lazy.upsideDown, lazy.why);
			PageOrientation.Vote names = leadNames(lazy);
			PageOrientation.Vote allNames = leadNames(full);
			assertTrue(names.unread > 0, lazy.why);
			assertEquals(0, allNames.unread, full.why);
			assertTrue(allNames.upright + allNames.turned >= 3, "the page has names to read: " + full.why);
			assertTrue(lazy.why.contains("left unread"), lazy.why);
			assertTrue(lazy.toJson().toString().contains("unread=" + names.unread), lazy.toJson().toString());
		}
	}

	private static PageOrientation.Vote leadNames(PageOrientation.Evidence evidence) {
		for (PageOrientation.Vote v : evidence.votes) if (v.cue.startsWith("lead names")) return v;
		throw new AssertionError("no lead-name vote: " + evidence.toJson());
	}

	/** Upright real pages whose own pulses are missed, but where one pulse-like shape shows when turned. */
	@Test
	void oneTurnedPulseDoesNotTurnARealPage() {
		Path dir = SharedData.require("real-images");
		for (String name : new String[] { "eik_ecg00005.jpg", "eik_ecg00013.jpg", "eik_ecg00022.bmp" }) {
			ImageFiles.LoadedImage loaded = ImageFiles.read(dir.resolve(name));
			PreparedPage page = Preprocessor.run(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			assertFalse(PageOrientation.decide(page).upsideDown, name);
		}
	}
}
