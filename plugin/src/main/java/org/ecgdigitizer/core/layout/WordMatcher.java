package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.Box;

/**
 * Scores the words a lead label can say ({@link #WORDS}) against a label candidate: the page around
 * it resampled so that capitals are {@link #H} pixels tall, lines too long for a letter taken out as
 * clutter, and every word in every type style and letter spacing correlated with the crop at each
 * place where it covers the candidate's ink ({@link #match}). The {@link Match} keeps each word's best
 * score and place, and answers what judging the best word needs: where two words differ, how each
 * letter matches on its own, whether ink beside the word makes it part of something longer. Which
 * word is read is {@link LabelReader}'s to decide. The crop is a {@link LabelCrop}, its letters'
 * sums {@link LetterSums}; {@link WordScoring} scores the words from them, and {@link BlockBound}
 * passes over blocks of places that cannot beat a word's best.
 */
final class WordMatcher {

	/**
	 * The words a lead label can say. The last few name leads of 15- and 18-lead recordings; they
	 * are here so that they are not mistaken for the ones they resemble.
	 */
	static final String[] WORDS = { "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6",
		"-aVR", "V7", "V8", "V9", "V3R", "V4R" };

	/** Ink height (cap height plus pen) that crops and letters are compared at, in pixels. */
	static final int H = LabelGlyphs.H;
	/** Around a word, this much (in ink heights) of empty paper is part of the comparison. */
	static final double MARGIN_X = 0.45;
	static final double MARGIN_Y = 0.15;
	/** Letter spacing added to our stroke font's advances, in cap heights. */
	static final double[] TRACKING = { -0.06, 0.02, 0.10, 0.19, 0.30, 0.44 };
	/** Letter spacing added to an outline font's own advances, in cap heights. */
	static final double[] OUTLINE_TRACKING = { -0.04, 0.03, 0.11, 0.22 };
	/** Blur of the crop (pixels at H), so stroke shapes need not agree exactly. */
	static final double BLUR = 0.9;
	/** The crop reaches this far (in ink heights) beyond the candidate on either side. */
	static final double REACH = 1.8;
	/** How far (pixels at H) the word's foot may sit from the candidate's bottom. */
	static final int FOOT_SLACK = 1;
	/** Each letter is checked over its box widened by this much (in ink heights) on either side. */
	static final double LETTER_REACH = 0.15;
	/** The ink of an accepted word spans at least this much of the capitals' height. */
	static final double CAP_FILL = 0.86;
	/** A stroke closer than this (in ink heights) beside a word makes it part of something longer. */
	static final double NEIGHBOUR_GAP = 0.6;
	/** A stroke: ink over this much of the line's height in one column. */
	static final double STROKE = 0.4;
	/** A letter whose stroke continues this far (in ink heights) beyond the line belongs to something else. */
	static final double RUN_ON = 0.35;
	/** Printed I's of II and III stand at least this far apart (ink heights). */
	static final double MIN_I_GAP = 0.1;
	/**
	 * A word covers the candidate's ink but for this much (ink heights) on either side: header
	 * text and clutter are wider than any lead name.
	 */
	static final double BEYOND = 0.35;
	/** A word is compared only where at least this much of its ink would be visible beside the clutter... */
	static final double MIN_VISIBLE = 0.6;
	/** ...and each letter is judged only when this much of it is visible. */
	static final double MIN_LETTER_VISIBLE = 0.3;

	private static final List<LabelGlyphs.Style> STYLES = LabelGlyphs.styles();
	/** Every word in every spelling, style and spacing. */
	private static final List<WordModel> MODELS = buildModels();
	/** The models by spelling, style and spacing. */
	private static final Map<String, WordModel> BY_KEY = index(MODELS);
	/** The widest word model, in pixels at H. */
	private static final int WIDEST = MODELS.stream().mapToInt(m -> m.width).max().orElse(0);
	/**
	 * How far a letter's box may start beyond where the word's last letter ends, in pixels at H
	 * (0 unless a letter overhangs the last): a word's places keep its last letter on the crop.
	 */
	private static final int OVERHANG = overhang(MODELS);
	/** The indices of MODELS, one type style after another (in MODELS' order within a style). */
	private static final int[] BY_STYLE = byStyle(MODELS);

	private WordMatcher() {}

	/** Another word in the same type, case and spacing as a model, or null. */
	static WordModel twin(WordModel model, int word) {
		String text = WORDS[word];
		if (model.text.contains("AV")) text = text.replace("aV", "AV");
		return BY_KEY.get(key(text, model.style, model.tracking));
	}

	private static String key(String text, int style, double tracking) {
		return text + "|" + style + "|" + tracking;
	}

	private static Map<String, WordModel> index(List<WordModel> models) {
		Map<String, WordModel> out = new HashMap<>();
		for (WordModel m : models) out.put(key(m.text, m.style, m.tracking), m);
		return out;
	}

	/** How far the best word is ahead of another where they differ, and how much of that difference is hidden. */
	static final class Difference {
		final double margin;
		final double hiddenShare;

		Difference(double margin, double hiddenShare) {
			this.margin = margin;
			this.hiddenShare = hiddenShare;
		}
	}

	/** Every word's best correlation with the crop and where it was found. */
	static final class Match {
		final double[] scores = new double[WORDS.length];
		final Box[] boxes = new Box[WORDS.length];
		/** The best model of each word and where it sits in the crop (x, top), for diagnostics. */
		final WordModel[] models = new WordModel[WORDS.length];
		final int[][] places = new int[WORDS.length][];
		LabelCrop crop;
		/** The crop before blurring, clutter removed. */
		float[] raw;

		/**
		 * Best word's correlation minus another word's, both over the box where the two words'
		 * drawings differ (plus a little paper), in proportion to how much of the difference shows.
		 */
		Difference difference(int a, int b, WordModel twin) {
			float[] ta = new float[crop.width * crop.height];
			float[] tb = new float[ta.length];
			models[a].paint(ta, crop.width, crop.height, places[a][0], places[a][1]);
			// the other word in the best word's type and spacing, where the two words' letters line up
			if (twin != null && twin.letters.length == models[a].letters.length) {
				twin.paint(tb, crop.width, crop.height, places[a][0], places[a][1]);
			}
			else models[b].paint(tb, crop.width, crop.height, places[b][0], places[b][1]);
			int x0 = crop.width;
			int y0 = crop.height;
			int x1 = -1;
			int y1 = -1;
			for (int y = 0; y < crop.height; y++) {
				for (int x = 0; x < crop.width; x++) {
					if (Math.abs(ta[y * crop.width + x] - tb[y * crop.width + x]) > 0.25) {
						x0 = Math.min(x0, x);
						y0 = Math.min(y0, y);
						x1 = Math.max(x1, x);
						y1 = Math.max(y1, y);
					}
				}
			}
			if (x1 < 0) return new Difference(0, 0);
			// words that differ only where the page is hidden cannot be told apart
			double differ = 0;
			double hidden = 0;
			for (int i = 0; i < ta.length; i++) {
				double d = Math.abs(ta[i] - tb[i]);
				differ += d;
				if (crop.unknown[i]) hidden += d;
			}
			x0 = Math.max(0, x0 - 2);
			y0 = Math.max(0, y0 - 2);
			x1 = Math.min(crop.width - 1, x1 + 2);
			y1 = Math.min(crop.height - 1, y1 + 2);
			// what shows of the difference tells the words apart in proportion to how much of it shows
			double shown = differ > 0 ? 1 - hidden / differ : 1;
			if (shown == 0) return new Difference(0, 1);
			return new Difference(shown * (crop.correlation(ta, x0, y0, x1, y1) - crop.correlation(tb, x0, y0, x1, y1)),
				1 - shown);
		}

		/**
		 * The worst correlation of any single letter of a word with the crop, each over its own
		 * box; a letter mostly hidden by clutter counts as not matching.
		 */
		double weakestLetter(int word) {
			return weakestLetter(word, false);
		}

		/**
		 * The worst correlation of a letter of a word over its own box; a letter mostly hidden counts
		 * as 0, or is passed over when {@code skipHidden} (+infinity when every letter is hidden).
		 */
		double weakestLetter(int word, boolean skipHidden) {
			WordModel model = models[word];
			LabelGlyphs.Letter[] all = STYLES.get(model.style).letters;
			int n = model.letters.length;
			int left = places[word][0];
			int top = places[word][1];
			int grow = (int) Math.round(LETTER_REACH * H);
			double worst = Double.POSITIVE_INFINITY;
			for (int k = 0; k < n; k++) {
				LabelGlyphs.Letter l = all[model.letters[k]];
				int x = left + model.offsets[k];
				float[] t = new float[crop.width * crop.height];
				double seen = 0;
				for (int y = 0; y < H; y++) {
					if (top + y < 0 || top + y >= crop.height) continue;
					for (int lx = 0; lx < l.width; lx++) {
						if (x + lx < 0 || x + lx >= crop.width) continue;
						int i = (top + y) * crop.width + x + lx;
						t[i] = l.pixels[y * l.width + lx];
						if (!crop.unknown[i]) seen += t[i];
					}
				}
				if (seen < MIN_LETTER_VISIBLE * l.sum) {
					if (skipHidden) continue;
					return 0;
				}
				// the letter's box and the paper around it, up to half way to its neighbours
				int x0 = x - grow;
				int x1 = x + l.width - 1 + grow;
				if (k > 0) {
					int prevEnd = left + model.offsets[k - 1] + all[model.letters[k - 1]].width;
					x0 = Math.max(x0, Math.min(x, (prevEnd + x) / 2));
				}
				if (k + 1 < n) {
					int next = left + model.offsets[k + 1];
					x1 = Math.min(x1, Math.max(x + l.width - 1, (x + l.width + next) / 2));
				}
				x0 = Math.max(0, x0);
				x1 = Math.min(crop.width - 1, x1);
				// rows: the letter's own ink (a lower-case a says nothing about the paper above it)
				int y0 = Math.max(0, top + l.inkY[0] - 1);
				int y1 = Math.min(crop.height - 1, top + l.inkY[l.inkY.length - 1] + 1);
				worst = Math.min(worst, crop.correlation(t, x0, y0, x1, y1));
			}
			return worst;
		}

		/**
		 * Every lead name has capitals, so its ink reaches from the baseline to the cap height;
		 * lower-case text and small blobs read at a capital's size do not.
		 */
		boolean fillsCapHeight(int word) {
			int top = places[word][1];
			return inkRows(raw, crop.width, crop.height, places[word][0], places[word][0] + models[word].width, top,
				top) >= CAP_FILL * H;
		}

		/**
		 * How many rows the ink spans, first to last, in columns x0 to x1 (exclusive) of a crop, near
		 * a word's box with its top anywhere from topLow to topHigh (0: none).
		 */
		static int inkRows(float[] raw, int cw, int ch, int x0, int x1, int topLow, int topHigh) {
			x0 = Math.max(0, x0);
			x1 = Math.min(cw, x1);
			int slack = (int) Math.ceil(0.15 * H);
			int first = -1;
			int last = -1;
			for (int y = Math.max(0, topLow - slack); y < Math.min(ch, topHigh + H + slack); y++) {
				for (int x = x0; x < x1; x++) {
					if (raw[y * cw + x] > LeadDetector.INK) {
						if (first < 0) first = y;
						last = y;
						break;
					}
				}
			}
			return first < 0 ? 0 : last - first + 1;
		}

		/**
		 * True when the word is not a word on its own: a stroke stands right beside it within the
		 * line (the rest of a longer word, a separator), or one of its letters runs on above or
		 * below the line (a trace read as an I). Long lines (a pulse's edge, a QRS) were taken out
		 * as clutter before.
		 */
		boolean entangled(int word) {
			int x0 = places[word][0];
			int x1 = x0 + models[word].width;
			int top = places[word][1];
			int y0 = Math.max(0, top);
			int y1 = Math.min(crop.height, top + H);
			int gap = (int) Math.round(NEIGHBOUR_GAP * H);
			// letters may be a little wider than our templates
			int pad = (int) Math.round(0.12 * H);
			if (strokeBeside(x0 - gap, x0 - pad, y0, y1) || strokeBeside(x1 + pad, x1 + gap, y0, y1)) return true;
			// a lone letter beside a hidden line may be a piece of it (a pulse's end mark, a tick)
			if (models[word].letters.length == 1 && hiddenBeside(x0 - gap, x1 + gap, y0, y1)) return true;
			// a lone letter may be a piece of trace; in a longer word, ink touching a letter from
			// above or below is a mark beside the label (a trace's start, a pulse's corner)
			if (models[word].letters.length > 1) return false;
			int reach = (int) Math.round(RUN_ON * H);
			LabelGlyphs.Letter[] all = STYLES.get(models[word].style).letters;
			for (int k = 0; k < models[word].letters.length; k++) {
				int lx0 = x0 + models[word].offsets[k];
				int lx1 = lx0 + all[models[word].letters[k]].width;
				for (int x = Math.max(0, lx0); x < Math.min(crop.width, lx1); x++) {
					if (inkedRun(x, top - reach, top - 2) || inkedRun(x, top + H + 2, top + H + reach)) return true;
				}
			}
			return false;
		}

		/**
		 * True when columns x0 to x1 (exclusive) hold a stroke within rows y0 to y1: ink over
		 * {@link #STROKE} of the line's height, upright or slanted. A trace passing flat does not
		 * count, nor do lines running through the whole line (grid lines, separators), which are
		 * no letters.
		 */
		private boolean strokeBeside(int x0, int x1, int y0, int y1) {
			int reach = (int) Math.round(RUN_ON * H);
			boolean[] through = new boolean[Math.max(0, x1 - x0)];
			for (int x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
				through[x - x0] = inkedRun(x, y0 - reach, y0 - 2) && inkedRun(x, y1 + 2, y1 + reach);
			}
			int rows = 0;
			int count = 0;
			for (int y = y0; y < y1; y++) {
				boolean any = false;
				for (int x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
					if (!through[x - x0] && raw[y * crop.width + x] > LeadDetector.INK) {
						any = true;
						count++;
					}
				}
				if (any) rows++;
			}
			return rows >= STROKE * H && count >= STROKE * H;
		}

		private boolean hiddenBeside(int x0, int x1, int y0, int y1) {
			for (int y = y0; y < y1; y++) {
				for (int x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) if (crop.unknown[y * crop.width + x]) return true;
			}
			return false;
		}

		/** True when every row from y0 to y1 (exclusive) has ink in column x, and the rows are on the crop. */
		private boolean inkedRun(int x, int y0, int y1) {
			if (y0 < 0 || y1 > crop.height || y1 <= y0) return false;
			for (int y = y0; y < y1; y++) if (raw[y * crop.width + x] <= LeadDetector.INK) return false;
			return true;
		}

		int best() {
			int best = 0;
			for (int i = 1; i < WORDS.length; i++) if (scores[i] > scores[best]) best = i;
			return best;
		}
	}

	/** {@link #match(float[], int, int, Box, double, boolean, boolean, double)} of what a reading can use. */
	static Match match(float[] ink, int w, int h, Box box, double inkHeightPx, boolean turned) {
		return match(ink, w, h, box, inkHeightPx, turned, false, LabelReader.WORTH_SCORING);
	}

	static Match match(float[] ink, int w, int h, Box box, double inkHeightPx, boolean turned, boolean everyPlace) {
		return match(ink, w, h, box, inkHeightPx, turned, everyPlace, LabelReader.WORTH_SCORING);
	}

	/**
	 * @param everyPlace correlate each letter with the crop at every place, not only where a word
	 *     that can be read here puts it (the straightforward search; the same result, slower)
	 * @param worth places where a word cannot score this much are passed over; every word that
	 *     scores at least this much keeps its score and place bit for bit (-infinity: every word)
	 */
	static Match match(float[] ink, int w, int h, Box box, double inkHeightPx, boolean turned, boolean everyPlace,
		double worth)
	{
		if (!(inkHeightPx > 2)) return null;
		Frame frame = new Frame(box, inkHeightPx);
		int cw = frame.cw;
		int ch = frame.ch;
		boolean[] clutter = new boolean[cw * ch];
		float[] raw = frame.raw(ink, w, h, turned, clutter);
		LabelCrop c = new LabelCrop(LabelCrop.blur(raw, cw, ch, BLUR), clutter, cw, ch);
		// ink that is all clutter (a grid line, a pulse's edge) leaves nothing that varies: no word scores
		if (c.blank()) return null;
		Match m = new Match();
		m.crop = c;
		m.raw = raw;
		Arrays.fill(m.scores, Double.NEGATIVE_INFINITY);
		// The words are scored one type style after another (all of a style's letters then fit in
		// the processor's caches), the best place of each word kept as if they were scored in
		// MODELS' order. The work is split into methods that the JIT compiles one by one: the
		// places, the letters' sums, the windows' sums and the scoring (one method of all of it
		// took seconds to compile).
		Places places = new Places(frame, everyPlace);
		LetterSums sums = new LetterSums(c, frame.top0, frame.tops, cw + OVERHANG + 1, !everyPlace);
		WordScoring scoring = new WordScoring(m, sums, frame.top0, frame.tops, cw, worth, everyPlace);
		BlockBound.Windows[] windows = new BlockBound.Windows[WIDEST + 1];
		for (int index : BY_STYLE) {
			WordModel model = MODELS.get(index);
			if (model.width < frame.minWidth) continue;
			// the word must cover the candidate's ink, but for the slack a reading allows (the
			// candidate may lack letters that touch the trace, so the word may reach beyond it)
			int xFrom = places.xFrom[index];
			int xTo = places.xTo[index];
			if (xFrom > xTo && !everyPlace) continue;
			sums.prepare(model, STYLES.get(model.style).letters, places.letterFrom[model.style],
				places.letterTo[model.style]);
			// the crop's sums over the word's window depend only on the word's width: shared by every word as wide
			BlockBound.Windows win = everyPlace ? frame.windows(c, model.width, xFrom, xTo) : windows[model.width];
			if (win == null) win = windows[model.width] = frame.windows(c, model.width, xFrom,
				places.windowsTo);
			if (xTo < xFrom) continue;
			scoring.score(index, model, win, xFrom, xTo);
		}
		for (int i = 0; i < WORDS.length; i++) {
			if (m.models[i] == null) continue;
			int x = m.places[i][0];
			int top = m.places[i][1];
			m.boxes[i] = Box.fromCorners(frame.wx0 + x / frame.s, frame.wy0 + top / frame.s, frame.wx0 + (x
				+ m.models[i].width) / frame.s, frame.wy0 + (top + H) / frame.s);
		}
		return m.boxes[m.best()] == null ? null : m;
	}

	/**
	 * Where each word model is compared on a frame's crop: its box's left edge from xFrom to xTo
	 * (it covers the candidate's ink and keeps its last letter on the crop; every place of the crop
	 * for the straightforward search), and the places [letterFrom, letterTo] where some such word
	 * puts each letter of each style.
	 */
	static final class Places {
		final int[] xFrom = new int[MODELS.size()];
		final int[] xTo = new int[MODELS.size()];
		final int[][] letterFrom = new int[STYLES.size()][LabelGlyphs.LETTERS.length()];
		final int[][] letterTo = new int[STYLES.size()][LabelGlyphs.LETTERS.length()];
		/** The last left edge the windows of a width are found for: every word as wide shares them. */
		final int windowsTo;

		Places(Frame frame, boolean everyPlace) {
			for (int[] f : letterFrom) Arrays.fill(f, Integer.MAX_VALUE);
			for (int[] t : letterTo) Arrays.fill(t, Integer.MIN_VALUE);
			double reachAt = Math.floor(frame.fx0 + BEYOND * H);
			windowsTo = (int) Math.min(frame.cw, reachAt);
			// each word's places, found once (Math.floor and Math.ceil are slow): xFrom depends on the width alone
			int[] fromOfWidth = new int[WIDEST + 1];
			Arrays.fill(fromOfWidth, -1);
			for (int index = 0; index < MODELS.size(); index++) {
				WordModel model = MODELS.get(index);
				if (model.width < frame.minWidth) continue;
				if (fromOfWidth[model.width] < 0) fromOfWidth[model.width] = model.xFrom(frame.fx1);
				int from = xFrom[index] = fromOfWidth[model.width];
				int to = xTo[index] = model.xTo(frame.cw, reachAt);
				if (from > to && !everyPlace) continue;
				LabelGlyphs.Letter[] letters = STYLES.get(model.style).letters;
				for (int k = 0; k < model.letters.length; k++) {
					int l = model.letters[k];
					int positions = Math.max(0, frame.cw - letters[l].width + 1);
					int[] a = letterFrom[model.style];
					int[] b = letterTo[model.style];
					a[l] = everyPlace ? 0 : Math.min(a[l], from + model.offsets[k]);
					b[l] = everyPlace ? positions - 1 : Math.max(b[l], to + model.offsets[k]);
				}
			}
		}
	}

	/**
	 * Where a candidate read at a size is compared with the words: the crop around it at the
	 * letters' size (H), where the word's foot may sit, and how wide a word must be to cover the ink.
	 */
	static final class Frame {
		final double s;
		final double wx0;
		final double wy0;
		final int cw;
		final int ch;
		/** The candidate's ink across the crop. */
		final double fx0;
		final double fx1;
		/** The tops of a word's box: top0 to top0 + tops - 1. */
		final int top0;
		final int tops;
		final double minWidth;

		Frame(Box box, double inkHeightPx) {
			s = H / inkHeightPx;
			wx0 = box.x - REACH * inkHeightPx;
			double wx1 = box.maxX() + REACH * inkHeightPx;
			double foot = box.maxY();
			wy0 = foot - (1 + MARGIN_Y + 0.3) * inkHeightPx;
			double wy1 = foot + (MARGIN_Y + 0.3) * inkHeightPx;
			cw = (int) Math.ceil((wx1 - wx0) * s);
			ch = (int) Math.ceil((wy1 - wy0) * s);
			fx0 = (box.x - wx0) * s;
			fx1 = (box.maxX() - wx0) * s;
			top0 = (int) Math.round((foot - wy0) * s) - H - FOOT_SLACK;
			tops = 2 * FOOT_SLACK + 1;
			minWidth = (fx1 - fx0) - 2 * BEYOND * H;
		}

		/** The crop's sums over the windows of a word of a width with its box's left edge at x0 to x1. */
		BlockBound.Windows windows(LabelCrop c, int width, int x0, int x1) {
			return new BlockBound.Windows(c, width, x0, x1, top0, tops, (int) Math.round(MARGIN_X * H), (int) Math.round(
				MARGIN_Y * H));
		}

		/** The crop before blurring, with its clutter (into {@code clutter}) taken out. */
		float[] raw(float[] ink, int w, int h, boolean turned, boolean[] clutter) {
			// a trace's stroke (a QRS coming down beside the name, a pulse's edge) goes on beyond the crop:
			// upright runs are measured on rows above and below it too, so one the crop cuts short is not a letter
			int beyond = (int) Math.ceil(LabelCrop.CLUTTER_UPRIGHT * H) + 1;
			float[] tall = LabelCrop.resample(ink, w, h, wx0, wy0 - beyond / s, s, cw, ch + 2 * beyond, turned);
			boolean[] tallClutter = LabelCrop.clutter(tall, cw, ch + 2 * beyond);
			float[] raw = Arrays.copyOfRange(tall, beyond * cw, (beyond + ch) * cw);
			System.arraycopy(tallClutter, beyond * cw, clutter, 0, ch * cw);
			for (int i = 0; i < raw.length; i++) if (clutter[i]) raw[i] = 0;
			return raw;
		}
	}

	/**
	 * False when no reading of the box at this size can be accepted because no word covering the
	 * candidate's ink has ink spanning the capitals' height ({@link Match#fillsCapHeight}) at any of
	 * its places: the ink there, clutter taken out, is too short (a candidate much smaller than the
	 * size, read at it). Costs the crop, not the matching.
	 */
	static boolean mayBeAccepted(float[] ink, int w, int h, Box box, double inkHeightPx) {
		if (inkHeightPx < LabelReader.MIN_INK_PX || box.width < LabelReader.I_MIN_WIDTH * inkHeightPx) return false;
		Frame f = new Frame(box, inkHeightPx);
		// the columns of every place of every word that covers the candidate's ink
		double reach = Math.floor(f.fx0 + BEYOND * H);
		int x0 = Integer.MAX_VALUE;
		int x1 = Integer.MIN_VALUE;
		for (WordModel model : MODELS) {
			if (model.width < f.minWidth) continue;
			int xFrom = model.xFrom(f.fx1);
			int xTo = model.xTo(f.cw, reach);
			if (xFrom > xTo) continue;
			x0 = Math.min(x0, xFrom);
			x1 = Math.max(x1, xTo + model.width);
		}
		if (x0 > x1) return false;
		boolean[] clutter = new boolean[f.cw * f.ch];
		float[] raw = f.raw(ink, w, h, false, clutter);
		return Match.inkRows(raw, f.cw, f.ch, x0, x1, f.top0, f.top0 + f.tops - 1) >= CAP_FILL * H;
	}



	/** A word in one spelling, style and spacing: where its letters' boxes start, and its sums. */
	static final class WordModel {
		final int word;
		final String text;
		final int style;
		final double tracking;
		final int[] letters;
		final int[] offsets;
		final int width;
		/** Where the box of the word's last letter ends (pixels at H from the word's box). */
		final int lastEnd;
		final double sum;
		final double sum2;

		WordModel(int word, String text, int style, double tracking) {
			this.word = word;
			this.text = text;
			this.style = style;
			this.tracking = tracking;
			LabelGlyphs.Letter[] all = STYLES.get(style).letters;
			int n = text.length();
			letters = new int[n];
			offsets = new int[n];
			double origin = 0;
			double first = 0;
			int end = 0;
			for (int k = 0; k < n; k++) {
				letters[k] = LabelGlyphs.LETTERS.indexOf(text.charAt(k));
				LabelGlyphs.Letter l = all[letters[k]];
				if (k == 0) first = origin + l.left;
				offsets[k] = (int) Math.round(origin + l.left - first);
				end = Math.max(end, offsets[k] + l.width);
				origin += l.advance + tracking * H;
			}
			width = end;
			lastEnd = offsets[n - 1] + all[letters[n - 1]].width;
			// the composed word, where overlapping letters add up
			float[] composed = new float[width * H];
			for (int k = 0; k < n; k++) {
				LabelGlyphs.Letter l = all[letters[k]];
				for (int y = 0; y < H; y++) {
					for (int x = 0; x < l.width; x++) composed[y * width + offsets[k] + x] += l.pixels[y * l.width + x];
				}
			}
			double a = 0;
			double b = 0;
			for (float v : composed) {
				a += v;
				b += v * v;
			}
			sum = a;
			sum2 = b;
		}

		/** The leftmost place of the word's box that covers the candidate's ink ending at fx1 (crop pixels). */
		int xFrom(double fx1) {
			return (int) Math.max(0, Math.ceil(fx1 - BEYOND * H - width));
		}

		/**
		 * The rightmost place of the word's box that covers ink starting at fx0 and keeps its last letter
		 * on a crop cw wide; reach = Math.floor(fx0 + BEYOND * H), the same for every word.
		 */
		int xTo(int cw, double reach) {
			return (int) Math.min(cw - lastEnd, reach);
		}

		/**
		 * False when two I's run together: printed I's stand apart, and two that touch are one
		 * thick bar (a separator tick) rather than "II".
		 */
		boolean separated() {
			LabelGlyphs.Letter[] all = STYLES.get(style).letters;
			for (int k = 1; k < letters.length; k++) {
				if (text.charAt(k) != 'I' || text.charAt(k - 1) != 'I') continue;
				if (offsets[k] - (offsets[k - 1] + all[letters[k - 1]].width) < MIN_I_GAP * H) return false;
			}
			return true;
		}

		/** Adds the word's drawing, placed with its box at (x, top), to a crop-sized image. */
		void paint(float[] target, int cw, int ch, int x, int top) {
			LabelGlyphs.Letter[] all = STYLES.get(style).letters;
			for (int k = 0; k < letters.length; k++) {
				LabelGlyphs.Letter l = all[letters[k]];
				for (int y = 0; y < H; y++) {
					int ty = top + y;
					if (ty < 0 || ty >= ch) continue;
					for (int lx = 0; lx < l.width; lx++) {
						int tx = x + offsets[k] + lx;
						if (tx >= 0 && tx < cw) target[ty * cw + tx] += l.pixels[y * l.width + lx];
					}
				}
			}
		}
	}


	private static int[] byStyle(List<WordModel> models) {
		return java.util.stream.IntStream.range(0, models.size()).boxed().sorted(java.util.Comparator.comparingInt(
			i -> models.get(i).style)).mapToInt(Integer::intValue).toArray();
	}

	private static int overhang(List<WordModel> models) {
		int out = 0;
		for (WordModel m : models) {
			int n = m.letters.length;
			int lastEnd = m.offsets[n - 1] + STYLES.get(m.style).letters[m.letters[n - 1]].width;
			for (int k = 0; k < n; k++) out = Math.max(out, m.offsets[k] - lastEnd);
		}
		return out;
	}

	private static List<WordModel> buildModels() {
		List<WordModel> out = new ArrayList<>();
		for (int word = 0; word < WORDS.length; word++) {
			List<String> spellings = new ArrayList<>();
			spellings.add(WORDS[word]);
			// some printers spell the augmented leads in capitals
			if (WORDS[word].contains("aV")) spellings.add(WORDS[word].replace("aV", "AV"));
			for (String text : spellings) {
				if (text.length() > WordScoring.MAX_LETTERS) throw new IllegalStateException(text + ": too long to score");
				for (int style = 0; style < STYLES.size(); style++) {
					if (text.length() == 1) {
						out.add(new WordModel(word, text, style, 0));
						continue;
					}
					for (double tracking : STYLES.get(style).outline ? OUTLINE_TRACKING : TRACKING) {
						WordModel model = new WordModel(word, text, style, tracking);
						if (model.separated()) out.add(model);
					}
				}
			}
		}
		return out;
	}

}
