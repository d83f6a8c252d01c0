package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/** The forest read into arrays answers exactly as Weka's distributionForInstance. */
class FlatForestTest {

	/** A page-like image: noise, a dark stroke and a faint one. */
	static float[] page(int w, int h) {
		float[] v = TwsFeaturesTest.noise(w, h, 5);
		for (int i = 0; i < v.length; i++) v[i] = 180 + v[i] / 4;
		for (int y = 0; y < h; y++) {
			v[y * w + w / 3] = 30;
			v[y * w + 2 * w / 3] = 150;
		}
		return v;
	}

	/** Weka's own answer for every pixel of the image, as the classifier's Weka path asks it. */
	static double[][] weka(InkClassifier c, float[][] values, int n) throws Exception {
		Instances h = c.model.header;
		java.util.List<String> computed = c.features.names();
		double[][] out = new double[n][];
		for (int k = 0; k < n; k++) {
			double[] row = new double[h.numAttributes()];
			for (int a = 0; a < row.length; a++) {
				if (a != h.classIndex()) row[a] = values[computed.indexOf(h.attribute(a).name())][k];
			}
			Instance instance = new DenseInstance(1, row);
			instance.setDataset(h);
			out[k] = c.model.classifier.distributionForInstance(instance);
		}
		return out;
	}

	static FlatForest flat(InkClassifier c) {
		Instances h = c.model.header;
		java.util.List<String> computed = c.features.names();
		int[] columnOf = new int[h.numAttributes()];
		for (int a = 0; a < columnOf.length; a++) {
			columnOf[a] = a == h.classIndex() ? -1 : computed.indexOf(h.attribute(a).name());
		}
		return FlatForest.of(c.model.classifier, h, columnOf);
	}

	static void assertSameAsWeka(InkClassifier c, int w, int h) throws Exception {
		float[][] values = c.features.compute(page(w, h), w, h);
		int n = w * h, width = values.length;
		double[][] expected = weka(c, values, n);
		FlatForest forest = flat(c);
		assertNotNull(forest, "the forest is read into arrays");
		float[] rows = new float[n * width];
		for (int k = 0; k < n; k++) for (int f = 0; f < width; f++) rows[k * width + f] = values[f][k];
		double[][] p = new double[n][c.classes().size()];
		forest.distributions(rows, width, n, p);
		for (int k = 0; k < n; k++) assertArrayEquals(expected[k], p[k], 0.0, "pixel " + k);
		// and through the classifier's own entry point, as floats
		float[][] q = c.probabilities(page(w, h), w, h, null, -1);
		for (int k = 0; k < n; k++) {
			for (int j = 0; j < expected[k].length; j++) assertEquals((float) expected[k][j], q[j][k], 0f);
		}
	}

	@Test
	void aThresholdInFloatComparesAsTheSplitInDouble() {
		java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < 100_000; i++) {
			double split = i % 3 == 0 ? r.nextInt(512) / 4.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(8));
			float t = FlatForest.threshold(split);
			float near = (float) split;
			for (float v : new float[] { near, Math.nextUp(near), Math.nextDown(near), -near, 0f, -0f }) {
				assertEquals((double) v < split, v < t, v + " against " + split);
			}
		}
	}

	@Test
	void theShippedForestGivesWekasProbabilities() throws Exception {
		InkClassifier shipped = InkSources.shipped();
		assertTrue(shipped.classifiesWithoutWeka());
		assertSameAsWeka(shipped, 37, 29);
	}

	@Test
	void aSmallTrainedForestGivesWekasProbabilities() throws Exception {
		TwsFeatures features = new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN, TwsFeatures.Group.HESSIAN), 1, 2,
			19, 1, false);
		InkClassifier c = new InkClassifier(ModelFilesTest.tinyModel(features, 48, 20));
		assertTrue(c.classifiesWithoutWeka());
		assertSameAsWeka(c, 48, 20);
	}

	@Test
	void aMissingValueIsLeftToWeka() throws Exception {
		// a plane with a NaN pixel: its features are NaN, and Weka's answer is kept
		InkClassifier shipped = InkSources.shipped();
		int w = 21, h = 17;
		float[] plane = page(w, h);
		plane[8 * w + 10] = Float.NaN;
		float[][] values = shipped.features.compute(plane, w, h);
		double[][] expected = weka(shipped, values, w * h);
		float[][] q = shipped.probabilities(plane, w, h, null, -1);
		for (int k = 0; k < w * h; k++) {
			for (int j = 0; j < expected[k].length; j++) assertEquals((float) expected[k][j], q[j][k], 0f, "pixel " + k);
		}
	}
}
