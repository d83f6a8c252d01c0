package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peak of the 2-D cross-correlation that the PhysioNet Challenge 2024 uses to align a
 * digitized trace with its reference, computed exactly and fast.
 *
 * <p>The Challenge draws each signal as a 256-row binary image (one pixel per finite sample),
 * blurs both images with a Gaussian of sigma 0.5 pixel (radius 2, mirror-reflected at the image
 * borders) and takes the first maximum, in row-major order, of the full 2-D cross-correlation,
 * which scipy computes by FFT (a 512 x 2T transform; about 0.3 s for a 10-s lead). Here the
 * blurred images are never built: each is a sum of separable 5 x 5 footprints, one per sample, so
 * the correlation is a sum over pairs of samples of 9 x 9 kernels.</p>
 *
 * <ul>
 * <li>For each horizontal lag, a histogram counts the sample pairs by their row difference.
 * Blurring it with the auto-correlation of the interior footprint gives the correlation of
 * every pair that the image border does not touch.</li>
 * <li>Samples in the top or bottom two rows, or in the first or last two columns, have mirrored
 * footprints; their pairs are counted separately and corrected with their exact kernels.</li>
 * <li>The largest histogram count per lag bounds each correlation column. The columns with the
 * highest bounds are evaluated first; then every column that can still reach the best value is
 * evaluated, in lag order.</li>
 * </ul>
 *
 * <p>Values agree with a direct summation to rounding error (about 1e-15 relative). Positions
 * within {@link #TIE_TOLERANCE} of the maximum are all returned as ties, in numpy's argmax order
 * for exact ties: the smallest row (largest vertical lag) first, then the smallest column (largest
 * horizontal lag).</p>
 */
final class TraceImageCorrelation {

	/** Quantisation levels, i.e. image rows. */
	static final int LEVELS = 256;
	/** Blur reach in pixels: scipy uses int(truncate * sigma + 0.5) = int(4 * 0.5 + 0.5). */
	static final int RADIUS = 2;
	/** Relative difference below which two correlation values count as equal. */
	static final double TIE_TOLERANCE = 1e-13;
	/** Up to this many border-row samples, their pairs are counted per lag for a tighter bound. */
	private static final int FEW_BORDER_SAMPLES = 256;
	/** Columns evaluated in order of their bound before the sweep in lag order. */
	private static final int FIRST_COLUMNS = 16;

	/** The normalised 5-tap Gaussian of sigma 0.5, as scipy.ndimage builds it. */
	static final double[] GAUSS = gaussianWeights(0.5);
	/** Auto-correlation of {@link #GAUSS}: the correlation of two interior footprints, 9 taps. */
	static final double[] GAUSS2 = kernel(GAUSS, GAUSS);

	private static final int SPAN = 2 * RADIUS + 1;
	private static final int KSPAN = 2 * SPAN - 1;
	private static final int K0 = SPAN - 1;
	private static final int MAX_DIFF = LEVELS - 1;
	/** Sub-histograms filled in turn, so that equal consecutive keys do not wait on each other. */
	private static final int COPIES = 4;
	private static final int COPY_STRIDE = 2 * LEVELS;
	/** Keys of pairs with a missing sample land at or beyond TRASH_X and are never read. */
	private static final int TRASH_X = COPIES * COPY_STRIDE + 2 * LEVELS;
	private static final int TRASH_Y = 2 * TRASH_X;
	private static final int INTERIOR = 2;

	/** Vertical footprint kinds: rows 0, 1, interior, 254, 255. */
	private static final double[][] ROW_FOOTPRINTS = {
		footprint(0, LEVELS), footprint(1, LEVELS), footprint(LEVELS / 2, LEVELS),
		footprint(LEVELS - 2, LEVELS), footprint(LEVELS - 1, LEVELS) };
	/** Exact vertical kernels by pair of row kinds, and their difference from {@link #GAUSS2}. */
	private static final double[][][] ROW_KERNELS = new double[5][5][];
	private static final double[][][] ROW_CORRECTIONS = new double[5][5][];

	/** The largest vertical kernel value of any pair of row kinds, per offset, and its sum. */
	private static final double[] ROW_KERNEL_MAX = new double[KSPAN];
	private static final double ROW_KERNEL_MAX_SUM;

	static {
		for (int a = 0; a < 5; a++) {
			for (int b = 0; b < 5; b++) {
				ROW_KERNELS[a][b] = kernel(ROW_FOOTPRINTS[a], ROW_FOOTPRINTS[b]);
				double[] c = new double[KSPAN];
				for (int k = 0; k < KSPAN; k++) {
					c[k] = ROW_KERNELS[a][b][k] - GAUSS2[k];
					ROW_KERNEL_MAX[k] = Math.max(ROW_KERNEL_MAX[k], ROW_KERNELS[a][b][k]);
				}
				ROW_CORRECTIONS[a][b] = c;
			}
		}
		double sum = 0;
		for (double v : ROW_KERNEL_MAX) sum += v;
		ROW_KERNEL_MAX_SUM = sum;
	}

	/** Where the correlation peaks: est(t + shift) - offsetRows matches ref(t). */
	static final class Peak {
		/** Horizontal lag in samples: the Challenge's offset_hz. */
		final int shift;
		/** Vertical lag in quantisation levels (the Challenge's offset_vt before scaling to mV). */
		final int offsetRows;
		/** The correlation value at the peak. */
		final double value;

		Peak(int shift, int offsetRows, double value) {
			this.shift = shift;
			this.offsetRows = offsetRows;
			this.value = value;
		}

		@Override
		public String toString() {
			return "Peak[shift=" + shift + ", rows=" + offsetRows + ", value=" + value + "]";
		}
	}

	/**
	 * All positions tied for the maximum (within {@link #TIE_TOLERANCE}), in numpy's argmax order:
	 * the first is the one an exact argmax would return (largest vertical lag, then largest
	 * horizontal lag). Usually there is exactly one.
	 */
	static final class Peaks {
		final List<Peak> tied;

		Peaks(List<Peak> tied) {
			this.tied = tied;
		}

		Peak first() {
			return tied.get(0);
		}
	}

	private final int width;
	private final int[] xRow;
	private final int[] yRow;
	private final int x0, x1, y0, y1;
	private final int lagMin, lagMax;
	private final int uMin, uMax;
	private final int dvMin, dvMax;
	private final int[] xKey;
	private final int[] yKey;
	private final int[] xBorderRows;
	private final int[] yBorderRows;
	private final int[] xEdgeCols;
	private final int[] yEdgeCols;
	private final int[] histogram = new int[TRASH_X + TRASH_Y + COPIES * COPY_STRIDE];
	/** Row kind (0, 1, interior, 254, 255) of each sample; counts of border pairs by kinds and difference. */
	private final byte[] xKind;
	private final byte[] yKind;
	private final int[] kindCounts = new int[25 * COPY_STRIDE];
	private final int[] kindMin = new int[25];
	private final int[] kindMax = new int[25];
	/** Recently used vertical blurs by lag; neighbouring columns share eight of their nine lags. */
	private final Map<Integer, double[]> verticalCache = new LinkedHashMap<>(256, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
			return size() > 256;
		}
	};
	/** Positions within the tie tolerance of the running maximum {@link #best}, as {dv, dh, value}. */
	private final List<double[]> ties = new ArrayList<>();
	private double best = Double.NEGATIVE_INFINITY;
	/** Number of evaluated correlation columns, for tests and benchmarks. */
	int columnsEvaluated;

	private TraceImageCorrelation(int width, int[] xRow, int[] yRow) {
		this.width = width;
		this.xRow = xRow;
		this.yRow = yRow;
		int[] xs = span(xRow);
		int[] ys = span(yRow);
		x0 = xs[0];
		x1 = xs[1];
		y0 = ys[0];
		y1 = ys[1];
		lagMin = y0 - x1;
		lagMax = y1 - x0;
		int[] xr = rowRange(xRow, x0, x1);
		int[] yr = rowRange(yRow, y0, y1);
		uMin = yr[0] - xr[1];
		uMax = yr[1] - xr[0];
		dvMin = Math.max(-MAX_DIFF, uMin - K0);
		dvMax = Math.min(MAX_DIFF, uMax + K0);
		xKey = new int[xRow.length];
		for (int j = 0; j < xRow.length; j++) xKey[j] = xRow[j] < 0 ? TRASH_X : MAX_DIFF - xRow[j];
		yKey = new int[yRow.length];
		for (int m = 0; m < yRow.length; m++) yKey[m] = yRow[m] < 0 ? TRASH_Y : yRow[m];
		xKind = kinds(xRow);
		yKind = kinds(yRow);
		Arrays.fill(kindMin, Integer.MAX_VALUE);
		Arrays.fill(kindMax, Integer.MIN_VALUE);
		xBorderRows = select(xRow, true);
		yBorderRows = select(yRow, true);
		xEdgeCols = select(xRow, false);
		yEdgeCols = select(yRow, false);
	}

	/**
	 * The maximum of the full cross-correlation of the reference image with the estimate image, with
	 * every position tied for it; null when either image is empty (no row given).
	 *
	 * @param width the image width T (the longer signal's length)
	 * @param refRows image row of each reference sample, -1 where the sample is not finite
	 * @param estRows image row of each estimate sample, -1 where the sample is not finite
	 */
	static Peaks peak(int width, int[] refRows, int[] estRows) {
		if (refRows.length > width || estRows.length > width) {
			throw new IllegalArgumentException("signals longer than the image width");
		}
		if (!hasRow(refRows) || !hasRow(estRows)) return null;
		return new TraceImageCorrelation(width, refRows, estRows).findPeak();
	}

	/** How many correlation columns the peak search evaluates; for benchmarks. */
	static int columnsEvaluated(int width, int[] refRows, int[] estRows) {
		if (!hasRow(refRows) || !hasRow(estRows)) return 0;
		TraceImageCorrelation c = new TraceImageCorrelation(width, refRows, estRows);
		c.findPeak();
		return c.columnsEvaluated;
	}

	/** One full column of the correlation (horizontal lag dh), indexed by dv + 255; for tests. */
	static double[] column(int width, int[] refRows, int[] estRows, int dh) {
		double[] out = new double[2 * MAX_DIFF + 1];
		if (!hasRow(refRows) || !hasRow(estRows)) return out;
		TraceImageCorrelation c = new TraceImageCorrelation(width, refRows, estRows);
		double[] part = c.column(dh);
		System.arraycopy(part, 0, out, c.dvMin + MAX_DIFF, part.length);
		return out;
	}

	/**
	 * The Challenge's quantisation: {@code round(255 * (v - lo) / (hi - lo) + 1)}, rounded half to
	 * even, clipped to 1..256, minus one. Not-finite samples give -1.
	 */
	static int[] rows(double[] signal, double lo, double hi) {
		int[] rows = new int[signal.length];
		double range = hi - lo;
		for (int i = 0; i < signal.length; i++) {
			double v = signal[i];
			if (!Double.isFinite(v)) {
				rows[i] = -1;
				continue;
			}
			double q = Math.rint((LEVELS - 1) * (v - lo) / range + 1);
			// NaN (a zero range) ends up in the first row, as numpy's int cast and clip put it
			if (!(q >= 1)) q = 1;
			if (q > LEVELS) q = LEVELS;
			rows[i] = (int) q - 1;
		}
		return rows;
	}

	private void evaluateColumn(int dh) {
		double[] column = column(dh);
		columnsEvaluated++;
		for (int k = column.length - 1; k >= 0; k--) {
			double v = column[k];
			if (v < best - Math.abs(best) * TIE_TOLERANCE) continue;
			if (v > best) {
				best = v;
				double threshold = best - Math.abs(best) * TIE_TOLERANCE;
				ties.removeIf(t -> t[2] < threshold);
			}
			ties.add(new double[] { dvMin + k, dh, v });
		}
	}

	private Peaks findPeak() {
		int lags = lagMax - lagMin + 1;
		int[] maxCount = new int[lags];
		for (int l = lagMin; l <= lagMax; l++) maxCount[l - lagMin] = histogramMax(l);
		// Pairs that need corrections: with a sample in an edge column (at most 8 per lag) and, when
		// there are few, with a sample in a border row.
		boolean fewBorderRows = xBorderRows.length + yBorderRows.length <= FEW_BORDER_SAMPLES;
		int[] specialPairs = specialPairCounts(fewBorderRows);

		// Every column the correlation can be non-zero in, with an upper bound for its maximum:
		// per pair, the interior kernels plus at most eps for its correction (few border rows), or
		// the largest vertical kernel of any row kind (many border rows; footprints keep their mass,
		// so that kernel sums to at most ROW_KERNEL_MAX_SUM).
		int dhMin = Math.max(-(width - 1), lagMin - K0);
		int dhMax = Math.min(width - 1, lagMax + K0);
		int columns = dhMax - dhMin + 1;
		double eps = correctionBound(fewBorderRows);
		double rowFactor = fewBorderRows ? 1 : ROW_KERNEL_MAX_SUM;
		double[] bound = new double[columns];
		for (int dh = dhMin; dh <= dhMax; dh++) {
			double b = 0, s = 0;
			for (int k = -K0; k <= K0; k++) {
				int l = dh + k;
				if (l < lagMin || l > lagMax) continue;
				b += GAUSS2[k + K0] * maxCount[l - lagMin];
				s += specialPairs[l - lagMin];
			}
			// ΣGAUSS2 = 1 up to rounding; the factor keeps the bound safe against it
			bound[dh - dhMin] = (rowFactor * b + eps * s) * (1 + 1e-9);
		}
		Integer[] order = new Integer[columns];
		for (int i = 0; i < columns; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(bound[b], bound[a]));

		// The most promising columns first, for a good running maximum; then every column whose
		// bound can still reach it, in lag order, so that each lag's histogram is built once.
		boolean[] done = new boolean[columns];
		for (int n = 0; n < Math.min(columns, FIRST_COLUMNS); n++) {
			int i = order[n];
			if (bound[i] < best * (1 - TIE_TOLERANCE)) break;
			evaluateColumn(dhMin + i);
			done[i] = true;
		}
		for (int i = 0; i < columns; i++) {
			if (!done[i] && bound[i] >= best * (1 - TIE_TOLERANCE)) evaluateColumn(dhMin + i);
		}

		// numpy's argmax returns the first maximum in row-major order of the (row, column) array:
		// row 255 - dv and column T - 1 - dh, so among equal values the largest dv wins, then the
		// largest dh.
		ties.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(b[1], a[1]));
		List<Peak> tied = new ArrayList<>(ties.size());
		for (double[] t : ties) tied.add(new Peak((int) t[1], (int) t[0], t[2]));
		return new Peaks(tied);
	}

	/** Largest number of sample pairs at horizontal lag l that share one row difference. */
	private int histogramMax(int l) {
		fillHistogram(l);
		int max = 0;
		for (int u = uMin; u <= uMax; u++) max = Math.max(max, count(u));
		clearHistogram();
		return max;
	}

	/**
	 * Counts the pairs (j, j + l) by row difference u into four interleaved sub-histograms (pair j
	 * goes to copy j mod 4, bin u + 255); pairs with a missing sample fall into the trash.
	 */
	private void fillHistogram(int l) {
		int lo = Math.max(x0, y0 - l);
		int hi = Math.min(x1, y1 - l);
		int[] h = histogram;
		int[] xk = xKey;
		int[] yk = yKey;
		int j = lo;
		for (; j + 3 <= hi; j += 4) {
			h[xk[j] + yk[j + l]]++;
			h[xk[j + 1] + yk[j + 1 + l] + COPY_STRIDE]++;
			h[xk[j + 2] + yk[j + 2 + l] + 2 * COPY_STRIDE]++;
			h[xk[j + 3] + yk[j + 3 + l] + 3 * COPY_STRIDE]++;
		}
		for (; j <= hi; j++) h[xk[j] + yk[j + l]]++;
	}

	/** The count of pairs at row difference u after {@link #fillHistogram}. */
	private int count(int u) {
		int i = u + MAX_DIFF;
		int[] h = histogram;
		return h[i] + h[i + COPY_STRIDE] + h[i + 2 * COPY_STRIDE] + h[i + 3 * COPY_STRIDE];
	}

	private void clearHistogram() {
		for (int c = 0; c < COPIES; c++) {
			int base = c * COPY_STRIDE + MAX_DIFF;
			Arrays.fill(histogram, base + uMin, base + uMax + 1, 0);
		}
	}

	/** Per lag, the pairs that involve an edge-column sample, or (withBorderRows) a border-row sample. */
	private int[] specialPairCounts(boolean withBorderRows) {
		int[] counts = new int[lagMax - lagMin + 1];
		boolean[] xSpecial = new boolean[xRow.length];
		if (withBorderRows) for (int j : xBorderRows) xSpecial[j] = true;
		for (int j : xEdgeCols) xSpecial[j] = true;
		boolean[] ySeen = new boolean[yRow.length];
		for (int j = 0; j < xRow.length; j++) {
			if (!xSpecial[j]) continue;
			for (int m = y0; m <= y1; m++) if (yRow[m] >= 0) counts[m - j - lagMin]++;
		}
		for (int[] list : withBorderRows ? new int[][] { yBorderRows, yEdgeCols } : new int[][] { yEdgeCols }) {
			for (int m : list) {
				if (ySeen[m]) continue;
				ySeen[m] = true;
				for (int j = x0; j <= x1; j++) if (xRow[j] >= 0 && !xSpecial[j]) counts[m - j - lagMin]++;
			}
		}
		return counts;
	}

	/**
	 * The largest amount by which one special pair can exceed what the bound already allows for it:
	 * its interior approximation (withBorderRows), or the largest row kernel times the interior
	 * horizontal kernel (otherwise, for edge-column pairs only).
	 */
	private double correctionBound(boolean withBorderRows) {
		double[][] colPrints = { GAUSS, footprint(0, width), footprint(Math.min(1, width - 1), width),
			footprint(Math.max(0, width - 2), width), footprint(width - 1, width) };
		double eps = 0;
		for (double[] a : colPrints) {
			for (double[] b : colPrints) {
				double[] kh = kernel(a, b);
				for (double[][] rowPair : ROW_KERNELS) {
					for (double[] kv : rowPair) {
						for (int d = 0; d < KSPAN; d++) {
							double allowed = withBorderRows ? GAUSS2[d] : ROW_KERNEL_MAX[d];
							for (int k = 0; k < KSPAN; k++) {
								eps = Math.max(eps, kv[d] * kh[k] - allowed * GAUSS2[k]);
							}
						}
					}
				}
			}
		}
		return eps;
	}

	/** One column of the correlation (fixed horizontal lag dh), indexed by dv - dvMin. */
	private double[] column(int dh) {
		double[] out = new double[dvMax - dvMin + 1];
		for (int k = -K0; k <= K0; k++) {
			int l = dh + k;
			if (l < lagMin || l > lagMax) continue;
			double[] v = vertical(l);
			double w = GAUSS2[k + K0];
			for (int i = 0; i < out.length; i++) out[i] += w * v[i];
		}
		for (int j : xEdgeCols) {
			for (int m = Math.max(y0, j + dh - K0); m <= Math.min(y1, j + dh + K0); m++) {
				if (yRow[m] >= 0) addEdgeCorrection(out, j, m, dh);
			}
		}
		for (int m : yEdgeCols) {
			for (int j = Math.max(x0, m - dh - K0); j <= Math.min(x1, m - dh + K0); j++) {
				if (xRow[j] >= 0 && !isEdgeColumn(j)) addEdgeCorrection(out, j, m, dh);
			}
		}
		return out;
	}

	/** Replaces the interior horizontal kernel of pair (j, m) by its exact mirrored kernel. */
	private void addEdgeCorrection(double[] out, int j, int m, int dh) {
		int k = m - j - dh + K0;
		double exact = kernel(footprint(j, width), footprint(m, width))[k];
		double delta = exact - GAUSS2[k];
		if (delta == 0) return;
		double[] kv = ROW_KERNELS[rowKind(xRow[j])][rowKind(yRow[m])];
		int u = yRow[m] - xRow[j];
		for (int d = 0; d < KSPAN; d++) {
			int dv = u - (d - K0);
			if (dv >= dvMin && dv <= dvMax) out[dv - dvMin] += kv[d] * delta;
		}
	}

	/**
	 * The pairs at horizontal lag l, blurred vertically with their exact row kernels but the
	 * interior horizontal kernel: V[dv] = Σ_pairs K_rows(u - dv).
	 */
	private double[] vertical(int l) {
		double[] cached = verticalCache.get(l);
		if (cached != null) return cached;
		double[] v = new double[dvMax - dvMin + 1];
		fillHistogram(l);
		// counts by row difference u, for u in [dvMin - 4, dvMax + 4] (zero outside [uMin, uMax])
		double[] counts = new double[v.length + 2 * K0];
		for (int u = uMin; u <= uMax; u++) counts[u - dvMin + K0] = count(u);
		clearHistogram();
		// v[dv] = Σ_d GAUSS2[d] · counts[dv + d]
		for (int d = 0; d < KSPAN; d++) {
			double w = GAUSS2[d];
			for (int i = 0; i < v.length; i++) v[i] += w * counts[i + d];
		}
		// Pairs with a border-row sample: count them by (row kinds, row difference), then add each
		// count times the difference between its exact kernel and the interior one.
		for (int j : xBorderRows) {
			int m = j + l;
			if (m >= y0 && m <= y1 && yRow[m] >= 0) countKinds(xKind[j], yKind[m], yRow[m] - xRow[j]);
		}
		for (int m : yBorderRows) {
			int j = m - l;
			if (j >= x0 && j <= x1 && xRow[j] >= 0 && xKind[j] == INTERIOR) countKinds(INTERIOR, yKind[m], yRow[m] - xRow[j]);
		}
		for (int kp = 0; kp < 25; kp++) {
			if (kindMax[kp] < kindMin[kp]) continue;
			double[] c = ROW_CORRECTIONS[kp / 5][kp % 5];
			for (int u = kindMin[kp]; u <= kindMax[kp]; u++) {
				int i = kp * COPY_STRIDE + u + MAX_DIFF;
				int n = kindCounts[i];
				if (n == 0) continue;
				kindCounts[i] = 0;
				for (int d = 0; d < KSPAN; d++) {
					int dv = u - (d - K0);
					if (dv >= dvMin && dv <= dvMax) v[dv - dvMin] += n * c[d];
				}
			}
			kindMin[kp] = Integer.MAX_VALUE;
			kindMax[kp] = Integer.MIN_VALUE;
		}
		verticalCache.put(l, v);
		return v;
	}

	private void countKinds(int a, int b, int u) {
		int kp = 5 * a + b;
		kindCounts[kp * COPY_STRIDE + u + MAX_DIFF]++;
		if (u < kindMin[kp]) kindMin[kp] = u;
		if (u > kindMax[kp]) kindMax[kp] = u;
	}

	private boolean isEdgeColumn(int c) {
		return c < RADIUS || c >= width - RADIUS;
	}

	private static byte[] kinds(int[] rows) {
		byte[] k = new byte[rows.length];
		for (int i = 0; i < rows.length; i++) k[i] = (byte) (rows[i] < 0 ? INTERIOR : rowKind(rows[i]));
		return k;
	}

	private static int rowKind(int row) {
		if (row < RADIUS) return row;
		if (row >= LEVELS - RADIUS) return row - (LEVELS - 5);
		return INTERIOR;
	}

	/** Indices of finite samples in a border row (rows) or an edge column (!rows). */
	private int[] select(int[] rows, boolean borderRows) {
		int n = 0;
		int[] out = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] < 0) continue;
			boolean special = borderRows ? rowKind(rows[i]) != INTERIOR : isEdgeColumn(i);
			if (special) out[n++] = i;
		}
		return Arrays.copyOf(out, n);
	}

	private static boolean hasRow(int[] rows) {
		for (int r : rows) if (r >= 0) return true;
		return false;
	}

	private static int[] span(int[] rows) {
		int first = -1, last = -1;
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] < 0) continue;
			if (first < 0) first = i;
			last = i;
		}
		return new int[] { first, last };
	}

	private static int[] rowRange(int[] rows, int from, int to) {
		int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
		for (int i = from; i <= to; i++) {
			if (rows[i] < 0) continue;
			lo = Math.min(lo, rows[i]);
			hi = Math.max(hi, rows[i]);
		}
		return new int[] { lo, hi };
	}

	/** scipy.ndimage's Gaussian weights: exp(-x² / 2σ²) over |x| ≤ radius, normalised. */
	static double[] gaussianWeights(double sigma) {
		double[] w = new double[SPAN];
		double sum = 0;
		for (int k = -RADIUS; k <= RADIUS; k++) {
			w[k + RADIUS] = Math.exp(-0.5 / (sigma * sigma) * (k * k));
			sum += w[k + RADIUS];
		}
		for (int i = 0; i < SPAN; i++) w[i] /= sum;
		return w;
	}

	/**
	 * The blurred image of one pixel at position c of a line of length n, over positions
	 * c - 2 .. c + 2, with scipy's 'reflect' border (the line mirrored about its end edges).
	 */
	static double[] footprint(int c, int n) {
		double[] f = new double[SPAN];
		for (int i = c - RADIUS; i <= c + RADIUS; i++) {
			if (i < 0 || i >= n) continue;
			for (int k = -RADIUS; k <= RADIUS; k++) {
				if (reflect(i + k, n) == c) f[i - c + RADIUS] += GAUSS[k + RADIUS];
			}
		}
		return f;
	}

	/** scipy's 'reflect' extension (d c b a | a b c d | d c b a) of index p on a line of length n. */
	static int reflect(int p, int n) {
		int period = 2 * n;
		int q = Math.floorMod(p, period);
		return q < n ? q : period - 1 - q;
	}

	/**
	 * Correlation of two footprints: k[d + 4] = Σ_i a[i] b[i - d], the overlap of a footprint at
	 * position p and one at position q, when the second is moved by q - p - d.
	 */
	static double[] kernel(double[] a, double[] b) {
		double[] k = new double[KSPAN];
		for (int d = -K0; d <= K0; d++) {
			double s = 0;
			for (int i = 0; i < SPAN; i++) {
				int t = i - d;
				if (t >= 0 && t < SPAN) s += a[i] * b[t];
			}
			k[d + K0] = s;
		}
		return k;
	}
}
