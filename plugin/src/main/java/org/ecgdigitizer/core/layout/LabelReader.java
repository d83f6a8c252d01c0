package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Reads printed lead names (I, II, III, aVR, aVL, aVF, V1-V6, and -aVR of the Cabrera display).
 *
 * <p>The vocabulary is closed, so whole words are matched ({@link WordMatcher}). The page around a
 * label candidate is resampled so that capital letters are {@link WordMatcher#H} pixels tall. The
 * letters of the vocabulary come in the styles of {@link LabelGlyphs}: our stroke font in several
 * weights and widths, and the outline fonts printers and ecg-image-kit use (the augmented leads
 * also with a capital A). A word is its letters at the font's advances plus a letter spacing shared
 * by the word, scored by the normalised correlation of the composed word with the crop over the
 * word plus a margin of paper around it: a word must also explain the absence of ink beside it, so
 * "I" inside "III" scores low. Lines too long for a letter (a pulse's edge, a QRS complex, the
 * baseline) are left out of the comparison, so a label printed against the trace is read from what
 * shows of it. A reading is accepted only when the best word covers the candidate's ink (header
 * text such as "V1-V6" is wider than any lead name), clearly beats the best word of any other lead
 * where the two differ and that difference is visible, and every letter matches on its own.</p>
 *
 * <p>This class holds the rules of reading: which word is accepted, the shortlist of a label not
 * read, and the page's type size; {@link WordMatcher} scores the words.</p>
 *
 * <p>Reading a box turned half-way round ({@link #read(float[], int, int, Box, double, boolean)})
 * gives {@link LabelOrientation} its evidence for upside-down pages.</p>
 */
public final class LabelReader {

	/** The lead each of {@link WordMatcher#WORDS} names; null for the leads of 15- and 18-lead recordings. */
	static final Lead[] WORD_LEADS = { Lead.I, Lead.II, Lead.III, Lead.AVR, Lead.AVL, Lead.AVF, Lead.V1, Lead.V2,
		Lead.V3, Lead.V4, Lead.V5, Lead.V6, Lead.AVR, null, null, null, null, null };

	/**
	 * Labels whose capitals are fewer pixels tall than this are not read: a V and two I's, a 5 and
	 * a 1, blur into each other (real scans at 2 px/mm read V1 as II).
	 */
	static final double MIN_INK_PX = 8;
	/** Acceptance: correlation of the best word, and its lead ahead of the best other lead. */
	static final double MIN_SCORE = 0.55;
	static final double MIN_MARGIN = 0.06;
	/**
	 * A word refused only for its rivals leaves a shortlist of leads when it matches at least this
	 * well (accepted labels match at 0.8-0.97; below this the word itself may be wrong).
	 */
	static final double SHORTLIST_SCORE = 0.75;
	/** Every letter of the accepted word must correlate this well with the crop on its own. */
	static final double MIN_LETTER = 0.6;
	/** A word read at a size this far (as a ratio) from the page's labels is read again at their size. */
	static final double OFF_SIZE = 1.3;
	/** An I, even a bold one with serifs, is at most this wide (in ink heights); a 1 has a flag. */
	static final double I_WIDTH = 0.3;
	/** A printed I's stem is at least this wide (ink heights); a hairline of that height is a line. */
	static final double I_MIN_WIDTH = 0.05;
	/** Words whose scores are closer than this are compared where they differ. */
	static final double CLOSE = 0.2;
	/**
	 * A word stays on the shortlist of a label not read when more than this share of what differs
	 * between it and the best word is hidden: what shows cannot rule it out. (The margin that accepts
	 * a word is what shows of the difference, counted in proportion to how much shows, whatever the
	 * share hidden.)
	 */
	static final double MAX_HIDDEN_DIFFERENCE = 0.5;

	/**
	 * Words scoring below this decide nothing: a reading needs {@link #MIN_SCORE}, and a word
	 * {@link #CLOSE} below the best is told from it by the scores alone, so places where a word
	 * cannot reach this score are not scored (such a word keeps a lower score, or none).
	 */
	static final double WORTH_SCORING = MIN_SCORE - CLOSE;

	private LabelReader() {}

	/** What a label says, with how sure the reader is. */
	public static final class Reading {
		/** The accepted word ("aVR", "-aVR", ...), or null when the reader is not confident. */
		public final String text;
		/** The best word even when not accepted, for diagnostics; null when nothing could be compared. */
		public final String best;
		/** Correlation of the best word with the crop (-1..1). */
		public final double score;
		/** How far the best word's score is ahead of the best word of another lead. */
		public final double margin;
		/** The worst correlation of a single letter of the best word, each over its own box. */
		public final double weakestLetter;
		/** Where the best word's ink lies on the page. */
		public final Box box;
		/** Why the best word was not accepted, or null. */
		public final String doubt;
		/** The candidate that was read. */
		public final Box candidate;
		/**
		 * True when the candidate's letters were freed from a stroke that runs into them: its box
		 * holds a piece of the trace too, so it is no box to erase.
		 */
		public final boolean touchesStroke;
		/**
		 * When the best word was refused only because other leads' words match about as well (a
		 * letter hidden by the trace: II or III, V3 or V1): those words. Empty otherwise.
		 */
		public final List<String> rivals;

		Reading(String text, String best, double score, double margin, double weakestLetter, Box box, String doubt,
			Box candidate)
		{
			this(text, best, score, margin, weakestLetter, box, doubt, candidate, false, List.of());
		}

		Reading(String text, String best, double score, double margin, double weakestLetter, Box box,
			String doubt, Box candidate, boolean touchesStroke, List<String> rivals)
		{
			this.touchesStroke = touchesStroke;
			this.rivals = rivals;
			this.doubt = doubt;
			this.candidate = candidate;
			this.text = text;
			this.best = best;
			this.score = score;
			this.margin = margin;
			this.weakestLetter = weakestLetter;
			this.box = box;
		}

		public boolean accepted() {
			return text != null;
		}

		/** This reading turned down for a reason found outside the crop. */
		public Reading unaccepted(String why) {
			return new Reading(null, best, score, margin, weakestLetter, box, why, candidate, touchesStroke, rivals);
		}

		/** This reading, of letters freed from a stroke. */
		Reading touchingStroke() {
			return new Reading(text, best, score, margin, weakestLetter, box, doubt, candidate, true, rivals);
		}

		/**
		 * The leads this label may name though it was not read: the best word's and its rivals' (words
		 * outside the 12 leads, such as V4R, name none); empty when it was read or refused for
		 * another reason.
		 */
		public List<Lead> possibleLeads() {
			List<Lead> out = new ArrayList<>();
			if (text != null || rivals.isEmpty()) return out;
			for (String word : rivalsAndBest()) {
				Lead lead = leadOf(word);
				if (lead != null && !out.contains(lead)) out.add(lead);
			}
			return out;
		}

		private List<String> rivalsAndBest() {
			List<String> words = new ArrayList<>();
			words.add(best);
			words.addAll(rivals);
			return words;
		}

		/** The lead the accepted word names, or null. */
		public Lead lead() {
			return text == null ? null : leadOf(text);
		}

		/** True for "-aVR": the trace is printed upside down. */
		public boolean inverted() {
			return text != null && text.startsWith("-");
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "Reading[%s best=%s score=%.2f margin=%.2f letter=%.2f%s]", text, best,
				score, margin, weakestLetter, doubt == null ? "" : " (" + doubt + ")");
		}
	}

	/** The lead a vocabulary word names ("-aVR" names aVR). */
	public static Lead leadOf(String word) {
		for (int i = 0; i < WordMatcher.WORDS.length; i++) if (WordMatcher.WORDS[i].equals(word)) return WORD_LEADS[i];
		return null;
	}

	/**
	 * Reads every label candidate of every region of a page. All labels of a page share one type
	 * size: once a few are read, candidates much smaller or taller than those (they lost letters
	 * or gained clutter) are read again at the page's size, and words read at a size far from it
	 * stand only if they read at the page's size too.
	 *
	 * @param candidates per region, from {@link LabelFinder#candidates}
	 * @return per region, one reading per candidate (of letters freed from a stroke, only those read,
	 *         and only where no name standing free was read)
	 */
	public static List<List<Reading>> readAll(PreparedPage page, List<List<LabelFinder.Label>> candidates) {
		return readAll(LabelReadings.of(page), candidates);
	}

	/** {@link #readAll(PreparedPage, List)} through readings already made of the page's ink. */
	static List<List<Reading>> readAll(LabelReadings page, List<List<LabelFinder.Label>> candidates) {
		List<List<Reading>> out = new ArrayList<>();
		List<Double> heights = new ArrayList<>();
		List<boolean[]> passedOver = new ArrayList<>();
		for (List<LabelFinder.Label> list : candidates) {
			boolean[] over = new boolean[list.size()];
			passedOver.add(over);
			List<Reading> readings = new ArrayList<>();
			for (LabelFinder.Label l : list) {
				Reading r = page.read(l.box, l.box.height);
				readings.add(r);
				if (r.accepted()) heights.add(l.box.height);
			}
			// letters freed from a stroke are read only where no name standing free was read
			boolean freeRead = false;
			for (int k = 0; k < list.size(); k++) freeRead |= !list.get(k).touching && readings.get(k).accepted();
			for (int k = 0; k < list.size(); k++) {
				if (freeRead && list.get(k).touching && readings.get(k).accepted()) {
					heights.remove(list.get(k).box.height);
					readings.set(k, readings.get(k).unaccepted("a name standing free was read"));
					over[k] = true;
				}
			}
			out.add(readings);
		}
		if (heights.size() >= 3) readAtPageSize(page, out, heights, passedOver);
		// letters freed from a stroke count only when read: their box may hold a piece of the trace
		for (int i = 0; i < out.size(); i++) {
			List<LabelFinder.Label> list = candidates.get(i);
			List<Reading> kept = new ArrayList<>();
			for (int k = 0; k < list.size(); k++) {
				Reading r = out.get(i).get(k);
				if (!list.get(k).touching) kept.add(r);
				else if (r.accepted()) kept.add(r.touchingStroke());
			}
			out.set(i, kept);
		}
		return out;
	}

	/**
	 * Candidates much smaller or taller than the page's labels read again at their size; words read
	 * at a size far from it stand only if they read at that size too.
	 */
	private static void readAtPageSize(LabelReadings page, List<List<Reading>> out, List<Double> heights,
		List<boolean[]> passedOver)
	{
		double[] hs = new double[heights.size()];
		for (int i = 0; i < hs.length; i++) hs[i] = heights.get(i);
		double size = Median.of(hs);
		for (int i = 0; i < out.size(); i++) {
			List<Reading> readings = out.get(i);
			for (int k = 0; k < readings.size(); k++) {
				if (passedOver.get(i)[k]) continue;
				Reading r = readings.get(k);
				double off = Math.abs(Math.log(r.candidate.height / size));
				if (r.accepted() ? off < Math.log(OFF_SIZE) : off < Math.log(1.15)) continue;
				// a word not read stays unread unless it reads at the page's size: not worth matching where none can
				if (!r.accepted() && !page.mayBeAccepted(r.candidate, size)) continue;
				Reading again = page.read(r.candidate, size);
				// a word read far from the page's type size (a thin line read as an I) stands only if it reads at that size
				if (!r.accepted() && !again.accepted()) continue;
				boolean guess = again.accepted() && guessedFoot(page, r, again, size);
				if (r.accepted()) readings.set(k, guess ? again.unaccepted("read only at the page's type size, at a guessed foot") : again);
				else if (!guess) readings.set(k, again);
			}
		}
	}

	/**
	 * True when a word found only at the page's type size rests on a guess: ink much taller than the
	 * type holds more than the word, a stroke of the trace running on above or below the name. When it
	 * runs on below (an S wave), the foot taken at the ink's bottom is off by a part of a letter, and
	 * letters read there can be another lead's (a V1 with an S wave running on below it read as V4);
	 * the name then stands at the ink's top, where it reads as a word. When nothing word-like stands
	 * at the ink's top, the stroke runs on above the name (a tick or a QRS coming down into it, as
	 * printers mark column starts just above the names) and the foot is the name's own. Otherwise
	 * the word stands only if it is the word the ink reads best as it stands.
	 */
	static boolean guessedFoot(LabelReadings page, Reading asItStands, Reading atPageSize, double size) {
		Box ink = asItStands.candidate;
		if (ink.height <= size) return false;
		// a best word below WORTH_SCORING is no reading at all (the search does not score it exactly)
		if (asItStands.score >= WORTH_SCORING && atPageSize.text.equals(asItStands.best)) return false;
		Reading atTop = page.read(new Box(ink.x, ink.y, ink.width, size), size);
		return atTop.score >= MIN_SCORE;
	}

	/**
	 * Reads the word at a candidate box of an ink map (0 = paper, 1 = ink).
	 *
	 * @param box the candidate's ink (its bottom is taken as the word's foot)
	 * @param inkHeightPx height of capital letters including the pen, in pixels
	 */
	public static Reading read(float[] ink, int w, int h, Box box, double inkHeightPx) {
		return read(ink, w, h, box, inkHeightPx, false);
	}

	/**
	 * Reads the word at a candidate box, or the word there on the page turned half-way round
	 * (then the box's top is the word's foot). Boxes of the reading are on the page as it is.
	 */
	public static Reading read(float[] ink, int w, int h, Box box, double inkHeightPx, boolean turned) {
		if (inkHeightPx < MIN_INK_PX) {
			return new Reading(null, null, Double.NaN, 0, Double.NaN, null, "too small: letters not resolved", box);
		}
		// ink thinner than a printed I's stem is a line (a trace's edge, a tick, a grid line), not a letter
		if (box.width < I_MIN_WIDTH * inkHeightPx) {
			return new Reading(null, null, Double.NaN, 0, Double.NaN, null, "thinner than a letter: a line", box);
		}
		Box at = turned ? turn(box, w, h) : box;
		WordMatcher.Match m = WordMatcher.match(ink, w, h, at, inkHeightPx, turned);
		if (m == null) return new Reading(null, null, Double.NaN, 0, Double.NaN, null, "nothing to read", box);
		// a word with strokes right beside it, or running on beyond the line, is not the whole label
		boolean[] partial = new boolean[WordMatcher.WORDS.length];
		int best = -1;
		for (int i = 0; i < WordMatcher.WORDS.length; i++) {
			if (m.models[i] == null) continue;
			partial[i] = m.entangled(i);
			if (!partial[i] && (best < 0 || m.scores[i] > m.scores[best])) best = i;
		}
		if (best < 0) {
			int any = m.best();
			return new Reading(null, WordMatcher.WORDS[any], m.scores[any], 0, Double.NaN, back(m.boxes[any], w, h,
				turned), "entangled with other ink", box);
		}
		// words alike but for a letter differ little overall: compare them where they differ
		double margin = Double.POSITIVE_INFINITY;
		int closest = -1;
		List<String> close = new ArrayList<>();
		double weakest = m.weakestLetter(best);
		// a letter of the best word hidden by clutter (a trace's stroke where II's second I would be):
		// the overall scores then count the clutter for one word and against the other, and only what
		// shows where the words differ tells them apart
		boolean letterHidden = weakest == 0 && m.weakestLetter(best, true) > 0;
		for (int i = 0; i < WordMatcher.WORDS.length; i++) {
			// a word beside the hidden ink is not ruled out for it: that ink may be the best word's letter
			if (WORD_LEADS[i] == WORD_LEADS[best] || m.models[i] == null || partial[i] && !letterHidden) continue;
			double global = m.scores[best] - m.scores[i];
			WordMatcher.Difference diff = global >= CLOSE && !letterHidden ? new WordMatcher.Difference(global, 0)
				: m.difference(best, i, WordMatcher.twin(m.models[best], i));
			double d = diff.margin;
			// the shortlist keeps every word that what shows does not rule out
			if (d < MIN_MARGIN || diff.hiddenShare > MAX_HIDDEN_DIFFERENCE) close.add(WordMatcher.WORDS[i]);
			if (d < margin) {
				margin = d;
				closest = i;
			}
		}
		Box wordBox = m.boxes[best];
		String doubt = null;
		if (m.scores[best] < MIN_SCORE) doubt = "poor match";
		else if (margin < MIN_MARGIN) doubt = "close to " + WordMatcher.WORDS[closest];
		else if (weakest < MIN_LETTER) doubt = "a letter does not match";
		else if (!m.fillsCapHeight(best)) doubt = "shorter than capitals";
		else if (WORD_LEADS[best] == null) doubt = "not one of the 12 leads";
		else if (WordMatcher.WORDS[best].equals("I") && at.width > I_WIDTH * inkHeightPx) doubt = "wider than an I (a 1?)";
		// a shortlist only where the best word matches well and every letter of it that shows matches (a
		// letter wholly hidden, as the last I of III under a QRS, is refused but keeps it): the rivals then
		// differ in what is hidden
		boolean lettersThatShowMatch = weakest >= MIN_LETTER || Double.isFinite(m.weakestLetter(best, true)) &&
			m.weakestLetter(best, true) >= MIN_LETTER;
		boolean onlyClose = doubt != null && (doubt.startsWith("close to ") || doubt.equals("a letter does not match")) &&
			m.scores[best] >= SHORTLIST_SCORE && lettersThatShowMatch;
		return new Reading(doubt == null ? WordMatcher.WORDS[best] : null, WordMatcher.WORDS[best], m.scores[best],
			margin, weakest, back(wordBox, w, h, turned), doubt, box, false, onlyClose ? List.copyOf(close) : List.of());
	}

	/** A box on the page turned half-way round. */
	static Box turn(Box b, int w, int h) {
		return new Box(w - b.maxX(), h - b.maxY(), b.width, b.height);
	}

	private static Box back(Box b, int w, int h, boolean turned) {
		return b == null || !turned ? b : turn(b, w, h);
	}
}
