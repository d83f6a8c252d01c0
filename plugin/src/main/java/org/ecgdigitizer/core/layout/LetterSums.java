package org.ecgdigitizer.core.layout;

import java.util.Arrays;

/**
 * The letters of one type style correlated with a {@link LabelCrop}, for {@link WordMatcher#match} to
 * add up into words: dot[letter][top][x], the sum of the letter times the crop with its top at
 * top0 + top and its left edge at x; hid and hid2, the letter (and its square) times the clutter
 * mask (rows of 0 when nothing is hidden). A letter's rows are computed when a word first needs
 * it, over the places where some word that can be read puts it, and hold 0 elsewhere: a word's
 * sums add its letters' rows without looking where they are 0 (adding 0 changes no sum here: none
 * is -0). The rows are long enough for every letter of every word at each of its places. A new
 * style clears the rows of the style before and uses them again.
 */
final class LetterSums {
	final double[][][] dot;
	final double[][][] hid;
	final double[][][] hid2;
	/**
	 * Their largest values at any top over every {@link BlockBound#BLOCK} places from each place on,
	 * for the bound of a block.
	 */
	final double[][] dotTop;
	final double[][] hidTop;
	final double[][] hid2Top;
	/** The rows of a letter a word does not have (0), and their largest values. */
	final double[][] none;
	final double[] noneTop;

	private final LabelCrop crop;
	private final int top0;
	private final int tops;
	private final int rowLength;
	private final boolean blockMaxima;
	private final boolean[] done = new boolean[LabelGlyphs.LETTERS.length()];
	private int style = -1;

	/**
	 * @param blockMaxima whether the largest values over blocks of places are wanted (the block
	 *     bound is used)
	 */
	LetterSums(LabelCrop crop, int top0, int tops, int rowLength, boolean blockMaxima) {
		this.crop = crop;
		this.top0 = top0;
		this.tops = tops;
		this.rowLength = rowLength;
		this.blockMaxima = blockMaxima;
		int letterCount = LabelGlyphs.LETTERS.length();
		dot = new double[letterCount][][];
		hid = new double[letterCount][][];
		hid2 = new double[letterCount][][];
		dotTop = new double[letterCount][];
		hidTop = new double[letterCount][];
		hid2Top = new double[letterCount][];
		none = LabelCrop.rows(tops, rowLength);
		noneTop = new double[rowLength];
	}

	/** False when the crop hides nothing: every hidden sum is 0. */
	boolean anyHidden() {
		return crop.anyUnknown;
	}

	/**
	 * Makes the rows of every letter of a word ready, each letter over its places from[letter] to
	 * to[letter]; letters: the word's style's.
	 */
	void prepare(WordMatcher.WordModel word, LabelGlyphs.Letter[] letters, int[] from, int[] to) {
		if (word.style != style) {
			clear();
			style = word.style;
		}
		for (int l : word.letters) {
			if (done[l]) continue;
			compute(letters[l], l, from[l], to[l]);
			done[l] = true;
		}
	}

	private void clear() {
		for (int l = 0; l < done.length; l++) {
			if (!done[l]) continue;
			for (double[] row : dot[l]) Arrays.fill(row, 0);
			if (crop.anyUnknown) {
				for (double[] row : hid[l]) Arrays.fill(row, 0);
				for (double[] row : hid2[l]) Arrays.fill(row, 0);
			}
			done[l] = false;
		}
	}

	private void compute(LabelGlyphs.Letter letter, int l, int a, int b) {
		if (dot[l] == null) {
			dot[l] = LabelCrop.rows(tops, rowLength);
			dotTop[l] = new double[rowLength];
			if (crop.anyUnknown) {
				hid[l] = LabelCrop.rows(tops, rowLength);
				hid2[l] = LabelCrop.rows(tops, rowLength);
				hidTop[l] = new double[rowLength];
				hid2Top[l] = new double[rowLength];
			}
			else {
				hid[l] = hid2[l] = none;
				hidTop[l] = hid2Top[l] = noneTop;
			}
		}
		crop.dots(letter, top0, tops, a, b, dot[l]);
		if (crop.anyUnknown) crop.hiddenDots(letter, top0, tops, a, b, hid[l], hid2[l]);
		if (!blockMaxima) return;
		BlockBound.maxima(dot[l], a, b, dotTop[l]);
		if (crop.anyUnknown) {
			BlockBound.maxima(hid[l], a, b, hidTop[l]);
			BlockBound.maxima(hid2[l], a, b, hid2Top[l]);
		}
	}
}
