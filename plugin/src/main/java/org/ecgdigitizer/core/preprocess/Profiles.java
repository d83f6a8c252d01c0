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
			this.p = p;
			this.w = w;
			this.h = h;
			this.byColumns = byColumns;
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
			// perpendicular coordinate c = y - (x - cx) * tan   (horizontal lines)
			//                           c = x + (y - cy) * tan   (vertical lines)
			double spread = across ? Math.abs(tan) * (x1 - x0) / 2 : Math.abs(tan) * (y1 - y0) / 2;
			double lo = (across ? y0 : x0) - spread - 1;
			double hi = (across ? y1 : x1) + spread + 1;
			int n = (int) Math.ceil(hi - lo) + 2;
			double[] sum = new double[n];
			// weights per bin as differences: a line adds its weight to a run of consecutive bins
			double[] cntStep = new double[n + 1];
			// every pixel of a line falls at its position along the line plus the line's own shift
			if (across && byColumns) {
				float[] t = columns();
				for (int x = x0; x < x1; x += stride) splatLine(t, x * h, y0, y1, -(x - cx) * tan - lo, sum, cntStep);
			}
			else if (across) {
				acrossRows(p, w, x0, y0, x1, y1, tan, stride, cx, lo, sum, cntStep);
			}
			else {
				for (int y = y0; y < y1; y += stride) splatLine(p, y * w, x0, x1, (y - cy) * tan - lo, sum, cntStep);
			}
			return mean(sum, cntStep, lo, offset);
		}

		private float[] columns() {
			if (columns == null) {
				columns = new float[w * h];
				// in blocks of rows, so that the columns being written stay in the cache
				int block = 16;
				for (int y0 = 0; y0 < h; y0 += block) {
					int y1 = Math.min(h, y0 + block);
					for (int x = 0; x < w; x++) {
						for (int y = y0; y < y1; y++) columns[x * h + y] = p[y * w + x];
					}
				}
			}
			return columns;
		}
	}

	/**
	 * The profile of near-horizontal lines over every stride-th column, read row by row: each
	 * column falls at y plus its own shift. Columns with the same whole shift form runs; per image row, a run adds two dot
	 * products (with the weights of its bin and of the next) to the profile.
	 */
	private static void acrossRows(float[] p, int w, int x0, int y0, int x1, int y1, double tan, int stride,
		double cx, double lo, double[] sum, double[] cntStep)
	{
		int m = (x1 - x0 + stride - 1) / stride;
		int[] column = new int[m];
		double[] g = new double[m];
		double[] f = new double[m];
		int[] runStart = new int[m + 1];
		int[] runOffset = new int[m];
		int runs = 0;
		for (int k = 0; k < m; k++) {
			int x = x0 + k * stride;
			double shift = -(x - cx) * tan - lo;
			int o = (int) Math.floor(shift);
			column[k] = x;
			f[k] = shift - o;
			g[k] = 1 - f[k];
			if (runs == 0 || runOffset[runs - 1] != o) {
				runStart[runs] = k;
				runOffset[runs++] = o;
			}
			addRun(cntStep, y0 + o, y1 + o, g[k]);
			addRun(cntStep, y0 + o + 1, y1 + o + 1, f[k]);
		}
		runStart[runs] = m;
		// two rows at a time, each with its own sums (twice the independent additions); the second
		// row's sums join the profile after the first row's, in the order one row at a time gives
		double[] nextA = new double[runs];
		double[] nextB = new double[runs];
		int y = y0;
		for (; y + 1 < y1; y += 2) {
			int row = y * w;
			int next = row + w;
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
		for (; y < y1; y++) {
			int row = y * w;
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
		sum[from + o] += data[first + from] * g;
		for (int i = from + o + 1; i < to + o; i++) sum[i] += data[d + i] * g + data[d + i - 1] * f;
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
	 * as {re, im}; the phase refers to sample 0.
	 */
	static double[] dtft(double[] q, double f) {
		double step = -2 * Math.PI * f;
		double cr = Math.cos(step);
		double ci = Math.sin(step);
		double pr = 1;
		double pi = 0;
		double re = 0;
		double im = 0;
		for (int i = 0; i < q.length; i++) {
			re += q[i] * pr;
			im += q[i] * pi;
			double t = pr * cr - pi * ci;
			pi = pr * ci + pi * cr;
			pr = t;
			if ((i & 255) == 255) {
				// renormalise the phasor so rounding does not accumulate over long profiles
				double norm = Math.hypot(pr, pi);
				pr /= norm;
				pi /= norm;
			}
		}
		return new double[] { re, im };
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
