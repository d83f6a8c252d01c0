package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * A minimal lossless WebP (VP8L) encoder for tests, since Java has none: no transforms, no colour
 * cache, no back-references; green, red and blue each with a flat 8-bit prefix code, alpha fixed
 * at opaque. Files are large, but they are real WebP files any decoder reads.
 */
final class WebpWriter {

	private WebpWriter() {}

	private static final class Bits {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		long buffer;
		int count;

		/** Writes the low n bits of v, least significant first (VP8L's bit order). */
		void put(long v, int n) {
			buffer |= (v & ((1L << n) - 1)) << count;
			count += n;
			while (count >= 8) {
				out.write((int) (buffer & 0xff));
				buffer >>>= 8;
				count -= 8;
			}
		}

		byte[] finish() {
			if (count > 0) out.write((int) (buffer & 0xff));
			return out.toByteArray();
		}
	}

	static byte[] encode(BufferedImage image) {
		int w = image.getWidth(), h = image.getHeight();
		Bits b = new Bits();
		b.put(0x2f, 8);
		b.put(w - 1, 14);
		b.put(h - 1, 14);
		b.put(0, 1); // no alpha
		b.put(0, 3); // version
		b.put(0, 1); // no transform
		b.put(0, 1); // no colour cache
		b.put(0, 1); // one prefix code group
		flatCode(b, 280); // green (and lengths, unused)
		flatCode(b, 256); // red
		flatCode(b, 256); // blue
		// alpha: one symbol, 255
		b.put(1, 1);
		b.put(0, 1);
		b.put(1, 1);
		b.put(255, 8);
		// distance: one symbol, 0
		b.put(1, 1);
		b.put(0, 1);
		b.put(0, 1);
		b.put(0, 1);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = image.getRGB(x, y);
				b.put(reverse8(rgb >> 8 & 255), 8);
				b.put(reverse8(rgb >> 16 & 255), 8);
				b.put(reverse8(rgb & 255), 8);
			}
		}
		byte[] data = b.finish();
		ByteArrayOutputStream f = new ByteArrayOutputStream();
		int chunk = data.length + (data.length & 1);
		f.writeBytes(new byte[] { 'R', 'I', 'F', 'F' });
		le32(f, 4 + 8 + chunk);
		f.writeBytes(new byte[] { 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L' });
		le32(f, data.length);
		f.writeBytes(data);
		if ((data.length & 1) == 1) f.write(0);
		return f.toByteArray();
	}

	/**
	 * A normal prefix code giving the first 256 symbols 8 bits and the rest none: the code-length
	 * code has two symbols (0 and 8) of one bit each.
	 */
	private static void flatCode(Bits b, int symbols) {
		b.put(0, 1); // normal code
		// code length code lengths, in the order 17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8: twelve of them
		b.put(12 - 4, 4);
		int[] order = { 17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8 };
		for (int s : order) b.put(s == 0 || s == 8 ? 1 : 0, 3);
		b.put(0, 1); // lengths for every symbol follow
		// canonical code: symbol 0 is "0", symbol 8 is "1"
		for (int s = 0; s < symbols; s++) b.put(s < 256 ? 1 : 0, 1);
	}

	private static int reverse8(int v) {
		return Integer.reverse(v) >>> 24;
	}

	private static void le32(ByteArrayOutputStream f, int v) {
		f.write(v);
		f.write(v >> 8);
		f.write(v >> 16);
		f.write(v >> 24);
	}
}
