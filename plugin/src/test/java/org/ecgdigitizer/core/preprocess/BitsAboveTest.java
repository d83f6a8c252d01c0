package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pixels above a threshold, read from sign bits, are those a comparison finds, whatever the values. */
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
}
