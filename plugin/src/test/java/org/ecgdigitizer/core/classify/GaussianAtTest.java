package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.plugin.filter.GaussianBlur;
import ij.process.FloatProcessor;

/** The blur at some pixels against ImageJ's whole-plane blur, bit for bit. */
class GaussianAtTest {

	static float[] imageJ(float[] plane, int w, int h, double sigma) {
		FloatProcessor fp = new FloatProcessor(w, h, plane.clone());
		new GaussianBlur().blurGaussian(fp, sigma, sigma, TwsFeatures.BLUR_ACCURACY);
		return (float[]) fp.getPixels();
	}

	static boolean[] some(int n, double share, long seed) {
		Random r = new Random(seed);
		boolean[] out = new boolean[n];
		for (int i = 0; i < n; i++) out[i] = r.nextDouble() < share;
		return out;
	}

	@Test
	void theWantedPixelsAreImageJsBlurBitForBit() {
		// planes wider and narrower than the kernels (radius 3 to 27), so that every edge case is met
		int[][] sizes = { { 40, 33 }, { 7, 50 }, { 61, 4 }, { 3, 2 }, { 1, 9 } };
		for (int[] size : sizes) {
			int w = size[0], h = size[1];
			float[] plane = TwsFeaturesTest.noise(w, h, w * 100 + h);
			for (double sigma : new double[] { 0.4, 0.8, 1.6, 3.2, 6.4 }) {
				float[] expected = imageJ(plane, w, h, sigma);
				for (double share : new double[] { 0.03, 0.3, 1 }) {
					boolean[] wanted = some(w * h, share, w + h);
					float[] got = new GaussianAt(Pixels.of(wanted), w, h).blur(plane, sigma, TwsFeatures.BLUR_ACCURACY);
					for (int i = 0; i < wanted.length; i++) {
						if (wanted[i]) assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(got[i]), w +
							"x" + h + " sigma " + sigma + " pixel " + i);
					}
				}
			}
		}
	}

	@Test
	void aLargeBlurIsLeftToImageJ() {
		assertTrue(GaussianAt.handles(0.4 * 16));
		assertFalse(GaussianAt.handles(0.4 * 32));
	}

	@Test
	void featuresAtFewPixelsAreTheFullStacks() {
		int w = 47, h = 38;
		float[] img = TwsFeaturesTest.noise(w, h, 5);
		TwsFeatures f = new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN, TwsFeatures.Group.SOBEL,
			TwsFeatures.Group.HESSIAN, TwsFeatures.Group.DOG), 1, 4, 9, 1, false);
		float[][] full = f.compute(img, w, h);
		boolean[] few = some(w * h, 0.02, 6);
		// the corners too: the edges of both passes
		few[0] = few[w - 1] = few[w * h - w] = few[w * h - 1] = true;
		int[] pixels = Pixels.of(few);
		assertTrue(TwsFeatures.blurRead(pixels, w, h, true) != null, "few enough pixels to blur only near them");
		float[][] at = f.at(img, w, h, pixels);
		for (int n = 0; n < full.length; n++) {
			for (int k = 0; k < pixels.length; k++) {
				assertEquals(Float.floatToRawIntBits(full[n][pixels[k]]), Float.floatToRawIntBits(at[n][k]), f.names().get(n));
			}
		}
	}
}
