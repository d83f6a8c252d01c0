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

	/** The box average as written first: each output pixel's rows summed left to right, one loop per row. */
	private static float[] downsampleByLoops(float[] p, int w, int h, int f) {
		int ow = w / f;
		int oh = h / f;
		float[] out = new float[ow * oh];
		float norm = 1f / (f * f);
		for (int oy = 0; oy < oh; oy++) {
			for (int dy = 0; dy < f; dy++) {
				for (int ox = 0; ox < ow; ox++) {
					float s = 0;
					for (int dx = 0; dx < f; dx++) s += p[(oy * f + dy) * w + ox * f + dx];
					out[oy * ow + ox] += s * norm;
				}
			}
		}
		return out;
	}

	@Test
	void downsampleIsTheBoxAverageBitForBit() {
		Random random = new Random(11);
		for (int f = 2; f <= 5; f++) {
			for (int[] size : new int[][] { { 37, 23 }, { 64, 64 }, { 101, 9 } }) {
				int w = size[0];
				int h = size[1];
				float[] p = new float[w * h];
				for (int i = 0; i < p.length; i++) p[i] = random.nextInt(4) == 0 ? 0 : random.nextFloat() * 1.7f;
				float[] expected = downsampleByLoops(p, w, h, f);
				float[] actual = Planes.downsample(p, w, h, f);
				assertEquals(expected.length, actual.length);
				for (int i = 0; i < expected.length; i++) {
					assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), "f " + f + ", w " + w +
						", pixel " + i);
				}
			}
		}
	}
}
