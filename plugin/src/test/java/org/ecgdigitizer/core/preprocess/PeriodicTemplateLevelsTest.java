package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The listing of pixels at level 1 or above, whether a word of 64 holds few of them or many. */
class PeriodicTemplateLevelsTest {

	@Test
	void theListedPixelsAreThoseAtLevel1OrAbove() {
		Random random = new Random(8);
		float level1 = 1f / PeriodicTemplate.LEVELS;
		float[] edges = { 0f, level1, Math.nextDown(level1), Math.nextUp(level1), 1f, Float.POSITIVE_INFINITY };
		for (double share : new double[] { 0.01, 0.1, 0.5, 0.95 }) {
			int w = 300;
			float[] v = new float[2 * w];
			for (int i = 0; i < v.length; i++) {
				v[i] = random.nextDouble() < share ? edges[random.nextInt(edges.length)] + random.nextFloat() * 0.1f
					: random.nextBoolean() ? edges[random.nextInt(3)] : 0f;
			}
			for (int[] range : new int[][] { { 0, w }, { 5, 250 }, { 70, 134 }, { 3, 40 } }) {
				int[] expected = new int[w];
				int n = 0;
				for (int x = range[0]; x < range[1]; x++) {
					if (v[w + x] >= level1) expected[n++] = x;
				}
				int[] out = new int[w];
				int found = PeriodicTemplate.atLevel1OrAbove(v, w, range[0], range[1], out);
				assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(out, found), "share " + share + ", from "
					+ range[0] + " to " + range[1]);
			}
		}
	}
}
