package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.ecgdigitizer.core.Box;

import org.ecgdigitizer.core.io.GlyphOutlines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The label reader's letter sums over a crop visit only the rows and columns where the crop holds
 * ink (or, for the hidden sums, unknown pixels). They must equal, bit for bit, the straightforward
 * sums over every inked pixel of the letter, added in the letter's order.
 */
class LabelCropTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** The crop the reader compares words with: a word against a trace and a rule, so some pixels are unknown. */
	private static LabelCrop crop(String word, GlyphOutlines.Style style) {
		BufferedImage img = LabelReaderTest.outlineText(word, style, 20, 0.05);
		LabelReaderTest.Inked alone = new LabelReaderTest.Inked(img);
		Graphics2D g = LabelReaderTest.pen(img);
		g.fillRect(40 - 1, 0, 2, 58);
		g.fillRect(0, 24, img.getWidth(), 2);
		g.dispose();
		LabelReaderTest.Inked cluttered = new LabelReaderTest.Inked(img);
		WordMatcher.Match m = WordMatcher.match(cluttered.ink, cluttered.w, cluttered.h, alone.box, alone.box.height,
			false);
		assertNotNull(m, word);
		return m.crop;
	}

	@Test
	void letterSumsEqualTheStraightforwardSums() {
		int compared = 0;
		boolean sawUnknown = false;
		List<GlyphOutlines.Style> fonts = GlyphOutlines.styles();
		String[] words = { "aVR", "V5", "III" };
		for (int w = 0; w < words.length; w++) {
			LabelCrop c = crop(words[w], fonts.get(w % fonts.size()));
			sawUnknown |= c.anyUnknown;
			for (LabelGlyphs.Style style : LabelGlyphs.styles()) {
				for (LabelGlyphs.Letter l : style.letters) {
					int positions = Math.max(0, c.width - l.width + 1);
					String at = words[w] + " " + style.name;
					// tops reaching above and below the crop, and a range cut on both sides
					compared += compare(c, l, -3, c.height + 6 - LabelGlyphs.H, 2, positions - 3, at);
					// the reader's three tops on the crop (added up together)
					compared += compare(c, l, 1, 3, 2, positions - 3, at + " three tops");
				}
			}
		}
		assertTrue(sawUnknown, "the crops hold unknown pixels");
		assertTrue(compared > 10000, compared + " sums compared");
	}

	/** Compares the letter sums of a crop at tops top0 to top0 + tops - 1 with the straightforward ones; the count compared. */
	private static int compare(LabelCrop c, LabelGlyphs.Letter l, int top0, int tops, int from, int to, String what) {
		int compared = 0;
		int positions = Math.max(0, c.width - l.width + 1);
		double[][] dots = LabelCrop.rows(tops, c.width + 1);
		double[][][] hidden = { LabelCrop.rows(tops, c.width + 1), LabelCrop.rows(tops, c.width + 1) };
		// the hidden sums added up by columns, as by rows
		double[][][] byColumns = { LabelCrop.rows(tops, c.width + 1), LabelCrop.rows(tops, c.width + 1) };
		c.dots(l, top0, tops, from, to, dots);
		c.hiddenDotsByRows(l, top0, tops, from, to, hidden[0], hidden[1]);
		c.hiddenDotsByColumns(l, top0, tops, from, to, byColumns[0], byColumns[1]);
		for (int t = 0; t < tops; t++) {
			for (int x = 0; x < positions; x++) {
				double dot = 0;
				double hid = 0;
				double hid2 = 0;
				if (x >= from && x <= to) {
					for (int k = 0; k < l.inkY.length; k++) {
						int y = top0 + t + l.inkY[k];
						if (y < 0 || y >= c.height) continue;
						int i = y * c.width + x + l.inkX[k];
						dot += l.inkValue[k] * (double) c.pixels[i];
						if (c.unknown[i]) {
							hid += l.inkValue[k];
							hid2 += l.inkValue2[k];
						}
					}
				}
				String at = what + " t=" + t + " x=" + x;
				assertEquals(Double.doubleToLongBits(dot), Double.doubleToLongBits(dots[t][x]), at);
				assertEquals(Double.doubleToLongBits(hid), Double.doubleToLongBits(hidden[0][t][x]), at);
				assertEquals(Double.doubleToLongBits(hid2), Double.doubleToLongBits(hidden[1][t][x]), at);
				assertEquals(Double.doubleToLongBits(hid), Double.doubleToLongBits(byColumns[0][t][x]), at);
				assertEquals(Double.doubleToLongBits(hid2), Double.doubleToLongBits(byColumns[1][t][x]), at);
				compared++;
			}
		}
		return compared;
	}

	/**
	 * Ink that is all clutter (a pulse's edge, a long upright line) leaves a blank crop: nothing
	 * to read, found at once, as the search over every place finds it.
	 */
	@Test
	void inkThatIsAllClutterIsNothingToRead() {
		BufferedImage img = LabelReaderTest.canvas(120, 120);
		Graphics2D g = LabelReaderTest.pen(img);
		g.fillRect(60, 10, 2, 100);
		g.dispose();
		LabelReaderTest.Inked line = new LabelReaderTest.Inked(img);
		// read at a label's size, the line is more than a letter tall: all of it is clutter
		Box at = Box.fromCorners(line.box.x, 70, line.box.maxX(), 90);
		assertEquals(null, WordMatcher.match(line.ink, line.w, line.h, at, 20, false));
		assertEquals(null, WordMatcher.match(line.ink, line.w, line.h, at, 20, false, true));
		LabelReader.Reading r = LabelReader.read(line.ink, line.w, line.h, at, 20);
		assertEquals("nothing to read", r.doubt);
		assertFalse(r.accepted());
	}
}
