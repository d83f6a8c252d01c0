package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Which way up the printed lead names read: one of {@link PageOrientation}'s votes on whether a
 * page is upside down.
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

	private LabelOrientation() {}

	/** Whether reading may stop, with so many words read as lead names upright and turned, and so many left. */
	interface Enough {
		boolean test(int upright, int turned, int left);
	}

	/** Every word is read. */
	static final Enough READ_ALL = (upright, turned, left) -> false;

	/** The counts of lead names read upright and turned, and the words read. */
	public static final class Evidence {
		/** Words read as a lead name upright only. */
		public final int upright;
		/** Words read as a lead name only when turned half-way round. */
		public final int turned;
		/** Words that were read. */
		public final int words;
		/** Words left unread because no reading of them could change what the reader was asked. */
		public final int unread;
		/** What was read: "V1" upright, "~aVR" turned. */
		public final List<String> read;

		Evidence(int upright, int turned, int words, int unread, List<String> read) {
			this.upright = upright;
			this.turned = turned;
			this.words = words;
			this.unread = unread;
			this.read = read;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "labels: %d upright, %d turned (of %d words, %d left unread) %s", upright,
				turned, words, unread, read);
		}
	}

	/** Reads the page's label-like words both ways; the scale is the page's, or a guess from its width. */
	public static Evidence read(PreparedPage page) {
		float[] ink = page.inkPixels();
		Components components = Components.of(InkModel.mask(ink), page.width(), page.height());
		return read(components, LabelReadings.of(page), LabelReadings.of(page.turnedHalf()), mmX(page), mmY(page),
			READ_ALL);
	}

	/** Reads the label-like words of an ink map (0 = paper, 1 = ink) both ways. */
	public static Evidence read(float[] ink, int w, int h, double mmX, double mmY) {
		float[] turned = new float[ink.length];
		for (int i = 0; i < ink.length; i++) turned[i] = ink[ink.length - 1 - i];
		return read(Components.of(InkModel.mask(ink), w, h), new LabelReadings(ink, w, h), new LabelReadings(turned, w,
			h), mmX, mmY, READ_ALL);
	}

	/** The page's px/mm across, or a guess from its width. */
	static double mmX(PreparedPage page) {
		return Double.isNaN(page.geometry.pxPerMmX) ? page.width() / 280.0 : page.geometry.pxPerMmX;
	}

	/** The page's px/mm down, or as across. */
	static double mmY(PreparedPage page) {
		return Double.isNaN(page.geometry.pxPerMmY) ? mmX(page) : page.geometry.pxPerMmY;
	}

	/**
	 * Reads the label-like words among a page's ink components, each on the page as it is
	 * ({@code upright}) and on the page turned half-way round ({@code turned}, the same plane
	 * reversed), the most label-like first, until {@code enough} says the words left do not matter.
	 */
	static Evidence read(Components components, LabelReadings upright, LabelReadings turned, double mmX, double mmY,
		Enough enough)
	{
		List<Box> words = labelLikeWords(components, mmX, mmY);
		int toRead = Math.min(words.size(), MAX_WORDS);
		int up = 0;
		int down = 0;
		int count = 0;
		List<String> read = new ArrayList<>();
		for (; count < toRead && !enough.test(up, down, toRead - count); count++) {
			Box b = words.get(count);
			LabelReader.Reading asIs = upright.read(b, b.height);
			// I, II or III upright says nothing however the word reads turned: it is not read again
			if (symmetric(asIs)) continue;
			LabelReader.Reading asTurned = turned.read(LabelReader.turn(b, upright.width(), upright.height()), b.height);
			if (asIs.accepted() == asTurned.accepted() || symmetric(asTurned)) continue;
			if (asIs.accepted()) {
				up++;
				read.add(asIs.text);
			}
			else {
				down++;
				read.add("~" + asTurned.text);
			}
		}
		return new Evidence(up, down, count, toRead - count, read);
	}

	/**
	 * The short, isolated words of letter-sized ink that a lead name may be, those of the page's
	 * most common type size first.
	 */
	static List<Box> labelLikeWords(Components components, double mmX, double mmY) {
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
		double typical = heights.length == 0 ? 0 : Median.of(heights);
		alone.sort((a, b) -> Double.compare(Math.abs(Math.log(a.height / typical)), Math.abs(Math.log(b.height /
			typical))));
		return alone;
	}

	/** I, II and III read the same either way up: reading them one way only is chance, not evidence. */
	static boolean symmetric(LabelReader.Reading r) {
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
