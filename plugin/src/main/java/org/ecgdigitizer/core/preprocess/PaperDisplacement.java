package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * How the paper moved under the print, measured from its grid. The grid is printed straight and
 * evenly spaced, so where its lines stray from one regular lattice the sheet itself was displaced:
 * a wrinkle or a curled edge foreshortens the paper under the scanner's glass or the camera, and a
 * fold shifts what lies beyond it. Traces are printed on the same sheet and moved with it, so the
 * grid's local displacement undoes theirs.
 *
 * <p>On a lattice of nodes a few millimetres apart, the phase of the 1 mm period across the vertical
 * lines (in a small window around the node) gives the local x displacement modulo 1 mm, and across
 * the horizontal lines the y displacement. The phases are unwrapped from node to node, best seen
 * first (a displacement changes by far less than half a millimetre between neighbouring nodes);
 * nodes that disagree with their neighbours (a QRS spike, text) are dropped and the gaps filled from
 * the nodes around them. Only nodes where the grid is clearly seen count.</p>
 */
public final class PaperDisplacement {

	/** Spacing of the lattice nodes, mm. */
	static final double STEP_MM = 2;
	/** Side of the window each node reads its phase from, mm: eight periods of the 1 mm grid. */
	static final double WINDOW_MM = 8;
	/** Side of the window the 5 mm phase is read from, mm: three periods. */
	static final double COARSE_WINDOW_MM = 15;
	/** The heavier lines' spacing, mm. */
	static final double MAJOR_MM = 5;
	/** The 5 mm lines are read when they show at this share of the nodes where the 1 mm grid does. */
	static final double MAJOR_SHARE = 0.5;
	/** The 5 mm displacement is the median over this many nodes around each node (9 x 9 nodes, 18 mm). */
	static final int COARSE_MEDIAN_RADIUS = 4;
	/** The displacement is undone only where the grid agreed at this share of the nodes on both axes... */
	static final double MIN_AGREEING = 0.3;
	/**
	 * ...and the paper moved by at least this much (95th percentile, mm): a flat page reads under
	 * 0.035 mm, a resampled or compressed scan a little more, and below a tenth of a millimetre (4 ms,
	 * 0.01 mV) resampling costs more than it gains...
	 */
	static final double MIN_DISPLACEMENT_MM = 0.1;
	/** ...and by at most this much: a wrinkled or folded sheet lying flat moves a millimetre or two... */
	static final double MAX_DISPLACEMENT_MM = 2.5;
	/**
	 * ...and the nodes scatter about the smooth field by at most this much (mm): paper bends over
	 * millimetres, so nodes 2 mm apart that disagree more are reading something other than a moved
	 * sheet (lines drawn at rounded pixel positions, texture, print).
	 */
	static final double MAX_NOISE_MM = 0.03;
	/**
	 * Pixels darker than this whose colour is weaker than half their darkness are ink, not grid:
	 * black and dark blue pens are darker still, a grid's heavier lines (a dark pink or red) lighter.
	 */
	static final float INK_DARKNESS = 0.65f;
	/**
	 * A pixel whose every channel is above this is no ink: its luma, at least its smallest channel,
	 * leaves it lighter than {@link #INK_DARKNESS} by a wide margin (89 would do).
	 */
	static final int LIGHT_CHANNEL = 100;
	/**
	 * A paper pixel's visible value c / 255 (c: its colour's strength, largest channel less
	 * smallest) and weight 1 packed in one long: the value in fixed point, in units of 2^-31 (every
	 * float c / 255f is a whole number of them), in the low {@link #COUNT_SHIFT} bits, the weight
	 * above. An ink pixel is 0. Sums of packed pixels along a row or a column add up both at once and
	 * exactly: a side shorter than 2^16 px keeps the weights' sum below 2^16 and the values' below
	 * 2^47, so neither spills into the other.
	 */
	private static final long[] PACKED = new long[256];
	/** Where a packed sum's weight begins. */
	static final int COUNT_SHIFT = 48;
	/** The packed value's unit: 2^-31. */
	private static final double VALUE_UNIT = 0x1p-31;
	/** The longest side the packed sums hold. */
	static final int MAX_SIDE = (1 << 16) - 1;
	static {
		for (int c = 0; c < 256; c++) {
			double value = c / 255f;
			long fixed = (long) (value / VALUE_UNIT);
			if (fixed * VALUE_UNIT != value) throw new AssertionError(c);
			PACKED[c] = 1L << COUNT_SHIFT | fixed;
		}
	}
	/** A node sees the grid when its period's amplitude is at least this share of the page's typical one. */
	static final double SEEN_AMPLITUDE = 0.35;
	/** A node further than this from the median of its neighbours (mm) is an outlier (ink, text). */
	static final double OUTLIER_MM = 0.15;

	/** The measured displacement: per node, where the grid's content lies relative to the regular lattice. */
	public static final class Field {
		/** Node (i, j) sits at ((i + 0.5) step, (j + 0.5) step) in rectified pixels. */
		final int nx;
		final int ny;
		final double step;
		/** Displacement in pixels: content meant to be at p is seen at p + (dx, dy). */
		final float[] dx;
		final float[] dy;
		/** Share of the nodes whose grid was seen and agreed with its neighbours, per axis. */
		public final double agreeingX;
		public final double agreeingY;
		/** The displacement over agreeing nodes, mm: root mean square and largest (beyond the page's scale and tilt). */
		public final double rmsMm;
		public final double maxMm;
		/** The 95th percentile of the displacement over agreeing nodes, mm. */
		public final double p95Mm;
		/** How far the nodes scatter about the smooth field (root mean square, mm): the reading's noise. */
		public final double noiseMm;

		Field(int nx, int ny, double step, float[] dx, float[] dy, double agreeingX, double agreeingY, double rmsMm,
			double maxMm, double p95Mm, double noiseMm)
		{
			this.noiseMm = noiseMm;
			this.nx = nx;
			this.ny = ny;
			this.step = step;
			this.dx = dx;
			this.dy = dy;
			this.agreeingX = agreeingX;
			this.agreeingY = agreeingY;
			this.rmsMm = rmsMm;
			this.maxMm = maxMm;
			this.p95Mm = p95Mm;
		}

		/** The displacement at a rectified pixel position (continuous coordinates), bilinear between nodes. */
		public void at(double x, double y, double[] out) {
			atNodes(nodeX(x), nodeY(y), out);
		}

		/** Where a rectified x falls on the lattice, in nodes (clamped to its span): a column's for every row. */
		double nodeX(double x) {
			return nx == 1 ? 0 : Math.max(0, Math.min(nx - 1.000001, x / step - 0.5));
		}

		/** Where a rectified y falls on the lattice, in nodes (clamped to its span). */
		double nodeY(double y) {
			return ny == 1 ? 0 : Math.max(0, Math.min(ny - 1.000001, y / step - 0.5));
		}

		/** The displacement at lattice coordinates ({@link #nodeX}, {@link #nodeY}), bilinear between nodes. */
		void atNodes(double fx, double fy, double[] out) {
			int ix = (int) fx;
			int iy = (int) fy;
			double ax = fx - ix;
			double ay = fy - iy;
			int k = iy * nx + ix;
			double w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
			out[0] = between(dx, k, w00, w10, w01, w11);
			out[1] = between(dy, k, w00, w10, w01, w11);
		}

		/**
		 * One axis of the field ({@link #dx} or {@link #dy}) blended over node k, the next node along
		 * x, the next along y and the one diagonally beyond (the same node where the lattice has one
		 * column or row), with those four weights.
		 */
		double between(float[] axis, int k, double w00, double w10, double w01, double w11) {
			int kx = nx > 1 ? 1 : 0;
			int ky = ny > 1 ? nx : 0;
			return w00 * axis[k] + w10 * axis[k + kx] + w01 * axis[k + ky] + w11 * axis[k + kx + ky];
		}

		/**
		 * True when the grid was seen over enough of the page on both axes and the paper moved by
		 * clearly more than a flat scan's reading scatters (a few hundredths of a millimetre), but not
		 * by more than a sheet flattened on glass or a table can (then the reading went astray), and
		 * neighbouring nodes, which see the same paper, agree about it.
		 */
		public boolean worthUndoing() {
			return Math.min(agreeingX, agreeingY) >= MIN_AGREEING && p95Mm >= MIN_DISPLACEMENT_MM && p95Mm
				<= MAX_DISPLACEMENT_MM && noiseMm <= MAX_NOISE_MM;
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("undone", worthUndoing());
			m.put("agreeing_x", agreeingX);
			m.put("agreeing_y", agreeingY);
			m.put("rms_mm", rmsMm);
			m.put("max_mm", maxMm);
			m.put("p95_mm", p95Mm);
			m.put("noise_mm", noiseMm);
			m.put("node_spacing_mm", STEP_MM);
			return m;
		}

		/**
		 * What {@link #toJson()} wrote, without the nodes (the rectified page already undoes them):
		 * the field reads as no displacement.
		 */
		public static Field fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Field(1, 1, 1, new float[1], new float[1], Json.number(m.get("agreeing_x"), 0), Json.number(m.get(
				"agreeing_y"), 0), Json.number(m.get("rms_mm"), 0), Json.number(m.get("max_mm"), 0), Json.number(m.get(
					"p95_mm"), 0), Json.number(m.get("noise_mm"), 0));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "PaperDisplacement[agreeing %.2f/%.2f, rms %.3f mm, p95 %.3f, max %.3f mm, noise %.3f mm]",
				agreeingX, agreeingY, rmsMm, p95Mm, maxMm, noiseMm);
		}
	}

	private PaperDisplacement() {}

	/**
	 * Measures the displacement of a rectified page whose grid runs along the image axes.
	 *
	 * @param rgb the rectified page, packed RGB
	 * @param pxPerMmX the grid's pitch across the vertical lines
	 * @param pxPerMmY the grid's pitch across the horizontal lines
	 * @return the field, or null when the page is too small to hold a lattice
	 */
	public static Field measure(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY) {
		double mm = Math.sqrt(pxPerMmX * pxPerMmY);
		double step = STEP_MM * mm;
		int nx = (int) Math.floor(w / step);
		int ny = (int) Math.floor(h / step);
		// a strip 2^16 px long is no page (and more than the packed sums hold)
		if (nx < 3 || ny < 3 || w > MAX_SIDE || h > MAX_SIDE) return null;
		int half = (int) Math.round(WINDOW_MM * mm / 2);
		int coarseHalf = (int) Math.round(COARSE_WINDOW_MM * mm / 2);
		double[][] sumX = new double[ny][];
		int[][] seenX = new int[ny][];
		double[][] sumY = new double[nx][h];
		int[][] seenY = new int[nx][h];
		bandProfiles(rgb, w, h, step, half, sumX, seenX, sumY, seenY);
		boolean[] okX = new boolean[nx * ny];
		boolean[] okY = new boolean[nx * ny];
		double[] vx = axis(sumX, seenX, h, pxPerMmX, step, nx, ny, half, coarseHalf, true, okX);
		double[] vy = axis(sumY, seenY, w, pxPerMmY, step, nx, ny, half, coarseHalf, false, okY);
		// the page's scale and tilt are the whole grid's reading: the field keeps only what varies
		// across the page beyond them
		removeAffine(vx, okX, nx, ny);
		removeAffine(vy, okY, nx, ny);
		float[] fx = fill(vx, okX, nx, ny);
		float[] fy = fill(vy, okY, nx, ny);
		int agreeX = count(okX);
		int agreeY = count(okY);
		double[] magnitude = new double[nx * ny];
		int n = 0;
		double sq = 0;
		for (int k = 0; k < nx * ny; k++) {
			if (!okX[k] || !okY[k]) continue;
			double d = Math.hypot(fx[k] / pxPerMmX, fy[k] / pxPerMmY);
			magnitude[n++] = d;
			sq += d * d;
		}
		// what the nodes scatter about the smooth field: the reading's own noise
		double scatter = 0;
		for (int k = 0; k < nx * ny; k++) {
			if (!okX[k] || !okY[k]) continue;
			scatter += sq((vx[k] - fx[k]) / pxPerMmX) + sq((vy[k] - fy[k]) / pxPerMmY);
		}
		double noise = n == 0 ? 0 : Math.sqrt(scatter / n);
		double rms = n == 0 ? 0 : Math.sqrt(sq / n);
		double max = 0;
		for (int k = 0; k < n; k++) max = Math.max(max, magnitude[k]);
		double p95 = 0;
		if (n > 0) {
			int at = (int) (0.95 * (n - 1));
			Selection.select(magnitude, n, at);
			p95 = magnitude[at];
		}
		return new Field(nx, ny, step, fx, fy, agreeX / (double) (nx * ny), agreeY / (double) (nx * ny), rms, max, p95,
			noise);
	}

	/**
	 * The displacement along one axis at every node, in pixels: the 1 mm phase places the grid
	 * lines modulo a millimetre, and the 5 mm phase of the heavier lines (read over a wider window)
	 * says which millimetre. A fold shifts the paper by about half a millimetre, which the 1 mm
	 * phase alone cannot tell from the opposite shift. Without 5 mm lines to read, the 1 mm phases
	 * are unwrapped from node to node.
	 */
	private static double[] axis(double[][] bandSum, int[][] bandSeen, int across, double pxPerMm, double step,
		int nx, int ny, int half, int coarseHalf, boolean acrossColumns, boolean[] ok)
	{
		int n = nx * ny;
		double[][] read = new double[4][n];
		phases(bandSum, bandSeen, across, pxPerMm, step, nx, ny, half, coarseHalf, acrossColumns, read);
		double[] phase = read[0];
		double[] amplitude = read[1];
		boolean[] seen = seen(amplitude);
		double[] coarsePhase = read[2];
		double[] coarseAmplitude = read[3];
		double coarsePeriod = MAJOR_MM * pxPerMm;
		boolean[] coarseSeen = seen(coarseAmplitude);
		for (int k = 0; k < n; k++) coarseSeen[k] &= seen[k];
		double[] coarse = unwrap(coarsePhase, coarseAmplitude, coarseSeen, nx, ny, coarsePeriod);
		double[] value;
		if (count(coarseSeen) >= MAJOR_SHARE * count(seen)) {
			// a QRS spike or a label upsets the 5 mm phase of the nodes around it; the median of the
			// neighbourhood is not upset, and keeps a fold's step where it is
			double[] raw = new double[n];
			for (int k = 0; k < n; k++) raw[k] = phase[k] * pxPerMm / (2 * Math.PI);
			value = nearestToMedians(raw, coarse, coarseSeen, nx, ny, COARSE_MEDIAN_RADIUS, pxPerMm);
			seen = coarseSeen;
		}
		else {
			value = unwrap(phase, amplitude, seen, nx, ny, pxPerMm);
		}
		dropOutliers(value, seen, nx, ny, OUTLIER_MM * pxPerMm);
		System.arraycopy(seen, 0, ok, 0, n);
		return value;
	}

	/**
	 * The phases of the 1 mm and 5 mm periods in each node's window, from the profiles of the bands
	 * of the page through each line of nodes ({@link #bandProfiles}; {@code across}: the page's extent
	 * across the bands). With {@code acrossColumns} the window's column profile is read (vertical
	 * lines, x displacement); otherwise its row profile. Ink pixels (weight 0, visible value 0) count
	 * as unseen, not as paper: a trace hiding a grid line must not move it.
	 */
	private static void phases(double[][] bandSum, int[][] bandSeen, int across, double period, double step,
		int nx, int ny, int half, int coarseHalf, boolean acrossColumns, double[][] out)
	{
		int along = bandSum[0].length;
		double coarsePeriod = MAJOR_MM * period;
		double[][] wave = new double[4][along];
		for (int i = 0; i < along; i++) {
			double t = 2 * Math.PI * (i + 0.5) / period;
			double u = 2 * Math.PI * (i + 0.5) / coarsePeriod;
			wave[0][i] = Math.cos(t);
			wave[1][i] = Math.sin(t);
			wave[2][i] = Math.cos(u);
			wave[3][i] = Math.sin(u);
		}
		// prefix sums of the profile and of the seen count, each plain and times each wave
		double[][] prefix = new double[10][along + 1];
		int bands = acrossColumns ? ny : nx;
		int nodes = acrossColumns ? nx : ny;
		int[] bandFrom = new int[bands];
		int[] bandTo = new int[bands];
		bandEnds(step, half, across, bandFrom, bandTo);
		for (int b = 0; b < bands; b++) {
			int from = bandFrom[b];
			int to = bandTo[b];
			double[] sum = bandSum[b];
			int[] seen = bandSeen[b];
			prefixSums(sum, seen, wave, prefix);
			for (int a = 0; a < nodes; a++) {
				int c = (int) Math.round((a + 0.5) * step);
				int k = acrossColumns ? b * nx + a : a * nx + b;
				for (int scale = 0; scale < 2; scale++) {
					int hw = scale == 0 ? half : coarseHalf;
					int lo = Math.max(0, c - hw);
					int hi = Math.min(along, c + hw);
					double count = prefix[1][hi] - prefix[1][lo];
					if (count < 0.5 * (hi - lo) * (to - from)) {
						// mostly ink or text: nothing to read
						out[2 * scale][k] = 0;
						out[2 * scale + 1][k] = 0;
						continue;
					}
					// the seen pixels' mean, taken out so the window's overall darkness does not leak in
					double mean = (prefix[0][hi] - prefix[0][lo]) / count;
					int re = 2 + 2 * scale;
					double cr = prefix[re][hi] - prefix[re][lo] - mean * (prefix[re + 4][hi] - prefix[re + 4][lo]);
					double ci = prefix[re + 1][hi] - prefix[re + 1][lo] - mean * (prefix[re + 5][hi] - prefix[re + 5][lo]);
					out[2 * scale][k] = Math.atan2(ci, cr);
					out[2 * scale + 1][k] = Math.hypot(cr, ci) / count;
				}
			}
		}
	}

	/**
	 * The prefix sums of a profile and of its seen counts, plain (prefix[0], prefix[1]) and times
	 * each wave (prefix[2 + k] and prefix[6 + k]). The ten running sums are kept in registers: read
	 * back from memory, each addition would wait for the store before it.
	 */
	static void prefixSums(double[] sum, int[] seen, double[][] wave, double[][] prefix) {
		double[] w0 = wave[0], w1 = wave[1], w2 = wave[2], w3 = wave[3];
		double[] p0 = prefix[0], p1 = prefix[1], p2 = prefix[2], p3 = prefix[3], p4 = prefix[4];
		double[] p5 = prefix[5], p6 = prefix[6], p7 = prefix[7], p8 = prefix[8], p9 = prefix[9];
		double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
		for (int i = 0; i < sum.length; i++) {
			double s = sum[i];
			double n = seen[i];
			p0[i + 1] = a0 += s;
			p1[i + 1] = a1 += n;
			p2[i + 1] = a2 += s * w0[i];
			p3[i + 1] = a3 += s * w1[i];
			p4[i + 1] = a4 += s * w2[i];
			p5[i + 1] = a5 += s * w3[i];
			p6[i + 1] = a6 += n * w0[i];
			p7[i + 1] = a7 += n * w1[i];
			p8[i + 1] = a8 += n * w2[i];
			p9[i + 1] = a9 += n * w3[i];
		}
	}

	/**
	 * The profiles of the bands through each line of nodes, in one pass over the page's rows: the
	 * column profile of the rows within {@code half} of each row of nodes (sumX, seenX: ny bands,
	 * each w long, made here) and the row profile of the columns within {@code half} of each column
	 * of nodes (sumY, seenY: nx bands of h). A coloured grid is read from its colour alone: a fold's
	 * shadow has none. Dark ink of little colour (black or dark blue traces, text) hides the grid,
	 * so it is left out, not read as paper: it weighs 0 (and shows 0) where the paper's pixels weigh
	 * 1, so the sums need no test per pixel. Each pixel is one long (see PACKED) whose additions sum
	 * its value and weight together, exactly: a band of columns is the difference of a row's running
	 * sums at its ends, a band of rows the difference of the columns' running sums at its ends. The
	 * sums are the same doubles as adding each pixel's float value in double (which is exact too).
	 * Sides up to {@link #MAX_SIDE}.
	 */
	static void bandProfiles(int[] rgb, int w, int h, double step, int half, double[][] sumX, int[][] seenX,
		double[][] sumY, int[][] seenY)
	{
		int ny = sumX.length;
		int nx = sumY.length;
		int[] rowFrom = new int[ny];
		int[] rowTo = new int[ny];
		bandEnds(step, half, h, rowFrom, rowTo);
		int[] columnFrom = new int[nx];
		int[] columnTo = new int[nx];
		bandEnds(step, half, w, columnFrom, columnTo);
		// the columns' running sums over the rows so far, and each open band's at its first row
		long[] columnSum = new long[w];
		long[][] start = new long[ny][];
		// the start sums of closed bands, to be used again by bands opening later
		java.util.ArrayDeque<long[]> spare = new java.util.ArrayDeque<>();
		int opened = 0;
		int closed = 0;
		long[] rowSum = new long[w + 1];
		for (int y = 0; y < h; y++) {
			for (; opened < ny && rowFrom[opened] == y; opened++) {
				long[] copy = spare.isEmpty() ? new long[w] : spare.pop();
				System.arraycopy(columnSum, 0, copy, 0, w);
				start[opened] = copy;
			}
			addRow(rgb, y * w, w, rowSum, columnSum);
			// the row profiles of the column bands, from the row's running sums
			for (int b = 0; b < nx; b++) {
				long band = rowSum[columnTo[b]] - rowSum[columnFrom[b]];
				sumY[b][y] = bandValue(band);
				seenY[b][y] = bandWeight(band);
			}
			for (; closed < ny && rowTo[closed] == y + 1; closed++) {
				long[] first = start[closed];
				double[] sum = new double[w];
				int[] seen = new int[w];
				for (int x = 0; x < w; x++) {
					long band = columnSum[x] - first[x];
					sum[x] = bandValue(band);
					seen[x] = bandWeight(band);
				}
				sumX[closed] = sum;
				seenX[closed] = seen;
				start[closed] = null;
				spare.push(first);
			}
		}
	}

	/** A packed sum's values, as the double they add up to. */
	static double bandValue(long packed) {
		return (packed & (1L << COUNT_SHIFT) - 1) * VALUE_UNIT;
	}

	/** A packed sum's weights. */
	static int bandWeight(long packed) {
		return (int) (packed >>> COUNT_SHIFT);
	}

	/**
	 * One row of {@code w} pixels from {@code first}, packed (see PACKED): its running sums into
	 * rowSum (rowSum[x]: the first x pixels'), and each pixel added to its column's sum.
	 */
	static void addRow(int[] rgb, int first, int w, long[] rowSum, long[] columnSum) {
		long s = 0;
		for (int x = 0; x < w; x++) {
			long k = packed(rgb[first + x]);
			rowSum[x + 1] = s += k;
			columnSum[x] += k;
		}
	}

	/** A pixel packed (see PACKED): 0 for ink, else its colour's strength as value, weight 1. */
	static long packed(int p) {
		int r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
		int min = Math.min(r, Math.min(g, b));
		int c = Math.max(r, Math.max(g, b)) - min;
		// luma is at least the smallest channel, so a pixel whose every channel is above
		// LIGHT_CHANNEL is far lighter than ink: most of a page is read without the luma
		if (min <= LIGHT_CHANNEL) {
			float dark = 1 - Planes.luma(p) / 255f;
			if (dark > INK_DARKNESS && c / 255f < 0.5f * dark) return 0;
		}
		return PACKED[c];
	}

	/** Band b's pixels from[b] to to[b] - 1: within half of its centre (b + 0.5) step, inside 0..limit. */
	private static void bandEnds(double step, int half, int limit, int[] from, int[] to) {
		for (int b = 0; b < from.length; b++) {
			int centre = (int) Math.round((b + 0.5) * step);
			from[b] = Math.max(0, centre - half);
			to[b] = Math.min(limit, centre + half);
		}
	}

	/** Nodes whose period shows at least {@link #SEEN_AMPLITUDE} of the typical clear node's amplitude. */
	private static boolean[] seen(double[] amplitude) {
		double[] values = amplitude.clone();
		int upperQuartile = (int) (0.75 * (values.length - 1));
		Selection.select(values, values.length, upperQuartile);
		double typical = values[upperQuartile];
		boolean[] ok = new boolean[amplitude.length];
		for (int k = 0; k < ok.length; k++) ok[k] = typical > 0 && amplitude[k] >= SEEN_AMPLITUDE * typical;
		return ok;
	}

	/**
	 * Displacements in pixels from phases, unwrapped from the clearest node outward (quality-guided):
	 * each node takes the whole number of periods that brings it nearest to the neighbour it was
	 * reached from. Only the largest connected set of seen nodes is kept; the rest are marked unseen.
	 */
	private static double[] unwrap(double[] phase, double[] amplitude, boolean[] ok, int nx, int ny, double period) {
		int n = phase.length;
		double[] value = new double[n];
		boolean[] placed = new boolean[n];
		int[] component = new int[n];
		Arrays.fill(component, -1);
		int best = -1;
		int bestSize = 0;
		int label = 0;
		int[] stack = new int[n];
		for (int start = 0; start < n; start++) {
			if (!ok[start] || component[start] >= 0) continue;
			int size = flood(ok, component, nx, ny, start, label, stack);
			if (size > bestSize) {
				bestSize = size;
				best = label;
			}
			label++;
		}
		int seed = -1;
		for (int k = 0; k < n; k++) {
			ok[k] = ok[k] && component[k] == best;
			if (ok[k] && (seed < 0 || amplitude[k] > amplitude[seed])) seed = k;
		}
		if (seed < 0) return value;
		NodeQueue queue = new NodeQueue(n);
		value[seed] = phase[seed] * period / (2 * Math.PI);
		placed[seed] = true;
		queue.add(amplitude[seed], seed);
		int[] neighbours = new int[4];
		while (queue.size > 0) {
			int k = queue.poll();
			int count = neighbours(k, nx, ny, neighbours);
			for (int q = 0; q < count; q++) {
				int m = neighbours[q];
				if (!ok[m] || placed[m]) continue;
				double raw = phase[m] * period / (2 * Math.PI);
				value[m] = raw + period * Math.round((value[k] - raw) / period);
				placed[m] = true;
				queue.add(amplitude[m], m);
			}
		}
		return value;
	}

	/**
	 * Nodes by amplitude, largest first: a binary heap on two primitive arrays that sifts exactly as
	 * {@link java.util.PriorityQueue} does, so nodes of equal amplitude leave in the same order.
	 */
	static final class NodeQueue {
		private final double[] key;
		private final int[] node;
		int size;

		NodeQueue(int capacity) {
			key = new double[Math.max(1, capacity)];
			node = new int[Math.max(1, capacity)];
		}

		/** Whether a goes after b: the larger amplitude first. */
		private static int compare(double a, double b) {
			return Double.compare(b, a);
		}

		void add(double amplitude, int k) {
			int at = size++;
			while (at > 0) {
				int parent = (at - 1) >>> 1;
				if (compare(amplitude, key[parent]) >= 0) break;
				key[at] = key[parent];
				node[at] = node[parent];
				at = parent;
			}
			key[at] = amplitude;
			node[at] = k;
		}

		int poll() {
			int result = node[0];
			int n = --size;
			if (n > 0) {
				double x = key[n];
				int xk = node[n];
				int at = 0;
				int half = n >>> 1;
				while (at < half) {
					int child = 2 * at + 1;
					int right = child + 1;
					if (right < n && compare(key[child], key[right]) > 0) child = right;
					if (compare(x, key[child]) <= 0) break;
					key[at] = key[child];
					node[at] = node[child];
					at = child;
				}
				key[at] = x;
				node[at] = xk;
			}
			return result;
		}
	}

	/** Labels the seen nodes connected to start; returns how many. {@code stack}: room for every node. */
	private static int flood(boolean[] ok, int[] component, int nx, int ny, int start, int label, int[] stack) {
		// a node is labelled when pushed, so each is pushed at most once
		int top = 0;
		stack[top++] = start;
		component[start] = label;
		int size = 0;
		int[] neighbours = new int[4];
		while (top > 0) {
			int k = stack[--top];
			size++;
			int count = neighbours(k, nx, ny, neighbours);
			for (int q = 0; q < count; q++) {
				int m = neighbours[q];
				if (ok[m] && component[m] < 0) {
					component[m] = label;
					stack[top++] = m;
				}
			}
		}
		return size;
	}

	private static int neighbours(int k, int nx, int ny, int[] out) {
		int i = k % nx;
		int j = k / nx;
		int c = 0;
		if (i > 0) out[c++] = k - 1;
		if (i + 1 < nx) out[c++] = k + 1;
		if (j > 0) out[c++] = k - nx;
		if (j + 1 < ny) out[c++] = k + nx;
		return c;
	}

	/** Unmarks nodes further than {@code limit} px from the median of the agreeing nodes within two steps. */
	private static void dropOutliers(double[] v, boolean[] ok, int nx, int ny, double limit) {
		boolean[] outlier = outliers(v, ok, nx, ny, 2, limit);
		for (int k = 0; k < v.length; k++) if (outlier[k]) ok[k] = false;
	}

	/**
	 * The agreeing nodes that have fewer than 5 agreeing nodes within {@code r} steps (themselves
	 * included) or lie further than {@code limit} from those nodes' median. The median is taken only
	 * where its bounds (see MedianWindow) leave the answer open: the nodes whose median is nearer
	 * than {@code limit} make an interval of medians, which holds both bounds or neither.
	 */
	static boolean[] outliers(double[] v, boolean[] ok, int nx, int ny, int r, double limit) {
		boolean[] outlier = new boolean[v.length];
		MedianWindow window = new MedianWindow(v, ok, nx, ny, r);
		window.forEachAgreeing(k -> {
			if (window.count < 5) {
				outlier[k] = true;
				return;
			}
			// v less the median falls as the median rises
			double fromLower = v[k] - window.lower;
			double fromUpper = v[k] - window.upper;
			if (fromLower < -limit || fromUpper > limit) outlier[k] = true;
			else if (Math.abs(fromLower) > limit || Math.abs(fromUpper) > limit) {
				outlier[k] = Math.abs(v[k] - window.median()) > limit;
			}
		});
		return outlier;
	}

	/**
	 * At each agreeing node, {@code raw} moved by the whole number of periods that brings it
	 * nearest the median of {@code coarse} over the agreeing nodes within {@code r} steps; 0 at the
	 * others. The median is taken only where its bounds (see MedianWindow) round to different
	 * numbers of periods: the number grows with the median.
	 */
	static double[] nearestToMedians(double[] raw, double[] coarse, boolean[] ok, int nx, int ny, int r,
		double period)
	{
		double[] value = new double[raw.length];
		MedianWindow window = new MedianWindow(coarse, ok, nx, ny, r);
		window.forEachAgreeing(k -> {
			long turns = Math.round((window.lower - raw[k]) / period);
			long upperTurns = Math.round((window.upper - raw[k]) / period);
			if (turns != upperTurns) turns = turnsOfMedian(window, raw[k], period, turns, upperTurns);
			value[k] = raw[k] + period * turns;
		});
		return value;
	}

	/**
	 * round((median - raw) / period) for the window's median, whose bounds give {@code low} and
	 * {@code high}. When they are one apart, the turn is settled by counting the window's values up
	 * to the largest number that still gives {@code low}: the median (the middle value, or the mean
	 * of two) gives {@code low} when more than half the values do, {@code high} when fewer than
	 * half do; otherwise it is computed.
	 */
	static long turnsOfMedian(MedianWindow window, double raw, double period, long low, long high) {
		if (high == low + 1) {
			double last = lastTurning(raw, period, low);
			if (!Double.isNaN(last)) {
				int atMost = window.atMost(last);
				int half = window.count / 2;
				if (atMost > half) return low;
				if (atMost < half || window.count % 2 == 1) return high;
			}
		}
		return Math.round((window.median() - raw) / period);
	}

	/**
	 * The largest x for which round((x - raw) / period) is at most {@code turns} (it grows with x),
	 * found a few representable numbers from raw + (turns + 1/2) period; NaN when not found within 64.
	 */
	static double lastTurning(double raw, double period, long turns) {
		double x = raw + (turns + 0.5) * period;
		if (Math.round((x - raw) / period) <= turns) {
			for (int step = 0; step < 64; step++) {
				double up = Math.nextUp(x);
				if (Math.round((up - raw) / period) > turns) return x;
				x = up;
			}
		}
		else {
			for (int step = 0; step < 64; step++) {
				x = Math.nextDown(x);
				if (Math.round((x - raw) / period) <= turns) return x;
			}
		}
		return Double.NaN;
	}

	/**
	 * The agreeing nodes within r steps of each node of a row of nodes, column by column of nodes,
	 * each column's sorted. A window's median (the middle value, or the mean of the two middle
	 * values) lies between the smallest of its columns' lower middle values and the largest of
	 * their upper middle values: with every column's lower middle at least L, each column has at
	 * most ceil(n_c / 2) - 1 values below L, so the window has at most (n - 1) / 2 below L, and its
	 * lower middle is at least L (likewise above). These bounds cost a few comparisons; the median
	 * itself is found only where they do not settle what it is asked for.
	 */
	static final class MedianWindow {
		private final double[] v;
		private final boolean[] ok;
		private final int nx;
		private final int ny;
		private final int r;
		/** Per column of nodes: its agreeing nodes in the row's window, sorted, how many, their middle values. */
		private final double[][] columns;
		private final int[] sizes;
		private final double[] lowerMiddle;
		private final double[] upperMiddle;
		private final double[] gathered;
		/** The last node's window: how many agreeing nodes, and the bounds of their median. */
		int count;
		double lower;
		double upper;
		private int first;
		private int last;
		/** The row of nodes prepared last. */
		private int row = -1;

		MedianWindow(double[] v, boolean[] ok, int nx, int ny, int r) {
			this.v = v;
			this.ok = ok;
			this.nx = nx;
			this.ny = ny;
			this.r = r;
			int side = 2 * r + 1;
			columns = new double[nx][side];
			sizes = new int[nx];
			lowerMiddle = new double[nx];
			upperMiddle = new double[nx];
			gathered = new double[side * side];
		}

		/**
		 * Prepares the windows of row j of nodes. From the row before, each column's sorted nodes
		 * lose the row leaving the window and take in the row entering it.
		 */
		void row(int j) {
			int from = Math.max(0, j - r);
			int to = Math.min(ny - 1, j + r);
			boolean next = j == row + 1 && j > 0;
			row = j;
			int leaving = next && j - r - 1 >= 0 ? (j - r - 1) * nx : -1;
			int entering = next && j + r < ny ? (j + r) * nx : -1;
			for (int a = 0; a < nx; a++) {
				double[] column = columns[a];
				int n;
				if (!next) n = column(v, ok, nx, a, from, to, column);
				else {
					n = sizes[a];
					if (leaving >= 0 && ok[leaving + a]) n = remove(column, n, v[leaving + a]);
					if (entering >= 0 && ok[entering + a]) n = insert(column, n, v[entering + a]);
				}
				sizes[a] = n;
				if (n == 0) continue;
				lowerMiddle[a] = column[(n - 1) / 2];
				upperMiddle[a] = column[n / 2];
			}
		}

		/**
		 * Every agreeing node k in order, row by row of nodes, each with its window prepared
		 * ({@link #row}, then {@link #node}): count, lower and upper are its window's when k is visited.
		 */
		void forEachAgreeing(java.util.function.IntConsumer atNode) {
			for (int j = 0; j < ny; j++) {
				row(j);
				for (int i = 0; i < nx; i++) {
					int k = j * nx + i;
					if (!ok[k]) continue;
					node(i);
					atNode.accept(k);
				}
			}
		}

		/** The window of node i of the row: its count and the bounds of its median (none when it is empty). */
		void node(int i) {
			first = Math.max(0, i - r);
			last = Math.min(nx - 1, i + r);
			int n = 0;
			double lo = Double.POSITIVE_INFINITY;
			double hi = Double.NEGATIVE_INFINITY;
			for (int a = first; a <= last; a++) {
				if (sizes[a] == 0) continue;
				n += sizes[a];
				lo = Math.min(lo, lowerMiddle[a]);
				hi = Math.max(hi, upperMiddle[a]);
			}
			count = n;
			lower = lo;
			upper = hi;
		}

		/** How many values of the last window {@link #node} was given are at most t. */
		int atMost(double t) {
			int n = 0;
			for (int a = first; a <= last; a++) {
				double[] column = columns[a];
				for (int q = 0, size = sizes[a]; q < size; q++) n += column[q] <= t ? 1 : 0;
			}
			return n;
		}

		/**
		 * The median of the last window {@link #node} was given. Both middle values lie between the
		 * bounds: it is selected from the values between them, after those below the lower one
		 * (gathered and counted without a branch).
		 */
		double median() {
			int below = 0;
			int n = 0;
			double lo = lower;
			double hi = upper;
			for (int a = first; a <= last; a++) {
				double[] column = columns[a];
				for (int q = 0, size = sizes[a]; q < size; q++) {
					double x = column[q];
					gathered[n] = x;
					below += x < lo ? 1 : 0;
					n += x >= lo & x <= hi ? 1 : 0;
				}
			}
			int m = count / 2 - below;
			Selection.select(gathered, n, m);
			if (count % 2 == 1) return gathered[m];
			// selection leaves the smaller ones in front: the largest of them is the lower middle value
			double lowerMiddle = gathered[0];
			for (int q = 1; q < m; q++) if (gathered[q] > lowerMiddle) lowerMiddle = gathered[q];
			return (lowerMiddle + gathered[m]) / 2;
		}
	}

	/** The sorted values[0, n) less one that equals value; returns how many are left. */
	private static int remove(double[] values, int n, double value) {
		int p = 0;
		while (values[p] != value) p++;
		System.arraycopy(values, p + 1, values, p, n - p - 1);
		return n - 1;
	}

	/** The sorted values[0, n) with value put in its place; returns how many there are. */
	private static int insert(double[] values, int n, double value) {
		int p = n;
		for (; p > 0 && values[p - 1] > value; p--) values[p] = values[p - 1];
		values[p] = value;
		return n + 1;
	}

	/** The agreeing nodes of column a, rows from..to, sorted into out; returns how many. */
	private static int column(double[] v, boolean[] ok, int nx, int a, int from, int to, double[] out) {
		int n = 0;
		for (int b = from; b <= to; b++) {
			if (!ok[b * nx + a]) continue;
			double value = v[b * nx + a];
			int p = n++;
			for (; p > 0 && out[p - 1] > value; p--) out[p] = out[p - 1];
			out[p] = value;
		}
		return n;
	}

	/** Subtracts the least-squares plane a + b i + c j through the agreeing nodes. */
	private static void removeAffine(double[] v, boolean[] ok, int nx, int ny) {
		double[][] m = new double[3][3];
		double[] r = new double[3];
		for (int k = 0; k < v.length; k++) {
			if (!ok[k]) continue;
			double[] f = { 1, k % nx / (double) nx, k / nx / (double) ny };
			for (int p = 0; p < 3; p++) {
				r[p] += f[p] * v[k];
				for (int q = 0; q < 3; q++) m[p][q] += f[p] * f[q];
			}
		}
		double[] c = Perspective.solve(m, r);
		if (c == null) return;
		for (int k = 0; k < v.length; k++) v[k] -= c[0] + c[1] * (k % nx) / (double) nx + c[2] * (k / nx) / (double) ny;
	}

	/**
	 * A smooth field from the agreeing nodes: a Gaussian-weighted mean of them (sigma one node), and
	 * where none is near, of ever wider neighbourhoods.
	 */
	private static float[] fill(double[] v, boolean[] ok, int nx, int ny) {
		float[] out = new float[v.length];
		// no agreeing node: every blurred weight is 0, and so is every value
		if (count(ok) == 0) return out;
		boolean[] done = new boolean[v.length];
		for (double sigma : new double[] { 1, 3, 9, 27 }) {
			int r = (int) Math.ceil(2.5 * sigma);
			double[] kernel = new double[2 * r + 1];
			for (int d = -r; d <= r; d++) kernel[d + r] = Math.exp(-d * d / (2 * sigma * sigma));
			// separable: rows then columns, on weighted values and on weights
			double[] wv = new double[v.length];
			double[] ww = new double[v.length];
			for (int k = 0; k < v.length; k++) {
				if (!ok[k]) continue;
				wv[k] = v[k];
				ww[k] = 1;
			}
			// each wider pass is needed only where the narrower ones left nodes without a value
			boolean[] needed = new boolean[v.length];
			for (int k = 0; k < v.length; k++) needed[k] = !done[k];
			double[][] blurred = { blur(wv, nx, ny, kernel, r, needed), blur(ww, nx, ny, kernel, r, needed) };
			boolean all = true;
			for (int k = 0; k < v.length; k++) {
				if (done[k]) continue;
				if (blurred[1][k] > 0.2) {
					out[k] = (float) (blurred[0][k] / blurred[1][k]);
					done[k] = true;
				}
				else {
					all = false;
				}
			}
			if (all) break;
		}
		return out;
	}

	/**
	 * The lattice blurred along its rows, then its columns, at the nodes marked {@code needed}
	 * (the same sums as blurring everywhere); 0 elsewhere. The row pass runs on the columns that hold
	 * a needed node, within r rows of a row that holds one; the column pass at the needed nodes.
	 */
	static double[] blur(double[] v, int nx, int ny, double[] kernel, int r, boolean[] needed) {
		boolean[] column = new boolean[nx];
		// the rows the column pass reads
		boolean[] near = new boolean[ny];
		int marked = -1;
		for (int k = 0; k < v.length; k++) {
			if (!needed[k]) continue;
			column[k % nx] = true;
			// rows come in order: those up to marked are marked already
			int j = k / nx;
			for (int b = Math.max(marked + 1, j - r), last = Math.min(ny - 1, j + r); b <= last; b++) near[b] = true;
			marked = Math.max(marked, Math.min(ny - 1, j + r));
		}
		double[] rows = new double[v.length];
		for (int j = 0; j < ny; j++) {
			if (!near[j]) continue;
			int first = j * nx;
			for (int i = 0; i < nx; i++) {
				if (!column[i]) continue;
				double s = 0;
				for (int d = Math.max(-r, -i), last = Math.min(r, nx - 1 - i); d <= last; d++) {
					s += kernel[d + r] * v[first + i + d];
				}
				rows[first + i] = s;
			}
		}
		double[] out = new double[v.length];
		for (int k = 0; k < v.length; k++) {
			if (!needed[k]) continue;
			int j = k / nx;
			double s = 0;
			for (int d = Math.max(-r, -j), last = Math.min(r, ny - 1 - j); d <= last; d++) {
				s += kernel[d + r] * rows[k + d * nx];
			}
			out[k] = s;
		}
		return out;
	}

	private static double sq(double v) {
		return v * v;
	}

	private static int count(boolean[] ok) {
		int c = 0;
		for (boolean b : ok) if (b) c++;
		return c;
	}
}
