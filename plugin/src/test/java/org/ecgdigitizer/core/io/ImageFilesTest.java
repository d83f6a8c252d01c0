package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

	@TempDir
	Path dir;

	private static BufferedImage marked(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		img.setRGB(0, 0, 0xff0000); // red top-left marker
		return img;
	}

	@Test
	void orientationsMoveTheTopLeftPixelWhereViewersShowIt() {
		// Orientation 6 means "rotate 90 degrees clockwise to view": top-left goes to top-right.
		BufferedImage r6 = ImageFiles.orient(marked(4, 2), 6);
		assertEquals(2, r6.getWidth());
		assertEquals(4, r6.getHeight());
		assertEquals(0xff0000, r6.getRGB(1, 0) & 0xffffff);
		BufferedImage r3 = ImageFiles.orient(marked(4, 2), 3);
		assertEquals(0xff0000, r3.getRGB(3, 1) & 0xffffff);
		BufferedImage r8 = ImageFiles.orient(marked(4, 2), 8);
		assertEquals(0xff0000, r8.getRGB(0, 3) & 0xffffff);
		BufferedImage r2 = ImageFiles.orient(marked(4, 2), 2);
		assertEquals(0xff0000, r2.getRGB(3, 0) & 0xffffff);
		for (int o = 1; o <= 8; o++) {
			BufferedImage r = ImageFiles.orient(marked(4, 2), o);
			int hits = 0;
			for (int y = 0; y < r.getHeight(); y++)
				for (int x = 0; x < r.getWidth(); x++)
					if ((r.getRGB(x, y) & 0xffffff) == 0xff0000) hits++;
			assertEquals(1, hits, "orientation " + o + " must keep the marker pixel");
		}
	}

	@Test
	void readsPngWithAlphaOntoWhiteAndWrapsWithoutCopy() throws IOException {
		// a page is at least 200 pixels on a side
		BufferedImage argb = new BufferedImage(ImageFiles.MIN_SIDE + 1, ImageFiles.MIN_SIDE, BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(1, 1, 0xff000000);
		Path png = dir.resolve("a.png");
		ImageIO.write(argb, "png", png.toFile());
		ImageFiles.LoadedImage loaded = ImageFiles.read(png);
		assertEquals(0xffffff, loaded.image.getRGB(0, 0) & 0xffffff, "transparent becomes white paper");
		assertEquals(0x000000, loaded.image.getRGB(1, 1) & 0xffffff);
		ArrayImg<ARGBType, IntArray> img = ImageFiles.asImg(loaded.image);
		img.randomAccess().setPositionAndGet(2, 0).set(0x123456);
		assertEquals(0x123456, loaded.image.getRGB(2, 0) & 0xffffff, "the ImgLib2 view shares pixels");
		assertSame(img.update(null).getCurrentStorageArray(), ImageFiles.asImg(ImageFiles.asBufferedImage(img))
			.update(null).getCurrentStorageArray());
	}

	@Test
	void badFilesGiveOneLineErrors() throws IOException {
		Path text = dir.resolve("notes.png");
		Files.writeString(text, "hello");
		EcgException e = assertThrows(EcgException.class, () -> ImageFiles.read(text));
		assertTrue(e.getMessage().contains("not an image"), e.getMessage());
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(marked(200, 200), "png", png);
		Path truncated = dir.resolve("cut.png");
		Files.write(truncated, java.util.Arrays.copyOf(png.toByteArray(), png.size() / 2));
		e = assertThrows(EcgException.class, () -> ImageFiles.read(truncated));
		assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
		assertTrue(assertThrows(EcgException.class, () -> ImageFiles.read(dir.resolve("missing.png"))).getMessage()
			.contains("not found"));
		assertEquals(1, e.getMessage().lines().count());
	}

	@Test
	void exifOrientationOfSharedJpegsIsHonoured() {
		Path real = SharedData.require("real-images");
		// The upright original lives among the seed images; the EXIF variants among the real images.
		Path seeds = SharedData.require("seed-images");
		ImageFiles.LoadedImage upright = ImageFiles.read(seeds.resolve("a01_rafaloga_Normal_1.jpg"));
		ImageFiles.LoadedImage rot6 = ImageFiles.read(real.resolve("rafaloga_Normal1_rot.jpg"));
		ImageFiles.LoadedImage rot3 = ImageFiles.read(real.resolve("rafaloga_Normal1_rot3.jpg"));
		assertEquals(1, upright.exifOrientation);
		assertEquals(6, rot6.exifOrientation);
		assertEquals(3, rot3.exifOrientation);
		assertEquals(upright.image.getWidth(), rot6.image.getHeight());
		assertEquals(upright.image.getWidth(), rot3.image.getWidth());
		assertEquals(upright.image.getRGB(10, 20), rot3.image.getRGB(rot3.image.getWidth() - 11, rot3.image
			.getHeight() - 21));
		assertEquals(200, upright.dpi, 0.5);
	}
}
