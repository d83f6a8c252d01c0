package org.ecgdigitizer.core.layout;

/**
 * Scores word models at their places on a crop, for {@link WordMatcher#match}: at each place and
 * top, a word's correlation with the crop over its window, from its letters' {@link LetterSums}
 * and the {@link BlockBound.Windows}' sums. Each word's best model and place go into the
 * {@link WordMatcher.Match} as if the models were scored in the order of their indices: an equal
 * score wins only from a model of a lower index.
 */
final class WordScoring {
	/** A squared correlation below this share of the best one's is below it whatever the rounding. */
	static final double CLEARLY_BELOW = 1 - 1e-9;
	/** A squared correlation above this share of a negative best one's is below it whatever the rounding. */
	private static final double CLEARLY_ABOVE = 1 + 1e-9;
	/** The longest word's letters: a word's sums add this many letters' rows (a shorter word's rest are 0). */
	static final int MAX_LETTERS = 4;

	private final WordMatcher.Match m;
	private final LetterSums sums;
	private final int top0;
	private final int tops;
	private final double worth;
	private final boolean everyPlace;
	/** Per word, the index of the model that scored its best. */
	private final int[] bestModel = new int[WordMatcher.WORDS.length];
	/** Per block of a word's places, the bounds {@link BlockBound#blocks} finds. */
	private final double[] covarianceHigh;
	private final double[] spreadLow;
	/** The word's letters' rows and offsets, letter by letter. */
	private final double[][][] dot = new double[MAX_LETTERS][][];
	private final double[][][] hid = new double[MAX_LETTERS][][];
	private final double[][][] hid2 = new double[MAX_LETTERS][][];
	private final double[][] dotTop = new double[MAX_LETTERS][];
	private final double[][] hidTop = new double[MAX_LETTERS][];
	private final double[][] hid2Top = new double[MAX_LETTERS][];
	private final int[] offsets = new int[MAX_LETTERS];

	/**
	 * @param worth places where a word cannot score this much are passed over
	 * @param everyPlace score every place, no block passed over
	 */
	WordScoring(WordMatcher.Match m, LetterSums sums, int top0, int tops, int cropWidth, double worth,
		boolean everyPlace)
	{
		this.m = m;
		this.sums = sums;
		this.top0 = top0;
		this.tops = tops;
		this.worth = worth;
		this.everyPlace = everyPlace;
		covarianceHigh = new double[cropWidth / BlockBound.BLOCK + 2];
		spreadLow = new double[covarianceHigh.length];
	}

	/** Scores a model (MODELS' index) with its box's left edge at xFrom to xTo and every top. */
	void score(int index, WordMatcher.WordModel model, BlockBound.Windows win, int xFrom, int xTo) {
		int n = model.letters.length;
		for (int k = 0; k < MAX_LETTERS; k++) {
			int l = k < n ? model.letters[k] : -1;
			dot[k] = l < 0 ? sums.none : sums.dot[l];
			hid[k] = l < 0 ? sums.none : sums.hid[l];
			hid2[k] = l < 0 ? sums.none : sums.hid2[l];
			offsets[k] = l < 0 ? 0 : model.offsets[k];
			dotTop[k] = l < 0 ? sums.noneTop : sums.dotTop[l];
			hidTop[k] = l < 0 ? sums.noneTop : sums.hidTop[l];
			hid2Top[k] = l < 0 ? sums.noneTop : sums.hid2Top[l];
		}
		double visible = WordMatcher.MIN_VISIBLE * model.sum;
		// blocks of places none of which can beat the word's best, nor reach what is worth scoring, are
		// passed over (a word of every block, too)
		boolean bounded = !everyPlace && Math.max(m.scores[model.word], worth) > 0;
		if (bounded && BlockBound.blocks(model, visible, win, xFrom, xTo, dotTop, hidTop, hid2Top, offsets,
			covarianceHigh, spreadLow, Math.max(m.scores[model.word], worth))) return;
		for (int t = 0; t < tops; t++) scoreTop(index, model, win, t, xFrom, xTo, visible, bounded);
	}

	/** {@link #score} at one top. */
	private void scoreTop(int index, WordMatcher.WordModel model, BlockBound.Windows win, int t, int xFrom, int xTo,
		double visible, boolean bounded)
	{
		int top = top0 + t;
		int o0 = offsets[0];
		int o1 = offsets[1];
		int o2 = offsets[2];
		int o3 = offsets[3];
		double[] d0 = dot[0][t];
		double[] d1 = dot[1][t];
		double[] d2 = dot[2][t];
		double[] d3 = dot[3][t];
		double[] u0 = hid[0][t];
		double[] u1 = hid[1][t];
		double[] u2 = hid[2][t];
		double[] u3 = hid[3][t];
		double[] v0 = hid2[0][t];
		double[] v1 = hid2[1][t];
		double[] v2 = hid2[2][t];
		double[] v3 = hid2[3][t];
		double[] areas = win.area[t];
		double[] sis = win.si[t];
		double[] varIs = win.varI[t];
		double[] scores = m.scores;
		int word = model.word;
		boolean hidden = sums.anyHidden();
		boolean longWord = model.letters.length > 2;
		int block = -1;
		int blockEnd = xFrom - 1;
		for (int x = xFrom; x <= xTo; x++) {
			if (x > blockEnd) {
				block++;
				blockEnd = Math.min(xTo, x + BlockBound.BLOCK - 1);
				if (bounded && BlockBound.passesOver(covarianceHigh[block], spreadLow[block], Math.max(scores[word],
					worth))) {
					x = blockEnd;
					continue;
				}
			}
			// what shows of the word: its sums less the hidden parts (exact in any order; nothing
			// hidden leaves them as they are)
			double sumT = model.sum;
			double sumT2 = model.sum2;
			if (hidden) {
				sumT = sumT - u0[x + o0] - u1[x + o1] - u2[x + o2] - u3[x + o3];
				if (sumT < visible) continue;
				sumT2 = sumT2 - v0[x + o0] - v1[x + o1] - v2[x + o2] - v3[x + o3];
			}
			int i = x - win.x0;
			double varI = varIs[i];
			if (varI <= 1e-9) continue;
			// the word's sums letter by letter in the word's order, as one sum would add them (a word
			// of two letters or fewer adds rows of +0 after them, which change no sum)
			double sum = d0[x + o0] + d1[x + o1];
			if (longWord) sum = sum + d2[x + o2] + d3[x + o3];
			double area = areas[i];
			double explained = sumT * sis[i];
			double best = scores[word];
			// a correlation below 0 cannot beat a best of 0 or more, nor one of 0 a best above 0
			// (each test only skips what cannot even equal the best: their order is free); a
			// covariance clearly below 0 is told without dividing (the slack covers rounding)
			if (best >= 0 && sum * area < CLEARLY_BELOW * explained) continue;
			double covariance = sum - explained / area;
			if (covariance < 0 && best >= 0 || covariance == 0 && best > 0) continue;
			double varT = sumT2 - sumT * sumT / area;
			if (varT <= 1e-9) continue;
			// nor one whose square is clearly below the best's (no root taken; the slack covers rounding)
			if (best > 0 && covariance * covariance < CLEARLY_BELOW * best * best * (varI * varT)) continue;
			if (best < 0 && covariance < 0 && covariance * covariance > CLEARLY_ABOVE * best * best * (varI * varT)) continue;
			double r = covariance / Math.sqrt(varI * varT);
			if (r > best || r == best && index < bestModel[word]) {
				scores[word] = r;
				m.models[word] = model;
				m.places[word] = new int[] { x, top };
				bestModel[word] = index;
			}
		}
	}
}
