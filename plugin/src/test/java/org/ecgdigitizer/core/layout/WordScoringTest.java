package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.ecgdigitizer.core.io.GlyphOutlines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scores {@link WordScoring} adds up from letter and window sums are each word's correlation
 * with the crop over its window, the known pixels only: the same as painting the word's best model at
 * its place and correlating it pixel by pixel, on crops with nothing hidden and on crops with a trace
 * and a rule taken out, for words of one to four letters.
 */
class WordScoringTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void scoresAreTheCorrelationsOfThePaintedWords() {
		List<GlyphOutlines.Style> fonts = GlyphOutlines.styles();
		String[] words = { "I", "V5", "aVR", "-aVR" };
		int compared = 0;
		boolean sawHidden = false;
		boolean sawNothingHidden = false;
		boolean[] lengths = new boolean[5];
		for (int w = 0; w < words.length; w++) {
			for (boolean cluttered : new boolean[] { false, true }) {
				BufferedImage img = LabelReaderTest.outlineText(words[w], fonts.get(w % fonts.size()), 20, 0.05);
				LabelReaderTest.Inked alone = new LabelReaderTest.Inked(img);
				if (cluttered) {
					Graphics2D g = LabelReaderTest.pen(img);
					g.fillRect((int) alone.box.maxX() + 6, 0, 2, img.getHeight());
					g.fillRect(0, (int) alone.box.y + 6, img.getWidth(), 2);
					g.dispose();
				}
				LabelReaderTest.Inked page = new LabelReaderTest.Inked(img);
				WordMatcher.Match m = WordMatcher.match(page.ink, page.w, page.h, alone.box, alone.box.height, false);
				assertNotNull(m, words[w]);
				sawHidden |= m.crop.anyUnknown;
				sawNothingHidden |= !m.crop.anyUnknown;
				for (int i = 0; i < WordMatcher.WORDS.length; i++) {
					// where letters overlap the scoring squares each letter's hidden values apart (not their sum)
					if (m.models[i] == null || overlapping(m.models[i]) && m.crop.anyUnknown) continue;
					lengths[m.models[i].letters.length] = true;
					String at = words[w] + (cluttered ? " cluttered" : "") + ": " + WordMatcher.WORDS[i];
					double expected = correlation(m, i);
					if (Double.isNaN(expected)) continue;
					// the window sums come from running sums: equal but for rounding
					assertEquals(expected, m.scores[i], 1e-6, at);
					compared++;
				}
			}
		}
		assertTrue(sawHidden && sawNothingHidden, "crops with and without hidden pixels");
		for (int n = 1; n <= 4; n++) assertTrue(lengths[n], "a best word of " + n + " letters");
		assertTrue(compared > 40, compared + " scores compared");
	}

	/** True when a model's letter boxes overlap. */
	private static boolean overlapping(WordMatcher.WordModel model) {
		LabelGlyphs.Letter[] letters = LabelGlyphs.styles().get(model.style).letters;
		for (int k = 1; k < model.letters.length; k++) {
			if (model.offsets[k - 1] + letters[model.letters[k - 1]].width > model.offsets[k]) return true;
		}
		return false;
	}

	/**
	 * A word's best model painted at its place, correlated pixel by pixel with the crop over its
	 * window's known pixels ({@link LabelCrop#correlation}); NaN when the window reaches beyond the crop.
	 */
	private static double correlation(WordMatcher.Match m, int word) {
		LabelCrop c = m.crop;
		WordMatcher.WordModel model = m.models[word];
		float[] t = new float[c.width * c.height];
		int x = m.places[word][0];
		int top = m.places[word][1];
		model.paint(t, c.width, c.height, x, top);
		int mx = (int) Math.round(WordMatcher.MARGIN_X * LabelCrop.H);
		int my = (int) Math.round(WordMatcher.MARGIN_Y * LabelCrop.H);
		int x0 = x - mx;
		int x1 = x + model.width + mx - 1;
		int y0 = top - my;
		int y1 = top + LabelCrop.H + my - 1;
		if (x0 < 0 || y0 < 0 || x1 >= c.width || y1 >= c.height) return Double.NaN;
		return c.correlation(t, x0, y0, x1, y1);
	}
}
