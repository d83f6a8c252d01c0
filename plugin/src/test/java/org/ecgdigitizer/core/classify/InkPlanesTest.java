package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** Planes are resized to exactly what ImageJ's resize gives, whichever way they are shrunk. */
class InkPlanesTest {

	@Test
	void resizeIsImageJsBitForBit() {
		Random r = new Random(5);
		int[][] sizes = { { 240, 170, 122, 86 }, { 301, 233, 97, 75 }, { 64, 50, 64, 21 }, { 90, 77, 45, 77 },
			{ 37, 29, 80, 63 }, { 50, 40, 50, 40 }, { 2, 9, 1, 4 }, { 123, 3, 61, 1 } };
		for (int[] s : sizes) {
			int w = s[0], h = s[1], nw = s[2], nh = s[3];
			float[] plane = new float[w * h];
			for (int i = 0; i < plane.length; i++) plane[i] = r.nextInt(3) == 0 ? 0 : 255 * r.nextFloat();
			float[] copy = plane.clone();
			FloatProcessor fp = new FloatProcessor(w, h, copy);
			fp.setInterpolationMethod(ImageProcessor.BILINEAR);
			float[] expected = (float[]) fp.resize(nw, nh, true).getPixels();
			float[] got = InkPlanes.resize(plane, w, h, nw, nh);
			assertEquals(nw * nh, got.length);
			assertArrayEquals(expected, got, w + "x" + h + " -> " + nw + "x" + nh);
		}
	}

	@Test
	void transposeSwapsRowsAndColumns() {
		int w = 130, h = 70;
		float[] p = new float[w * h];
		for (int i = 0; i < p.length; i++) p[i] = i;
		float[] t = InkPlanes.transpose(p, w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) assertEquals(p[y * w + x], t[x * h + y]);
		}
	}
}
