package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

class EcgDigitizerTest {

	private static EcgDigitizer run(BufferedImage image) {
		EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(ImageFiles.toRgb(image)), Double.NaN, DigitizerSettings
			.defaults(), "page");
		boolean ok = d.checkInput() && d.process();
		assertEquals(ok, d.getErrorMessage() == null, "an error message exactly when it fails");
		return d;
	}

	private static BufferedImage filled(int w, int h, Color c) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(c);
		g.fillRect(0, 0, w, h);
		g.dispose();
		return img;
	}

	@Test
	void imagesWithoutAnEcgAreRefusedWithOneLineThatSaysWhatToDo() {
		Random r = new Random(1);
		BufferedImage noise = filled(1100, 850, Color.WHITE);
		for (int y = 0; y < 850; y++) {
			for (int x = 0; x < 1100; x++) {
				int v = r.nextInt(256);
				noise.setRGB(x, y, v << 16 | v << 8 | v);
			}
		}
		BufferedImage blobs = filled(1100, 850, Color.WHITE);
		Graphics2D g = blobs.createGraphics();
		for (int i = 0; i < 150; i++) {
			g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
			g.fillOval(r.nextInt(1100), r.nextInt(850), 30 + r.nextInt(200), 30 + r.nextInt(150));
		}
		g.dispose();
		for (BufferedImage image : List.of(filled(1100, 850, Color.WHITE), noise, blobs)) {
			EcgDigitizer d = run(image);
			assertNotNull(d.getErrorMessage());
			assertEquals(1, d.getErrorMessage().lines().count(), d.getErrorMessage());
			assertTrue(d.getErrorMessage().contains(";"), "the message goes on to say what to do: " + d
				.getErrorMessage());
		}
	}

	@Test
	void tinyImagesAreRefusedBeforeAnyWork() {
		EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(filled(150, 90, Color.WHITE)), Double.NaN,
			DigitizerSettings.defaults(), "page");
		assertFalse(d.checkInput());
		assertTrue(d.getErrorMessage().contains("150x90"), d.getErrorMessage());
	}

	/**
	 * Every real page either digitizes into the 12 standard leads (at least one of them printed)
	 * or fails with a one-line message; nothing crashes.
	 */
	@Test
	void everySharedRealPageDigitizesOrFailsCleanly() throws IOException {
		Path real = SharedData.require("real-images");
		Path seeds = SharedData.require("seed-images");
		List<Path> images = new ArrayList<>();
		for (Path folder : List.of(real, seeds)) {
			try (Stream<Path> s = Files.list(folder)) {
				s.filter(p -> p.toString().matches(".*\\.(png|jpg|jpeg|bmp)$")).sorted().forEach(images::add);
			}
		}
		assertTrue(images.size() > 40, "expected the shared real and seed images");
		int digitized = 0;
		for (Path image : images) {
			ImageFiles.LoadedImage loaded = ImageFiles.read(image);
			EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, DigitizerSettings
				.defaults(), BatchDigitizer.stem(image));
			if (d.checkInput() && d.process()) {
				Digitization result = d.getResult();
				assertEquals(Lead.standardLabels(), result.record.leadNames(), image.toString());
				assertEquals(Math.round(result.layout.pageSeconds * 500), result.record.length(), image.toString());
				digitized++;
			}
			else {
				assertEquals(1, d.getErrorMessage().lines().count(), image + ": " + d.getErrorMessage());
			}
		}
		// most of them are scans and renders that must work; photos may fail cleanly
		assertTrue(digitized >= 35, "only " + digitized + " of " + images.size() + " pages digitized");
	}
}
