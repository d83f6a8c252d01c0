package org.ecgdigitizer.core.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.StrokeFont;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Reads printed lead names (I, II, III, aVR, aVL, aVF, V1-V6, and -aVR of the Cabrera display).
 *
 * <p>The vocabulary is closed, so whole words are matched. The page around a label candidate is
 * resampled so that capital letters are {@link #H} pixels tall. The letters of the vocabulary are
 * rendered with our {@link StrokeFont} in several weights and widths (the augmented leads also
 * with a capital A), and each letter's correlation with the crop is computed at every place. A
 * word is its letters at the font's advances plus a letter spacing shared by the word (fonts
 * differ in spacing more than in letter shapes), scored by the normalised correlation of the
 * composed word with the crop over the word plus a margin of paper around it: a word must also
 * explain the absence of ink beside it, so "I" inside "III" scores low. A reading is accepted
 * only when the best word clearly beats the best word of any other lead and the candidate's ink
 * lies within the word (header text such as "V1-V6" is wider than any lead name).</p>
 */
public final class LabelReader {

	/**
	 * The words a lead label can say, and their leads. The last few name leads of 15- and 18-lead
	 * recordings; they are here so that they are not mistaken for the ones they resemble.
	 */
	static final String[] WORDS = { "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6",
		"-aVR", "V7", "V8", "V9", "V3R", "V4R" };
	static final Lead[] WORD_LEADS = { Lead.I, Lead.II, Lead.III, Lead.AVR, Lead.AVL, Lead.AVF, Lead.V1, Lead.V2,
		Lead.V3, Lead.V4, Lead.V5, Lead.V6, Lead.AVR, null, null, null, null, null };

	/** Ink height (cap height plus pen) that crops and letters are compared at, in pixels. */
	static final int H = 16;
	/** Around a word, this much (in ink heights) of empty paper is part of the comparison. */
	static final double MARGIN_X = 0.45;
	static final double MARGIN_Y = 0.15;
	/** Pen widths (in ink heights) and horizontal scales of the letters. */
	static final double[] PENS = { 0.09, 0.16, 0.24 };
	static final double[] WIDTHS = { 0.85, 1.0, 1.15 };
	/**
	 * Serifs (Times-like printers) added to our sans-serif letters: horizontal feet and caps at
	 * stem ends, in cap heights from the letter's origin; each entry x0, y0, x1, y1 of a bar.
	 */
	private static final String SERIF_LETTERS = "IVRLFA1";
	private static final double[][] SERIFS = {
		{ 0.05, 1, 0.33, 1, 0.05, 0, 0.33, 0 },
		{ -0.05, 1, 0.20, 1, 0.75, 1, 0.98, 1 },
		{ 0.03, 1, 0.17, 1, 0.03, 0, 0.33, 0, 0.78, 0, 0.97, 0 },
		{ 0.03, 1, 0.33, 1, 0.03, 0, 0.17, 0, 0.72, 0, 0.72, 0.15 },
		{ 0.03, 1, 0.17, 1, 0.03, 0, 0.33, 0, 0.78, 1, 0.78, 0.82, 0.71, 0.62, 0.71, 0.44 },
		{ -0.04, 0, 0.18, 0, 0.76, 0, 0.98, 0 },
		{ 0.28, 0, 0.68, 0 } };
	/** Letter spacing added to the font's advances, in cap heights. */
	static final double[] TRACKING = { -0.06, 0.02, 0.10, 0.19, 0.30, 0.44 };
	/** Blur of the crop (pixels at H), so stroke shapes need not agree exactly. */
	static final double BLUR = 0.9;
	/** The crop reaches this far (in ink heights) beyond the candidate on either side. */
	static final double REACH = 1.8;
	/** How far (pixels at H) the word's foot may sit from the candidate's bottom. */
	static final int FOOT_SLACK = 1;
	/** Acceptance: correlation of the best word, and its lead ahead of the best other lead. */
	static final double MIN_SCORE = 0.55;
	static final double MIN_MARGIN = 0.06;
	/** Every letter of the accepted word must correlate this well with the crop on its own. */
	static final double MIN_LETTER = 0.6;
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
	/** An I, even a bold one with serifs, is at most this wide (in ink heights); a 1 has a flag. */
	static final double I_WIDTH = 0.3;
	/** Words whose scores are closer than this are compared where they differ. */
	static final double CLOSE = 0.2;

	/** The letters the words are made of. */
	private static final String LETTERS = "IaAVRLF123456789-";
	/** letters[style][letter] */
	private static final Letter[][] LETTER_TEMPLATES = buildLetters();
	/** Every word in every spelling, style and spacing. */
	private static final List<WordModel> MODELS = buildModels();

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

		Reading(String text, String best, double score, double margin, double weakestLetter, Box box, String doubt,
			Box candidate)
		{
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
			return new Reading(null, best, score, margin, weakestLetter, box, why, candidate);
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
		for (int i = 0; i < WORDS.length; i++) if (WORDS[i].equals(word)) return WORD_LEADS[i];
		return null;
	}

	/**
	 * Reads every label candidate of every region of a page. All labels of a page share one type
	 * size: once a few are read, candidates much smaller or taller than those (they lost letters
	 * or gained clutter) are read again at the page's size.
	 *
	 * @param candidates per region, from {@link LabelFinder#candidates}
	 * @return per region, one reading per candidate
	 */
	public static List<List<Reading>> readAll(PreparedPage page, List<List<LabelFinder.Label>> candidates) {
		float[] ink = page.inkPixels();
		int w = page.width();
		int h = page.height();
		List<List<Reading>> out = new ArrayList<>();
		List<Double> heights = new ArrayList<>();
		for (List<LabelFinder.Label> list : candidates) {
			List<Reading> readings = new ArrayList<>();
			for (LabelFinder.Label l : list) {
				Reading r = read(ink, w, h, l.box, l.box.height);
				readings.add(r);
				if (r.accepted()) heights.add(l.box.height);
			}
			out.add(readings);
		}
		if (heights.size() < 3) return out;
		double[] hs = new double[heights.size()];
		for (int i = 0; i < hs.length; i++) hs[i] = heights.get(i);
		double size = LeadDetector.median(hs);
		for (List<Reading> readings : out) {
			for (int k = 0; k < readings.size(); k++) {
				Reading r = readings.get(k);
				if (r.accepted() || Math.abs(Math.log(r.candidate.height / size)) < Math.log(1.15)) continue;
				Reading again = read(ink, w, h, r.candidate, size);
				if (again.accepted()) readings.set(k, again);
			}
		}
		return out;
	}

	/**
	 * Reads the word at a candidate box of an ink map (0 = paper, 1 = ink).
	 *
	 * @param box the candidate's ink (its bottom is taken as the word's foot)
	 * @param inkHeightPx height of capital letters including the pen, in pixels
	 */
	public static Reading read(float[] ink, int w, int h, Box box, double inkHeightPx) {
		Match m = match(ink, w, h, box, inkHeightPx);
		if (m == null) return new Reading(null, null, Double.NaN, 0, Double.NaN, null, "nothing to read", box);
		// a word with strokes right beside it, or running on beyond the line, is not the whole label
		boolean[] partial = new boolean[WORDS.length];
		int best = -1;
		for (int i = 0; i < WORDS.length; i++) {
			if (m.models[i] == null) continue;
			partial[i] = m.entangled(i);
			if (!partial[i] && (best < 0 || m.scores[i] > m.scores[best])) best = i;
		}
		if (best < 0) {
			int any = m.best();
			return new Reading(null, WORDS[any], m.scores[any], 0, Double.NaN, m.boxes[any], "entangled with other ink",
				box);
		}
		// words alike but for a letter differ little overall: compare them where they differ
		double margin = Double.POSITIVE_INFINITY;
		int closest = -1;
		for (int i = 0; i < WORDS.length; i++) {
			if (WORD_LEADS[i] == WORD_LEADS[best] || m.models[i] == null || partial[i]) continue;
			double global = m.scores[best] - m.scores[i];
			double d = global >= CLOSE ? global : m.localMargin(best, i);
			if (d < margin) {
				margin = d;
				closest = i;
			}
		}
		Box wordBox = m.boxes[best];
		// the candidate's ink must lie within the word (header text and clutter are wider)
		double slack = 0.35 * inkHeightPx;
		double weakest = m.weakestLetter(best);
		String doubt = null;
		if (box.x < wordBox.x - slack || box.maxX() > wordBox.maxX() + slack) doubt = "ink beyond the word";
		else if (m.scores[best] < MIN_SCORE) doubt = "poor match";
		else if (margin < MIN_MARGIN) doubt = "close to " + WORDS[closest];
		else if (weakest < MIN_LETTER) doubt = "a letter does not match";
		else if (!m.fillsCapHeight(best)) doubt = "shorter than capitals";
		else if (WORD_LEADS[best] == null) doubt = "not one of the 12 leads";
		else if (WORDS[best].equals("I") && box.width > I_WIDTH * inkHeightPx) doubt = "wider than an I (a 1?)";
		return new Reading(doubt == null ? WORDS[best] : null, WORDS[best], m.scores[best], margin, weakest, wordBox,
			doubt, box);
	}

	/** Every word's best correlation with the crop and where it was found. */
	static final class Match {
		final double[] scores = new double[WORDS.length];
		final Box[] boxes = new Box[WORDS.length];
		/** The best model of each word and where it sits in the crop (x, top), for diagnostics. */
		final WordModel[] models = new WordModel[WORDS.length];
		final int[][] places = new int[WORDS.length][];
		Crop crop;
		/** The crop before blurring. */
		float[] raw;

		/**
		 * Best word's correlation minus another word's, both over the box where the two words'
		 * drawings differ (plus a little paper).
		 */
		double localMargin(int a, int b) {
			float[] ta = new float[crop.width * crop.height];
			float[] tb = new float[ta.length];
			models[a].paint(ta, crop.width, crop.height, places[a][0], places[a][1]);
			models[b].paint(tb, crop.width, crop.height, places[b][0], places[b][1]);
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
			if (x1 < 0) return 0;
			x0 = Math.max(0, x0 - 2);
			y0 = Math.max(0, y0 - 2);
			x1 = Math.min(crop.width - 1, x1 + 2);
			y1 = Math.min(crop.height - 1, y1 + 2);
			return crop.correlation(ta, x0, y0, x1, y1) - crop.correlation(tb, x0, y0, x1, y1);
		}

		/** The worst correlation of any single letter of a word with the crop, each over its own box. */
		double weakestLetter(int word) {
			WordModel model = models[word];
			Letter[] all = LETTER_TEMPLATES[model.style];
			int n = model.letters.length;
			int left = places[word][0];
			int top = places[word][1];
			int grow = (int) Math.round(LETTER_REACH * H);
			double worst = Double.POSITIVE_INFINITY;
			for (int k = 0; k < n; k++) {
				Letter l = all[model.letters[k]];
				int x = left + model.offsets[k];
				float[] t = new float[crop.width * crop.height];
				for (int y = 0; y < H; y++) {
					if (top + y < 0 || top + y >= crop.height) continue;
					for (int lx = 0; lx < l.width; lx++) {
						if (x + lx >= 0 && x + lx < crop.width) t[(top + y) * crop.width + x + lx] = l.pixels[y * l.width + lx];
					}
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
				int y0 = Math.max(0, top - 1);
				int y1 = Math.min(crop.height - 1, top + H);
				worst = Math.min(worst, crop.correlation(t, x0, y0, x1, y1));
			}
			return worst;
		}

		/**
		 * Every lead name has capitals, so its ink reaches from the baseline to the cap height;
		 * lower-case text and small blobs read at a capital's size do not.
		 */
		boolean fillsCapHeight(int word) {
			int x0 = Math.max(0, places[word][0]);
			int x1 = Math.min(crop.width, places[word][0] + models[word].width);
			int top = places[word][1];
			int slack = (int) Math.ceil(0.15 * H);
			int first = -1;
			int last = -1;
			for (int y = Math.max(0, top - slack); y < Math.min(crop.height, top + H + slack); y++) {
				for (int x = x0; x < x1; x++) {
					if (raw[y * crop.width + x] > LeadDetector.INK) {
						if (first < 0) first = y;
						last = y;
						break;
					}
				}
			}
			return first >= 0 && last - first + 1 >= CAP_FILL * H;
		}

		/**
		 * True when the word is not a word on its own: a stroke stands right beside it within the
		 * line (the rest of a longer word, a pulse edge, a separator), or one of its letters runs on
		 * above or below the line (a pulse edge or a trace read as an I).
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
			int reach = (int) Math.round(RUN_ON * H);
			Letter[] all = LETTER_TEMPLATES[models[word].style];
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

	static Match match(float[] ink, int w, int h, Box box, double inkHeightPx) {
		if (!(inkHeightPx > 2)) return null;
		double s = H / inkHeightPx;
		double wx0 = box.x - REACH * inkHeightPx;
		double wx1 = box.maxX() + REACH * inkHeightPx;
		double foot = box.maxY();
		double wy0 = foot - (1 + MARGIN_Y + 0.3) * inkHeightPx;
		double wy1 = foot + (MARGIN_Y + 0.3) * inkHeightPx;
		int cw = (int) Math.ceil((wx1 - wx0) * s);
		int ch = (int) Math.ceil((wy1 - wy0) * s);
		float[] raw = resample(ink, w, h, wx0, wy0, s, cw, ch);
		Crop c = new Crop(blur(raw, cw, ch, BLUR), cw, ch);
		double fx0 = (box.x - wx0) * s;
		double fx1 = (box.maxX() - wx0) * s;
		int top0 = (int) Math.round((foot - wy0) * s) - H - FOOT_SLACK;
		int tops = 2 * FOOT_SLACK + 1;
		int mx = (int) Math.round(MARGIN_X * H);
		int my = (int) Math.round(MARGIN_Y * H);

		Match m = new Match();
		m.crop = c;
		m.raw = raw;
		Arrays.fill(m.scores, Double.NEGATIVE_INFINITY);
		// dot[style][letter][top][x]: sums of letter times crop at each place, computed when first needed
		double[][][][] dot = new double[LETTER_TEMPLATES.length][LETTERS.length()][][];
		for (WordModel model : MODELS) {
			int n = model.letters.length;
			double[][][] d = new double[n][][];
			for (int k = 0; k < n; k++) {
				int l = model.letters[k];
				if (dot[model.style][l] == null) dot[model.style][l] = c.dots(LETTER_TEMPLATES[model.style][l], top0, tops);
				d[k] = dot[model.style][l];
			}
			int last = model.offsets[n - 1];
			int lastWidth = LETTER_TEMPLATES[model.style][model.letters[n - 1]].width;
			// the word must cover much of the candidate, and the candidate much of a short word
			double need = 0.5 * Math.min(fx1 - fx0, model.width);
			int xFrom = (int) Math.max(0, Math.floor(fx0 + need - model.width));
			int xTo = (int) Math.min(cw - last - lastWidth, Math.ceil(fx1 - need));
			for (int t = 0; t < tops; t++) {
				int top = top0 + t;
				int y0 = top - my;
				int y1 = top + H + my;
				for (int x = xFrom; x <= xTo; x++) {
					double sum = 0;
					for (int k = 0; k < n; k++) sum += d[k][t][x + model.offsets[k]];
					int rx0 = x - mx;
					int rx1 = x + model.width + mx;
					double area = (double) (rx1 - rx0) * (y1 - y0);
					double si = c.area(c.sum, rx0, y0, rx1, y1);
					double si2 = c.area(c.sum2, rx0, y0, rx1, y1);
					double varI = si2 - si * si / area;
					double varT = model.sum2 - model.sum * model.sum / area;
					if (varI <= 1e-9 || varT <= 1e-9) continue;
					double r = (sum - model.sum * si / area) / Math.sqrt(varI * varT);
					if (r > m.scores[model.word]) {
						m.scores[model.word] = r;
						m.models[model.word] = model;
						m.places[model.word] = new int[] { x, top };
						m.boxes[model.word] = Box.fromCorners(wx0 + x / s, wy0 + top / s, wx0 + (x + model.width) / s, wy0 +
							(top + H) / s);
					}
				}
			}
		}
		return m.boxes[m.best()] == null ? null : m;
	}

	/** One letter rendered H pixels tall (the box spans the capitals' ink), as wide as its ink. */
	static final class Letter {
		final float[] pixels;
		final int width;
		/** Where the box starts, and the advance, relative to the letter's origin (pixels at H). */
		final double left;
		final double advance;
		final double sum;
		final double sum2;

		/** The inked pixels: row, column, value. */
		final int[] inkY;
		final int[] inkX;
		final float[] inkValue;

		Letter(float[] pixels, int width, double left, double advance) {
			this.pixels = pixels;
			this.width = width;
			this.left = left;
			this.advance = advance;
			double a = 0;
			double b = 0;
			int n = 0;
			for (float v : pixels) {
				a += v;
				b += v * v;
				if (v > 0) n++;
			}
			sum = a;
			sum2 = b;
			inkY = new int[n];
			inkX = new int[n];
			inkValue = new float[n];
			int k = 0;
			for (int i = 0; i < pixels.length; i++) {
				if (pixels[i] <= 0) continue;
				inkY[k] = i / width;
				inkX[k] = i % width;
				inkValue[k++] = pixels[i];
			}
		}
	}

	/** A word in one spelling, style and spacing: where its letters' boxes start, and its sums. */
	static final class WordModel {
		final int word;
		final int style;
		final int[] letters;
		final int[] offsets;
		final int width;
		final double sum;
		final double sum2;

		WordModel(int word, String text, int style, double tracking) {
			this.word = word;
			this.style = style;
			Letter[] all = LETTER_TEMPLATES[style];
			int n = text.length();
			letters = new int[n];
			offsets = new int[n];
			double origin = 0;
			double first = 0;
			int end = 0;
			for (int k = 0; k < n; k++) {
				letters[k] = LETTERS.indexOf(text.charAt(k));
				Letter l = all[letters[k]];
				if (k == 0) first = origin + l.left;
				offsets[k] = (int) Math.round(origin + l.left - first);
				end = Math.max(end, offsets[k] + l.width);
				origin += l.advance + tracking * H;
			}
			width = end;
			// the composed word, where overlapping letters add up
			float[] composed = new float[width * H];
			for (int k = 0; k < n; k++) {
				Letter l = all[letters[k]];
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

		/** Adds the word's drawing, placed with its box at (x, top), to a crop-sized image. */
		void paint(float[] target, int cw, int ch, int x, int top) {
			Letter[] all = LETTER_TEMPLATES[style];
			for (int k = 0; k < letters.length; k++) {
				Letter l = all[letters[k]];
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

	/** The resampled crop with running sums for fast area sums. */
	static final class Crop {
		final float[] pixels;
		final int width;
		final int height;
		final double[] sum;
		final double[] sum2;

		Crop(float[] pixels, int width, int height) {
			this.pixels = pixels;
			this.width = width;
			this.height = height;
			sum = new double[(width + 1) * (height + 1)];
			sum2 = new double[(width + 1) * (height + 1)];
			for (int y = 0; y < height; y++) {
				double row = 0;
				double row2 = 0;
				for (int x = 0; x < width; x++) {
					double v = pixels[y * width + x];
					row += v;
					row2 += v * v;
					sum[(y + 1) * (width + 1) + x + 1] = sum[y * (width + 1) + x + 1] + row;
					sum2[(y + 1) * (width + 1) + x + 1] = sum2[y * (width + 1) + x + 1] + row2;
				}
			}
		}

		/** Normalised correlation of a crop-sized drawing with the crop over [x0, x1] x [y0, y1]. */
		double correlation(float[] t, int x0, int y0, int x1, int y1) {
			double st = 0;
			double si = 0;
			double stt = 0;
			double sii = 0;
			double sti = 0;
			int n = 0;
			for (int y = y0; y <= y1; y++) {
				for (int x = x0; x <= x1; x++) {
					double a = t[y * width + x];
					double b = pixels[y * width + x];
					st += a;
					si += b;
					stt += a * a;
					sii += b * b;
					sti += a * b;
					n++;
				}
			}
			double vt = stt - st * st / n;
			double vi = sii - si * si / n;
			if (vt <= 1e-9 || vi <= 1e-9) return 0;
			return (sti - st * si / n) / Math.sqrt(vt * vi);
		}

		/** Sum over [x0, x1) x [y0, y1); outside the crop counts as paper (0). */
		double area(double[] s, int x0, int y0, int x1, int y1) {
			x0 = Math.max(0, Math.min(width, x0));
			x1 = Math.max(0, Math.min(width, x1));
			y0 = Math.max(0, Math.min(height, y0));
			y1 = Math.max(0, Math.min(height, y1));
			int stride = width + 1;
			return s[y1 * stride + x1] - s[y0 * stride + x1] - s[y1 * stride + x0] + s[y0 * stride + x0];
		}

		/** Sum of letter times crop for the letter's top at top0 + t and left edge at every x. */
		double[][] dots(Letter l, int top0, int tops) {
			int positions = Math.max(0, width - l.width + 1);
			double[][] out = new double[tops][positions];
			for (int t = 0; t < tops; t++) {
				int top = top0 + t;
				double[] row = out[t];
				// only the letter's inked pixels contribute
				for (int k = 0; k < l.inkY.length; k++) {
					int y = top + l.inkY[k];
					if (y < 0 || y >= height) continue;
					int ci = y * width + l.inkX[k];
					double v = l.inkValue[k];
					for (int x = 0; x < positions; x++) row[x] += v * pixels[ci + x];
				}
			}
			return out;
		}
	}

	private static Letter[][] buildLetters() {
		Letter[][] out = new Letter[2 * PENS.length * WIDTHS.length][LETTERS.length()];
		int style = 0;
		for (boolean serif : new boolean[] { false, true }) {
			for (double pen : PENS) {
				for (double widthScale : WIDTHS) {
					for (int i = 0; i < LETTERS.length(); i++) out[style][i] = render(LETTERS.charAt(i), pen, widthScale, serif);
					style++;
				}
			}
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
				for (int style = 0; style < LETTER_TEMPLATES.length; style++) {
					if (text.length() == 1) {
						out.add(new WordModel(word, text, style, 0));
						continue;
					}
					for (double tracking : TRACKING) out.add(new WordModel(word, text, style, tracking));
				}
			}
		}
		return out;
	}

	/** Renders a letter so that capitals' ink is H pixels tall, cropped to its ink horizontally. */
	static Letter render(char c, double pen, double widthScale, boolean serif) {
		double penPx = pen * H;
		double cap = H - penPx;
		Path2D path = StrokeFont.glyphs(String.valueOf(c), 0, 0, cap);
		path.transform(AffineTransform.getScaleInstance(widthScale, 1));
		Path2D.Double serifs = new Path2D.Double();
		int si = SERIF_LETTERS.indexOf(c);
		if (serif && si >= 0) {
			double[] bars = SERIFS[si];
			for (int k = 0; k < bars.length; k += 4) {
				serifs.moveTo(bars[k] * cap * widthScale, -bars[k + 1] * cap);
				serifs.lineTo(bars[k + 2] * cap * widthScale, -bars[k + 3] * cap);
			}
		}
		Rectangle2D b = path.getBounds2D();
		if (serifs.getCurrentPoint() != null) b = b.createUnion(serifs.getBounds2D());
		double inkX0 = b.getMinX() - penPx / 2;
		double inkX1 = b.getMaxX() + penPx / 2;
		int width = (int) Math.max(1, Math.ceil(inkX1 - inkX0));
		BufferedImage img = new BufferedImage(width, H, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, width, H);
		g.setColor(Color.WHITE);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setStroke(StrokeFont.stroke(cap, penPx / cap));
		// centre the ink in its box, baseline at the box bottom less half the pen
		g.translate((width - (inkX1 - inkX0)) / 2 - inkX0, H - penPx / 2);
		g.draw(path);
		// serifs are hairlines beside the stems
		g.setStroke(StrokeFont.stroke(cap, 0.7 * penPx / cap));
		g.draw(serifs);
		g.dispose();
		float[] px = new float[width * H];
		byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < px.length; i++) px[i] = (raster[i] & 0xff) / 255f;
		double left = inkX0 - (width - (inkX1 - inkX0)) / 2;
		return new Letter(px, width, left, StrokeFont.width(String.valueOf(c), cap) * widthScale);
	}

	/**
	 * The part of an image starting at (x0, y0) scaled by s (output pixel = 1/s input pixels):
	 * area averages when shrinking, bilinear when enlarging. Outside the image is 0.
	 */
	static float[] resample(float[] src, int w, int h, double x0, double y0, double s, int outW, int outH) {
		float[] out = new float[outW * outH];
		if (s >= 1) {
			for (int v = 0; v < outH; v++) {
				double sy = y0 + (v + 0.5) / s - 0.5;
				for (int u = 0; u < outW; u++) {
					double sx = x0 + (u + 0.5) / s - 0.5;
					out[v * outW + u] = (float) bilinear(src, w, h, sx, sy);
				}
			}
			return out;
		}
		// shrink: each output pixel averages the input area it covers
		for (int v = 0; v < outH; v++) {
			double ya = y0 + v / s;
			double yb = y0 + (v + 1) / s;
			for (int u = 0; u < outW; u++) {
				double xa = x0 + u / s;
				double xb = x0 + (u + 1) / s;
				double acc = 0;
				for (int y = (int) Math.floor(ya); y < yb; y++) {
					double fy = Math.min(yb, y + 1) - Math.max(ya, y);
					if (fy <= 0 || y < 0 || y >= h) continue;
					for (int x = (int) Math.floor(xa); x < xb; x++) {
						double fx = Math.min(xb, x + 1) - Math.max(xa, x);
						if (fx <= 0 || x < 0 || x >= w) continue;
						acc += fx * fy * src[y * w + x];
					}
				}
				out[v * outW + u] = (float) (acc * s * s);
			}
		}
		return out;
	}

	private static double bilinear(float[] src, int w, int h, double x, double y) {
		int x0 = (int) Math.floor(x);
		int y0 = (int) Math.floor(y);
		double fx = x - x0;
		double fy = y - y0;
		return (1 - fy) * ((1 - fx) * at(src, w, h, x0, y0) + fx * at(src, w, h, x0 + 1, y0)) + fy * ((1 - fx) * at(
			src, w, h, x0, y0 + 1) + fx * at(src, w, h, x0 + 1, y0 + 1));
	}

	private static double at(float[] src, int w, int h, int x, int y) {
		return x < 0 || y < 0 || x >= w || y >= h ? 0 : src[y * w + x];
	}

	/** Separable Gaussian blur with zero outside. */
	static float[] blur(float[] in, int w, int h, double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[] tmp = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++) {
					int xx = x + i;
					if (xx >= 0 && xx < w) acc += k[i + r] * in[y * w + xx];
				}
				tmp[y * w + x] = (float) acc;
			}
		}
		float[] out = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int i = -r; i <= r; i++) {
					int yy = y + i;
					if (yy >= 0 && yy < h) acc += k[i + r] * tmp[yy * w + x];
				}
				out[y * w + x] = (float) acc;
			}
		}
		return out;
	}
}
