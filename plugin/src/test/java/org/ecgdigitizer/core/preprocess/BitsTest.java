package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The bit-level questions give what reading the mask pixel by pixel gives. */
class BitsTest {

	/** Widths either side of a word's edge, and ink sparse and dense. */
	private static final int[] WIDTHS = { 1, 63, 64, 65, 130, 200 };

	private static boolean[] randomMask(Random random, int w, int h, double density) {
		boolean[] mask = new boolean[w * h];
		for (int i = 0; i < mask.length; i++) mask[i] = random.nextDouble() < density;
		return mask;
	}

	@Test
	void lineQuestionsMatchThePixels() {
		Random random = new Random(1);
		for (int w : WIDTHS) {
			for (double density : new double[] { 0.05, 0.5 }) {
				int h = 7;
				boolean[] mask = randomMask(random, w, h, density);
				Bits bits = Bits.of(mask, w, h);
				for (int y = 0; y < h; y++) {
					int[] before = new int[w + 1];
					for (int x = 0; x < w; x++) before[x + 1] = before[x] + (mask[y * w + x] ? 1 : 0);
					for (int from = -2; from <= w + 1; from++) {
						int previous = -1;
						for (int x = 0; x <= Math.min(from, w - 1); x++) if (mask[y * w + x]) previous = x;
						assertEquals(previous, bits.previousSet(y, from), "previousSet w=" + w + " y=" + y + " x=" + from);
						for (int to = from; to <= w + 1; to++) {
							int count = Math.max(0, before[clamp(to, w)] - before[clamp(from, w)]);
							assertEquals(count > 0, bits.anySet(y, from, to), "anySet " + from + ".." + to);
							if (from >= 0 && to <= w) assertEquals(count, bits.count(y, from, to), "count " + from + ".." + to);
						}
					}
				}
			}
		}
	}

	@Test
	void clearingARangeClearsJustThosePixels() {
		Random random = new Random(2);
		for (int w : WIDTHS) {
			for (int from = 0; from <= w; from += 1 + random.nextInt(4)) {
				for (int to = from; to <= w; to += 1 + random.nextInt(5)) {
					boolean[] mask = randomMask(random, w, 2, 0.7);
					Bits bits = Bits.of(mask, w, 2);
					bits.clear(1, from, to);
					for (int x = from; x < to; x++) mask[w + x] = false;
					assertArrayEquals(mask, pixels(bits), "clear " + from + ".." + to + " of " + w);
				}
			}
		}
	}

	@Test
	void transposedHoldsTheColumns() {
		Random random = new Random(3);
		for (int w : WIDTHS) {
			int h = 70;
			boolean[] mask = randomMask(random, w, h, 0.1);
			Bits columns = Bits.of(mask, w, h).transposed();
			assertEquals(h, columns.w);
			assertEquals(w, columns.h);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) assertEquals(mask[y * w + x], columns.get(y, x));
			}
		}
	}

	@Test
	void stretchesOfWordsWithPixelsAreFoundWordByWord() {
		// one line of five words: pixels in words 0, 2 and 3 (the last pixel of 2, the first of 3), none in 1 and 4
		int w = 300;
		boolean[] mask = new boolean[w];
		mask[5] = true;
		mask[191] = true;
		mask[192] = true;
		Bits bits = Bits.of(mask, w, 1);
		int[] withPixels = { 0, 2, 2, 3, 5, 5 };
		int[] empty = { 1, 1, 4, 4, 4, 5 };
		for (int k = 0; k <= 5; k++) {
			assertEquals(withPixels[k], bits.nextWordWithPixels(0, k), "with pixels from " + k);
			assertEquals(empty[k], bits.nextEmptyWord(0, k), "empty from " + k);
			// the brute force agrees with the table
			int found = k;
			while (found < bits.words && !anyIn(mask, w, 0, found)) found++;
			assertEquals(found, withPixels[k]);
		}
	}

	/** Whether word k of row y holds a pixel of the mask. */
	private static boolean anyIn(boolean[] mask, int w, int y, int k) {
		for (int x = 64 * k; x < Math.min(w, 64 * k + 64); x++) {
			if (mask[y * w + x]) return true;
		}
		return false;
	}

	@Test
	void turningReversesThePixelsAndBackToAMask() {
		Random random = new Random(5);
		for (int w : WIDTHS) {
			int h = 9;
			boolean[] mask = randomMask(random, w, h, 0.3);
			float[] plane = new float[mask.length];
			for (int i = 0; i < mask.length; i++) plane[i] = mask[i] ? 0.6f : 0.3f;
			Bits bits = Bits.above(plane, w, h, 0.3f);
			assertArrayEquals(mask, bits.toMask());
			boolean[] turned = new boolean[mask.length];
			for (int i = 0; i < mask.length; i++) turned[mask.length - 1 - i] = mask[i];
			assertArrayEquals(turned, pixels(bits.turned()), "turned, w=" + w);
			assertArrayEquals(turned, bits.turned().toMask(), "turned mask, w=" + w);
		}
	}

	@Test
	void growingAcrossLinesIsADilationDownColumns() {
		Random random = new Random(4);
		for (int w : WIDTHS) {
			int h = 40;
			boolean[] mask = randomMask(random, w, h, 0.02);
			for (int r = 0; r <= 3; r++) {
				assertArrayEquals(dilated(mask, w, h, 0, r), pixels(Bits.of(mask, w, h).grownAcross(r)),
					"grownAcross " + r);
			}
		}
	}

	private static int clamp(int x, int w) {
		return Math.max(0, Math.min(w, x));
	}

	private static boolean[] pixels(Bits bits) {
		boolean[] out = new boolean[bits.w * bits.h];
		for (int y = 0; y < bits.h; y++) for (int x = 0; x < bits.w; x++) out[y * bits.w + x] = bits.get(x, y);
		return out;
	}

	/** Pixel by pixel: set where any pixel within rx columns and ry rows is. */
	private static boolean[] dilated(boolean[] mask, int w, int h, int rx, int ry) {
		boolean[] out = new boolean[mask.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				for (int yy = Math.max(0, y - ry); yy <= Math.min(h - 1, y + ry); yy++) {
					for (int xx = Math.max(0, x - rx); xx <= Math.min(w - 1, x + rx); xx++) out[y * w + x] |= mask[yy * w + xx];
				}
			}
		}
		return out;
	}
}
