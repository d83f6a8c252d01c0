package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Which way up the printed lead names read: evidence for whether a page is upside down.
 *
 * <p>Every short, isolated word of letter-sized ink on the page (what a lead name looks like; a
 * line of header text is neither short nor isolated) is read as it stands and turned half-way
 * round. A lead name reads one way only: "aVR" or "V1" turned is no lead name. Words that read
 * both ways (I, II, III) or neither say nothing.</p>
 */
public final class LabelOrientation {

	/** At most this many words are read (each twice), the most label-like first. */
	static final int MAX_WORDS = 30;
	/** A lead name stands alone: no other word on its line within this many mm. */
	static final double ALONE_MM = 5;
	/** One way must have at least this many readings, and this many times the other's, to decide. */
	static final int MIN_READINGS = 3;
	static final int DOMINANCE = 3;

	private LabelOrientation() {}

	/** The counts of lead names read upright and turned, and the words read. */
	public static final class Evidence {
		/** Words read as a lead name upright only. */
		public final int upright;
		/** Words read as a lead name only when turned half-way round. */
		public final int turned;
		/** Words that were read. */
		public final int words;
		/** What was read: "V1" upright, "~aVR" turned. */
		public final List<String> read;

		Evidence(int upright, int turned, int words, List<String> read) {
			this.upright = upright;
			this.turned = turned;
			this.words = words;
			this.read = read;
		}

		/** The labels clearly read turned half-way round: the page is upside down. */
		public boolean saysTurned() {
			return turned >= MIN_READINGS && turned >= DOMINANCE * upright + 1;
		}

		/** The labels clearly read upright. */
		public boolean saysUpright() {
			return upright >= MIN_READINGS && upright >= DOMINANCE * turned + 1;
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("labels_upright", upright);
			m.put("labels_turned", turned);
			m.put("words_read", words);
			return m;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "labels: %d upright, %d turned (of %d words) %s", upright, turned, words, read);
		}
	}

	/** Reads the page's label-like words both ways; the scale is the page's, or a guess from its width. */
	public static Evidence read(PreparedPage page) {
		int w = page.width();
		double mmX = Double.isNaN(page.geometry.pxPerMmX) ? w / 280.0 : page.geometry.pxPerMmX;
		double mmY = Double.isNaN(page.geometry.pxPerMmY) ? mmX : page.geometry.pxPerMmY;
		return read(page.inkPixels(), w, page.height(), mmX, mmY);
	}

	/** Reads the label-like words of an ink map (0 = paper, 1 = ink) both ways. */
	public static Evidence read(float[] ink, int w, int h, double mmX, double mmY) {
		Components components = Components.of(InkModel.mask(ink), w, h);
		List<Components.Component> glyphs = new ArrayList<>();
		for (Components.Component c : components.components) if (LabelFinder.isGlyph(c, mmX, mmY)) glyphs.add(c);
		List<Box> words = new ArrayList<>();
		for (List<Components.Component> word : LabelFinder.words(glyphs, mmX, mmY)) {
			Box b = LabelFinder.box(word);
			// a lead name: 1-4 characters (a minus may stand apart), 1.5 mm tall or more
			if (word.size() <= 5 && b.height / mmY >= 1.5 && b.width <= 4.5 * b.height) words.add(b);
		}
		List<Box> alone = new ArrayList<>();
		for (Box b : words) if (isAlone(b, words, mmX)) alone.add(b);
		// the most common size first: a page's lead names share one type size
		double[] heights = new double[alone.size()];
		for (int i = 0; i < heights.length; i++) heights[i] = alone.get(i).height;
		double typical = heights.length == 0 ? 0 : LeadDetector.median(heights);
		alone.sort((a, b) -> Double.compare(Math.abs(Math.log(a.height / typical)), Math.abs(Math.log(b.height /
			typical))));
		int upright = 0;
		int turned = 0;
		int count = 0;
		List<String> read = new ArrayList<>();
		for (Box b : alone) {
			if (count++ >= MAX_WORDS) break;
			LabelReader.Reading up = LabelReader.read(ink, w, h, b, b.height, false);
			LabelReader.Reading down = LabelReader.read(ink, w, h, b, b.height, true);
			if (up.accepted() == down.accepted() || symmetric(up) || symmetric(down)) continue;
			if (up.accepted()) {
				upright++;
				read.add(up.text);
			}
			else {
				turned++;
				read.add("~" + down.text);
			}
		}
		return new Evidence(upright, turned, Math.min(count, MAX_WORDS), read);
	}

	/** I, II and III read the same either way up: reading them one way only is chance, not evidence. */
	private static boolean symmetric(LabelReader.Reading r) {
		return r.accepted() && r.text.matches("I+");
	}

	/** No other word on the same line within {@link #ALONE_MM} on either side. */
	private static boolean isAlone(Box b, List<Box> words, double mmX) {
		double gap = ALONE_MM * mmX;
		for (Box o : words) {
			if (o == b) continue;
			boolean sameLine = o.maxY() > b.y + 0.3 * b.height && o.y < b.maxY() - 0.3 * b.height;
			if (sameLine && o.maxX() > b.x - gap && o.x < b.maxX() + gap) return false;
		}
		return true;
	}
}
