package org.ecgdigitizer.core.layout;

/**
 * A bound on a word's correlation over a block of {@link #BLOCK} places at every top: the
 * largest sums of its letters times the crop over the block, the least of what shows of it, and
 * the windows' least sums, variances and areas. Each bound is made from bounds of the quantities
 * the scoring computes, through the same operations in the same order; rounding to nearest is
 * monotone, so where the bound says no place of a block can beat the word's best, the scoring's
 * own tests would pass over every one of them: scores and places stay the same bit for bit.
 */
final class BlockBound {
	/** Places per block (a power of 2). */
	static final int BLOCK = 8;

	private BlockBound() {}

	/**
	 * For each block of a word's places (xFrom + j BLOCK on), an upper bound of its covariance
	 * with the crop and a lower bound of the product of the two variances (covariance NaN where
	 * the window's sums allow no bound).
	 *
	 * @return true when every block can be passed over at the word's best so far
	 */
	static boolean blocks(WordMatcher.WordModel model, double visible, Windows win, int xFrom, int xTo, double[][] dTop,
		double[][] uTop, double[][] u2Top, int[] o, double[] covarianceHigh, double[] spreadLow, double best)
	{
		double sum = model.sum;
		double sum2 = model.sum2;
		double[] d0 = dTop[0], d1 = dTop[1], d2 = dTop[2], d3 = dTop[3];
		double[] u0 = uTop[0], u1 = uTop[1], u2 = uTop[2], u3 = uTop[3];
		double[] v0 = u2Top[0], v1 = u2Top[1], v2 = u2Top[2], v3 = u2Top[3];
		int o0 = o[0], o1 = o[1], o2 = o[2], o3 = o[3];
		boolean all = true;
		for (int j = 0, x = xFrom; x <= xTo; j++, x += BLOCK) {
			int i = x - win.x0;
			if (!(win.siLow[i] >= 0) || !(win.areaLow[i] > 0) || !(win.varILow[i] > 0)) {
				covarianceHigh[j] = Double.NaN;
				all = false;
				continue;
			}
			double sumHigh = d0[x + o0] + d1[x + o1] + d2[x + o2] + d3[x + o3];
			// a place whose visible sum is below the share asked for is passed over anyway
			double shownLow = sum - u0[x + o0] - u1[x + o1] - u2[x + o2] - u3[x + o3];
			double sumTLow = shownLow > visible ? shownLow : visible;
			covarianceHigh[j] = sumHigh - sumTLow * win.siLow[i] / win.areaHigh[i];
			double varTLow = sum2 - v0[x + o0] - v1[x + o1] - v2[x + o2] - v3[x + o3] - sum * sum / win.areaLow[i];
			// a place is scored only where its variance is above 1e-9
			spreadLow[j] = win.varILow[i] * (varTLow > 1e-9 ? varTLow : 1e-9);
			all &= passesOver(covarianceHigh[j], spreadLow[j], best);
		}
		return all;
	}

	/**
	 * True when no place of a block can score above a best above 0: the scoring would find each
	 * one's covariance at most 0, or its square below the best's.
	 */
	static boolean passesOver(double covarianceHigh, double spreadLow, double best) {
		return covarianceHigh <= 0 || covarianceHigh * covarianceHigh < WordScoring.CLEARLY_BELOW * best * best * spreadLow;
	}

	/**
	 * top[y] = the largest of rows[t][y] to rows[t][min(y + BLOCK - 1, b)] over every t, for y
	 * from a to b (values not NaN).
	 */
	static void maxima(double[][] rows, int a, int b, double[] top) {
		a = Math.max(0, a);
		b = Math.min(b, top.length - 1);
		if (b < a) return;
		System.arraycopy(rows[0], a, top, a, b - a + 1);
		for (int t = 1; t < rows.length; t++) {
			double[] row = rows[t];
			for (int y = a; y <= b; y++) top[y] = Math.max(top[y], row[y]);
		}
		extremes(top, a, b, true);
	}

	/**
	 * The windows' statistics over each block of places at every top: least and largest area,
	 * least sum and least variance among those above 1e-9. A block with a window of no known
	 * pixel, a sum below 0 or a variance NaN gets a bound that passes nothing over.
	 */
	static void windowBounds(double[][] area, double[][] si, double[][] varI, double[] areaLow, double[] areaHigh,
		double[] siLow, double[] varILow)
	{
		int n = areaLow.length;
		if (n == 0) return;
		for (int i = 0; i < n; i++) {
			areaLow[i] = areaHigh[i] = area[0][i];
			siLow[i] = varILow[i] = Double.POSITIVE_INFINITY;
			for (int t = 0; t < area.length; t++) {
				areaLow[i] = Math.min(areaLow[i], area[t][i]);
				areaHigh[i] = Math.max(areaHigh[i], area[t][i]);
				boolean usable = area[t][i] > 0 && si[t][i] >= 0 && !Double.isNaN(varI[t][i]);
				siLow[i] = Math.min(siLow[i], usable ? si[t][i] : Double.NEGATIVE_INFINITY);
				varILow[i] = Math.min(varILow[i], !usable ? Double.NEGATIVE_INFINITY : varI[t][i] > 1e-9 ? varI[t][i]
					: Double.POSITIVE_INFINITY);
			}
		}
		extremes(areaLow, 0, n - 1, false);
		extremes(areaHigh, 0, n - 1, true);
		extremes(siLow, 0, n - 1, false);
		extremes(varILow, 0, n - 1, false);
	}

	/**
	 * v[y] becomes the largest (or least) of v[y] to v[min(y + BLOCK - 1, b)], for y from a to b:
	 * the extremes of pairs, then of pairs of pairs, and so on.
	 */
	static void extremes(double[] v, int a, int b, boolean largest) {
		for (int step = 1; step < BLOCK; step *= 2) {
			for (int y = a; y + step <= b; y++) v[y] = largest ? Math.max(v[y], v[y + step]) : Math.min(v[y], v[y + step]);
		}
	}

	/**
	 * The crop over the window of a word of one width (its box and the margins around it), for
	 * its box's top at top0 + t and its left edge at x0 to x1: the known pixels' count (area),
	 * their sum and its variance times the area.
	 */
	static final class Windows {
		final int x0;
		final double[][] area;
		final double[][] si;
		final double[][] varI;
		/**
		 * Over the places i to i + BLOCK - 1 at every top: the least and largest area, the least sum and
		 * the least variance above 1e-9 (see {@link BlockBound#windowBounds}).
		 */
		final double[] areaLow;
		final double[] areaHigh;
		final double[] siLow;
		final double[] varILow;

		Windows(LabelCrop c, int width, int x0, int x1, int top0, int tops, int mx, int my) {
			this.x0 = x0;
			int n = Math.max(0, x1 - x0 + 1);
			area = new double[tops][n];
			si = new double[tops][n];
			varI = new double[tops][n];
			for (int t = 0; t < tops; t++) {
				int y0 = top0 + t - my;
				int y1 = top0 + t + LabelGlyphs.H + my;
				for (int i = 0; i < n; i++) {
					int rx0 = x0 + i - mx;
					int rx1 = x0 + i + width + mx;
					double a = (double) (rx1 - rx0) * (y1 - y0) - (c.anyUnknown ? c.area(c.sumU, rx0, y0, rx1, y1) : 0);
					double sum = c.area(c.sum, rx0, y0, rx1, y1);
					double sum2 = c.area(c.sum2, rx0, y0, rx1, y1);
					area[t][i] = a;
					si[t][i] = sum;
					varI[t][i] = sum2 - sum * sum / a;
				}
			}
			areaLow = new double[n];
			areaHigh = new double[n];
			siLow = new double[n];
			varILow = new double[n];
			BlockBound.windowBounds(area, si, varI, areaLow, areaHigh, siLow, varILow);
		}
	}
}
