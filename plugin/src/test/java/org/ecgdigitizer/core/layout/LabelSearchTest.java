package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Paths;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.GlyphOutlines;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The label reader correlates each letter with the crop only where a word that can be read there
 * puts it, and passes over blocks of places whose bound says no place of them can beat the word's
 * best; the straightforward search correlates it everywhere. Both must find the same scores,
 * places and boxes, bit for bit. Passing over also the places that cannot reach a score worth
 * scoring, every word that reaches it keeps its score and place bit for bit, and no other word
 * reaches it: the bound is never below a place's score.
 */
class LabelSearchTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	private static int compared;
	/** Words of the straightforward search that scored at least a bar, as the bounded search must find them too. */
	private static int reached;
	private static final double[] BARS = { 0.2, LabelReader.WORTH_SCORING, 0.5, 0.7, 0.85 };

	private static void same(float[] ink, int w, int h, Box box, double inkHeightPx, boolean turned) {
		WordMatcher.Match fast = WordMatcher.match(ink, w, h, box, inkHeightPx, turned, false, Double.NEGATIVE_INFINITY);
		WordMatcher.Match full = WordMatcher.match(ink, w, h, box, inkHeightPx, turned, true);
		for (double bar : BARS) reaching(full, WordMatcher.match(ink, w, h, box, inkHeightPx, turned, false, bar), bar, box);
		String at = box + (turned ? " turned" : "");
		if (full == null) {
			assertEquals(null, fast, at);
			return;
		}
		assertNotNull(fast, at);
		assertArrayEquals(full.scores, fast.scores, 0.0, at);
		for (int i = 0; i < WordMatcher.WORDS.length; i++) {
			assertEquals(full.models[i], fast.models[i], at + " " + WordMatcher.WORDS[i]);
			assertEquals(String.valueOf(full.boxes[i]), String.valueOf(fast.boxes[i]), at + " " + WordMatcher.WORDS[i]);
			if (full.places[i] != null) assertArrayEquals(full.places[i], fast.places[i], at);
		}
		compared++;
	}

	/** The words the straightforward search scores at least {@code bar} the same in the bounded search; the others below it. */
	private static void reaching(WordMatcher.Match full, WordMatcher.Match bounded, double bar, Box box) {
		String at = box + " bar " + bar;
		if (full == null) {
			assertEquals(null, bounded, at);
			return;
		}
		for (int i = 0; i < WordMatcher.WORDS.length; i++) {
			String word = at + " " + WordMatcher.WORDS[i];
			if (full.scores[i] >= bar) {
				assertNotNull(bounded, word);
				assertEquals(full.scores[i], bounded.scores[i], 0.0, word);
				assertEquals(full.models[i], bounded.models[i], word);
				assertArrayEquals(full.places[i], bounded.places[i], word);
				reached++;
			}
			else if (bounded != null) assertTrue(bounded.scores[i] < bar, word + " " + bounded.scores[i]);
		}
	}

	/** Words of every shipped font, alone and against a trace (clutter), upright and turned. */
	@Test
	void wordsOfEveryFontAreFoundWhereTheStraightforwardSearchFindsThem() {
		compared = 0;
		reached = 0;
		List<GlyphOutlines.Style> styles = GlyphOutlines.styles();
		for (int f = 0; f < styles.size(); f++) {
			GlyphOutlines.Style style = styles.get(f);
			// every other word of each font, alternating, keeps the test short
			for (int i = f % 2; i < LabelReaderTest.LEADS.length; i += 2) {
				String lead = LabelReaderTest.LEADS[i];
				BufferedImage img = LabelReaderTest.outlineText(lead, style, 20, 0.05);
				LabelReaderTest.Inked alone = new LabelReaderTest.Inked(img);
				same(alone.ink, alone.w, alone.h, alone.box, alone.box.height, false);
				same(alone.ink, alone.w, alone.h, alone.box, alone.box.height * 1.2, true);
				Graphics2D g = LabelReaderTest.pen(img);
				g.fillRect(40 - 1, 0, 2, 58);
				g.fillRect(0, 24, img.getWidth(), 2);
				g.dispose();
				LabelReaderTest.Inked cluttered = new LabelReaderTest.Inked(img);
				same(cluttered.ink, cluttered.w, cluttered.h, alone.box, alone.box.height, false);
				same(cluttered.ink, cluttered.w, cluttered.h, alone.box, alone.box.height, true);
			}
		}
		assertTrue(compared > 50, compared + " words compared");
		assertTrue(reached > 200, reached + " words reached a bar");
	}

	/** Blobs of ink of a sample page, read at label sizes as the page's candidates are. */
	@Test
	void inkOfASamplePageIsReadAsTheStraightforwardSearchReadsIt() {
		ImageFiles.LoadedImage image = ImageFiles.read(Paths.get("sample-data/clean-3x4+1/ecg-101.png"));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(image.image), image.dpi, Progress.NONE);
		float[] ink = page.inkPixels();
		int w = page.width();
		int h = page.height();
		boolean[] mask = new boolean[ink.length];
		for (int i = 0; i < ink.length; i++) mask[i] = ink[i] > LeadDetector.INK;
		compared = 0;
		reached = 0;
		int n = 0;
		for (Components.Component c : Components.of(mask, w, h).components) {
			if (c.height() < 8 || c.height() > 40 || c.width() > 60 || n++ % 5 != 0) continue;
			Box box = Box.fromCorners(c.minX, c.minY, c.maxX + 1, c.maxY + 1);
			same(ink, w, h, box, box.height, false);
			same(ink, w, h, box, 20, true);
		}
		assertTrue(compared > 10, compared + " blobs compared");
		assertTrue(reached > 20, reached + " words reached a bar");
	}

	/**
	 * The test that passes over a box without matching it ({@link WordMatcher#mayBeAccepted}) refuses
	 * no box whose reading is accepted: words of every font and blobs of a sample page, each at its
	 * own height and at sizes a page's type may have beside it (a candidate that lost letters or
	 * gained clutter is read again at the page's size). It does refuse words read much larger than
	 * they are.
	 */
	@Test
	void noBoxPassedOverWithoutMatchingReadsAsAWord() {
		int accepted = 0;
		int refused = 0;
		for (GlyphOutlines.Style style : GlyphOutlines.styles()) {
			for (String lead : LabelReaderTest.LEADS) {
				LabelReaderTest.Inked word = new LabelReaderTest.Inked(LabelReaderTest.outlineText(lead, style, 20, 0.05));
				for (double size : new double[] { 0.8, 1, 1.2, 1.5 }) {
					double px = word.box.height * size;
					boolean may = WordMatcher.mayBeAccepted(word.ink, word.w, word.h, word.box, px);
					boolean read = LabelReader.read(word.ink, word.w, word.h, word.box, px).accepted();
					assertTrue(may || !read, style.name + " " + lead + " at " + size);
					if (read) accepted++;
					if (!may && size == 1.5) refused++;
				}
			}
		}
		ImageFiles.LoadedImage image = ImageFiles.read(Paths.get("sample-data/clean-3x4+1/ecg-101.png"));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(image.image), image.dpi, Progress.NONE);
		float[] ink = page.inkPixels();
		boolean[] mask = new boolean[ink.length];
		for (int i = 0; i < ink.length; i++) mask[i] = ink[i] > LeadDetector.INK;
		for (Components.Component c : Components.of(mask, page.width(), page.height()).components) {
			if (c.height() < 8 || c.height() > 40 || c.width() > 60) continue;
			Box box = Box.fromCorners(c.minX, c.minY, c.maxX + 1, c.maxY + 1);
			for (double px : new double[] { box.height, 0.7 * box.height, 1.3 * box.height, 20 }) {
				boolean may = WordMatcher.mayBeAccepted(ink, page.width(), page.height(), box, px);
				boolean read = LabelReader.read(ink, page.width(), page.height(), box, px).accepted();
				assertTrue(may || !read, box + " at " + px);
				if (read) accepted++;
			}
		}
		assertTrue(accepted > 100, accepted + " readings accepted");
		assertTrue(refused > 50, refused + " words refused at 1.5 times their size");
	}
}
