package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Pages are decoded from the bytes in memory, as ImageIO decodes them from its own streams. */
class ByteImageStreamTest {

	/** Reads, skips and seeks give the bytes at the stream's position, and -1 past the end. */
	@Test
	void readsTheBytesAtItsPosition() throws IOException {
		byte[] bytes = new byte[1000];
		new Random(5).nextBytes(bytes);
		try (ByteImageStream in = new ByteImageStream(bytes)) {
			assertEquals(1000, in.length());
			assertEquals(bytes[0] & 0xff, in.read());
			byte[] some = new byte[10];
			assertEquals(10, in.read(some, 0, 10));
			assertEquals(bytes[1], some[0]);
			in.seek(990);
			assertEquals(10, in.read(new byte[50], 5, 45));
			assertEquals(-1, in.read());
			assertEquals(-1, in.read(some, 0, 10));
			assertEquals(0, in.read(some, 0, 0));
			in.seek(500);
			assertEquals(((bytes[500] & 0xff) << 8) | (bytes[501] & 0xff), in.readUnsignedShort());
			assertEquals(502, in.getStreamPosition());
		}
	}

	/** Every kind of image ImageIO decodes gives the pixels ImageIO.read gives for the same bytes. */
	@Test
	void decodesAsImageIoDoes() throws IOException {
		BufferedImage page = new BufferedImage(300, 220, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = page.createGraphics();
		g.setColor(new Color(250, 235, 235));
		g.fillRect(0, 0, 300, 220);
		g.setColor(new Color(220, 80, 80));
		for (int i = 0; i < 300; i += 10) g.drawLine(i, 0, i, 219);
		g.setColor(Color.BLACK);
		g.drawString("aVR", 20, 40);
		g.dispose();
		for (String format : new String[] { "png", "jpeg", "tiff", "bmp", "gif" }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(page, format, out);
			byte[] bytes = out.toByteArray();
			FileKind kind = FileKind.valueOf(format.equals("jpeg") ? "JPEG" : format.toUpperCase(java.util.Locale.ROOT));
			BufferedImage ours = ImageFiles.decode(bytes, kind, 0, ImageFiles.MAX_PIXELS).image;
			BufferedImage theirs = ImageFiles.toRgb(ImageIO.read(new ByteArrayInputStream(bytes)));
			assertArrayEquals(theirs.getRGB(0, 0, 300, 220, null, 0, 300), ours.getRGB(0, 0, 300, 220, null, 0, 300),
				format);
		}
	}
}
