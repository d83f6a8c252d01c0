package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ReviewPngTest {

	/** What any PNG reader decodes is the image written, pixel for pixel, whatever its size. */
	@Test
	void decodesToTheSamePixels() throws IOException {
		Random random = new Random(7);
		// 1 x 1; a row of one pixel; more rows than one IDAT chunk holds once deflated (noise)
		for (int[] size : new int[][] { { 1, 1 }, { 333, 1 }, { 1, 50 }, { 300, 250 } }) {
			BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < size[1]; y++) {
				for (int x = 0; x < size[0]; x++) image.setRGB(x, y, random.nextInt(4) == 0 ? random.nextInt() : 0xf0e0d0);
			}
			BufferedImage back = roundTrip(image);
			assertEquals(size[0], back.getWidth());
			assertEquals(size[1], back.getHeight());
			assertArrayEquals(rgb(image), rgb(back));
		}
	}

	/** The review PNG of an RGB image comes from this writer and reads back the same. */
	@Test
	void reviewPngsOfRgbImagesAreWrittenHere() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		image.setRGB(5, 7, 0x123456);
		assertTrue(ReviewPng.accepts(image));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageFiles.reviewPng(image).writeTo(out);
		assertArrayEquals(rgb(image), rgb(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))));
		// other kinds of image go to the JDK's writer
		assertFalse(ReviewPng.accepts(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
		assertFalse(ReviewPng.accepts(image.getSubimage(1, 1, 10, 10)));
	}

	private static BufferedImage roundTrip(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReviewPng.write(image, 1, out);
		return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
	}

	private static int[] rgb(BufferedImage image) {
		int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		for (int i = 0; i < px.length; i++) px[i] &= 0xffffff;
		return px;
	}
}
