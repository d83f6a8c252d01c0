package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;

/**
 * Separates ink from grid and paper on a rectified page (grid lines along the image axes)
 * and gives each pixel a probability of being trace ink.
 *
 * <ol>
 * <li>Paper white is measured per channel in tiles, so shading and colour casts cancel.</li>
 * <li>Each pixel's darkness (per channel, relative to that white) is unmixed into a grid-colour
 * part and an ink-colour part, both colours measured on the page: a red, green or blue grid
 * drops out, a black or blue trace stays.</li>
 * <li>What is left of the grid (all of it when grid and ink share a colour) is removed with a
 * template: when the pitch is known, the median of each phase of the 5 mm cell (which also
 * removes dotted grids); then low percentiles of every column and every row within horizontal
 * bands: a grid line fills its whole row or column, a trace never does.</li>
 * <li>Only thin structure is kept: a trace is narrow across at least one direction, while
 * shadows, stains and wrinkle shading are broad in both (a top-hat filter along rows and along
 * columns, keeping the larger).</li>
 * </ol>
 */
public final class InkModel {

	/** Residual darkness at which a pixel starts to count as ink, and where it is certainly ink. */
	static final float INK_LOW = 0.10f;
	static final float INK_HIGH = 0.40f;
	/**
	 * Ink probability above which a pixel counts as ink wherever the ink is used as a mask; low, so
	 * thin anti-aliased traces stay connected.
	 */
	public static final float MASK_THRESHOLD = 0.3f;
	/** Tiles of the periodic grid template, in 5 mm cells. */
	static final int TEMPLATE_CELLS = 10;
	/** Isolated blobs no larger than this (mm) on either side are specks, not ink. */
	static final double SPECK_MM = 0.3;
	/** Structures narrower than this (mm) in some direction can be ink. */
	static final double THIN_MM = 1.5;
	/** A grid line is at most this thick (mm): a stroke crossing it has ink this close on both sides. */
	static final double CROSSING_MM = 0.3;
	/**
	 * Only grid lines this dark (on the page, and at the pixel) took ink with them; a lighter
	 * line's pixels beside a stroke are grid, and so is a wrinkle's shadow on a colour grid.
	 */
	static final float CROSSING_DARKNESS = 0.6f;
	/** A stroke crossing a line is at least this share of the line's darkness on both sides of it. */
	static final float CROSSING_STROKE = 0.8f;
	/** Page tiles are at least this bright relative to the page's white (shadows stay page, dark desks do not). */
	static final double PAGE_MIN_BRIGHTNESS = 0.5;
	/** ... and their white's colour shifts by less than this per channel (a wooden desk is not page). */
	static final double PAGE_MAX_HUE_SHIFT = 0.12;

	private InkModel() {}

	/** Per-pixel results, kept together because later stages use more than the probability. */
	public static final class Result {
		/** Probability of trace ink, 0..1. */
		public final float[] ink;
		/**
		 * Ink density: the ink darkness left after grid removal, as a fraction of a fully inked
		 * pixel's (0..1). Unlike the probability it does not saturate, so it measures how much of a
		 * pixel the pen covered; sub-pixel positions are taken from it.
		 */
		public final float[] density;
		/** True when the grid colour differs enough from the ink colour to unmix by colour. */
		public final boolean colourSeparated;
		/** Mean darkness vectors (r, g, b) of the grid and of the ink. */
		public final double[] gridColour;
		public final double[] inkColour;
		/** Which ink model made it: rules, learned, or the name of a model file. */
		public final String model;

		/**
		 * This result with each pixel's ink kept in proportion to {@code keep} (0..1): how a
		 * classifier removes what it knows is not ink (grid, paper, shadows) from the rules' ink. The
		 * planes are scaled in place (two full planes fewer at the page's largest): the rules' own
		 * result is gone.
		 */
		public Result keeping(float[] keep) {
			for (int i = 0; i < ink.length; i++) {
				ink[i] *= keep[i];
				density[i] *= keep[i];
			}
			return this;
		}

		/** The same result for the page turned a quarter clockwise. */
		Result turnedClockwise(int w, int h) {
			return new Result(Orientation.turnClockwise(ink, w, h), Orientation.turnClockwise(density, w, h),
				colourSeparated, gridColour, inkColour, model);
		}

		/** The same planes, credited to another model (a classifier that reworked the rules' ink). */
		public Result madeBy(String newModel) {
			return new Result(ink, density, colourSeparated, gridColour, inkColour, newModel);
		}

		Result(float[] ink, float[] density, boolean colourSeparated, double[] gridColour, double[] inkColour,
			String model)
		{
			this.model = model;
			this.ink = ink;
			this.density = density;
			this.colourSeparated = colourSeparated;
			this.gridColour = gridColour;
			this.inkColour = inkColour;
		}
	}

	/**
	 * @param pxPerMmX the grid pitch along x if known, else NaN
	 * @param pxPerMmY the grid pitch along y if known, else NaN
	 */
	public static Result compute(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY) {
		return compute(rgb, w, h, pxPerMmX, pxPerMmY, null);
	}

	/**
	 * @param warp how the page was rectified, or null: the parts of the rectified page that lie
	 *        outside the original image are not page
	 */
	public static Result compute(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY, Rectifier.Warp warp) {
		PaperWhite white = new PaperWhite(rgb, w, h);
		int n = w * h;
		// Three planes serve the whole model: the darkness of each channel relative to the local paper;
		// then the ink's darkness, what is left of it once the grid is gone, and a scratch plane; in the
		// end the ink probability and the ink density.
		float[] dr = new float[n];
		float[] dg = new float[n];
		float[] db = new float[n];
		int[] meanHistogram = channelDarkness(rgb, w, h, white, dr, dg, db);
		// Ink is the darkest few percent of the page; the grid is the next band of darkness.
		float inkLevel = Planes.percentile(meanHistogram, n, 0.99);
		float gridLow = Planes.percentile(meanHistogram, n, 0.80);
		// a grid printed in one flat colour (a rendered page) may fill the whole band at one level: keep that level
		float gridHigh = Math.max(Planes.percentile(meanHistogram, n, 0.95), gridLow + 1f / (Planes.PERCENTILE_BINS - 1));
		double[][] colours = meanColours(dr, dg, db, new float[] { Math.max(inkLevel, 0.3f), Math.max(gridLow, 0.02f) },
			new float[] { 2f, Math.max(gridHigh, 0.03f) });
		double[] ink = colours[0];
		double[] grid = colours[1];
		if (ink == null) ink = new double[] { 1, 1, 1 };
		boolean separated = grid != null && angleDeg(grid, ink) > 12;
		// the ink's darkness replaces the red channel's, and a copy of it (the residual, from which the
		// grid is taken away) the green channel's, in the same pass
		float[] inkDarkness = dr;
		float[] residual = dg;
		if (separated) unmix(dr, dg, db, grid, ink, inkDarkness, residual);
		else meanDarkness(dr, dg, db, inkDarkness, residual);
		float[] scratch = db;
		float gridLineDarkness = 0;
		if (!Double.isNaN(pxPerMmX) && !Double.isNaN(pxPerMmY)) {
			// the page is rectified and its pitch known: the 5 mm cell repeats exactly
			gridLineDarkness = PeriodicTemplate.subtract(residual, w, h, 5 * pxPerMmX, 5 * pxPerMmY, TEMPLATE_CELLS);
		}
		Bits positive = removeLineTemplate(residual, w, h);
		double mm = Double.isNaN(pxPerMmX) ? Math.max(w, h) / 280.0 : pxPerMmX;
		if (gridLineDarkness >= CROSSING_DARKNESS) {
			// a photocopy: its grid lines took the ink of every stroke crossing them
			int gap = (int) Math.max(2, Math.round(CROSSING_MM * mm));
			for (int i : crossingsToHeal(residual, inkDarkness, w, h, gap)) {
				residual[i] = inkDarkness[i];
				// at least CROSSING_DARKNESS now
				positive.set(i % w, i / w);
			}
		}
		// after the grid is gone (a top-hat first would punch holes at grid crossings and spoil the template)
		int thin = (int) Math.max(3, Math.round(THIN_MM * mm));
		Morphology.largerTopHat(residual, positive, thin, scratch);
		scratch = null;
		// the probability replaces the ink's darkness, no longer needed
		float[] prob = inkDarkness;
		Bits inked = probability(residual, prob, positive);
		removeSpecks(prob, inked, mm);
		GridLineEraser.erase(prob, inked, pxPerMmX, pxPerMmY);
		// A photographed page lies on a desk, whose grain and edges are not ink. Only a page that had
		// to be rectified is a photo, and the paper's white shows between grid lines only when a
		// millimetre spans a few pixels (below that a saturated grid would pass for a desk).
		if (warp != null && !warp.isIdentity() && mm >= MIN_PX_PER_MM_FOR_PAPER_TEST) {
			boolean[] paper = white.paperTiles(warp, rgb, h);
			for (int y = 0; y < h; y++) clearBeyondPaper(prob, w, y, paper, white.tw);
		}
		// the density replaces the residual
		density(residual, prob, inked, positive);
		return new Result(prob, residual, separated, grid, ink, "rules");
	}

	/** The mean of the channels' darkness into out and copy (each may be one of the channels). */
	private static void meanDarkness(float[] dr, float[] dg, float[] db, float[] out, float[] copy) {
		// in a method of its own: C2 compiles a hot loop of a method called once by itself, with all that follows
		for (int i = 0; i < out.length; i++) out[i] = copy[i] = (dr[i] + dg[i] + db[i]) / 3;
	}

	/** Clears the probability of row y's pixels outside the paper's tiles ({@code tilesPerRow} to a row). */
	private static void clearBeyondPaper(float[] prob, int w, int y, boolean[] paper, int tilesPerRow) {
		int rowTile = (y / PaperWhite.TILE) * tilesPerRow;
		for (int tx = 0; tx < tilesPerRow; tx++) {
			if (!paper[rowTile + tx]) Arrays.fill(prob, y * w + tx * PaperWhite.TILE, y * w + Math.min(w, (tx + 1)
				* PaperWhite.TILE), 0f);
		}
	}

	/**
	 * Each channel's darkness relative to the paper's white there, clamped to [0, 1], and the
	 * histogram of their mean (for {@link Planes#percentile(int[], long, double)}).
	 */
	private static int[] channelDarkness(int[] rgb, int w, int h, PaperWhite white, float[] dr, float[] dg,
		float[] db)
	{
		// a row at a time in a method of its own: a method called once with several hot loops is compiled by C2
		// once per loop (on-stack replacement), each time with all that follows it
		RowDarkness rows = new RowDarkness(w);
		for (int y = 0; y < h; y++) rows.add(rgb, y, white, dr, dg, db);
		return rows.meanHistogram();
	}

	/** {@link #channelDarkness}'s rows, and the arrays it reuses from row to row. */
	private static final class RowDarkness {
		final int w;
		final int[] meanHistogram = new int[Planes.PERCENTILE_BINS];
		final int[] oddHistogram = new int[Planes.PERCENTILE_BINS];
		final float[] wr;
		final float[] wg;
		final float[] wb;
		final float[] r;
		final float[] g;
		final float[] b;
		final float[] level;

		RowDarkness(int w) {
			this.w = w;
			wr = new float[w];
			wg = new float[w];
			wb = new float[w];
			r = new float[w];
			g = new float[w];
			b = new float[w];
			level = new float[w];
		}

		/** Row y's darkness into the planes, and its means into the histograms. */
		void add(int[] rgb, int y, PaperWhite white, float[] dr, float[] dg, float[] db) {
			white.row(y, wr, wg, wb);
			int row = y * w;
			// The JIT does several pixels at a time only in loops without conversions between ints and
			// floats, and whose arrays share one index: the channels become floats in one loop, their
			// darkness is taken in a row's arrays and copied into the planes.
			for (int x = 0; x < w; x++) {
				int p = rgb[row + x];
				r[x] = p >> 16 & 255;
				g[x] = p >> 8 & 255;
				b[x] = p & 255;
			}
			for (int x = 0; x < w; x++) r[x] = Math.min(1f, Math.max(0f, 1 - r[x] / wr[x]));
			for (int x = 0; x < w; x++) g[x] = Math.min(1f, Math.max(0f, 1 - g[x] / wg[x]));
			for (int x = 0; x < w; x++) b[x] = Math.min(1f, Math.max(0f, 1 - b[x] / wb[x]));
			System.arraycopy(r, 0, dr, row, w);
			System.arraycopy(g, 0, dg, row, w);
			System.arraycopy(b, 0, db, row, w);
			// the mean's bin as Planes.percentileBin takes it, the conversion to an int left to the counting loop
			for (int x = 0; x < w; x++) level[x] = (r[x] + g[x] + b[x]) / 3 * (Planes.PERCENTILE_BINS - 1);
			// two histograms, even and odd pixels: neighbours, mostly in the same bin, need not wait for each other
			int x = 0;
			for (; x + 1 < w; x += 2) {
				meanHistogram[Math.max(0, Math.min(Planes.PERCENTILE_BINS - 1, (int) level[x]))]++;
				oddHistogram[Math.max(0, Math.min(Planes.PERCENTILE_BINS - 1, (int) level[x + 1]))]++;
			}
			if (x < w) meanHistogram[Math.max(0, Math.min(Planes.PERCENTILE_BINS - 1, (int) level[x]))]++;
		}

		/** The histogram of the rows' means, even and odd pixels together. */
		int[] meanHistogram() {
			for (int i = 0; i < meanHistogram.length; i++) meanHistogram[i] += oddHistogram[i];
			return meanHistogram;
		}
	}

	/**
	 * The ink's share of each pixel's darkness: least squares of d = a*G + b*K with a, b >= 0 for the
	 * grid colour G and the ink colour K, expressed as darkness of the ink colour (black ink reads
	 * about 1), into out and copy. Each may be one of the channels.
	 */
	private static void unmix(float[] dr, float[] dg, float[] db, double[] grid, double[] ink, float[] out,
		float[] copy)
	{
		double gg = dot(grid, grid);
		double kk = dot(ink, ink);
		double gk = dot(grid, ink);
		double det = gg * kk - gk * gk;
		double kMean = (ink[0] + ink[1] + ink[2]) / 3;
		for (int i = 0; i < out.length; i++) {
			double dG = grid[0] * dr[i] + grid[1] * dg[i] + grid[2] * db[i];
			double dK = ink[0] * dr[i] + ink[1] * dg[i] + ink[2] * db[i];
			// without grid (a < 0: its numerator, as det > 0), all of it is ink; without ink (b < 0), none is
			double b;
			if (kk * dG - gk * dK < 0) {
				b = dK / kk;
			}
			else {
				b = (gg * dK - gk * dG) / det;
				if (b < 0) b = 0;
			}
			// branches, not Math.min: they are cheaper outside loops the processor can vectorize
			float v = (float) (b * kMean);
			out[i] = copy[i] = v < 0 ? 0 : v > 1 ? 1 : v;
		}
	}

	/**
	 * Ink probability from the residual darkness: 0 below INK_LOW, 1 above INK_HIGH, linear between;
	 * returns its pixels above {@link #MASK_THRESHOLD}, read row by row as the probability is made.
	 * The residual is 0 outside its {@code positive} pixels, and so is the probability: only the
	 * words of the mask where they lie are worked out.
	 */
	private static Bits probability(float[] residual, float[] prob, Bits positive) {
		int w = positive.w;
		Bits inked = new Bits(w, positive.h);
		for (int y = 0; y < positive.h; y++) {
			probabilityRow(residual, prob, positive, y);
			inked.setRowAboveWithin(y, prob, MASK_THRESHOLD, positive);
		}
		return inked;
	}

	/** {@link #probability}'s row y: 0, but in the words of the positive pixels' mask. */
	private static void probabilityRow(float[] residual, float[] prob, Bits positive, int y) {
		int row = y * positive.w;
		int end = row + positive.w;
		Arrays.fill(prob, row, end, 0f);
		// stretches of words with pixels, each in one loop, long enough for the JIT to do several pixels at a time
		int k = positive.nextWordWithPixels(y, 0);
		while (k < positive.words) {
			int empty = positive.nextEmptyWord(y, k);
			int from = row + (k << 6);
			int to = Math.min(end, row + (empty << 6));
			for (int i = from; i < to; i++) prob[i] = (residual[i] - INK_LOW) / (INK_HIGH - INK_LOW);
			clamp01(prob, from, to);
			k = positive.nextWordWithPixels(y, empty);
		}
	}

	/**
	 * Ink density in place of the residual: the residual as a share of a fully inked pixel's (the
	 * typical darkness of confident ink pixels), where the probability is not 0. Confident ink is
	 * looked for among the {@code inked} pixels only: every pixel whose probability is above
	 * {@link #MASK_THRESHOLD} is one of them (a pixel leaves them only when its probability goes to 0).
	 * Outside the {@code positive} pixels the residual is 0, which is its density.
	 */
	private static void density(float[] residual, float[] prob, Bits inked, Bits positive) {
		int[] inkHistogram = new int[Planes.PERCENTILE_BINS];
		int[] count = new int[1];
		int w = inked.w;
		inked.rowRuns((y, from, to) -> {
			for (int i = y * w + from; i < y * w + to; i++) {
				if (prob[i] >= 1f) {
					inkHistogram[Planes.percentileBin(residual[i])]++;
					count[0]++;
				}
			}
		});
		float full = count[0] < 50 ? INK_HIGH : Math.max(INK_HIGH, Planes.percentile(inkHistogram, count[0], 0.75));
		for (int y = 0; y < positive.h; y++) densityRow(residual, prob, positive, y, full);
	}

	/** {@link #density}'s row y, in the stretches of words of the positive pixels' mask that hold any (0 elsewhere). */
	private static void densityRow(float[] residual, float[] prob, Bits positive, int y, float full) {
		int row = y * positive.w;
		int end = row + positive.w;
		int k = positive.nextWordWithPixels(y, 0);
		while (k < positive.words) {
			int empty = positive.nextEmptyWord(y, k);
			int from = row + (k << 6);
			int to = Math.min(end, row + (empty << 6));
			// 0 where the probability is 0, without a branch (which keeps the JIT from doing several pixels at a
			// time): a probability is 0 or at least 2^-26 (never -0), so min(1, prob * 2^100) is 0 or 1, and
			// multiplying by it exact
			for (int i = from; i < to; i++) residual[i] = Math.min(1f, prob[i] * 0x1p100f) * Math.min(1f, residual[i] / full);
			k = positive.nextWordWithPixels(y, empty);
		}
	}

	/** Finest scale (px/mm) at which the paper's own white can be told from a desk's. */
	static final double MIN_PX_PER_MM_FOR_PAPER_TEST = 4;

	/**
	 * Subtracts, from every pixel, the larger of its column's and its row's low percentile
	 * (within horizontal bands, so a slightly warped grid still matches), in place; returns the
	 * pixels left above 0, found as each row is done (the top-hat needs them).
	 */
	static Bits removeLineTemplate(float[] v, int w, int h) {
		int bands = Math.max(1, Math.min(6, h / 150));
		// the periodic template's levels: its listing of the pixels above level 0 serves both
		int bins = PeriodicTemplate.LEVELS;
		float[][] colLevel = new float[bands][w];
		// one histogram per column, filled row by row, laid out level by level; level 0 (most of the page once
		// the grid is gone) is not counted but found as what the other levels leave
		int[] columnHist = new int[w * bins];
		// and one for the row, from the same levels
		float[] rowLevel = new float[h];
		int[] rowHist = new int[bins];
		int[] above = new int[w];
		int[] zero = new int[w];
		// a row or a band's columns at a time in methods of their own: C2 would otherwise compile all of this method,
		// called once a page, once per hot loop (on-stack replacement)
		for (int band = 0; band < bands; band++) {
			int y0 = band * h / bands;
			int y1 = (band + 1) * h / bands;
			Arrays.fill(columnHist, w, columnHist.length, 0);
			for (int y = y0; y < y1; y++) rowLevel[y] = countRow(v, y * w, w, above, columnHist, rowHist);
			columnLevels(columnHist, w, y1 - y0, above, zero, colLevel[band]);
		}
		Bits positive = new Bits(w, h);
		float[] row = new float[w];
		for (int y = 0; y < h; y++) {
			subtractLevels(v, y, w, h, colLevel, rowLevel[y], row);
			positive.setRowAbove(y, v, 0f);
		}
		return positive;
	}

	/**
	 * Counts the levels of the row's pixels at level 1 or above into the columns' histograms (level by level);
	 * returns the row's low percentile.
	 */
	private static float countRow(float[] v, int row, int w, int[] above, int[] columnHist, int[] rowHist) {
		int bins = PeriodicTemplate.LEVELS;
		int n = PeriodicTemplate.atLevel1OrAbove(v, row, 0, w, above);
		Arrays.fill(rowHist, 0);
		for (int k = 0; k < n; k++) {
			int x = above[k];
			int level = Math.min(bins - 1, (int) (v[row + x] * bins));
			columnHist[level * w + x]++;
			rowHist[level]++;
		}
		rowHist[0] += w - n;
		return percentileOfHistogram(rowHist, 0, 1, w * 0.25, bins);
	}

	/** Each column's low percentile over a band of the given rows, from its histogram, into colLevel. */
	private static void columnLevels(int[] columnHist, int w, int rows, int[] above, int[] zero, float[] colLevel) {
		int bins = PeriodicTemplate.LEVELS;
		Arrays.fill(zero, rows);
		for (int level = 1; level < bins; level++) {
			// through a row of its own, so that the JIT does several columns at a time
			System.arraycopy(columnHist, level * w, above, 0, w);
			for (int x = 0; x < w; x++) zero[x] -= above[x];
		}
		System.arraycopy(zero, 0, columnHist, 0, w);
		for (int x = 0; x < w; x++) colLevel[x] = percentileOfHistogram(columnHist, x, w, rows * 0.25, bins);
	}

	/** Subtracts from row y the larger of its level and its columns' (the two nearest bands blended), in place. */
	private static void subtractLevels(float[] v, int y, int w, int h, float[][] colLevel, float rowLevelHere,
		float[] row)
	{
		int bands = colLevel.length;
		// blend the two nearest bands so band edges leave no seam
		double bandPos = (y + 0.5) * bands / (double) h - 0.5;
		int b0 = Math.max(0, Math.min(bands - 1, (int) Math.floor(bandPos)));
		int b1 = Math.min(bands - 1, b0 + 1);
		float t = (float) Math.max(0, Math.min(1, bandPos - b0));
		float[] col0 = colLevel[b0];
		float[] col1 = colLevel[b1];
		// in a row's array, sharing its index with the bands' levels: the JIT does several pixels at a time
		System.arraycopy(v, y * w, row, 0, w);
		for (int x = 0; x < w; x++) row[x] = Math.max(0, row[x] - Math.max(col0[x] * (1 - t) + col1[x] * t, rowLevelHere));
		System.arraycopy(row, 0, v, y * w, w);
	}

	/** The pixels that are ink: probability above {@link #MASK_THRESHOLD}. */
	public static boolean[] mask(float[] prob) {
		boolean[] mask = new boolean[prob.length];
		for (int i = 0; i < mask.length; i++) mask[i] = prob[i] > MASK_THRESHOLD;
		return mask;
	}

	/**
	 * Gives back the ink that removing grid lines took where a stroke crosses a line: a dark pixel
	 * that lost most of its darkness and has ink as dark on both sides of it, within a line's width,
	 * across the line (above and below, or left and right). Lines as dark as the ink (a photocopy) would
	 * otherwise cut every QRS complex at every line it crosses.
	 */
	static void healCrossings(float[] residual, float[] before, int w, int h, int gap) {
		for (int i : crossingsToHeal(residual, before, w, h, gap)) residual[i] = before[i];
	}

	/**
	 * The pixels {@link #healCrossings(float[], float[], int, int, int)} gives back, found on the
	 * residual as it is (none is given back before all are found).
	 */
	static int[] crossingsToHeal(float[] residual, float[] before, int w, int h, int gap) {
		int[] found = new int[64];
		int count = 0;
		for (int y = 0; y < h; y++) {
			// a row at a time in a method of its own: C2 compiles a hot loop of a method called once by itself
			if (found.length - count < w) found = Arrays.copyOf(found, Math.max(2 * found.length, count + w));
			count = crossingsInRow(residual, before, w, h, gap, y, found, count);
		}
		return Arrays.copyOf(found, count);
	}

	/** Appends row y's pixels to heal to found[count ..]; returns the new count. */
	private static int crossingsInRow(float[] after, float[] before, int w, int h, int gap, int y, int[] found,
		int count)
	{
		for (int x = 0, i = y * w; x < w; x++, i++) {
			if (before[i] < CROSSING_DARKNESS || before[i] - after[i] < MASK_THRESHOLD) continue;
			// the stroke on either side is as dark as the line was: a shadow left after the grid is not
			float stroke = CROSSING_STROKE * before[i];
			boolean across = inkWithin(after, w, h, x, y, 0, -1, gap, stroke) && inkWithin(after, w, h, x, y, 0, 1, gap,
				stroke) || inkWithin(after, w, h, x, y, -1, 0, gap, stroke) && inkWithin(after, w, h, x, y, 1, 0, gap,
					stroke);
			if (across) found[count++] = i;
		}
		return count;
	}

	private static boolean inkWithin(float[] v, int w, int h, int x, int y, int dx, int dy, int gap, float level) {
		for (int d = 1; d <= gap; d++) {
			int xx = x + d * dx;
			int yy = y + d * dy;
			if (xx < 0 || yy < 0 || xx >= w || yy >= h) return false;
			if (v[yy * w + xx] >= level) return true;
		}
		return false;
	}

	/**
	 * Clears isolated specks: the dots of dotted grid lines (spaced unevenly within the 5 mm cell,
	 * so the template misses them), scanner dust and noise. A trace is a connected stroke, far
	 * larger than a speck. {@code inked} (prob's pixels above {@link #MASK_THRESHOLD}) loses them too.
	 */
	private static void removeSpecks(float[] prob, Bits inked, double pxPerMm) {
		int w = inked.w;
		Components.Runs runs = Components.Runs.of(inked);
		int maxSide = (int) Math.max(2, Math.round(SPECK_MM * pxPerMm));
		boolean[] speck = new boolean[runs.components.size()];
		for (Components.Component k : runs.components) {
			speck[k.id] = k.width() <= maxSide && k.height() <= maxSide;
		}
		for (int r = 0; r < runs.count; r++) {
			int row = runs.y[r] * w;
			if (!speck[runs.component[r]]) continue;
			Arrays.fill(prob, row + runs.start[r], row + runs.end[r], 0f);
			inked.clear(runs.y[r], runs.start[r], runs.end[r]);
		}
	}

	/** The level below which {@code rank} of the values counted in hist[from + b * stride] (b < bins) lie. */
	private static float percentileOfHistogram(int[] hist, int from, int stride, double rank, int bins) {
		double acc = 0;
		for (int b = 0; b < bins; b++) {
			acc += hist[from + b * stride];
			if (acc > rank) return (b + 0.5f) / bins;
		}
		return 1;
	}

	/**
	 * Paper white per channel: the 92nd percentile of each channel in tiles of 48 px, raised to the
	 * brightest of each 3x3 neighbourhood of tiles (a tile full of trace or text would look dark),
	 * and interpolated bilinearly one image row at a time.
	 */
	static final class PaperWhite {
		static final int TILE = 48;
		final int w;
		final int tw;
		final int th;
		final float[][] tiles = new float[3][];
		/** Each tile's own white, before taking the brightest of its neighbourhood. */
		final float[][] raw = new float[3][];

		PaperWhite(int[] rgb, int w, int h) {
			this.w = w;
			tw = (w + TILE - 1) / TILE;
			th = (h + TILE - 1) / TILE;
			for (int c = 0; c < 3; c++) raw[c] = new float[tw * th];
			// per channel, one histogram for even and one for odd columns: neighbours, mostly in the same
			// bin, need not wait for each other
			int[] even = new int[3 * 256];
			int[] odd = new int[3 * 256];
			for (int ty = 0; ty < th; ty++) {
				int y1 = Math.min(h, (ty + 1) * TILE);
				for (int tx = 0; tx < tw; tx++) {
					Arrays.fill(even, 0);
					Arrays.fill(odd, 0);
					int x0 = tx * TILE;
					int x1 = Math.min(w, (tx + 1) * TILE);
					int count = (y1 - ty * TILE) * (x1 - x0);
					for (int y = ty * TILE; y < y1; y++) {
						int row = y * w;
						int x = x0;
						for (; x + 1 < x1; x += 2) {
							int p = rgb[row + x];
							int q = rgb[row + x + 1];
							even[p >> 16 & 255]++;
							even[256 + (p >> 8 & 255)]++;
							even[512 + (p & 255)]++;
							odd[q >> 16 & 255]++;
							odd[256 + (q >> 8 & 255)]++;
							odd[512 + (q & 255)]++;
						}
						if (x < x1) {
							int p = rgb[row + x];
							even[p >> 16 & 255]++;
							even[256 + (p >> 8 & 255)]++;
							even[512 + (p & 255)]++;
						}
					}
					for (int c = 0; c < 3; c++) raw[c][ty * tw + tx] = channelWhite(even, odd, c, count);
				}
			}
			for (int c = 0; c < 3; c++) {
				tiles[c] = new float[tw * th];
				for (int ty = 0; ty < th; ty++) {
					for (int tx = 0; tx < tw; tx++) {
						float m = 0;
						for (int dy = -1; dy <= 1; dy++) {
							for (int dx = -1; dx <= 1; dx++) {
								int x = Math.max(0, Math.min(tw - 1, tx + dx));
								int y = Math.max(0, Math.min(th - 1, ty + dy));
								m = Math.max(m, raw[c][y * tw + x]);
							}
						}
						tiles[c][ty * tw + tx] = m;
					}
				}
			}
		}

		/**
		 * Which tiles are the page: their white has the page's colour (a neutral darkening such as a
		 * shadow is still page; a desk differs in brightness or hue). The largest connected set of
		 * such tiles, with the holes inside it (stains, dense print), is the page.
		 */
		boolean[] paperTiles(Rectifier.Warp warp, int[] rgb, int h) {
			int n = tw * th;
			// rectifying a photo fills what lies beyond the original image with paper colour; a photo often
			// shows the page up to the image's edge (pulses and strips lie there), so a tile the edge
			// crosses is judged by the white of its pixels inside the image, and only a tile wholly
			// beyond it is left out
			boolean[] beyond = new boolean[n];
			boolean[] wholly = new boolean[n];
			float[][] white = { raw[0].clone(), raw[1].clone(), raw[2].clone() };
			if (warp != null && !warp.isIdentity()) {
				for (int i = 0; i < n; i++) {
					int corners = 0;
					for (int corner = 0; corner < 4; corner++) {
						double[] p = warp.toSource((i % tw + corner % 2) * TILE, (i / tw + corner / 2) * TILE);
						if (beyondSource(p, warp)) corners++;
					}
					beyond[i] = corners > 0;
					wholly[i] = corners == 4;
					if (beyond[i] && !wholly[i]) whiteInsideSource(i, warp, rgb, h, white);
				}
			}
			// each tile's own white: the neighbourhood maximum would let the page bleed into the desk
			float[] lum = new float[n];
			for (int i = 0; i < n; i++) lum[i] = (white[0][i] + white[1][i] + white[2][i]) / 3;
			float[] sorted = lum.clone();
			Arrays.sort(sorted);
			float reference = sorted[(int) (0.8 * (n - 1))];
			double[] hue = new double[3];
			int count = 0;
			for (int i = 0; i < n; i++) {
				if (lum[i] < 0.9 * reference) continue;
				for (int c = 0; c < 3; c++) hue[c] += white[c][i] / lum[i];
				count++;
			}
			for (int c = 0; c < 3; c++) hue[c] /= Math.max(1, count);
			boolean[] candidate = new boolean[n];
			for (int i = 0; i < n; i++) {
				double off = 0;
				for (int c = 0; c < 3; c++) off = Math.max(off, Math.abs(white[c][i] / lum[i] - hue[c]));
				candidate[i] = !wholly[i] && lum[i] >= PAGE_MIN_BRIGHTNESS * reference && off < PAGE_MAX_HUE_SHIFT;
			}
			boolean[] page = largestRegion(candidate, tw, th);
			// fill holes: tiles not reachable from the border through non-page tiles
			boolean[] outside = new boolean[n];
			java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
			for (int i = 0; i < n; i++) {
				int x = i % tw;
				int y = i / tw;
				if ((beyond[i] || x == 0 || y == 0 || x == tw - 1 || y == th - 1) && !page[i]) {
					outside[i] = true;
					queue.add(i);
				}
			}
			while (!queue.isEmpty()) {
				int i = queue.poll();
				int x = i % tw;
				int y = i / tw;
				int[] next = { x > 0 ? i - 1 : -1, x + 1 < tw ? i + 1 : -1, y > 0 ? i - tw : -1, y + 1 < th ? i + tw : -1 };
				for (int j : next) {
					if (j >= 0 && !page[j] && !outside[j]) {
						outside[j] = true;
						queue.add(j);
					}
				}
			}
			for (int i = 0; i < n; i++) page[i] = !outside[i];
			return page;
		}

		private static boolean beyondSource(double[] p, Rectifier.Warp warp) {
			return p[0] < 0 || p[1] < 0 || p[0] > warp.sourceWidth || p[1] > warp.sourceHeight;
		}

		/** A tile's white per channel (as in the constructor) over its pixels that came from the image. */
		private void whiteInsideSource(int i, Rectifier.Warp warp, int[] rgb, int h, float[][] white) {
			int[] histogram = new int[3 * 256];
			int count = 0;
			int x0 = (i % tw) * TILE;
			int y0 = (i / tw) * TILE;
			for (int y = y0; y < Math.min(h, y0 + TILE); y++) {
				for (int x = x0; x < Math.min(w, x0 + TILE); x++) {
					if (beyondSource(warp.toSource(x + 0.5, y + 0.5), warp)) continue;
					int p = rgb[y * w + x];
					histogram[p >> 16 & 255]++;
					histogram[256 + (p >> 8 & 255)]++;
					histogram[512 + (p & 255)]++;
					count++;
				}
			}
			if (count == 0) return;
			for (int c = 0; c < 3; c++) white[c][i] = channelWhite(histogram, EMPTY_HISTOGRAM, c, count);
		}

		private static final int[] EMPTY_HISTOGRAM = new int[3 * 256];

		/**
		 * A channel's white in a tile: the 92nd percentile of its histogram (held in two arrays whose
		 * counts add up), at least 24.
		 */
		private static float channelWhite(int[] even, int[] odd, int channel, int count) {
			int acc = 0;
			for (int b = 0; b < 256; b++) {
				acc += even[channel * 256 + b] + odd[channel * 256 + b];
				if (acc >= 0.92 * count) return Math.max(b, 24);
			}
			return 255;
		}

		/** The largest 4-connected set of true tiles. */
		private static boolean[] largestRegion(boolean[] set, int tw, int th) {
			int n = tw * th;
			int[] label = new int[n];
			int best = 0;
			int bestSize = 0;
			int next = 0;
			java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
			for (int s = 0; s < n; s++) {
				if (!set[s] || label[s] != 0) continue;
				label[s] = ++next;
				queue.add(s);
				int size = 0;
				while (!queue.isEmpty()) {
					int i = queue.poll();
					size++;
					int x = i % tw;
					int y = i / tw;
					int[] nb = { x > 0 ? i - 1 : -1, x + 1 < tw ? i + 1 : -1, y > 0 ? i - tw : -1, y + 1 < th ? i + tw : -1 };
					for (int j : nb) {
						if (j >= 0 && set[j] && label[j] == 0) {
							label[j] = next;
							queue.add(j);
						}
					}
				}
				if (size > bestSize) {
					bestSize = size;
					best = next;
				}
			}
			boolean[] out = new boolean[n];
			for (int i = 0; i < n; i++) out[i] = best != 0 && label[i] == best;
			return out;
		}

		/** The white of every pixel of image row y, per channel. */
		void row(int y, float[] r, float[] g, float[] b) {
			if (spanStart == null) {
				// horizontal interpolation weights are the same for every row; the tiles a pixel lies
				// between change every TILE pixels
				tx = new float[w];
				ux = new float[w];
				spanStart = new int[tw + 2];
				spanTile = new int[tw + 2];
				for (int x = 0; x < w; x++) {
					double fx = (x + 0.5) / TILE - 0.5;
					int x0 = Math.max(0, Math.min(tw - 1, (int) Math.floor(fx)));
					tx[x] = (float) Math.max(0, Math.min(1, fx - x0));
					ux[x] = 1 - tx[x];
					if (spans == 0 || spanTile[spans - 1] != x0) {
						spanStart[spans] = x;
						spanTile[spans++] = x0;
					}
				}
				spanStart[spans] = w;
				column = new float[tw];
			}
			double fy = (y + 0.5) / TILE - 0.5;
			int y0 = Math.max(0, Math.min(th - 1, (int) Math.floor(fy)));
			int y1 = Math.min(th - 1, y0 + 1);
			float ty = (float) Math.max(0, Math.min(1, fy - y0));
			float[][] out = { r, g, b };
			for (int c = 0; c < 3; c++) {
				float[] t = tiles[c];
				for (int i = 0; i < tw; i++) column[i] = t[y0 * tw + i] * (1 - ty) + t[y1 * tw + i] * ty;
				float[] o = out[c];
				for (int k = 0; k < spans; k++) {
					float left = column[spanTile[k]];
					float right = column[Math.min(tw - 1, spanTile[k] + 1)];
					for (int x = spanStart[k]; x < spanStart[k + 1]; x++) o[x] = left * ux[x] + right * tx[x];
				}
			}
		}

		private float[] tx;
		private float[] ux;
		private int[] spanStart;
		private int[] spanTile;
		private int spans;
		private float[] column;
	}

	/**
	 * For each of the two ranges k, the mean (r, g, b) darkness of pixels whose mean darkness lies in
	 * [lo[k], hi[k]), or null if fewer than 100 do; both ranges in one pass.
	 */
	private static double[][] meanColours(float[] dr, float[] dg, float[] db, float[] lo, float[] hi) {
		int ranges = lo.length;
		double[] r = new double[ranges];
		double[] g = new double[ranges];
		double[] b = new double[ranges];
		long[] n = new long[ranges];
		// a mean (sum / 3) reaches a level exactly when its sum reaches the least sum whose mean does (dividing
		// is monotone): the sums are compared, without dividing
		float[] loSum = new float[ranges];
		float[] hiSum = new float[ranges];
		float lowest = Float.POSITIVE_INFINITY;
		for (int k = 0; k < ranges; k++) {
			loSum[k] = leastSumReaching(lo[k]);
			hiSum[k] = leastSumReaching(hi[k]);
			lowest = Math.min(lowest, loSum[k]);
		}
		// the sums in locals, which the processor keeps in registers
		sumTwoRanges(dr, dg, db, loSum, hiSum, lowest, r, g, b, n);
		double[][] out = new double[ranges][];
		for (int k = 0; k < ranges; k++) out[k] = n[k] < 100 ? null : new double[] { r[k] / n[k], g[k] / n[k], b[k] / n[k] };
		return out;
	}

	/** {@link #meanColours}'s sums and counts for its two ranges: the pixels whose sum lies in [loSum[k], hiSum[k]). */
	private static void sumTwoRanges(float[] dr, float[] dg, float[] db, float[] loSum, float[] hiSum, float lowest,
		double[] r, double[] g, double[] b, long[] n)
	{
		float lo0 = loSum[0];
		float hi0 = hiSum[0];
		float lo1 = loSum[1];
		float hi1 = hiSum[1];
		double r0 = 0, g0 = 0, b0 = 0, r1 = 0, g1 = 0, b1 = 0;
		long n0 = 0, n1 = 0;
		for (int i = 0; i < dr.length; i++) {
			float sum = dr[i] + dg[i] + db[i];
			// most of the page is lighter than every range
			if (sum < lowest) continue;
			if (sum >= lo0 && sum < hi0) {
				r0 += dr[i];
				g0 += dg[i];
				b0 += db[i];
				n0++;
			}
			if (sum >= lo1 && sum < hi1) {
				r1 += dr[i];
				g1 += dg[i];
				b1 += db[i];
				n1++;
			}
		}
		r[0] = r0;
		g[0] = g0;
		b[0] = b0;
		n[0] = n0;
		r[1] = r1;
		g[1] = g1;
		b[1] = b1;
		n[1] = n1;
	}

	/** The least float sum whose mean of three, {@code sum / 3} in float, is at least {@code level} (a finite level). */
	static float leastSumReaching(float level) {
		float sum = level * 3;
		while (sum / 3 >= level) sum = Math.nextDown(sum);
		while (sum / 3 < level) sum = Math.nextUp(sum);
		return sum;
	}

	private static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	private static double angleDeg(double[] a, double[] b) {
		double c = dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
		return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
	}

	/**
	 * Clamps a[from .. to) to [0, 1] without branches: over a page's pixels they would be
	 * unpredictable, and in a loop of its own the processor clamps several pixels at once.
	 */
	private static void clamp01(float[] a, int from, int to) {
		for (int i = from; i < to; i++) a[i] = Math.min(1f, Math.max(0f, a[i]));
	}
}
