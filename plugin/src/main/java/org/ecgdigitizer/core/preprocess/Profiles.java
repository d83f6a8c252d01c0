package org.ecgdigitizer.core.preprocess;

/**
 * Projection profiles of a plane across tilted lines, and spectral measurements on them.
 * The grid of ECG paper shows up as a periodic profile whose period is the grid pitch.
 */
final class Profiles {

	private Profiles() {}

	/**
	 * A plane to take projection profiles of. A line's offset and splatting weights depend only on
	 * its own position, so they are computed once per line, and the weights on bins are added up per
	 * line rather than per pixel. Near-vertical lines are splatted a row at a time; near-horizontal
	 * ones either from a copy of the plane made column by column, reading memory in order (worth it
	 * for a plane that is projected many times), or from the plane read row by row.
	 */
	static final class Projector {
		private final float[] p;
		/** Pixel (x, y) is p[origin + y * scan + x]: a whole plane, or a rectangle of a larger one. */
		private final int origin;
		private final int scan;
		private final int w;
		private final int h;
		private final boolean byColumns;
		/** The plane transposed: column x is columns[x * h .. x * h + h). */
		private float[] columns;

		/**
		 * @param byColumns whether to copy the plane column by column for near-horizontal lines: it
		 *            costs about as much as three profiles of the plane at every pixel
		 */
		Projector(float[] p, int w, int h, boolean byColumns) {
			this(p, 0, w, w, h, byColumns);
		}

		/**
		 * The w x h rectangle of a plane whose rows are scan pixels long, starting at origin: projected as
		 * a copy of it would be, without the copy.
		 */
		Projector(float[] p, int origin, int scan, int w, int h, boolean byColumns) {
			this.p = p;
			this.origin = origin;
			this.scan = scan;
			this.w = w;
			this.h = h;
			this.byColumns = byColumns;
		}

		/** Where row y starts in p. */
		private int row(int y) {
			return origin + y * scan;
		}

		/** {@link #profile(int, int, int, int, double, boolean, int, double[])} of the whole plane. */
		double[] profile(double tan, boolean across, int stride) {
			return profile(0, 0, w, h, tan, across, stride, null);
		}

		/**
		 * Mean plane value along lines tilted by {@code tan} (dy/dx for near-horizontal lines,
		 * -dx/dy for near-vertical ones), binned by the perpendicular coordinate at one-pixel
		 * spacing with linear splatting. Rows and columns outside [x0,x1) x [y0,y1) are skipped;
		 * {@code stride} subsamples along the lines for speed.
		 *
		 * @param across true: profile over y of near-horizontal lines; false: over x of near-vertical lines
		 * @return the profile; index i is coordinate {@code i + offset[0]}
		 */
		double[] profile(int x0, int y0, int x1, int y1, double tan, boolean across, int stride, double[] offset) {
			double cx = (x0 + x1) / 2.0;
			double cy = (y0 + y1) / 2.0;
			Bins bins = new Bins(x0, y0, x1, y1, tan, across);
			double lo = bins.lo;
			double[] sum = bins.sum;
			double[] cntStep = bins.cntStep;
			// every pixel of a line falls at its position along the line plus the line's own shift
			if (across && byColumns) {
				float[] t = columns();
				for (int x = x0; x < x1; x += stride) splatLine(t, x * h, y0, y1, -(x - cx) * tan - lo, sum, cntStep);
			}
			else if (across) {
				acrossRows(p, origin, scan, y0, y1, new RowRuns[] { new RowRuns(x0, x1, tan, stride, lo, y0, y1, sum,
					cntStep) });
			}
			else {
				for (int y = y0; y < y1; y += stride) splatLine(p, row(y), x0, x1, (y - cy) * tan - lo, sum, cntStep);
			}
			return mean(sum, cntStep, lo, offset);
		}

		/**
		 * The profiles of near-horizontal lines over bands of columns [edges[s], edges[s + 1]) and every
		 * row, each as {@link #profile(int, int, int, int, double, boolean, int, double[])} gives it (offset
		 * into offsets[s]). Read from the rows, the bands take them together, so that each row is read once
		 * and in order rather than a band's width at a time.
		 */
		double[][] acrossBands(int[] edges, double tan, int stride, double[][] offsets) {
			int bands = edges.length - 1;
			double[][] out = new double[bands][];
			if (byColumns) {
				for (int s = 0; s < bands; s++) out[s] = profile(edges[s], 0, edges[s + 1], h, tan, true, stride, offsets[s]);
				return out;
			}
			RowRuns[] runs = new RowRuns[bands];
			Bins[] bins = new Bins[bands];
			for (int s = 0; s < bands; s++) {
				// the bins profile() gives the band
				Bins b = bins[s] = new Bins(edges[s], 0, edges[s + 1], h, tan, true);
				runs[s] = new RowRuns(edges[s], edges[s + 1], tan, stride, b.lo, 0, h, b.sum, b.cntStep);
			}
			acrossRows(p, origin, scan, 0, h, runs);
			for (int s = 0; s < bands; s++) out[s] = mean(bins[s].sum, bins[s].cntStep, bins[s].lo, offsets[s]);
			return out;
		}

		private float[] columns() {
			if (columns == null) {
				columns = new float[w * h];
				// in blocks of rows, so that the columns being written stay in the cache
				int block = 16;
				for (int y0 = 0; y0 < h; y0 += block) {
					int y1 = Math.min(h, y0 + block);
					for (int x = 0; x < w; x++) {
						for (int y = y0; y < y1; y++) columns[x * h + y] = p[row(y) + x];
					}
				}
			}
			return columns;
		}
	}

	/**
	 * Most a line may lie off the tilt its strip was projected at, summed over a strip's width, in
	 * pixels. Strips also splat their profiles once more, which smooths a little and a little less
	 * near tilts where all strips fall at the same fraction of a bin: an eighth of a pixel keeps the
	 * peak of a search within a few hundredths of a degree of where projecting every tilt puts it.
	 */
	static final double STRIP_BLUR = 0.125;

	/**
	 * How sharply each tilt aligns with the plane's lines: the variance of the profile of
	 * near-horizontal lines plus that of near-vertical ones (tans ascending, stride as in
	 * {@link Projector#profile(double, boolean, int)}). A search over nearby tilts projects the plane
	 * once into strips at its central tilt ({@link Sweep}) and shifts and adds the strips for each
	 * tilt, when strips narrow enough to keep the blur within STRIP_BLUR cost less than projecting
	 * the plane at every tilt. All tilts of a search share the one central tilt, so the strips smooth
	 * their profiles alike and their scores compare fairly.
	 */
	static double[] sharpness(Projector p, double[] tans, int stride) {
		int tilts = tans.length;
		double[] out = new double[tilts];
		if (!onePass(tans, stride)) {
			for (int i = 0; i < tilts; i++) out[i] = projectedScore(p, tans[i], stride);
			return out;
		}
		double base = (tans[0] + tans[tilts - 1]) / 2;
		int lines = linesPerStrip((tans[tilts - 1] - tans[0]) / 2, stride);
		Sweep horizontal = new Sweep(p, base, true, stride, lines);
		Sweep vertical = new Sweep(p, base, false, stride, lines);
		for (int i = 0; i < tilts; i++) out[i] = stripScore(horizontal, vertical, tans[i]);
		return out;
	}

	/** A tilt's score from the plane projected at that tilt. */
	private static double projectedScore(Projector p, double tan, int stride) {
		return variance(p.profile(tan, true, stride)) + variance(p.profile(tan, false, stride));
	}

	/** A tilt's score from strips shifted and added ({@link Sweep}). */
	private static double stripScore(Sweep horizontal, Sweep vertical, double tan) {
		return variance(horizontal.profile(tan)) + variance(vertical.profile(tan));
	}

	/**
	 * A strip score that falls this much short of the best strip score still starts a climb on
	 * projected scores in {@link #sharpest}: strips blur a profile by at most STRIP_BLUR of a pixel,
	 * which lowers a peak's variance by a few per cent at most.
	 */
	static final double CANDIDATE_MARGIN = 0.15;

	/**
	 * The scores a search for the sharpest tilt reads (tans ascending): {@link #sharpness} at the best
	 * tilt and at its two neighbours, and NEGATIVE_INFINITY at tilts that cannot be the best. Where
	 * sharpness would project the plane at every tilt (a range too wide for one set of strips), the
	 * tilts are split into runs narrow enough for strips, each run swept on strips of its own; every
	 * tilt whose strip score is a local peak within CANDIDATE_MARGIN of the best strip score then
	 * climbs on projected scores, one tilt at a time towards the higher neighbour, to its nearest
	 * peak. The best projected tilt lies on the slope of a strip peak that near the best, so it is
	 * climbed to, and its score and its neighbours' are the ones sharpness gives.
	 */
	static double[] sharpest(Projector p, double[] tans, int stride) {
		int tilts = tans.length;
		int group = stripRun(tans, stride);
		if (group == 0 || onePass(tans, stride)) return sharpness(p, tans, stride);
		double[] strip = new double[tilts];
		for (int first = 0; first < tilts; first += group) {
			int end = Math.min(tilts, first + group);
			double halfRange = (tans[end - 1] - tans[first]) / 2;
			int lines = linesPerStrip(halfRange, stride);
			double base = (tans[first] + tans[end - 1]) / 2;
			Sweep horizontal = new Sweep(p, base, true, stride, lines);
			Sweep vertical = new Sweep(p, base, false, stride, lines);
			for (int i = first; i < end; i++) strip[i] = stripScore(horizontal, vertical, tans[i]);
		}
		double bestStrip = Double.NEGATIVE_INFINITY;
		for (double v : strip) bestStrip = Math.max(bestStrip, v);
		double[] out = new double[tilts];
		java.util.Arrays.fill(out, Double.NaN);
		for (int i = 0; i < tilts; i++) {
			boolean peak = (i == 0 || strip[i] >= strip[i - 1]) && (i == tilts - 1 || strip[i] >= strip[i + 1]);
			if (peak && strip[i] >= (1 - CANDIDATE_MARGIN) * bestStrip) climb(p, tans, stride, i, out);
		}
		for (int i = 0; i < tilts; i++) if (Double.isNaN(out[i])) out[i] = Double.NEGATIVE_INFINITY;
		return out;
	}

	/** Climbs from tilt i to the nearest peak of the projected scores, filling in the scores it reads (NaN: not yet). */
	private static void climb(Projector p, double[] tans, int stride, int i, double[] scores) {
		while (true) {
			for (int j = Math.max(0, i - 1); j <= Math.min(tans.length - 1, i + 1); j++) {
				if (Double.isNaN(scores[j])) scores[j] = projectedScore(p, tans[j], stride);
			}
			// towards the higher neighbour, so that every score read lies below the peak its climb ends on
			int next = i;
			if (i > 0 && scores[i - 1] > scores[next]) next = i - 1;
			if (i < tans.length - 1 && scores[i + 1] > scores[next]) next = i + 1;
			if (next == i) return;
			i = next;
		}
	}

	/** Lines per strip that keep the blur within STRIP_BLUR over tilts halfRange (tangent) from the base. */
	private static int linesPerStrip(double halfRange, int stride) {
		return halfRange > 0 ? (int) Math.min(1 << 20, 1 + Math.floor(STRIP_BLUR / (stride * halfRange))) : 1 << 20;
	}

	/** Whether one set of strips serves all tilts for less than projecting each ({@link #sharpness}'s choice). */
	private static boolean onePass(double[] tans, int stride) {
		int tilts = tans.length;
		int lines = linesPerStrip(tilts == 0 ? 0 : (tans[tilts - 1] - tans[0]) / 2, stride);
		// cost in walks of the plane: one for the strips, then a strip's share of one per tilt
		return !(lines < 2 || 1 + tilts / (double) lines >= tilts);
	}

	/**
	 * How many neighbouring tilts {@link #sharpest} sweeps on one set of strips: the run that costs
	 * least per tilt (a walk of the plane for the strips, then a strip's share of one per tilt),
	 * or 0 when no run of strips costs less than projecting every tilt.
	 */
	private static int stripRun(double[] tans, int stride) {
		int best = 0;
		double bestCost = 1;
		for (int run = 2; run <= Math.min(tans.length, 32); run++) {
			int lines = linesPerStrip((tans[run - 1] - tans[0]) / 2, stride);
			if (lines < 2) break;
			// a run's cost over its own tilts, in walks of the plane, and a climb's few projections
			double cost = 1.0 / run + 1.0 / lines;
			if (cost < bestCost) {
				bestCost = cost;
				best = run;
			}
		}
		return bestCost < 0.7 ? best : 0;
	}

	/**
	 * Profiles of one line family at tilts near a base tilt. The lines the profile adds up (every
	 * stride-th column of the plane for near-horizontal lines, row for near-vertical ones) are
	 * grouped into strips of a few lines, and each strip is projected once, at the base tilt about
	 * its own centre. The profile at a tilt is then the strips' profiles shifted, with linear
	 * splatting, to where that tilt puts each strip's centre: inside a strip the lines keep the
	 * base tilt, which blurs the profile by the strip's width times the difference of the tangents.
	 */
	static final class Sweep {
		private final boolean across;
		/** The plane's centre across the strips (x for near-horizontal lines, y for near-vertical ones). */
		private final double centre;
		/** The plane's extent across the strips (w for near-horizontal lines, h for near-vertical ones). */
		private final int extent;
		/** Each strip's profile: local bin j is coordinate j + localLo about the strip's centre. */
		private final double[][] sums;
		/** Each strip's weights as differences: nonzero only at the ends, so kept as (bin, value) pairs. */
		private final int[][] stepBins;
		private final double[][] steps;
		private final double[] stripCentre;
		private final double localLo;

		Sweep(Projector p, double baseTan, boolean across, int stride, int linesPerStrip) {
			this.across = across;
			int w = p.w;
			int h = p.h;
			int lines = ((across ? w : h) + stride - 1) / stride;
			int length = across ? h : w;
			extent = across ? w : h;
			centre = extent / 2.0;
			int strips = (lines + linesPerStrip - 1) / linesPerStrip;
			double halfSpan = (Math.min(linesPerStrip, lines) - 1) * stride / 2.0;
			localLo = -halfSpan * Math.abs(baseTan) - 1;
			int n = length + (int) Math.ceil(2 * halfSpan * Math.abs(baseTan)) + 3;
			sums = new double[strips][];
			stepBins = new int[strips][];
			steps = new double[strips][];
			stripCentre = new double[strips];
			float[] data = across ? p.columns() : p.p;
			// the columns are a copy of their own; rows lie in the plane as the projector sees it
			for (int k = 0; k < strips; k++) {
				int firstLine = k * linesPerStrip;
				int endLine = Math.min(lines, firstLine + linesPerStrip);
				double u = (firstLine + endLine - 1) * stride / 2.0;
				stripCentre[k] = u;
				double[] sum = new double[n];
				double[] step = new double[n + 1];
				for (int line = firstLine; line < endLine; line++) {
					int a = line * stride;
					double shift = (across ? -(a - u) : a - u) * baseTan - localLo;
					splatLine(data, across ? a * length : p.row(a), 0, length, shift, sum, step);
				}
				sums[k] = sum;
				int nonzero = 0;
				for (double v : step) if (v != 0) nonzero++;
				stepBins[k] = new int[nonzero];
				steps[k] = new double[nonzero];
				nonzero = 0;
				for (int i = 0; i < step.length; i++) {
					if (step[i] == 0) continue;
					stepBins[k][nonzero] = i;
					steps[k][nonzero++] = step[i];
				}
			}
		}

		/** The profile at tilt tan, as {@link Projector#profile(double, boolean, int)} gives it (up to the blur). */
		double[] profile(double tan) {
			return profile(tan, null);
		}

		/**
		 * {@link #profile(double)}, binned as {@link Projector#profile(int, int, int, int, double, boolean, int, double[])}
		 * bins the whole plane (bin edges a whole number of pixels apart from its), with its offset.
		 */
		double[] profile(double tan, double[] offset) {
			int length = sums.length == 0 ? 0 : sums[0].length;
			// the whole plane's first bin, less a whole margin for the strips' own
			int margin = (int) Math.ceil(-localLo) + 1;
			double spread = Math.abs(tan) * extent / 2;
			double lo = -spread - 1 - margin;
			int n = length + 2 * margin + (int) Math.ceil(2 * spread) + 4;
			double[] sum = new double[n];
			double[] cntStep = new double[n + 1];
			double sign = across ? -1 : 1;
			for (int k = 0; k < sums.length; k++) {
				double shift = localLo + sign * (stripCentre[k] - centre) * tan - lo;
				int o = (int) Math.floor(shift);
				double f = shift - o;
				double g = 1 - f;
				double[] q = sums[k];
				sum[o] += q[0] * g;
				for (int j = 1; j < length; j++) sum[o + j] += q[j] * g + q[j - 1] * f;
				sum[o + length] += q[length - 1] * f;
				int[] bins = stepBins[k];
				double[] values = steps[k];
				for (int i = 0; i < bins.length; i++) {
					cntStep[o + bins[i]] += values[i] * g;
					cntStep[o + bins[i] + 1] += values[i] * f;
				}
			}
			return mean(sum, cntStep, lo, offset);
		}
	}

	/**
	 * A profile's bins over the rectangle [x0, x1) x [y0, y1) at a tilt: one pixel apart from lo, wide
	 * enough for every line's shift. The perpendicular coordinate is c = y - (x - cx) * tan for
	 * near-horizontal lines (across), c = x + (y - cy) * tan for near-vertical ones.
	 */
	private static final class Bins {
		final double lo;
		final double[] sum;
		/** Weights per bin as differences: a line adds its weight to a run of consecutive bins. */
		final double[] cntStep;

		Bins(int x0, int y0, int x1, int y1, double tan, boolean across) {
			double spread = across ? Math.abs(tan) * (x1 - x0) / 2 : Math.abs(tan) * (y1 - y0) / 2;
			lo = (across ? y0 : x0) - spread - 1;
			double hi = (across ? y1 : x1) + spread + 1;
			int n = (int) Math.ceil(hi - lo) + 2;
			sum = new double[n];
			cntStep = new double[n + 1];
		}
	}

	/**
	 * The profile of near-horizontal lines over every stride-th column of a band [x0, x1), read row by
	 * row: each column falls at y plus its own shift. Columns with the same whole shift form runs; per
	 * image row, a run adds two dot products (with the weights of its bin and of the next) to the
	 * profile.
	 */
	private static final class RowRuns {
		private final int[] column;
		private final double[] g;
		private final double[] f;
		private final int[] runStart;
		private final int[] runOffset;
		private final int runs;
		private final double[] sum;
		/** The second row's sums of a pair, held until the first row's have joined the profile. */
		private final double[] nextA;
		private final double[] nextB;

		/** Adds the columns' weights over rows [y0, y1) to cntStep; the rows' values go to sum. */
		RowRuns(int x0, int x1, double tan, int stride, double lo, int y0, int y1, double[] sum, double[] cntStep) {
			double cx = (x0 + x1) / 2.0;
			int m = (x1 - x0 + stride - 1) / stride;
			column = new int[m];
			g = new double[m];
			f = new double[m];
			runStart = new int[m + 1];
			runOffset = new int[m];
			int count = 0;
			for (int k = 0; k < m; k++) {
				int x = x0 + k * stride;
				double shift = -(x - cx) * tan - lo;
				int o = (int) Math.floor(shift);
				column[k] = x;
				f[k] = shift - o;
				g[k] = 1 - f[k];
				if (count == 0 || runOffset[count - 1] != o) {
					runStart[count] = k;
					runOffset[count++] = o;
				}
				addRun(cntStep, y0 + o, y1 + o, g[k]);
				addRun(cntStep, y0 + o + 1, y1 + o + 1, f[k]);
			}
			runStart[count] = m;
			runs = count;
			this.sum = sum;
			nextA = new double[runs];
			nextB = new double[runs];
		}

		/**
		 * Rows y and y + 1 (starting at row and next in the plane), each with its own sums (twice the
		 * independent additions); the second row's sums join the profile after the first row's, in the
		 * order one row at a time gives.
		 */
		void addTwoRows(float[] p, int row, int next, int y) {
			for (int r = 0; r < runs; r++) {
				int end = runStart[r + 1];
				int k = runStart[r];
				double a0 = 0;
				double a1 = 0;
				double b0 = 0;
				double b1 = 0;
				double c0 = 0;
				double c1 = 0;
				double d0 = 0;
				double d1 = 0;
				for (; k + 1 < end; k += 2) {
					int x0k = column[k];
					int x1k = column[k + 1];
					double g0 = g[k];
					double f0 = f[k];
					double g1 = g[k + 1];
					double f1 = f[k + 1];
					float v0 = p[row + x0k];
					float v1 = p[row + x1k];
					float u0 = p[next + x0k];
					float u1 = p[next + x1k];
					a0 += v0 * g0;
					b0 += v0 * f0;
					a1 += v1 * g1;
					b1 += v1 * f1;
					c0 += u0 * g0;
					d0 += u0 * f0;
					c1 += u1 * g1;
					d1 += u1 * f1;
				}
				if (k < end) {
					float v = p[row + column[k]];
					float u = p[next + column[k]];
					a0 += v * g[k];
					b0 += v * f[k];
					c0 += u * g[k];
					d0 += u * f[k];
				}
				sum[y + runOffset[r]] += a0 + a1;
				sum[y + runOffset[r] + 1] += b0 + b1;
				nextA[r] = c0 + c1;
				nextB[r] = d0 + d1;
			}
			for (int r = 0; r < runs; r++) {
				sum[y + 1 + runOffset[r]] += nextA[r];
				sum[y + 1 + runOffset[r] + 1] += nextB[r];
			}
		}

		/** Row y alone (starting at row in the plane). */
		void addRow(float[] p, int row, int y) {
			for (int r = 0; r < runs; r++) {
				int end = runStart[r + 1];
				int k = runStart[r];
				double a0 = 0;
				double a1 = 0;
				double b0 = 0;
				double b1 = 0;
				for (; k + 1 < end; k += 2) {
					float v0 = p[row + column[k]];
					float v1 = p[row + column[k + 1]];
					a0 += v0 * g[k];
					b0 += v0 * f[k];
					a1 += v1 * g[k + 1];
					b1 += v1 * f[k + 1];
				}
				if (k < end) {
					float v = p[row + column[k]];
					a0 += v * g[k];
					b0 += v * f[k];
				}
				sum[y + runOffset[r]] += a0 + a1;
				sum[y + runOffset[r] + 1] += b0 + b1;
			}
		}
	}

	/**
	 * Rows [y0, y1) of a plane (row y at origin + y * scan) into the profiles of bands of columns, two
	 * rows at a time: every band reads the rows where the one before left them, in the cache, and adds
	 * to its own profile in the order it would alone.
	 */
	private static void acrossRows(float[] p, int origin, int scan, int y0, int y1, RowRuns[] bands) {
		int y = y0;
		for (; y + 1 < y1; y += 2) {
			int row = origin + y * scan;
			for (RowRuns band : bands) band.addTwoRows(p, row, row + scan, y);
		}
		for (; y < y1; y++) {
			int row = origin + y * scan;
			for (RowRuns band : bands) band.addRow(p, row, y);
		}
	}

	/**
	 * Splats the line of pixels data[first + a] for a in [from, to), each at bin a + shift (the same
	 * fraction for all, bins shifted by a whole offset), into sum, and its weights into the
	 * difference array cntStep.
	 */
	private static void splatLine(float[] data, int first, int from, int to, double shift, double[] sum,
		double[] cntStep)
	{
		int o = (int) Math.floor(shift);
		double f = shift - o;
		double g = 1 - f;
		int d = first - o;
		// each pixel read and widened once: the next bin's share of it is carried to the next step
		double before = data[first + from];
		sum[from + o] += before * g;
		for (int i = from + o + 1; i < to + o; i++) {
			double v = data[d + i];
			sum[i] += v * g + before * f;
			before = v;
		}
		sum[to + o] += data[first + to - 1] * f;
		addRun(cntStep, from + o, to + o, g);
		addRun(cntStep, from + o + 1, to + o + 1, f);
	}

	/** The profile from splatted sums and weights: the well-covered bins' means. */
	private static double[] mean(double[] sum, double[] cntStep, double lo, double[] offset) {
		int n = sum.length;
		double[] cnt = new double[n];
		double acc = 0;
		for (int i = 0; i < n; i++) cnt[i] = acc += cntStep[i];
		// Bins covered by few samples (the tilted ends) are noisy: keep the well-covered core.
		double maxCnt = 0;
		for (double c : cnt) maxCnt = Math.max(maxCnt, c);
		int first = 0;
		while (first < n && cnt[first] < 0.5 * maxCnt) first++;
		int last = n - 1;
		while (last > first && cnt[last] < 0.5 * maxCnt) last--;
		double[] out = new double[Math.max(0, last - first + 1)];
		for (int i = first; i <= last; i++) out[i - first] = sum[i] / cnt[i];
		if (offset != null) offset[0] = lo + first;
		return out;
	}

	/** Adds weight to bins [from, to) of a difference array. */
	private static void addRun(double[] step, int from, int to, double weight) {
		step[from] += weight;
		step[to] -= weight;
	}

	/** Variance of a profile: large when tilted lines are aligned with the projection. */
	static double variance(double[] q) {
		if (q.length == 0) return 0;
		double m = 0;
		for (double v : q) m += v;
		m /= q.length;
		double s = 0;
		for (double v : q) s += (v - m) * (v - m);
		return s / q.length;
	}

	/** The profile minus its mean, tapered by a Hann window, ready for spectral evaluation. */
	static double[] windowed(double[] q) {
		int n = q.length;
		double m = 0;
		for (double v : q) m += v;
		m /= Math.max(1, n);
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
			out[i] = (q[i] - m) * hann;
		}
		return out;
	}

	/**
	 * The discrete-time Fourier transform of {@code q} at frequency {@code f} (cycles per sample),
	 * as {re, im}; the phase refers to sample 0. The four quarters of the profile are summed side by
	 * side, each turning its own phasor from its exact starting phase: a phasor's next value waits
	 * for its last, so one chain would leave the processor idle most of the time.
	 */
	static double[] dtft(double[] q, double f) {
		double step = -2 * Math.PI * f;
		double cr = Math.cos(step);
		double ci = Math.sin(step);
		int n = q.length;
		int quarter = n / 4;
		int b = quarter;
		int c = 2 * quarter;
		int d = 3 * quarter;
		double pr0 = 1;
		double pi0 = 0;
		double pr1 = Math.cos(step * b);
		double pi1 = Math.sin(step * b);
		double pr2 = Math.cos(step * c);
		double pi2 = Math.sin(step * c);
		double pr3 = Math.cos(step * d);
		double pi3 = Math.sin(step * d);
		double re0 = 0;
		double im0 = 0;
		double re1 = 0;
		double im1 = 0;
		double re2 = 0;
		double im2 = 0;
		double re3 = 0;
		double im3 = 0;
		for (int i = 0; i < quarter; i++) {
			double v0 = q[i];
			double v1 = q[b + i];
			double v2 = q[c + i];
			double v3 = q[d + i];
			re0 += v0 * pr0;
			im0 += v0 * pi0;
			re1 += v1 * pr1;
			im1 += v1 * pi1;
			re2 += v2 * pr2;
			im2 += v2 * pi2;
			re3 += v3 * pr3;
			im3 += v3 * pi3;
			double t0 = pr0 * cr - pi0 * ci;
			pi0 = pr0 * ci + pi0 * cr;
			pr0 = t0;
			double t1 = pr1 * cr - pi1 * ci;
			pi1 = pr1 * ci + pi1 * cr;
			pr1 = t1;
			double t2 = pr2 * cr - pi2 * ci;
			pi2 = pr2 * ci + pi2 * cr;
			pr2 = t2;
			double t3 = pr3 * cr - pi3 * ci;
			pi3 = pr3 * ci + pi3 * cr;
			pr3 = t3;
			if ((i & 255) == 255) {
				// renormalise the phasors so rounding does not accumulate over long profiles
				double n0 = Math.sqrt(pr0 * pr0 + pi0 * pi0);
				pr0 /= n0;
				pi0 /= n0;
				double n1 = Math.sqrt(pr1 * pr1 + pi1 * pi1);
				pr1 /= n1;
				pi1 /= n1;
				double n2 = Math.sqrt(pr2 * pr2 + pi2 * pi2);
				pr2 /= n2;
				pi2 /= n2;
				double n3 = Math.sqrt(pr3 * pr3 + pi3 * pi3);
				pr3 /= n3;
				pi3 /= n3;
			}
		}
		// the last quarter's few extra samples
		for (int i = d + quarter; i < n; i++) {
			re3 += q[i] * pr3;
			im3 += q[i] * pi3;
			double t3 = pr3 * cr - pi3 * ci;
			pi3 = pr3 * ci + pi3 * cr;
			pr3 = t3;
		}
		return new double[] { (re0 + re1) + (re2 + re3), (im0 + im1) + (im2 + im3) };
	}

	static double power(double[] q, double f) {
		double[] c = dtft(q, f);
		return c[0] * c[0] + c[1] * c[1];
	}

	/** Refines a spectral peak near f by golden-section search on the power, within ±halfWidth. */
	static double refinePeak(double[] q, double f, double halfWidth) {
		double a = f - halfWidth;
		double b = f + halfWidth;
		double g = (Math.sqrt(5) - 1) / 2;
		double c = b - g * (b - a);
		double d = a + g * (b - a);
		double pc = power(q, c);
		double pd = power(q, d);
		for (int it = 0; it < 40; it++) {
			if (pc > pd) {
				b = d;
				d = c;
				pd = pc;
				c = b - g * (b - a);
				pc = power(q, c);
			}
			else {
				a = c;
				c = d;
				pc = pd;
				d = a + g * (b - a);
				pd = power(q, d);
			}
		}
		return (a + b) / 2;
	}
}
