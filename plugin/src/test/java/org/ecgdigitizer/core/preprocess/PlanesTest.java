package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Whole-plane operations give what their definitions say. */
class PlanesTest {

	/** The excess over the local mean, straight from its definition: each box summed anew, clipped to the plane. */
	private static float[] aboveLocalMeanByBoxes(float[] p, int w, int h, int r) {
		float[] out = new float[p.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double sum = 0;
				int n = 0;
				for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
					for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
						sum += p[yy * w + xx];
						n++;
					}
				}
				out[y * w + x] = (float) Math.max(0, p[y * w + x] - sum / n);
			}
		}
		return out;
	}

	@Test
	void aboveLocalMeanIsTheExcessOverTheBoxMean() {
		Random random = new Random(13);
		// boxes narrower than the plane, as wide as it, and wider (the row means' ring then holds every row)
		int[][] cases = { { 37, 29, 3 }, { 40, 25, 12 }, { 20, 9, 4 }, { 15, 6, 9 }, { 1, 30, 2 } };
		for (int[] c : cases) {
			int w = c[0], h = c[1], r = c[2];
			float[] p = new float[w * h];
			for (int i = 0; i < p.length; i++) p[i] = random.nextFloat();
			float[] expected = aboveLocalMeanByBoxes(p, w, h, r);
			float[] actual = Planes.aboveLocalMean(p, w, h, r);
			for (int i = 0; i < p.length; i++) {
				assertEquals(expected[i], actual[i], 1e-5, "w " + w + ", h " + h + ", r " + r + ", pixel " + i);
			}
		}
	}
}
