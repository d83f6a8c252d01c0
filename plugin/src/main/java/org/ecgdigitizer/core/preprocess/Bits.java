package org.ecgdigitizer.core.preprocess;

/**
 * A set of pixels (ink, say) as bits, row by row, 64 pixels to a word. Ink is sparse, and runs of
 * set pixels are found a word at a time; columns are followed row by row, looking only at the
 * columns where a run starts or ends.
 */
final class Bits {

	final int w;
	final int h;
	/** Words per row. */
	final int words;
	final long[] bits;

	Bits(int w, int h) {
		this.w = w;
		this.h = h;
		words = (w + 63) >>> 6;
		bits = new long[words * h];
	}

	/** The pixels of a plane above a threshold. */
	static Bits above(float[] p, int w, int h, float threshold) {
		Bits out = new Bits(w, h);
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int word = y * out.words;
			for (int x0 = 0; x0 < w; x0 += 64) {
				long v = 0;
				int end = Math.min(w, x0 + 64);
				for (int x = x0; x < end; x++) if (p[row + x] > threshold) v |= 1L << x;
				out.bits[word + (x0 >>> 6)] = v;
			}
		}
		return out;
	}

	/** The true pixels of a mask. */
	static Bits of(boolean[] mask, int w, int h) {
		Bits out = new Bits(w, h);
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int word = y * out.words;
			for (int x0 = 0; x0 < w; x0 += 64) {
				long v = 0;
				int end = Math.min(w, x0 + 64);
				for (int x = x0; x < end; x++) if (mask[row + x]) v |= 1L << x;
				out.bits[word + (x0 >>> 6)] = v;
			}
		}
		return out;
	}

	boolean get(int x, int y) {
		return (bits[y * words + (x >>> 6)] & 1L << x) != 0;
	}

	void set(int x, int y) {
		bits[y * words + (x >>> 6)] |= 1L << x;
	}

	void clear(int x, int y) {
		bits[y * words + (x >>> 6)] &= ~(1L << x);
	}

	/** The first set pixel of row y at or after x, or w. */
	int nextSet(int y, int x) {
		return next(y, x, 0);
	}

	/** The first clear pixel of row y at or after x, or w. */
	int nextClear(int y, int x) {
		return next(y, x, -1L);
	}

	/** The first pixel of row y at or after x whose bit differs from flip's, or w. */
	private int next(int y, int x, long flip) {
		if (x >= w) return w;
		int i = x >>> 6;
		long word = (bits[y * words + i] ^ flip) & (-1L << x);
		while (word == 0) {
			if (++i == words) return w;
			word = bits[y * words + i] ^ flip;
		}
		return Math.min(w, (i << 6) + Long.numberOfTrailingZeros(word));
	}

	/** Receives runs of set pixels [from, to) along a line. */
	interface RunConsumer {
		void run(int line, int from, int to);
	}

	/** Every run of set pixels along each row, row by row. */
	void rowRuns(RunConsumer out) {
		for (int y = 0; y < h; y++) {
			int x = nextSet(y, 0);
			while (x < w) {
				int end = nextClear(y, x);
				out.run(y, x, end);
				x = nextSet(y, end);
			}
		}
	}

	/**
	 * Every run of set pixels down each column, in the order the runs end, found row by row: only
	 * the columns where a run starts or ends are looked at.
	 */
	void columnRuns(RunConsumer out) {
		int[] runStart = new int[w];
		for (int y = 0; y <= h; y++) {
			for (int i = 0; i < words; i++) {
				long now = y < h ? bits[y * words + i] : 0;
				long before = y > 0 ? bits[(y - 1) * words + i] : 0;
				long started = now & ~before;
				long ended = before & ~now;
				while (started != 0) {
					runStart[(i << 6) + Long.numberOfTrailingZeros(started)] = y;
					started &= started - 1;
				}
				while (ended != 0) {
					int x = (i << 6) + Long.numberOfTrailingZeros(ended);
					out.run(x, runStart[x], y);
					ended &= ended - 1;
				}
			}
		}
	}
}
