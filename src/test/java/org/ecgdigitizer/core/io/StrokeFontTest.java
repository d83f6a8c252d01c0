package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class StrokeFontTest {

	static final String REQUIRED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:.,-/()+=%'_#";

	private static BufferedImage render(String text, double cap, float pen) {
		int w = (int) Math.ceil(StrokeFont.width(text, cap) + 2 * pen + 4);
		int h = (int) Math.ceil(2 * cap);
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		StrokeFont.draw(g, text, pen + 2, 1.4 * cap, cap, pen);
		g.dispose();
		return img;
	}

	private static int inked(BufferedImage img) {
		int n = 0;
		for (int y = 0; y < img.getHeight(); y++) {
			for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xff) < 128) n++;
		}
		return n;
	}

	@Test
	void everyRequiredGlyphExistsAndHasInk() {
		for (char c : REQUIRED.toCharArray()) {
			assertTrue(StrokeFont.has(c), "missing glyph '" + c + "'");
			BufferedImage img = render(String.valueOf(c), 40, 4);
			assertTrue(inked(img) > 8, "glyph '" + c + "' draws no ink");
			Rectangle2D b = StrokeFont.outline(String.valueOf(c), 0, 0, 1).getBounds2D();
			// centre-lines stay near their advance box: within the cap height band plus descenders
			assertTrue(b.getMinX() >= -0.2 && b.getMaxX() <= StrokeFont.width(String.valueOf(c), 1) + 0.1, c + " " + b);
			assertTrue(b.getMinY() >= -1.1 && b.getMaxY() <= StrokeFont.DESCENT + 0.05, c + " " + b);
		}
		// glyphs differ from each other (no two identical drawings)
		for (char a : REQUIRED.toCharArray()) {
			for (char b : REQUIRED.toCharArray()) {
				if (a >= b) continue;
				BufferedImage ia = render(String.valueOf(a), 30, 3);
				BufferedImage ib = render(String.valueOf(b), 30, 3);
				if (ia.getWidth() != ib.getWidth()) continue;
				int[] pa = ia.getRGB(0, 0, ia.getWidth(), ia.getHeight(), null, 0, ia.getWidth());
				int[] pb = ib.getRGB(0, 0, ib.getWidth(), ib.getHeight(), null, 0, ib.getWidth());
				assertTrue(!Arrays.equals(pa, pb), a + " and " + b + " look the same");
			}
		}
	}

	@Test
	void capitalsAndDigitsFillTheCapHeightAndLowerCaseTheXHeight() {
		for (char c : "EHIT1470".toCharArray()) {
			Rectangle2D b = StrokeFont.outline(String.valueOf(c), 0, 0, 1).getBounds2D();
			assertEquals(1, b.getHeight(), 0.03, "height of " + c);
			assertEquals(0, b.getMaxY(), 0.02, "baseline of " + c);
		}
		for (char c : "xvwz".toCharArray()) {
			Rectangle2D b = StrokeFont.outline(String.valueOf(c), 0, 0, 1).getBounds2D();
			assertEquals(StrokeFont.X_HEIGHT, b.getHeight(), 0.02, "height of " + c);
		}
	}

	@Test
	void widthsGrowWithTheTextAndScaleWithSize() {
		String text = "Rate 72 bpm, QT/QTc 380/412 ms (25 mm/s)";
		double last = 0;
		for (int n = 1; n <= text.length(); n++) {
			double w = StrokeFont.width(text.substring(0, n), 10);
			assertTrue(w > last, "width must grow at character " + n);
			last = w;
		}
		assertEquals(2 * StrokeFont.width(text, 10), StrokeFont.width(text, 20), 1e-9);
		// Helvetica-like proportions: "II" about 0.77 cap heights, "aVR" about 2.7, "V1" about 1.7
		assertEquals(0.774, StrokeFont.width("II", 1), 0.01);
		assertEquals(2.709, StrokeFont.width("aVR", 1), 0.01);
		assertEquals(1.703, StrokeFont.width("V1", 1), 0.01);
	}

	@Test
	void renderingIsDeterministicAndUnknownCharactersShowAsABox() {
		BufferedImage a = render("aVR V1 25 mm/s", 23.7, 2.6f);
		BufferedImage b = render("aVR V1 25 mm/s", 23.7, 2.6f);
		assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()), b.getRGB(0, 0, b
			.getWidth(), b.getHeight(), null, 0, b.getWidth()));
		assertTrue(inked(render("\u4e2d", 30, 3)) > 30);
	}

	/**
	 * Writes a sample sheet (our font above, and the machine's sans-serif below when it has one) to
	 * the temporary folder for a person to read.
	 */
	@Test
	void writesASampleSheet() throws IOException {
		String[] lines = { "ABCDEFGHIJKLM NOPQRSTUVWXYZ", "abcdefghijklm nopqrstuvwxyz", "0123456789 : . , - / ( ) + = % ' _ # \u00b5 \u00b0",
			"I II III aVR aVL aVF V1 V2 V3 V4 V5 V6 -aVR", "25 mm/s  10 mm/mV  HR 72 bpm  QT/QTc 380/412 ms",
			"Sinus rhythm (normal ECG); angle 2.5\u00b0 #12 50% \"ok\" [x] <y> ~z! ?" };
		int cap = 28;
		int w = 1500;
		boolean sans = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
			.contains("DejaVu Sans");
		BufferedImage img = new BufferedImage(w, (sans ? 2 : 1) * lines.length * 2 * cap + 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		g.setColor(Color.BLACK);
		double y = 1.6 * cap;
		for (String line : lines) {
			StrokeFont.draw(g, line, 10, y, cap, (float) (StrokeFont.REGULAR_PEN * cap));
			y += 2 * cap;
		}
		if (sans) {
			g.setColor(new Color(0, 0, 160));
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			// DejaVu Sans has a cap height of 0.73 em
			g.setFont(new Font("DejaVu Sans", Font.PLAIN, (int) Math.round(cap / 0.73)));
			for (String line : lines) {
				g.drawString(line, 10, (float) y);
				y += 2 * cap;
			}
		}
		g.dispose();
		Path out = Paths.get(System.getProperty("java.io.tmpdir"), "strokefont-sample.png");
		ImageFiles.writePng(img, out);
		assertTrue(out.toFile().length() > 1000);
	}
}
