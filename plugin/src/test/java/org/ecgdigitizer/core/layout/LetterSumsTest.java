package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.ecgdigitizer.core.io.GlyphOutlines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The label reader's per-letter sums (a letter times the crop, and the letter over the crop's
 * hidden pixels) are computed four pixels at a time and run by run; they must equal the
 * straightforward sums, pixel by pixel in the letter's order, bit for bit.
 */
class LetterSumsTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** Crops of words against a trace (so that some pixels are hidden), and of random ink. */
	@Test
	void letterSumsEqualTheStraightforwardSums() {
		int compared = 0;
		Random random = new Random(7);
		GlyphOutlines.Style font = GlyphOutlines.styles().get(0);
		for (String lead : LabelReaderTest.LEADS) {
			BufferedImage img = LabelReaderTest.outlineText(lead, font, 20, 0.05);
			Graphics2D g = LabelReaderTest.pen(img);
			g.fillRect(40 - 1, 0, 2, 58);
			g.fillRect(0, 24, img.getWidth(), 2);
			g.dispose();
			LabelReaderTest.Inked inked = new LabelReaderTest.Inked(img);
			float[] raw = LabelReader.resample(inked.ink, inked.w, inked.h, 0, 0, LabelReader.H / 20.0, inked.w * 16 / 20,
				inked.h * 16 / 20, false);
			compared += compare(raw, inked.w * 16 / 20, inked.h * 16 / 20, random);
		}
		for (int i = 0; i < 5; i++) {
			int w = 60 + random.nextInt(40);
			int h = 30;
			float[] raw = new float[w * h];
			for (int k = 0; k < raw.length; k++) raw[k] = random.nextInt(4) == 0 ? random.nextFloat() : 0;
			// a line too long for a letter, hidden as clutter
			for (int x = 0; x < w; x++) raw[12 * w + x] = 1;
			compared += compare(raw, w, h, random);
		}
		assertTrue(compared > 1000, compared + " letters compared");
	}

	private static int compare(float[] raw, int w, int h, Random random) {
		boolean[] clutter = LabelReader.clutter(raw, w, h);
		for (int i = 0; i < raw.length; i++) if (clutter[i]) raw[i] = 0;
		LabelReader.Crop c = new LabelReader.Crop(LabelReader.blur(raw, w, h, LabelReader.BLUR), clutter, w, h);
		int compared = 0;
		int tops = 3;
		for (LabelGlyphs.Style style : LabelGlyphs.styles()) {
			for (LabelGlyphs.Letter l : style.letters) {
				int positions = Math.max(0, w - l.width + 1);
				if (positions == 0) continue;
				int top0 = random.nextInt(Math.max(1, h - LabelReader.H - 2)) - 1;
				int from = random.nextInt(positions);
				int to = from + random.nextInt(positions - from);
				double[][] dots = LabelReader.Crop.rows(tops, w + 1);
				double[][] hidden = LabelReader.Crop.rows(tops, w + 1);
				double[][] hidden2 = LabelReader.Crop.rows(tops, w + 1);
				c.dots(l, top0, tops, from, to, dots);
				c.hiddenDots(l, top0, tops, from, to, hidden, hidden2);
				for (int t = 0; t < tops; t++) {
					for (int x = 0; x <= w; x++) {
						double dot = 0;
						double hid = 0;
						double hid2 = 0;
						if (x >= from && x <= to && x < positions) {
							for (int y = 0; y < LabelReader.H; y++) {
								int cy = top0 + t + y;
								if (cy < 0 || cy >= h) continue;
								for (int lx = 0; lx < l.width; lx++) {
									float v = l.pixels[y * l.width + lx];
									if (v <= 0) continue;
									int i = cy * w + x + lx;
									dot += v * c.values[i];
									if (c.unknown[i]) {
										hid += v;
										hid2 += v * v;
									}
								}
							}
						}
						String at = l + " top " + (top0 + t) + " x " + x;
						assertEquals(Double.doubleToLongBits(dot), Double.doubleToLongBits(dots[t][x]), at);
						assertEquals(Double.doubleToLongBits(hid), Double.doubleToLongBits(hidden[t][x]), at);
						assertEquals(Double.doubleToLongBits(hid2), Double.doubleToLongBits(hidden2[t][x]), at);
					}
				}
				compared++;
			}
		}
		return compared;
	}
}
