package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;

/**
 * The upside-down check's shortcuts give what the plain reading gives: a word read upright as I, II
 * or III is not read turned, and the T-wave cue finds each column's ink from the column's bits
 * instead of pixel by pixel. Checked on generated pages upright and turned half-way round, with and
 * without calibration pulses.
 */
class OrientationShortcutsTest {

	private static List<PreparedPage> pages() {
		List<PreparedPage> out = new ArrayList<>();
		BufferedImage pulsed = PageGenerator.render(PageGenerator.synthesize(7, 500, "short"), PageSpec.defaults(), 7)
			.image();
		BufferedImage bare = PageGenerator.render(PageGenerator.synthesize(6, 500, "bare"), PageSpec.defaults()
			.withPulses(false), 6).image();
		for (BufferedImage page : new BufferedImage[] { pulsed, bare }) {
			for (BufferedImage image : new BufferedImage[] { page, turnedHalf(page) }) {
				out.add(Preprocessor.run(ImageFiles.asImg(image), Double.NaN, Progress.NONE));
			}
		}
		return out;
	}

	private static BufferedImage turnedHalf(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(w - 1 - x, h - 1 - y, image.getRGB(x, y));
		return out;
	}

	@Test
	void labelVotesAreThoseOfReadingEveryWordBothWays() {
		int symmetric = 0;
		for (PreparedPage page : pages()) {
			LabelOrientation.Evidence fast = LabelOrientation.read(page);
			// the reference: every word read as it stands and turned, then judged
			Components components = Components.of(InkModel.mask(page.inkPixels()), page.width(), page.height());
			double mmX = LabelOrientation.mmX(page);
			double mmY = LabelOrientation.mmY(page);
			LabelReadings upright = new LabelReadings(page.inkPixels(), page.width(), page.height());
			LabelReadings turned = LabelReadings.of(page.turnedHalf());
			List<Box> words = LabelOrientation.labelLikeWords(components, mmX, mmY);
			int toRead = Math.min(words.size(), LabelOrientation.MAX_WORDS);
			int up = 0;
			int down = 0;
			List<String> read = new ArrayList<>();
			for (Box b : words.subList(0, toRead)) {
				LabelReader.Reading asIs = upright.read(b, b.height);
				LabelReader.Reading asTurned = turned.read(LabelReader.turn(b, page.width(), page.height()), b.height);
				if (LabelOrientation.symmetric(asIs)) symmetric++;
				if (asIs.accepted() == asTurned.accepted() || LabelOrientation.symmetric(asIs) || LabelOrientation
					.symmetric(asTurned)) continue;
				if (asIs.accepted()) {
					up++;
					read.add(asIs.text);
				}
				else {
					down++;
					read.add("~" + asTurned.text);
				}
			}
			assertEquals(up, fast.upright, fast.toString());
			assertEquals(down, fast.turned, fast.toString());
			assertEquals(toRead, fast.words, fast.toString());
			assertEquals(read, fast.read, fast.toString());
		}
		// the shortcut was taken: the pages print I, II and III
		assertTrue(symmetric >= 4, "words read as I, II or III: " + symmetric);
	}

	@Test
	void waveDeviationIsTheOneReadPixelByPixel() {
		int compared = 0;
		for (PreparedPage page : pages()) {
			for (PreparedPage look : new PreparedPage[] { page, page.turnedHalf() }) {
				InkRows found = InkRows.of(look);
				PageInk ink = found.ink;
				double pps = ink.mmX * 25;
				for (TraceRow r : found.rows()) {
					for (double b : BeatFinder.beats(r, ink, r.start, r.end, pps)) {
						for (double[] window : new double[][] { { b + 0.1 * pps, b + 0.4 * pps }, { b - 0.4 * pps, b - 0.1
							* pps }, { r.start, r.end } })
						{
							double fast = PageOrientation.deviation(r, ink, window[0], window[1]);
							double plain = pixelByPixel(r, ink, window[0], window[1]);
							assertEquals(Double.doubleToLongBits(plain), Double.doubleToLongBits(fast), "row " + r.baseline()
								+ " from " + window[0]);
							compared++;
						}
					}
				}
			}
		}
		assertTrue(compared > 100, "windows compared: " + compared);
	}

	/** {@link PageOrientation#deviation} as first written: each pixel of the band looked at. */
	private static double pixelByPixel(TraceRow r, PageInk ink, double a, double b) {
		int xa = (int) Math.round(a);
		int xb = (int) Math.round(b);
		if (xa < r.start || xb > r.end) return Double.NaN;
		int reach = (r.bottom - r.top) / 3;
		double sum = 0;
		int n = 0;
		for (int x = xa; x < xb; x++) {
			double line = r.lineAt(x);
			int top = -1;
			int bottom = -1;
			for (int y = (int) Math.max(0, line - reach); y <= Math.min(ink.h - 1, line + reach); y++) {
				if (!ink.at(x, y)) continue;
				if (top < 0) top = y;
				bottom = y;
			}
			if (top < 0) continue;
			sum += Math.abs((top + bottom) / 2.0 - line);
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}
}
