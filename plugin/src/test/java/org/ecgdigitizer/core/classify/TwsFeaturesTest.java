package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.ecgdigitizer.core.EcgException;
import org.junit.jupiter.api.Test;

import ij.plugin.filter.Convolver;
import ij.plugin.filter.GaussianBlur;
import ij.process.FloatProcessor;

/** The TWS feature stack against ImageJ's own filters and TWS's attribute list. */
class TwsFeaturesTest {

	static float[] noise(int w, int h, long seed) {
		Random r = new Random(seed);
		float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++) v[i] = r.nextInt(256);
		return v;
	}

	/** The attribute names TWS writes for sigmas 1 to 4 with its five default groups, in its order. */
	static List<String> twsNamesOneToFour() {
		List<String> n = new ArrayList<>();
		n.add("original");
		n.add("Sobel_filter_0.0");
		n.addAll(hessian("0.0"));
		for (String s : new String[] { "1.0", "2.0", "4.0" }) {
			n.add("Gaussian_blur_" + s);
			n.add("Sobel_filter_" + s);
			n.addAll(hessian(s));
			if (s.equals("2.0")) n.add("Difference_of_gaussians_2.0_1.0");
			if (s.equals("4.0")) {
				n.add("Difference_of_gaussians_4.0_1.0");
				n.add("Difference_of_gaussians_4.0_2.0");
			}
		}
		for (int m = 0; m < 6; m++) n.add("Membrane_projections_" + m + "_19_1");
		return n;
	}

	static List<String> hessian(String s) {
		return List.of("Hessian_" + s, "Hessian_Trace_" + s, "Hessian_Determinant_" + s, "Hessian_Eigenvalue_1_" + s,
			"Hessian_Eigenvalue_2_" + s, "Hessian_Orientation_" + s, "Hessian_Square_Eigenvalue_Difference_" + s,
			"Hessian_Normalized_Eigenvalue_Difference_" + s);
	}

	@Test
	void namesAndOrderAreTwsOwn() {
		TwsFeatures f = new TwsFeatures(EnumSet.allOf(TwsFeatures.Group.class), 1, 4, 19, 1, false);
		assertEquals(twsNamesOneToFour(), f.names());
		// TWS's defaults (sigma 1 to 16): 76 features, as the 117 attributes of a real model with
		// Neighbors (40 more) and the class attribute
		assertEquals(76, TwsFeatures.twsDefaults().names().size());
		// reading the names back gives the same configuration
		TwsFeatures back = TwsFeatures.fromNames(f.names(), false);
		assertEquals(f.names(), back.names());
		assertEquals(InkTraining.ECG_FEATURES.names(), TwsFeatures.fromNames(InkTraining.ECG_FEATURES.names(), false)
			.names());
	}

	@Test
	void featuresAreImageJsFiltersWithTwsConventions() {
		int w = 40, h = 30;
		float[] img = noise(w, h, 3);
		TwsFeatures f = new TwsFeatures(EnumSet.allOf(TwsFeatures.Group.class), 1, 4, 9, 1, false);
		float[][] stack = f.compute(img, w, h);
		List<String> names = f.names();
		assertEquals(names.size(), stack.length);
		assertArrayEquals(img, stack[names.indexOf("original")]);
		// Gaussian blur: ImageJ's at 0.4 x sigma, accuracy 0.0002
		FloatProcessor g = new FloatProcessor(w, h, img.clone());
		new GaussianBlur().blurGaussian(g, 0.8, 0.8, 0.0002);
		assertArrayEquals((float[]) g.getPixels(), stack[names.indexOf("Gaussian_blur_2.0")], 0f);
		// DoG: the finer blur minus the coarser
		float[] g1 = stack[names.indexOf("Gaussian_blur_1.0")], g4 = stack[names.indexOf("Gaussian_blur_4.0")];
		float[] dog = stack[names.indexOf("Difference_of_gaussians_4.0_1.0")];
		for (int i = 0; i < dog.length; i++) assertEquals(g1[i] - g4[i], dog[i], 1e-4f);
		// Sobel at 0: ImageJ's own Find Edges (the same 3x3 kernels) inside the border
		FloatProcessor edges = new FloatProcessor(w, h, img.clone());
		edges.findEdges();
		float[] sobel = stack[names.indexOf("Sobel_filter_0.0")];
		for (int y = 1; y < h - 1; y++) {
			for (int x = 1; x < w - 1; x++) assertEquals(edges.getf(x, y), sobel[y * w + x], 1e-3f, x + "," + y);
		}
	}

	/** ImageJ's own convolution of a whole plane, as TWS takes its derivatives. */
	static float[] convolved(float[] plane, int w, int h, float[] kernel) {
		FloatProcessor fp = new FloatProcessor(w, h, plane.clone());
		new Convolver().convolveFloat(fp, kernel, 3, 3);
		return (float[]) fp.getPixels();
	}

	@Test
	void derivativesAtSomePixelsAreImageJsConvolverBitForBit() {
		int w = 23, h = 17;
		float[] img = noise(w, h, 9);
		for (int i = 0; i < img.length; i++) img[i] = img[i] / 7.3f;
		float[] dx = convolved(img, w, h, SobelDerivatives.SOBEL_X), dy = convolved(img, w, h, SobelDerivatives.SOBEL_Y);
		float[] xx = convolved(dx, w, h, SobelDerivatives.SOBEL_X), xy = convolved(dx, w, h, SobelDerivatives.SOBEL_Y);
		float[] yy = convolved(dy, w, h, SobelDerivatives.SOBEL_Y);
		// every corner and edge, and scattered pixels inside
		boolean[] some = new boolean[w * h];
		for (int i = 0; i < some.length; i += 5) some[i] = true;
		some[w - 1] = some[(h - 1) * w] = some[w * h - 1] = true;
		for (int[] pixels : new int[][] { Pixels.all(w * h), Pixels.of(some) }) {
			SobelDerivatives d = new SobelDerivatives(w, h, pixels);
			d.differentiate(img);
			float[] magnitude = d.magnitude(), second = new float[3];
			for (int k = 0; k < pixels.length; k++) {
				int p = pixels[k];
				assertEquals((float) Math.sqrt(dx[p] * dx[p] + dy[p] * dy[p]), magnitude[k], 0f);
				d.second(k, second);
				assertEquals(Float.floatToIntBits(xx[p]), Float.floatToIntBits(second[0]), "xx at " + p);
				assertEquals(Float.floatToIntBits(xy[p]), Float.floatToIntBits(second[1]), "xy at " + p);
				assertEquals(Float.floatToIntBits(yy[p]), Float.floatToIntBits(second[2]), "yy at " + p);
			}
		}
	}

	@Test
	void featuresAtSomePixelsAreTheFullStacks() {
		int w = 31, h = 26;
		float[] img = noise(w, h, 4);
		TwsFeatures f = new TwsFeatures(EnumSet.allOf(TwsFeatures.Group.class), 1, 4, 9, 1, false);
		float[][] full = f.compute(img, w, h);
		boolean[] some = new boolean[w * h];
		for (int i = 0; i < some.length; i += 3) some[i] = true;
		int[] pixels = Pixels.of(some);
		float[][] at = f.at(img, w, h, pixels);
		float[][] masked = f.compute(img, w, h, some);
		for (int n = 0; n < full.length; n++) {
			for (int k = 0; k < pixels.length; k++) {
				assertEquals(Float.floatToIntBits(full[n][pixels[k]]), Float.floatToIntBits(at[n][k]), f.names().get(n));
			}
			for (int i = 0; i < some.length; i++) assertEquals(some[i] ? full[n][i] : 0, masked[n][i], 0f);
		}
	}

	@Test
	void hessianOfAQuadraticHasItsEigenvalues() {
		// f = a x^2 + b y^2: a Sobel kernel is 8 x a central derivative, so applied twice it gives 64 x
		// the second derivatives 2a and 2b
		int w = 41, h = 41;
		double a = 0.3, b = -0.1;
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) img[y * w + x] = (float) (a * (x - 20) * (x - 20) + b * (y - 20) * (y - 20));
		}
		TwsFeatures f = new TwsFeatures(EnumSet.of(TwsFeatures.Group.HESSIAN), 1, 1, 19, 1, false);
		float[][] stack = f.compute(img, w, h);
		List<String> names = f.names();
		int c = 20 * w + 20;
		double e1 = stack[names.indexOf("Hessian_Eigenvalue_1_0.0")][c];
		double e2 = stack[names.indexOf("Hessian_Eigenvalue_2_0.0")][c];
		assertEquals(64 * 2 * a, e1, 1e-3);
		assertEquals(64 * 2 * b, e2, 1e-3);
		assertEquals(64 * 2 * (a + b), stack[names.indexOf("Hessian_Trace_0.0")][c], 1e-3);
		assertEquals(64 * 64 * 4 * a * b, stack[names.indexOf("Hessian_Determinant_0.0")][c], 1e-1);
		// the formula TWS used before 3.2.25: half the trace plus the root of half the discriminant
		float[][] old = f.withOldHessian(true).compute(img, w, h);
		double tr = 128 * (a + b), disc = Math.pow(128 * (a - b), 2);
		assertEquals(tr / 2 + Math.sqrt(disc / 2), old[names.indexOf("Hessian_Eigenvalue_1_0.0")][c], 1e-3);
		assertEquals(tr / 2 - Math.sqrt(disc / 2), old[names.indexOf("Hessian_Eigenvalue_2_0.0")][c], 1e-3);
	}

	@Test
	void membraneProjectionsFindALineAtItsAngle() {
		int w = 41, h = 41;
		float[] img = new float[w * h];
		for (int y = 0; y < h; y++) img[y * w + 20] = 100;
		TwsFeatures f = new TwsFeatures(EnumSet.of(TwsFeatures.Group.MEMBRANE), 1, 1, 19, 1, false);
		float[][] stack = f.compute(img, w, h);
		List<String> names = f.names();
		float[] max = stack[names.indexOf("Membrane_projections_1_19_1")];
		float[] min = stack[names.indexOf("Membrane_projections_2_19_1")];
		// on the line the vertical kernel sees it whole; beside it, much less
		assertTrue(max[20 * w + 20] > 2 * max[20 * w + 26], max[20 * w + 20] + " vs " + max[20 * w + 26]);
		assertTrue(min[20 * w + 20] < max[20 * w + 20]);
	}

	@Test
	void unsupportedFeaturesAreRefusedByName() {
		EcgException e = assertThrows(EcgException.class, () -> TwsFeatures.fromNames(List.of("original",
			"Laplacian_1.0"), false));
		assertTrue(e.getMessage().contains("ImageScience"), e.getMessage());
		e = assertThrows(EcgException.class, () -> TwsFeatures.fromNames(List.of("original", "Gabor_1_2.0_1.0_0_1.0"),
			false));
		assertTrue(e.getMessage().contains("not supported"), e.getMessage());
		e = assertThrows(EcgException.class, () -> TwsFeatures.fromNames(List.of("original", "Hue"), false));
		assertTrue(e.getMessage().contains("RGB"), e.getMessage());
	}
}
