package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** Planes are resized to exactly what ImageJ's resize gives, bit for bit, whichever way the axes change. */
class InkPlanesTest {

	/** ImageJ's bilinear resize, averaging where an axis shrinks: the reference. */
	private static float[] imageJ(float[] plane, int w, int h, int nw, int nh) {
		FloatProcessor fp = new FloatProcessor(w, h, plane.clone());
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		return (float[]) fp.resize(nw, nh, true).getPixels();
	}

	private static float[] randomPlane(Random r, int n, boolean withNaN) {
		float[] plane = new float[n];
		for (int i = 0; i < n; i++) {
			int kind = r.nextInt(10);
			plane[i] = kind < 3 ? 0 : withNaN && kind == 3 ? Float.NaN : 255 * r.nextFloat();
		}
		return plane;
	}

	private static void assertSame(float[] plane, int w, int h, int nw, int nh) {
		float[] expected = imageJ(plane, w, h, nw, nh);
		float[] got = InkPlanes.resize(plane.clone(), w, h, nw, nh);
		assertEquals(nw * nh, got.length);
		String what = w + "x" + h + " -> " + nw + "x" + nh;
		for (int i = 0; i < expected.length; i++) {
			assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(got[i]), what + " at " + i);
		}
	}

	@Test
	void resizeIsImageJsBitForBitOnChosenSizes() {
		Random r = new Random(5);
		int[][] sizes = { { 240, 170, 122, 86 }, { 301, 233, 97, 75 }, { 64, 50, 64, 21 }, { 90, 77, 45, 77 },
			{ 37, 29, 80, 63 }, { 50, 40, 50, 40 }, { 2, 9, 1, 4 }, { 123, 3, 61, 1 }, { 122, 86, 240, 170 },
			{ 97, 75, 301, 233 }, { 40, 60, 80, 30 }, { 80, 30, 40, 60 }, { 7, 5, 3, 2 }, { 5, 7, 1, 1 },
			{ 1, 30, 5, 60 }, { 30, 1, 60, 1 }, { 3, 3, 1000, 2 } };
		for (int[] s : sizes) {
			for (boolean nan : new boolean[] { false, true }) {
				assertSame(randomPlane(r, s[0] * s[1], nan), s[0], s[1], s[2], s[3]);
			}
		}
	}

	/** The pipeline's scales: pages of 100 to 600 dpi to 4 px/mm and back, with odd sizes and factors. */
	@Test
	void resizeIsImageJsBitForBitOverManyScales() {
		Random r = new Random(11);
		for (int trial = 0; trial < 300; trial++) {
			int w = 2 + r.nextInt(trial < 250 ? 300 : 1200);
			int h = 2 + r.nextInt(trial < 250 ? 300 : 900);
			double f = trial % 3 == 0 ? 4 / (100 / 25.4 + r.nextDouble() * 500 / 25.4) : 0.05 + 3 * r.nextDouble();
			int nw = Math.max(1, (int) Math.round(w * f));
			int nh = Math.max(1, (int) Math.round(h * f));
			if (trial % 7 == 0) nh = 1 + r.nextInt(2 * h);
			float[] plane = randomPlane(r, w * h, trial % 5 == 0);
			assertSame(plane, w, h, nw, nh);
			assertSame(plane, w, h, w, nh);
			assertSame(plane, w, h, nw, h);
			float[] shrunk = InkPlanes.resize(plane, w, h, nw, nh);
			assertSame(shrunk, nw, nh, w, h);
		}
	}

	@Test
	void sameSizeIsTheSamePlane() {
		float[] p = new float[12];
		assertArrayEquals(p, InkPlanes.resize(p, 4, 3, 4, 3));
	}
}
