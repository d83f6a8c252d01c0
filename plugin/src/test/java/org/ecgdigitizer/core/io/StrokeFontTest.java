package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.ecgdigitizer.core.Box;
import org.junit.jupiter.api.Test;

class StrokeFontTest {

	@Test
	void everyPrintableCharacterButSpaceHasStrokes() {
		for (char c = 32; c <= 126; c++) {
			String s = String.valueOf(c);
			int segments = segments(StrokeFont.glyphs(s, 0, 0, 10));
			if (c == ' ') assertEquals(0, segments, "space has no ink");
			else assertTrue(segments > 0, "glyph for '" + c + "'");
			assertTrue(StrokeFont.width(s, 10) > 0, "advance of '" + c + "'");
		}
	}

	@Test
	void glyphsStayInsideTheirLine() {
		// Cap height 1: nothing above the brackets' 1.1 or below the descenders, and the ink of a
		// glyph stays within its advance box (give or take a little overhang, as j has).
		for (char c = 33; c <= 126; c++) {
			String s = String.valueOf(c);
			Rectangle2D b = StrokeFont.glyphs(s, 0, 0, 1).getBounds2D();
			assertTrue(-b.getMinY() <= 1.1 + 1e-9 && -b.getMaxY() >= -0.25, "'" + c + "' height " + b);
			assertTrue(b.getMinX() >= -0.1 && b.getMaxX() <= StrokeFont.width(s, 1) + 0.02, "'" + c + "' width " + b);
		}
	}

	@Test
	void widthsGrowWithTheText() {
		String text = "ID: 12345  Age: 57 yrs  25 mm/s  10 mm/mV  0.05-150 Hz -aVR";
		double previous = 0;
		for (int k = 1; k <= text.length(); k++) {
			double w = StrokeFont.width(text.substring(0, k), 12);
			assertTrue(w > previous, "width grows at " + k);
			previous = w;
		}
		assertEquals(2 * StrokeFont.width("aVR", 10), StrokeFont.width("aVR", 20), 1e-9);
		assertEquals(StrokeFont.width("II", 10), 2 * StrokeFont.width("I", 10), 1e-9);
	}

	@Test
	void capHeightIsTheRequestedSize() {
		double h = 37;
		Rectangle2D b = StrokeFont.glyphs("V1", 100, 200, h).getBounds2D();
		assertEquals(h, b.getHeight(), 1e-9);
		assertEquals(200, b.getMaxY(), 1e-9);
		// The ink adds half a stroke at the top and the bottom.
		Box ink = StrokeFont.inkBounds("V1", 100, 200, h, StrokeFont.REGULAR);
		assertEquals(h * (1 + StrokeFont.REGULAR), ink.height, 0.02 * h);
		assertTrue(ink.width < StrokeFont.width("V1", h));
		assertNull(StrokeFont.inkBounds(" ", 0, 0, h, StrokeFont.REGULAR));
	}

	@Test
	void lowercaseSitsOnTheXHeight() {
		Rectangle2D b = StrokeFont.glyphs("avwxz", 0, 0, 1).getBounds2D();
		assertEquals(StrokeFont.X_HEIGHT, b.getHeight(), 1e-9);
		Rectangle2D p = StrokeFont.glyphs("gjpqy", 0, 0, 1).getBounds2D();
		assertEquals(-StrokeFont.DESCENDER, p.getMaxY(), 0.02);
	}

	@Test
	void charactersOutsideAsciiAreDrawnAsQuestionMarks() {
		assertEquals(StrokeFont.width("?", 10), StrokeFont.width("\u00e9", 10), 0);
		assertEquals(segments(StrokeFont.glyphs("?", 0, 0, 10)), segments(StrokeFont.glyphs("\u00e9", 0, 0, 10)));
	}

	@Test
	void leadLabelsRenderToInkOfTheExpectedSize() {
		// Render "aVR" and check the ink really lands where inkBounds says, at a label-like size.
		double h = 20;
		BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 120, 40);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
		StrokeFont.draw(g, "aVR", 10, 30, h, StrokeFont.BOLD);
		g.dispose();
		int minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1;
		for (int y = 0; y < img.getHeight(); y++) {
			for (int x = 0; x < img.getWidth(); x++) {
				if ((img.getRGB(x, y) & 0xff) < 128) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		Box ink = StrokeFont.inkBounds("aVR", 10, 30, h, StrokeFont.BOLD);
		assertEquals(ink.x, minX, 1.5);
		assertEquals(ink.maxX(), maxX + 1, 1.5);
		assertEquals(ink.y, minY, 1.5);
		assertEquals(ink.maxY(), maxY + 1, 1.5);
	}

	private static int segments(Path2D path) {
		int n = 0;
		for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
			if (it.currentSegment(new double[6]) == PathIterator.SEG_LINETO) n++;
		}
		return n;
	}
}
