package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The review overlay's page: shrunk by area and veiled in one pass. */
class OverlaysTest {

	/** A page of one colour gives that colour veiled, at the asked size, whatever the ratio. */
	@Test
	void aPlainPageIsItsColourVeiled() {
		for (int[] size : new int[][] { { 2200, 1700, 1600, 1236 }, { 997, 401, 333, 134 }, { 300, 200, 300, 200 }, {
			250, 260, 1, 1 } })
		{
			BufferedImage page = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
			fill(page, 0xf4c0a0);
			BufferedImage out = Overlays.fadedPage(page, size[2], size[3]);
			assertEquals(size[2], out.getWidth());
			assertEquals(size[3], out.getHeight());
			int expected = veiled(0xf4) << 16 | veiled(0xc0) << 8 | veiled(0xa0);
			for (int y = 0; y < out.getHeight(); y++) {
				for (int x = 0; x < out.getWidth(); x++) assertEquals(expected, out.getRGB(x, y) & 0xffffff, x + "," + y);
			}
		}
	}

	/**
	 * Every review pixel is the mean of the page area it covers: a page of 1-pixel stripes shrunk
	 * from 11 to 8 columns gives each column's exact share of dark and light, and the whole
	 * image's mean ink is kept (a bilinear shrink drops some thin lines and doubles others).
	 */
	@Test
	void eachPixelIsTheMeanOfTheAreaItCovers() {
		int pw = 11 * 40, ph = 30, w = 8 * 40, h = 30;
		BufferedImage page = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < ph; y++) {
			for (int x = 0; x < pw; x++) page.setRGB(x, y, x % 2 == 0 ? 0 : 0xffffff);
		}
		BufferedImage out = Overlays.fadedPage(page, w, h);
		for (int x = 0; x < w; x++) {
			// review column x covers page columns [x 11/8, (x + 1) 11/8)
			double white = 0;
			double from = x * 11.0 / 8, to = (x + 1) * 11.0 / 8;
			for (int i = (int) from; i < Math.ceil(to); i++) {
				if (i % 2 == 1) white += Math.min(to, i + 1) - Math.max(from, i);
			}
			int mean = (int) Math.round(255 * white / (11.0 / 8));
			assertEquals(veiled(mean), out.getRGB(x, 7) & 255, 1, "column " + x);
		}
	}

	/** A page of any image type gives the same pixels as the same page in packed RGB. */
	@Test
	void anyImageTypeGivesTheSamePixels() {
		Random random = new Random(3);
		BufferedImage rgb = new BufferedImage(503, 311, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < rgb.getHeight(); y++) {
			for (int x = 0; x < rgb.getWidth(); x++) rgb.setRGB(x, y, random.nextInt() & 0xffffff);
		}
		BufferedImage bgr = new BufferedImage(503, 311, BufferedImage.TYPE_3BYTE_BGR);
		bgr.getGraphics().drawImage(rgb, 0, 0, null);
		assertArrayEquals(pixels(Overlays.fadedPage(rgb, 400, 247)), pixels(Overlays.fadedPage(bgr, 400, 247)));
	}

	/**
	 * It shows what Java2D's bilinear drawImage and a translucent white fill showed before: on a
	 * page of grid lines and a trace, the mean difference is well under one level of 255 and no
	 * region of 8 x 8 review pixels differs by more than a few levels (4.1 seen: where bilinear
	 * sampling dropped or doubled a grid line).
	 */
	@Test
	void showsWhatJava2dShowed() {
		BufferedImage page = new BufferedImage(2200, 1700, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 2200, 1700);
		g.setColor(new Color(240, 150, 150));
		for (int i = 0; i < 2200; i += 8) g.drawLine(i, 0, i, 1699);
		for (int i = 0; i < 1700; i += 8) g.drawLine(0, i, 2199, i);
		g.setColor(Color.BLACK);
		for (int x = 0; x < 2199; x++) g.drawLine(x, 850 + (int) (200 * Math.sin(x / 30.0)), x + 1, 850 + (int) (200 *
			Math.sin((x + 1) / 30.0)));
		g.dispose();
		BufferedImage ours = Overlays.fadedPage(page, 1600, 1236);
		BufferedImage java2d = new BufferedImage(1600, 1236, BufferedImage.TYPE_INT_RGB);
		g = java2d.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(page, 0, 0, 1600, 1236, null);
		g.setColor(new Color(255, 255, 255, Overlays.VEIL));
		g.fillRect(0, 0, 1600, 1236);
		g.dispose();
		double total = 0, worstBlock = 0;
		for (int by = 0; by + 8 <= 1236; by += 8) {
			for (int bx = 0; bx + 8 <= 1600; bx += 8) {
				double block = 0;
				for (int y = by; y < by + 8; y++) {
					for (int x = bx; x < bx + 8; x++) {
						int a = ours.getRGB(x, y), b = java2d.getRGB(x, y);
						for (int shift = 0; shift < 24; shift += 8) block += (a >> shift & 255) - (b >> shift & 255);
					}
				}
				total += block;
				worstBlock = Math.max(worstBlock, Math.abs(block / 192));
			}
		}
		double mean = Math.abs(total / (1600.0 * 1232 * 3));
		assertTrue(mean < 1, "mean difference " + mean);
		assertTrue(worstBlock < 6, "worst 8 x 8 block differs by " + worstBlock);
	}

	/**
	 * The pixels are those of the arithmetic written out one channel at a time: each page column's
	 * share of the rows a review row covers, rounded to 8 bits, then each review pixel's share of
	 * those columns, rounded, then veiled. The page's top byte (alpha) is ignored. Ratios from 1 to
	 * 3 take 1 to 4 rows and columns per review pixel.
	 */
	@Test
	void givesTheAreaMeansRoundedRowsFirst() {
		Random random = new Random(5);
		for (int[] size : new int[][] { { 2200, 1700, 1600, 1236 }, { 3300, 2550, 1600, 1236 }, { 331, 97, 331, 97 }, {
			331, 97, 330, 60 }, { 331, 97, 111, 33 }, { 331, 97, 200, 50 }, { 64, 64, 1, 1 } })
		{
			int pw = size[0], ph = size[1], w = size[2], h = size[3];
			BufferedImage page = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
			int[] px = ((java.awt.image.DataBufferInt) page.getRaster().getDataBuffer()).getData();
			for (int i = 0; i < px.length; i++) {
				// runs of one colour and single pixels, with the alpha byte set on some
				px[i] = random.nextInt(4) == 0 && i > 0 ? px[i - 1] : random.nextInt();
			}
			Overlays.AreaTaps across = new Overlays.AreaTaps(pw, w), down = new Overlays.AreaTaps(ph, h);
			BufferedImage out = Overlays.fadedPage(page, w, h);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int expected = 0;
					for (int shift = 16; shift >= 0; shift -= 8) {
						int sum = 0;
						for (int i = 0; i < across.count[x]; i++) {
							int column = 0;
							for (int k = 0; k < down.count[y]; k++) {
								int p = px[(down.first[y] + k) * pw + across.first[x] + i];
								column += (p >> shift & 255) * down.weights[y * down.most + k];
							}
							sum += (column + 128 >> 8) * across.weights[x * across.most + i];
						}
						int mean = sum + 128 >> 8;
						expected |= (mean * (255 - Overlays.VEIL) + 255 * Overlays.VEIL + 127) / 255 << shift;
					}
					assertEquals(expected, out.getRGB(x, y) & 0xffffff, pw + "x" + ph + " to " + w + "x" + h + " at " + x +
						"," + y);
				}
			}
		}
	}

	private static int veiled(int c) {
		return (int) Math.round(c * (255 - Overlays.VEIL) / 255.0 + Overlays.VEIL);
	}

	private static void fill(BufferedImage page, int rgb) {
		for (int y = 0; y < page.getHeight(); y++) {
			for (int x = 0; x < page.getWidth(); x++) page.setRGB(x, y, rgb);
		}
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}
}
