package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.StrokeFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelReaderTest {

	static final String[] LEADS = { "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6", "-aVR" };

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** An ink map (1 = ink) of what was drawn in white on black, and the box of its ink. */
	static final class Inked {
		final float[] ink;
		final int w;
		final int h;
		final Box box;

		Inked(BufferedImage img) {
			w = img.getWidth();
			h = img.getHeight();
			ink = new float[w * h];
			int x0 = w;
			int y0 = h;
			int x1 = -1;
			int y1 = -1;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					float v = (img.getRGB(x, y) & 0xff) / 255f;
					ink[y * w + x] = v;
					if (v > 0.5f) {
						x0 = Math.min(x0, x);
						y0 = Math.min(y0, y);
						x1 = Math.max(x1, x);
						y1 = Math.max(y1, y);
					}
				}
			}
			box = x1 < 0 ? null : Box.fromCorners(x0, y0, x1 + 1, y1 + 1);
		}

		LabelReader.Reading read() {
			return LabelReader.read(ink, w, h, box, box.height);
		}
	}

	private static BufferedImage canvas(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, w, h);
		g.dispose();
		return img;
	}

	private static Graphics2D pen(BufferedImage img) {
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		return g;
	}

	private static Inked strokeFont(String text, double capPx, double weight) {
		int w = (int) Math.ceil(StrokeFont.width(text, capPx) + 4 * capPx);
		int h = (int) Math.ceil(4 * capPx);
		BufferedImage img = canvas(w, h);
		Graphics2D g = pen(img);
		StrokeFont.draw(g, text, 2 * capPx, 2.5 * capPx, capPx, weight);
		g.dispose();
		return new Inked(img);
	}

	private static Inked javaFont(String text, String family, int style, int sizePx) {
		Font font = new Font(family, style, sizePx);
		BufferedImage img = canvas(6 * sizePx, 3 * sizePx);
		Graphics2D g = pen(img);
		g.setFont(font);
		g.drawString(text, sizePx, 2 * sizePx);
		g.dispose();
		return new Inked(img);
	}

	/**
	 * Words of one font at several sizes and weights: no word may be read as another lead, and at
	 * most the given fraction may stay unread (an unread label only costs the page its naming by labels).
	 * Reading "aVR" for "-aVR" names the right lead and counts as unread.
	 */
	private static void check(List<Inked> words, List<String> truth, List<String> what, double unreadAllowed) {
		List<String> misread = new ArrayList<>();
		List<String> unread = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			LabelReader.Reading r = words.get(i).read();
			String lead = truth.get(i);
			if (lead.equals(r.text)) continue;
			if (r.text == null || lead.equals("-" + r.text)) unread.add(what.get(i) + ": " + r);
			else misread.add(what.get(i) + ": " + r);
		}
		assertTrue(misread.isEmpty(), "misread:\n" + String.join("\n", misread));
		assertTrue(unread.size() <= unreadAllowed * words.size(), unread.size() + " of " + words.size() + " unread:\n" + String.join(
			"\n", unread));
	}

	@Test
	void readsOurOwnFontAtSeveralSizesAndWeights() {
		List<Inked> words = new ArrayList<>();
		List<String> truth = new ArrayList<>();
		List<String> what = new ArrayList<>();
		for (double cap : new double[] { 9, 14, 24, 40 }) {
			for (double weight : new double[] { StrokeFont.REGULAR, StrokeFont.BOLD, 0.2 }) {
				for (String lead : LEADS) {
					words.add(strokeFont(lead, cap, weight));
					truth.add(lead);
					what.add(lead + " at " + cap + " px, weight " + weight);
				}
			}
		}
		check(words, truth, what, 0.2);
	}

	/** Printers use other fonts: Java's logical sans-serif and serif fonts (whatever they map to here). */
	@Test
	void readsOtherFonts() {
		assumeTrue(javaFont("V1", Font.SANS_SERIF, Font.PLAIN, 24).box != null, "no font renders text here");
		List<Inked> words = new ArrayList<>();
		List<String> truth = new ArrayList<>();
		List<String> what = new ArrayList<>();
		for (String family : new String[] { Font.SANS_SERIF, Font.SERIF }) {
			for (int style : new int[] { Font.PLAIN, Font.BOLD }) {
				for (int size : new int[] { 16, 28 }) {
					for (String lead : LEADS) {
						words.add(javaFont(lead, family, style, size));
						truth.add(lead);
						what.add(lead + " in " + family + (style == Font.BOLD ? " bold " : " ") + size + " px");
					}
				}
			}
		}
		// measured: 32 of 104 unread (V4/V5/V6 too close to each other, serif minus signs), none misread
		check(words, truth, what, 1 / 3.0);
	}

	@Test
	void doesNotReadInkThatIsNoLabel() {
		// a separator tick, read at the size of the page's labels (alone, a tick is an "I" of its own height)
		BufferedImage tick = canvas(80, 80);
		Graphics2D g = pen(tick);
		g.fillRect(40, 20, 3, 30);
		g.dispose();
		Inked t = new Inked(tick);
		assertNull(LabelReader.read(t.ink, t.w, t.h, t.box, 16).text, "tick");
		// a digit one, in our font and in Java's
		assertNull(strokeFont("1", 20, StrokeFont.REGULAR).read().text, "1");
		assertNull(javaFont("1", Font.SANS_SERIF, Font.PLAIN, 24).read().text, "1 (SansSerif)");
		// header text wider than any lead name
		for (String header : new String[] { "V1-V6", "25mm/s", "10mm/mV", "II-III", "HR 72" }) {
			assertNull(strokeFont(header, 20, StrokeFont.REGULAR).read().text, header);
		}
	}
}
