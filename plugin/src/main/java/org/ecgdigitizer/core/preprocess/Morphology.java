package org.ecgdigitizer.core.preprocess;

/**
 * Running minimum and maximum filters along rows or columns (van Herk / Gil-Werman, O(1) per
 * pixel). Both directions read and write the plane row by row; the column filters keep only a
 * few blocks of rows as buffers.
 */
public final class Morphology {

	private Morphology() {}

	/**
	 * White top-hat of a plane along one direction: the plane minus its opening by a line of
	 * {@code length} pixels. What remains is bright structure narrower than the line in that
	 * direction; broad bright areas vanish.
	 */
	public static float[] topHat(float[] p, int w, int h, int length, boolean alongRows) {
		// an odd, centred window keeps the opening below the plane (an even one is lopsided)
		length |= 1;
		float[] opened = alongRows ? maxRows(minRows(p, w, h, length), w, h, length) : maxColumns(minColumns(p, w, h,
			length), w, h, length);
		for (int i = 0; i < opened.length; i++) opened[i] = p[i] - opened[i];
		return opened;
	}

	/**
	 * Replaces the plane by the larger of its two top-hats, along rows and along columns, by a line
	 * of {@code length} pixels (as {@link #topHat} computes them): what is thin in at least one
	 * direction stays. The plane's values must not be negative. {@code scratch} (the plane's size)
	 * is overwritten.
	 *
	 * <p>On a plane of non-negative values the opening is 0 wherever a window of the line holds a
	 * 0, so it is computed only on runs of positive pixels that a window fits in; there it is the
	 * same as on the whole line. Ink on a page with its grid removed is sparse, so this is a small
	 * part of the page. Where a pixel's run along its row is too short to be opened, its row top-hat
	 * is the pixel itself, the larger of the two: only the pixels of long row runs change.</p>
	 */
	static void largerTopHat(float[] p, int w, int h, int length, float[] scratch) {
		largerTopHat(p, Bits.above(p, w, h, 0f), length, scratch);
	}

	/** {@link #largerTopHat(float[], int, int, int, float[])} given the plane's pixels above 0. */
	static void largerTopHat(float[] p, Bits positive, int length, float[] scratch) {
		int w = positive.w;
		int h = positive.h;
		length |= 1;
		int half = length / 2;
		LineOpening opening = new LineOpening(length, Math.max(w, h));
		// the opening along columns, into scratch: read only on long row runs, so a short column run
		// (not opened: its opening is 0) only needs what the scratch plane held cleared
		positive.columnRuns((x, a, b) -> {
			if (b - a > half) opening.openRun(p, x, w, h, a, b, scratch);
			else for (int y = a; y < b; y++) scratch[y * w + x] = 0;
		});
		float[] rowOpening = new float[w];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			// every long run of the row is opened before any is replaced: the openings read the row as it was
			boolean any = false;
			for (int x = positive.nextSet(y, 0); x < w; ) {
				int end = positive.nextClear(y, x);
				if (end - x > half) {
					opening.openRun(p, row, 1, w, x, end, rowOpening, -row);
					any = true;
				}
				x = positive.nextSet(y, end);
			}
			if (!any) continue;
			for (int x = positive.nextSet(y, 0); x < w; ) {
				int end = positive.nextClear(y, x);
				if (end - x > half) {
					for (int i = row + x; i < row + end; i++) p[i] = Math.max(p[i] - rowOpening[i - row], p[i] - scratch[i]);
				}
				x = positive.nextSet(y, end);
			}
		}
	}

	/** The opening (erosion, then dilation) along a line of pixels, by van Herk / Gil-Werman, with its buffers. */
	private static final class LineOpening {
		final int k;
		final int half;
		final float[] padded;
		final float[] g;
		final float[] s;
		final float[] eroded;

		LineOpening(int k, int maxLength) {
			this.k = k;
			half = k / 2;
			padded = new float[maxLength + k];
			g = new float[maxLength + k];
			s = new float[maxLength + k];
			eroded = new float[maxLength];
		}

		/**
		 * Opens the positive run [a, b) of the line of pixels src[first + i * step], 0 <= i < size, and
		 * writes the opening at run pixel i to out[first + i * step + shift]. The run's opening depends on
		 * pixels up to a window beyond it only.
		 */
		void openRun(float[] src, int first, int step, int size, int a, int b, float[] out, int shift) {
			int from = Math.max(0, a - k);
			int to = Math.min(size, b + k);
			open(src, first + from * step, step, to - from);
			for (int i = a; i < b; i++) out[first + i * step + shift] = eroded[i - from];
		}

		/** {@link #openRun(float[], int, int, int, int, int, float[], int)} for a column's run, into the same column of out. */
		void openRun(float[] src, int x, int w, int h, int a, int b, float[] out) {
			openRun(src, x, w, h, a, b, out, 0);
		}

		/** The opening of src[from + i * step], 0 <= i < len, into eroded[0 .. len), the line's ends padded. */
		void open(float[] src, int from, int step, int len) {
			for (int i = 0; i < len; i++) padded[half + i] = src[from + i * step];
			erode(len);
			// the dilation is the erosion of the negated values (negating is exact)
			for (int i = 0; i < len; i++) padded[half + i] = -eroded[i];
			erode(len);
			for (int i = 0; i < len; i++) eroded[i] = -eroded[i];
		}

		/** The minimum of each window of k of padded (its line padded by +infinity) into eroded[0 .. len). */
		private void erode(int len) {
			int n = len + k - 1;
			for (int i = 0; i < half; i++) {
				padded[i] = Float.POSITIVE_INFINITY;
				padded[half + len + i] = Float.POSITIVE_INFINITY;
			}
			for (int block = 0; block < n; block += k) {
				int end = Math.min(n, block + k);
				float acc = Float.POSITIVE_INFINITY;
				for (int j = block; j < end; j++) g[j] = acc = Math.min(acc, padded[j]);
				acc = Float.POSITIVE_INFINITY;
				for (int j = end - 1; j >= block; j--) s[j] = acc = Math.min(acc, padded[j]);
			}
			for (int x = 0; x < len; x++) eroded[x] = Math.min(s[x], g[x + k - 1]);
		}
	}

	public static float[] minRows(float[] p, int w, int h, int length) {
		return filterRows(p, w, h, length, true);
	}

	public static float[] maxRows(float[] p, int w, int h, int length) {
		return filterRows(p, w, h, length, false);
	}

	public static float[] minColumns(float[] p, int w, int h, int length) {
		float[] out = p.clone();
		filterColumnsInPlace(out, w, h, length, true);
		return out;
	}

	public static float[] maxColumns(float[] p, int w, int h, int length) {
		float[] out = p.clone();
		filterColumnsInPlace(out, w, h, length, false);
		return out;
	}

	private static float[] filterRows(float[] p, int w, int h, int length, boolean min) {
		float[] out = new float[p.length];
		RowFilter rows = new RowFilter(w, length);
		for (int y = 0; y < h; y++) rows.filter(p, y * w, out, y * w, min);
		return out;
	}

	/** Van Herk / Gil-Werman along one row, with its buffers. */
	private static final class RowFilter {
		final int w;
		final int k;
		final float[] g;
		final float[] hh;

		RowFilter(int w, int length) {
			this.w = w;
			k = Math.max(1, length);
			g = new float[w + k];
			hh = new float[w + k];
		}

		/** The window extreme of src[from .. from + w) into dst[to .. to + w). */
		void filter(float[] src, int from, float[] dst, int to, boolean min) {
			int half = k / 2;
			int n = w + k - 1;
			float pad = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
			// padded row: index j holds pixel j - half
			for (int block = 0; block < n; block += k) {
				int end = Math.min(n, block + k);
				float acc = pad;
				for (int j = block; j < end; j++) {
					int x = j - half;
					float v = x >= 0 && x < w ? src[from + x] : pad;
					acc = min ? Math.min(acc, v) : Math.max(acc, v);
					g[j] = acc;
				}
				acc = pad;
				for (int j = end - 1; j >= block; j--) {
					int x = j - half;
					float v = x >= 0 && x < w ? src[from + x] : pad;
					acc = min ? Math.min(acc, v) : Math.max(acc, v);
					hh[j] = acc;
				}
			}
			for (int x = 0; x < w; x++) {
				// window [x - half, x - half + k - 1] in pixels = [x, x + k - 1] in padded indices
				float a = hh[x];
				float b = g[x + k - 1];
				dst[to + x] = min ? Math.min(a, b) : Math.max(a, b);
			}
		}
	}

	/**
	 * Van Herk / Gil-Werman along columns, in place, sweeping whole rows at a time so memory is
	 * read in order: prefix extremes (g) and suffix extremes (s) within blocks of {@code length}
	 * padded rows. An output row needs the suffixes of its own block and the prefixes of the next,
	 * so two blocks are buffered; both are computed before any row they cover is overwritten.
	 */
	private static void filterColumnsInPlace(float[] p, int w, int h, int length, boolean min) {
		int k = Math.max(1, length);
		int half = k / 2;
		int n = h + k - 1; // padded rows: index j holds image row j - half
		float pad = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
		float[] gCur = new float[k * w];
		float[] sCur = new float[k * w];
		float[] gNext = new float[k * w];
		float[] sNext = new float[k * w];
		columnBlock(p, w, h, 0, k, n, half, pad, min, gCur, sCur);
		for (int block = 0; block * k < h; block++) {
			int start = block * k;
			if (start + k < n) columnBlock(p, w, h, start + k, k, n, half, pad, min, gNext, sNext);
			for (int y = start; y < Math.min(h, start + k); y++) {
				// window rows [y - half, y - half + k - 1] = padded [y, y + k - 1]
				int a = (y - start) * w;
				int last = y + k - 1;
				float[] g = last < start + k ? gCur : gNext;
				int b = (last < start + k ? last - start : last - start - k) * w;
				int o = y * w;
				for (int x = 0; x < w; x++) p[o + x] = min ? Math.min(sCur[a + x], g[b + x]) : Math.max(sCur[a + x], g[b
					+ x]);
			}
			float[] t = gCur;
			gCur = gNext;
			gNext = t;
			t = sCur;
			sCur = sNext;
			sNext = t;
		}
	}

	/** Prefix (g) and suffix (s) extremes of padded rows [start, start + k) ∩ [0, n), row by row. */
	private static void columnBlock(float[] p, int w, int h, int start, int k, int n, int half, float pad,
		boolean min, float[] g, float[] s)
	{
		int end = Math.min(n, start + k);
		for (int j = start; j < end; j++) {
			int y = j - half;
			int o = (j - start) * w;
			boolean inside = y >= 0 && y < h;
			int row = y * w;
			if (j == start) {
				for (int x = 0; x < w; x++) g[o + x] = inside ? p[row + x] : pad;
			}
			else {
				for (int x = 0; x < w; x++) {
					float v = inside ? p[row + x] : pad;
					g[o + x] = min ? Math.min(g[o - w + x], v) : Math.max(g[o - w + x], v);
				}
			}
		}
		for (int j = end - 1; j >= start; j--) {
			int y = j - half;
			int o = (j - start) * w;
			boolean inside = y >= 0 && y < h;
			int row = y * w;
			if (j == end - 1) {
				for (int x = 0; x < w; x++) s[o + x] = inside ? p[row + x] : pad;
			}
			else {
				for (int x = 0; x < w; x++) {
					float v = inside ? p[row + x] : pad;
					s[o + x] = min ? Math.min(s[o + w + x], v) : Math.max(s[o + w + x], v);
				}
			}
		}
	}
}
