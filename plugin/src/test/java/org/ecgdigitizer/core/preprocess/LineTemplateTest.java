package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The line template hands on the pixels it leaves above 0, which the top-hat would otherwise look for again. */
class LineTemplateTest {

	@Test
	void returnsThePixelsLeftAboveZero() {
		Random r = new Random(13);
		for (int trial = 0; trial < 12; trial++) {
			int w = 30 + r.nextInt(170);
			int h = 20 + r.nextInt(400);
			float[] v = new float[w * h];
			// a faint grid, strokes on it and noise: some pixels end above their row's and column's level
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					float grid = x % 9 == 0 || y % 9 == 0 ? 0.3f : 0f;
					v[y * w + x] = Math.min(1f, grid + (r.nextInt(20) == 0 ? r.nextFloat() : 0.05f * r.nextFloat()));
				}
			}
			Bits positive = InkModel.removeLineTemplate(v, w, h);
			Bits expected = Bits.above(v, w, h, 0f);
			int set = 0;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					assertEquals(expected.get(x, y), positive.get(x, y), "pixel " + x + ", " + y);
					if (positive.get(x, y)) set++;
				}
			}
			// the test means something only if some pixels stay and some go
			assertEquals(true, set > 0 && set < w * h, "pixels above 0: " + set);
		}
	}
}
