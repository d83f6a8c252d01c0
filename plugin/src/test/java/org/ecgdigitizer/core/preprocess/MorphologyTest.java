package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MorphologyTest {

	private static float brute(float[] p, int w, int h, int x, int y, int length, boolean rows, boolean min) {
		int half = length / 2;
		float acc = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
		for (int d = -half; d < length - half; d++) {
			int xx = rows ? x + d : x;
			int yy = rows ? y : y + d;
			if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
			acc = min ? Math.min(acc, p[yy * w + xx]) : Math.max(acc, p[yy * w + xx]);
		}
		return acc;
	}

	@Test
	void runningFiltersMatchBruteForce() {
		int w = 37;
		int h = 23;
		float[] p = new float[w * h];
		Random r = new Random(3);
		for (int i = 0; i < p.length; i++) p[i] = r.nextFloat();
		for (int length : new int[] { 1, 2, 5, 8, 40 }) {
			float[] minR = Morphology.minRows(p, w, h, length);
			float[] maxR = Morphology.maxRows(p, w, h, length);
			float[] minC = Morphology.minColumns(p, w, h, length);
			float[] maxC = Morphology.maxColumns(p, w, h, length);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					assertEquals(brute(p, w, h, x, y, length, true, true), minR[y * w + x], "min rows " + length);
					assertEquals(brute(p, w, h, x, y, length, true, false), maxR[y * w + x], "max rows " + length);
					assertEquals(brute(p, w, h, x, y, length, false, true), minC[y * w + x], "min cols " + length);
					assertEquals(brute(p, w, h, x, y, length, false, false), maxC[y * w + x], "max cols " + length);
				}
			}
		}
	}

	@Test
	void topHatKeepsThinLinesAndDropsBroadAreas() {
		int w = 60;
		int h = 40;
		float[] p = new float[w * h];
		for (int x = 0; x < w; x++) p[10 * w + x] = 1; // thin horizontal line
		for (int y = 20; y < 40; y++) for (int x = 30; x < 60; x++) p[y * w + x] = 0.5f; // broad shadow
		float[] th = Morphology.topHat(p, w, h, 7, false);
		assertEquals(1, th[10 * w + 5], 1e-6);
		assertEquals(0, th[30 * w + 45], 1e-6);
	}

	/**
	 * The sparse top-hat in both directions equals the larger of the two full top-hats, bit for bit,
	 * whatever the scratch plane held.
	 */
	@Test
	void largerTopHatIsTheLargerOfTheFullTopHats() {
		Random r = new Random(8);
		for (int trial = 0; trial < 30; trial++) {
			int w = 20 + r.nextInt(60);
			int h = 20 + r.nextInt(60);
			float[] p = new float[w * h];
			// blobs, strokes and broad patches of positive values on zeros, some touching the edges
			for (int shape = 0; shape < 8; shape++) {
				int x0 = r.nextInt(w);
				int y0 = r.nextInt(h);
				int sw = 1 + r.nextInt(trial % 3 == 0 ? w : 12);
				int sh = 1 + r.nextInt(trial % 3 == 1 ? h : 12);
				for (int y = y0; y < Math.min(h, y0 + sh); y++) {
					for (int x = x0; x < Math.min(w, x0 + sw); x++) if (r.nextInt(10) > 0) p[y * w + x] = r.nextFloat();
				}
			}
			for (int length : new int[] { 3, 6, 9, 15 }) {
				float[] rows = Morphology.topHat(p, w, h, length, true);
				float[] columns = Morphology.topHat(p, w, h, length, false);
				float[] both = p.clone();
				// the scratch plane comes with what an earlier use left in it
				float[] scratch = new float[w * h];
				for (int i = 0; i < scratch.length; i++) scratch[i] = 2 * r.nextFloat();
				Morphology.largerTopHat(both, w, h, length, scratch);
				for (int i = 0; i < p.length; i++) {
					assertEquals(Float.floatToIntBits(Math.max(rows[i], columns[i])), Float.floatToIntBits(both[i]),
						"pixel " + i + ", line of " + length);
				}
			}
		}
	}
}
