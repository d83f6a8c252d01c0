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
