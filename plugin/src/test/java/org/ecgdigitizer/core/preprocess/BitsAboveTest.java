package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pixels above a threshold are those a comparison finds, whatever the values. */
class BitsAboveTest {

	@Test
	void aboveIsTheComparisonForEveryKindOfValue() {
		float[] special = { 0f, -0f, 1f, -1f, 0.3f, Math.nextUp(0.3f), Math.nextDown(0.3f), Float.MIN_VALUE,
			-Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
			Float.intBitsToFloat(0xffc00000) };
		Random r = new Random(2);
		int w = 131;
		int h = 7;
		float[] p = new float[w * h];
		for (int i = 0; i < p.length; i++) p[i] = r.nextBoolean() ? special[r.nextInt(special.length)] : r.nextFloat();
		for (float threshold : special) {
			Bits bits = Bits.above(p, w, h, threshold);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					assertEquals(p[y * w + x] > threshold, bits.get(x, y), p[y * w + x] + " against " + threshold);
				}
			}
		}
	}

	@Test
	void withinAMaskOnlyItsWordsAreReadAndTheRestCleared() {
		Random r = new Random(3);
		for (int w : new int[] { 1, 64, 131, 200 }) {
			int h = 6;
			// pixels above the threshold only where a sparse mask has pixels
			boolean[] mask = new boolean[w * h];
			for (int i = 0; i < mask.length; i++) mask[i] = r.nextInt(40) == 0;
			float[] p = new float[w * h];
			for (int i = 0; i < p.length; i++) p[i] = mask[i] ? r.nextFloat() : 0.3f * r.nextFloat();
			Bits within = Bits.of(mask, w, h);
			Bits bits = new Bits(w, h);
			// whatever the rows held before is replaced
			java.util.Arrays.fill(bits.bits, -1L);
			for (int y = 0; y < h; y++) bits.setRowAboveWithin(y, p, 0.3f, within);
			Bits expected = Bits.above(p, w, h, 0.3f);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) assertEquals(expected.get(x, y), bits.get(x, y), "w=" + w + " x=" + x + " y=" + y);
			}
			assertEquals(java.util.Arrays.toString(expected.bits), java.util.Arrays.toString(bits.bits), "padding, w=" + w);
		}
	}
}
