package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;

/**
 * A set of pixels (ink, say) as bits, line by line, 64 pixels to a word. Ink is sparse, and runs of
 * set pixels are found a word at a time; columns are followed row by row, looking only at the
 * columns where a run starts or ends. {@link #transposed()} gives the columns as lines, so that
 * questions about a column (is there ink between two rows?) read one short stretch of words.
 */
public final class Bits {

	/** Pixels per line. */
	public final int w;
	/** Lines. */
	public final int h;
	/** Words per line. */
	final int words;
	final long[] bits;

	Bits(int w, int h) {
		this.w = w;
		this.h = h;
		words = (w + 63) >>> 6;
		bits = new long[words * h];
	}

	/** The pixels of a plane above a threshold. */
	public static Bits above(float[] p, int w, int h, float threshold) {
		Bits out = new Bits(w, h);
		for (int y = 0; y < h; y++) out.setRowAbove(y, p, threshold);
		return out;
	}

	/** Row y: the pixels of that row of plane p above a threshold (what it held is replaced). */
	void setRowAbove(int y, float[] p, float threshold) {
		int row = y * w;
		int word = y * words;
		int x0 = 0;
		for (; x0 + 64 <= w; x0 += 64) bits[word + (x0 >>> 6)] = wordAbove(p, row + x0, threshold);
		if (x0 < w) bits[word + (x0 >>> 6)] = tailAbove(p, row + x0, w - x0, threshold);
	}

	/**
	 * {@link #setRowAbove} where plane p is known to be at or below the threshold outside the pixels
	 * of {@code within} (of the same size): only the words where it has pixels are looked at.
	 */
	void setRowAboveWithin(int y, float[] p, float threshold, Bits within) {
		int row = y * w;
		int word = y * words;
		for (int i = 0; i < words; i++) {
			int x0 = i << 6;
			if (within.bits[word + i] == 0) bits[word + i] = 0;
			else if (x0 + 64 <= w) bits[word + i] = wordAbove(p, row + x0, threshold);
			else bits[word + i] = tailAbove(p, row + x0, w - x0, threshold);
		}
	}

	/**
	 * The word of the 64 pixels p[at ..] above a threshold. A comparison choosing a bit or nothing:
	 * the JIT picks one without a branch (which a noisy plane would mispredict at every other pixel),
	 * cheaper than taking the sign bit of threshold - p; NaN is never above.
	 */
	static long wordAbove(float[] p, int at, float threshold) {
		// four words in turn, ORed together at the end: a pixel's bit need not wait for the one before
		long a = 0;
		long b = 0;
		long c = 0;
		long d = 0;
		for (int k = 0; k < 64; k += 4) {
			a |= p[at + k] > threshold ? 1L << k : 0;
			b |= p[at + k + 1] > threshold ? 2L << k : 0;
			c |= p[at + k + 2] > threshold ? 4L << k : 0;
			d |= p[at + k + 3] > threshold ? 8L << k : 0;
		}
		return a | b | c | d;
	}

	/** {@link #wordAbove} of the last {@code n} (< 64) pixels of a line. */
	private static long tailAbove(float[] p, int at, int n, float threshold) {
		long v = 0;
		for (int k = 0; k < n; k++) v |= p[at + k] > threshold ? 1L << k : 0;
		return v;
	}

	/** The first word of line y from word k on that holds a pixel, or {@link #words} if none does. */
	int nextWordWithPixels(int y, int k) {
		while (k < words && bits[y * words + k] == 0) k++;
		return k;
	}

	/** The first word of line y from word k on that holds no pixel, or {@link #words} if all do. */
	int nextEmptyWord(int y, int k) {
		while (k < words && bits[y * words + k] != 0) k++;
		return k;
	}

	/** The true pixels of a mask. */
	public static Bits of(boolean[] mask, int w, int h) {
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

	/** The pixels as a mask, true where set. */
	public boolean[] toMask() {
		boolean[] out = new boolean[w * h];
		rowRuns((y, from, to) -> Arrays.fill(out, y * w + from, y * w + to, true));
		return out;
	}

	/** The pixels turned half-way round: (x, y) goes to (w - 1 - x, h - 1 - y). */
	public Bits turned() {
		Bits out = new Bits(w, h);
		// a line read backwards is its words reversed, less the padding past w at the end of the line
		int pad = words * 64 - w;
		long[] reversed = new long[words + 1];
		for (int y = 0; y < h; y++) {
			for (int i = 0; i < words; i++) reversed[i] = Long.reverse(bits[y * words + words - 1 - i]);
			int to = (h - 1 - y) * words;
			for (int i = 0; i < words; i++) {
				out.bits[to + i] = pad == 0 ? reversed[i] : reversed[i] >>> pad | reversed[i + 1] << (64 - pad);
			}
		}
		return out;
	}

	public boolean get(int x, int y) {
		return (bits[y * words + (x >>> 6)] & 1L << x) != 0;
	}

	void set(int x, int y) {
		bits[y * words + (x >>> 6)] |= 1L << x;
	}

	void clear(int x, int y) {
		bits[y * words + (x >>> 6)] &= ~(1L << x);
	}

	/** Clears pixels [from, to) of line y. */
	void clear(int y, int from, int to) {
		if (from >= to) return;
		int a = from >>> 6;
		int b = (to - 1) >>> 6;
		long first = -1L << from;
		long last = -1L >>> -to;
		int row = y * words;
		if (a == b) {
			bits[row + a] &= ~(first & last);
			return;
		}
		bits[row + a] &= ~first;
		for (int i = a + 1; i < b; i++) bits[row + i] = 0;
		bits[row + b] &= ~last;
	}

	/** The first set pixel of line y at or after x, or w. */
	public int nextSet(int y, int x) {
		return next(y, x, 0);
	}

	/** The first clear pixel of line y at or after x, or w. */
	public int nextClear(int y, int x) {
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

	/** The last set pixel of line y at or before x, or -1. */
	public int previousSet(int y, int x) {
		if (x < 0) return -1;
		x = Math.min(x, w - 1);
		int i = x >>> 6;
		long word = bits[y * words + i] & (-1L >>> (63 - (x & 63)));
		while (word == 0) {
			if (--i < 0) return -1;
			word = bits[y * words + i];
		}
		return (i << 6) + 63 - Long.numberOfLeadingZeros(word);
	}

	/** Whether line y holds a set pixel in [from, to) (clipped to the line). */
	public boolean anySet(int y, int from, int to) {
		return nextSet(y, Math.max(0, from)) < Math.min(w, to);
	}

	/** The set pixels of line y in [from, to). */
	public int count(int y, int from, int to) {
		if (from >= to) return 0;
		int a = from >>> 6;
		int b = (to - 1) >>> 6;
		int row = y * words;
		long first = -1L << from;
		long last = -1L >>> -to;
		if (a == b) return Long.bitCount(bits[row + a] & first & last);
		int n = Long.bitCount(bits[row + a] & first) + Long.bitCount(bits[row + b] & last);
		for (int i = a + 1; i < b; i++) n += Long.bitCount(bits[row + i]);
		return n;
	}

	/** The same pixels with lines and positions swapped: line x holds column x, bit y its row y. */
	public Bits transposed() {
		Bits out = new Bits(h, w);
		for (int y = 0; y < h; y++) {
			int word = y >>> 6;
			long bit = 1L << y;
			for (int i = 0; i < words; i++) {
				long v = bits[y * words + i];
				while (v != 0) {
					int x = (i << 6) + Long.numberOfTrailingZeros(v);
					out.bits[x * out.words + word] |= bit;
					v &= v - 1;
				}
			}
		}
		return out;
	}

	/** The pixels grown by r lines up and down. */
	public Bits grownAcross(int r) {
		Bits out = new Bits(w, h);
		for (int y = 0; y < h; y++) orLines(Math.max(0, y - r), Math.min(h - 1, y + r), out.bits, y * words);
		return out;
	}

	/** ORs lines a..b (inclusive) into out from offset at. */
	private void orLines(int a, int b, long[] out, int at) {
		for (int y = a; y <= b; y++) {
			int row = y * words;
			for (int i = 0; i < words; i++) out[at + i] |= bits[row + i];
		}
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
