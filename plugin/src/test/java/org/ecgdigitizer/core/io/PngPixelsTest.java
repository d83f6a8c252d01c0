package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PngPixelsTest {

	/** The pixels the JDK's reader and toRgb give: what every page was read as before. */
	private static int[] jdk(byte[] png) throws IOException {
		return rgb(ImageFiles.toRgb(ImageIO.read(new ByteArrayInputStream(png))));
	}

	private static int[] rgb(BufferedImage image) {
		int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		for (int i = 0; i < px.length; i++) px[i] &= 0xffffff;
		return px;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A page-like image: paper, a grid, noise and lines, so the JDK's writer uses every row filter. */
	private static BufferedImage page(int type, int w, int h, long seed) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(w, h, type);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int v = x % 10 == 0 || y % 10 == 0 ? 0xf08080 : 0xfaf5ee;
				if (random.nextInt(20) == 0) v = random.nextInt() & 0xffffff;
				if (Math.abs(y - h / 2 - (int) (10 * Math.sin(x / 7.0))) < 2) v = 0x101010;
				image.setRGB(x, y, 0xff000000 | v);
			}
		}
		return image;
	}

	@Test
	void decodesGreyRgbAndOpaqueRgbaAsTheJdkDoes() throws IOException {
		int[] types = { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
			BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY };
		for (int t = 0; t < types.length; t++) {
			for (int[] size : new int[][] { { 1, 1 }, { 37, 1 }, { 1, 23 }, { 211, 97 } }) {
				byte[] file = png(page(types[t], size[0], size[1], t));
				BufferedImage direct = PngPixels.decode(file);
				assertNotNull(direct, "type " + types[t]);
				assertArrayEquals(jdk(file), rgb(direct), "type " + types[t] + " " + size[0] + "x" + size[1]);
				// gamma, text and resolution chunks do not change what the JDK's reader gives
				byte[] tagged = withChunk(file, "gAMA", new byte[] { 0, 0, (byte) 0xb1, (byte) 0x8f });
				assertArrayEquals(jdk(tagged), rgb(PngPixels.decode(tagged)));
			}
		}
	}

	@Test
	void leavesToTheJdkWhatItDoesNotDecodeExactly() throws IOException {
		// transparency
		BufferedImage clear = page(BufferedImage.TYPE_INT_ARGB, 20, 10, 1);
		clear.setRGB(3, 3, 0x80ff0000);
		assertNull(PngPixels.decode(png(clear)));
		// a palette
		assertNull(PngPixels.decode(png(page(BufferedImage.TYPE_BYTE_INDEXED, 20, 10, 2))));
		// 16 bits
		assertNull(PngPixels.decode(png(page(BufferedImage.TYPE_USHORT_GRAY, 20, 10, 3))));
		// a colour profile
		byte[] file = png(page(BufferedImage.TYPE_INT_RGB, 20, 10, 4));
		assertNull(PngPixels.decode(withChunk(file, "iCCP", new byte[] { 'x', 0, 0 })));
		// truncated anywhere
		for (int cut = 9; cut < file.length; cut += 7) {
			assertNull(PngPixels.decode(java.util.Arrays.copyOf(file, cut)), "cut at " + cut);
		}
	}

	/** The pages the digitizer reads: our generator's and, when present, ecg-image-kit's and real ones. */
	@Test
	void decodesPagesAsTheJdkDoes() throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.walk(Paths.get("sample-data"))) {
			s.filter(p -> p.toString().endsWith(".png")).limit(3).forEach(files::add);
		}
		Path shared = org.ecgdigitizer.SharedData.root();
		for (String dir : new String[] { "eik-dev/clean", "real-images" }) {
			if (shared == null || !Files.isDirectory(shared.resolve(dir))) continue;
			Path d = shared.resolve(dir);
			try (Stream<Path> s = Files.list(d)) {
				s.filter(p -> p.toString().endsWith(".png")).sorted().limit(4).forEach(files::add);
			}
		}
		for (Path f : files) {
			byte[] file = Files.readAllBytes(f);
			BufferedImage direct = PngPixels.decode(file);
			if (direct != null) assertArrayEquals(jdk(file), rgb(direct), f.toString());
		}
	}

	/** The PNG specification's Paeth predictor, as it is written there. */
	private static int specPaeth(int a, int b, int c) {
		int p = a + b - c;
		int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
		if (pa <= pb && pa <= pc) return a;
		if (pb <= pc) return b;
		return c;
	}

	@Test
	void paethWithoutBranchesIsTheSpecificationsPredictor() {
		for (int a = 0; a < 256; a++) {
			for (int b = 0; b < 256; b++) {
				for (int c = 0; c < 256; c++) {
					if (PngPixels.paeth(a, b, c) != specPaeth(a, b, c)) {
						throw new AssertionError("paeth(" + a + ", " + b + ", " + c + ") = " + PngPixels.paeth(a, b, c));
					}
				}
			}
		}
	}

	/**
	 * A PNG written here, not by the JDK: 8-bit samples ({@code channels} per pixel, colour type
	 * {@code colour}), row y filtered with {@code filters[y % filters.length]}, the deflated data cut
	 * into IDAT chunks of {@code chunk} bytes (so that rows and the stream's end straddle chunks).
	 */
	private static byte[] encode(byte[] samples, int w, int h, int colour, int channels, int[] filters, int chunk) {
		int bytes = w * channels;
		byte[] filtered = new byte[h * (1 + bytes)];
		for (int y = 0; y < h; y++) {
			int filter = filters[y % filters.length];
			filtered[y * (1 + bytes)] = (byte) filter;
			for (int i = 0; i < bytes; i++) {
				int x = samples[y * bytes + i] & 255;
				int a = i >= channels ? samples[y * bytes + i - channels] & 255 : 0;
				int b = y > 0 ? samples[(y - 1) * bytes + i] & 255 : 0;
				int c = i >= channels && y > 0 ? samples[(y - 1) * bytes + i - channels] & 255 : 0;
				int predicted = filter == 0 ? 0 : filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2
					: specPaeth(a, b, c);
				filtered[y * (1 + bytes) + 1 + i] = (byte) (x - predicted);
			}
		}
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(6);
		deflater.setInput(filtered);
		deflater.finish();
		ByteArrayOutputStream z = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!deflater.finished()) z.write(buffer, 0, deflater.deflate(buffer));
		deflater.end();
		byte[] data = z.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 137, 80, 78, 71, 13, 10, 26, 10 }, 0, 8);
		byte[] header = new byte[13];
		java.nio.ByteBuffer.wrap(header).putInt(w).putInt(h).put((byte) 8).put((byte) colour);
		chunk(out, "IHDR", header, 0, 13);
		for (int at = 0; at < data.length; at += chunk) chunk(out, "IDAT", data, at, Math.min(chunk, data.length - at));
		chunk(out, "IEND", new byte[0], 0, 0);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int from, int length) {
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		writeInt(out, length);
		out.write(name, 0, 4);
		out.write(data, from, length);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data, from, length);
		writeInt(out, (int) crc.getValue());
	}

	/** Samples that reach every branch of every filter: random bytes, and runs of the same colour. */
	private static byte[] samples(int w, int h, int channels, long seed) {
		Random random = new Random(seed);
		byte[] s = new byte[w * h * channels];
		for (int i = 0; i < s.length; i++) {
			boolean run = i >= channels && random.nextInt(3) == 0;
			s[i] = run ? s[i - channels] : (byte) random.nextInt(256);
			if (channels == 4 && i % 4 == 3) s[i] = (byte) 255;
		}
		return s;
	}

	@Test
	void undoesEveryFilterOnGreyRgbAndRgbaOfOddWidthsAsTheJdkDoes() throws IOException {
		int[][] kinds = { { 0, 1 }, { 2, 3 }, { 6, 4 } }; // colour type, samples per pixel
		int[][] filterings = { { 0 }, { 1 }, { 2 }, { 3 }, { 4 }, { 4, 3, 2, 1, 0 }, { 2, 4, 1, 3 } };
		for (int[] kind : kinds) {
			for (int w : new int[] { 1, 2, 3, 5, 37, 211 }) {
				for (int h : new int[] { 1, 2, 9 }) {
					byte[] samples = samples(w, h, kind[1], 31L * w + h);
					for (int[] filters : filterings) {
						for (int chunk : new int[] { 1, 7, 1 << 16 }) {
							byte[] file = encode(samples, w, h, kind[0], kind[1], filters, chunk);
							String what = "colour " + kind[0] + ", " + w + "x" + h + ", filters " +
								java.util.Arrays.toString(filters) + ", chunks of " + chunk;
							BufferedImage direct = PngPixels.decode(file);
							assertNotNull(direct, what);
							assertArrayEquals(jdk(file), rgb(direct), what);
						}
					}
				}
			}
		}
	}

	@Test
	void leavesRgbaWithOneTranslucentPixelAndUnknownFiltersToTheJdk() {
		for (int filter = 0; filter <= 4; filter++) {
			byte[] samples = samples(37, 9, 4, filter);
			samples[4 * (37 * 8 + 36) + 3] = (byte) 254; // the last pixel
			assertNull(PngPixels.decode(encode(samples, 37, 9, 6, 4, new int[] { filter }, 100)), "filter " + filter);
		}
		byte[] file = encode(samples(5, 3, 3, 1), 5, 3, 2, 3, new int[] { 1 }, 1 << 16);
		// the second row's filter byte made 5: the filtered data of the first row is 1 + 15 bytes
		byte[] rows = new byte[3 * 16];
		java.util.zip.Inflater inflater = new java.util.zip.Inflater();
		inflater.setInput(file, 41, readInt(file, 33));
		try {
			inflater.inflate(rows);
		}
		catch (java.util.zip.DataFormatException e) {
			throw new AssertionError(e);
		}
		inflater.end();
		rows[16] = 5;
		java.util.zip.Deflater deflater = new java.util.zip.Deflater();
		deflater.setInput(rows);
		deflater.finish();
		byte[] data = new byte[256];
		int n = deflater.deflate(data);
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(file, 0, 33);
		chunk(out, "IDAT", data, 0, n);
		chunk(out, "IEND", new byte[0], 0, 0);
		assertNull(PngPixels.decode(out.toByteArray()));
	}

	private static int readInt(byte[] b, int at) {
		return java.nio.ByteBuffer.wrap(b, at, 4).getInt();
	}

	/** The file with a chunk put in after its header. */
	private static byte[] withChunk(byte[] png, String type, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33); // signature and IHDR
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		writeInt(out, data.length);
		out.write(name, 0, 4);
		out.write(data, 0, data.length);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		writeInt(out, (int) crc.getValue());
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	private static void writeInt(ByteArrayOutputStream out, int v) {
		out.write(v >>> 24);
		out.write(v >>> 16);
		out.write(v >>> 8);
		out.write(v);
	}
}
