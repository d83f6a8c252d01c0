package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

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
		assertTrue(LeadDetector.looksUpsideDown(upsideDown));
		LeadLayout layout = Stages.detectLeads(Stages.preprocess(ImageFiles.asImg(turnedHalf(page)), Double.NaN,
			Progress.NONE), DigitizerSettings.defaults());
		assertEquals("I", layout.regions.get(0).label(), layout.layout.spec());
		PreparedPage upright = Preprocessor.run(ImageFiles.asImg(page), Double.NaN, Progress.NONE);
		assertFalse(LeadDetector.looksUpsideDown(upright));
	}

	/** Without calibration pulses, the printed lead names tell which way up a page is. */
	@Test
	void aPageWithoutPulsesIsTurnedByItsLabels() {
		BufferedImage page = PageGenerator.render(PageGenerator.synthesize(6, 500, "nopulse"), PageSpec.defaults()
			.withPulses(false), 6).image();
		PreparedPage upsideDown = Preprocessor.run(ImageFiles.asImg(turnedHalf(page)), Double.NaN, Progress.NONE);
		LabelOrientation.Evidence turned = LabelOrientation.read(upsideDown);
		assertTrue(turned.saysTurned(), turned.toString());
		assertTrue(LeadDetector.looksUpsideDown(upsideDown), turned.toString());
		PreparedPage upright = Preprocessor.run(ImageFiles.asImg(page), Double.NaN, Progress.NONE);
		LabelOrientation.Evidence labels = LabelOrientation.read(upright);
		assertTrue(labels.saysUpright(), labels.toString());
		assertFalse(LeadDetector.looksUpsideDown(upright), labels.toString());
	}

	/** Upright real pages whose own pulses are missed, but where one pulse-like shape shows when turned. */
	@Test
	void oneTurnedPulseDoesNotTurnARealPage() {
		Path dir = SharedData.require("real-images");
		for (String name : new String[] { "eik_ecg00005.jpg", "eik_ecg00013.jpg", "eik_ecg00022.bmp" }) {
			ImageFiles.LoadedImage loaded = ImageFiles.read(dir.resolve(name));
			PreparedPage page = Preprocessor.run(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			assertFalse(LeadDetector.looksUpsideDown(page), name);
		}
	}
}
