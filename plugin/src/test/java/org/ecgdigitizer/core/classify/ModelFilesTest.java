package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hr.irb.fastRandomForest.FastRandomForest;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Train, save, load and apply models; what TWS writes; refusing what is not a model. */
class ModelFilesTest {

	@TempDir
	Path dir;

	/** A small image: a dark vertical stroke (trace) and a light one (grid) on white paper. */
	static float[] strokes(int w, int h) {
		float[] v = new float[w * h];
		java.util.Arrays.fill(v, 250);
		for (int y = 0; y < h; y++) {
			v[y * w + 10] = 20;
			v[y * w + 11] = 40;
			v[y * w + 30] = 190;
		}
		return v;
	}

	static ModelFiles.Model tinyModel(TwsFeatures features, int w, int h) {
		float[] img = strokes(w, h);
		float[][] stack = features.compute(img, w, h);
		InkClassifier.Samples s = new InkClassifier.Samples(features, List.of("trace", "grid", "paper"));
		s.add(stack, new int[] { 5 * w + 10, 9 * w + 10, 14 * w + 11 }, 0);
		s.add(stack, new int[] { 5 * w + 30, 12 * w + 30 }, 1);
		s.add(stack, new int[] { 5 * w + 20, 10 * w + 40, 3 * w + 2 }, 2);
		return InkClassifier.train(s, 5, 2, 0, 7);
	}

	@Test
	void trainSaveLoadClassify() throws Exception {
		int w = 48, h = 20;
		TwsFeatures features = new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN, TwsFeatures.Group.SOBEL), 1, 2,
			19, 1, false);
		ModelFiles.Model model = tinyModel(features, w, h);
		Path file = dir.resolve("tiny.model");
		ModelFiles.write(model, file);
		InkClassifier loaded = new InkClassifier(ModelFiles.read(file));
		assertEquals(List.of("trace", "grid", "paper"), loaded.classes());
		float[][] p = loaded.probabilities(strokes(w, h), w, h, null, -1);
		int y = 17;
		assertTrue(p[0][y * w + 10] > 0.5, "trace on the dark stroke: " + p[0][y * w + 10]);
		assertTrue(p[1][y * w + 30] > 0.5, "grid on the light stroke: " + p[1][y * w + 30]);
		assertTrue(p[2][y * w + 45] > 0.5, "paper: " + p[2][y * w + 45]);
		// the same bytes classify the same after another round trip, and gzip works too
		Path gz = dir.resolve("tiny.model.gz");
		ModelFiles.write(ModelFiles.read(file), gz);
		assertArrayEquals(p[0], new InkClassifier(ModelFiles.read(gz)).probabilities(strokes(w, h), w, h, null, -1)[0]);
		// training is reproducible for a seed
		assertArrayEquals(ModelFiles.bytes(model, false), ModelFiles.bytes(tinyModel(features, w, h), false));
	}

	@Test
	void ourModelsCarryTheHeaderTwsWrites() {
		ModelFiles.Model model = tinyModel(InkTraining.ECG_FEATURES, 32, 16);
		Instances h = model.header;
		assertEquals("TWS-2D-v4.0.0-grayscale", h.relationName());
		assertEquals(0, h.numInstances());
		assertEquals(h.numAttributes() - 1, h.classIndex());
		assertEquals("class", h.classAttribute().name());
		List<String> names = new ArrayList<>();
		for (int i = 0; i < h.numAttributes() - 1; i++) names.add(h.attribute(i).name());
		assertEquals(InkTraining.ECG_FEATURES.names(), names);
		assertTrue(model.classifier instanceof FastRandomForest);
		assertFalse(new InkClassifier(model).features.oldHessian);
	}

	/**
	 * A model as Fiji's TWS before 3.2.25 saved it (relation "segment", TWS's default features in its
	 * order, two classes "class 1" and "class 2"): no public grayscale .model small enough to ship and
	 * licensed for redistribution was found, so this one is built the same way TWS builds it.
	 */
	@Test
	void aModelInTwsOldFormatLoadsWithTheOldHessianAndItsAttributesByName() throws Exception {
		int w = 48, h = 24;
		TwsFeatures tws = TwsFeatures.twsDefaults().withOldHessian(true);
		float[] img = strokes(w, h);
		float[][] stack = tws.compute(img, w, h);
		ArrayList<Attribute> attributes = new ArrayList<>();
		List<String> names = tws.names();
		// TWS matches attributes by name: a model whose header lists them in another order still applies
		List<String> shuffled = new ArrayList<>(names);
		java.util.Collections.reverse(shuffled);
		for (String n : shuffled) attributes.add(new Attribute(n));
		attributes.add(new Attribute("class", List.of("class 1", "class 2")));
		Instances data = new Instances("segment", attributes, 0);
		data.setClassIndex(attributes.size() - 1);
		for (int i = 0; i < w * h; i += 7) {
			double[] v = new double[attributes.size()];
			for (int a = 0; a < shuffled.size(); a++) v[a] = stack[names.indexOf(shuffled.get(a))][i];
			v[shuffled.size()] = img[i] < 100 ? 0 : 1;
			data.add(new DenseInstance(1, v));
		}
		FastRandomForest rf = new FastRandomForest();
		rf.setNumTrees(5);
		rf.setSeed(3);
		rf.setNumThreads(1);
		rf.buildClassifier(data);
		Path file = dir.resolve("tws-old.model");
		ModelFiles.write(new ModelFiles.Model(rf, new Instances(data, 0)), file);

		InkClassifier c = new InkClassifier(ModelFiles.read(file));
		assertTrue(c.features.oldHessian);
		assertEquals(names, c.features.names());
		assertEquals(0, c.classIndex("class 1"));
		float[][] p = c.probabilities(img, w, h, null, -1);
		assertTrue(p[0][10 * w + 10] > 0.5, "class 1 (dark) on the stroke: " + p[0][10 * w + 10]);
		assertTrue(p[1][10 * w + 40] > 0.5);
		EcgException e = assertThrows(EcgException.class, () -> c.classIndex("ink"));
		assertTrue(e.getMessage().contains("[class 1, class 2]"), e.getMessage());
		assertTrue(InkClassifier.isOldVersion("TWS-2D-v3.2.24-grayscale"));
		assertFalse(InkClassifier.isOldVersion("TWS-2D-v3.3.4-grayscale"));
	}

	@Test
	void rgbModelsAreRefusedInOneLine() throws Exception {
		ModelFiles.Model m = tinyModel(new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN), 1, 1, 19, 1, false),
			32, 16);
		m.header.setRelationName("TWS-2D-v3.3.4-RGB");
		Path file = dir.resolve("rgb.model");
		ModelFiles.write(m, file);
		ModelFiles.Model read = ModelFiles.read(file);
		EcgException e = assertThrows(EcgException.class, () -> new InkClassifier(read));
		assertTrue(e.getMessage().contains("RGB") && !e.getMessage().contains("\n"), e.getMessage());
	}

	@Test
	void aCraftedStreamWithAClassOutsideTheListIsRefusedBeforeItIsBuilt() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			// a list (allowed) carrying an object of a class that is not
			ArrayList<Object> payload = new ArrayList<>();
			payload.add(new java.io.File("/etc/passwd"));
			out.writeObject(payload);
		}
		Path file = dir.resolve("crafted.model");
		Files.write(file, bytes.toByteArray());
		EcgException e = assertThrows(EcgException.class, () -> ModelFiles.read(file));
		assertTrue(e.getMessage().contains("java.io.File") && e.getMessage().contains("not loaded"), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
		// a denied class inside an allowed package is refused too
		bytes.reset();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new java.util.concurrent.ConcurrentHashMap<String, String>());
		}
		Files.write(file, bytes.toByteArray());
		e = assertThrows(EcgException.class, () -> ModelFiles.read(file));
		assertTrue(e.getMessage().contains("ConcurrentHashMap"), e.getMessage());
	}

	@Test
	void truncatedAndForeignFilesGetOneLineErrors() throws Exception {
		Path file = dir.resolve("ok.model");
		ModelFiles.write(tinyModel(new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN), 1, 1, 19, 1, false), 32,
			16), file);
		byte[] all = Files.readAllBytes(file);
		Path cut = dir.resolve("cut.model");
		Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
		EcgException e = assertThrows(EcgException.class, () -> ModelFiles.read(cut));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		Path text = dir.resolve("notes.model");
		Files.writeString(text, "this is not a model");
		e = assertThrows(EcgException.class, () -> ModelFiles.read(text));
		assertTrue(e.getMessage().contains("not a model file"), e.getMessage());
		e = assertThrows(EcgException.class, () -> ModelFiles.read(dir.resolve("missing.model")));
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		// a serialised object that is not a classifier
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject("a string");
		}
		Files.write(text, bytes.toByteArray());
		e = assertThrows(EcgException.class, () -> ModelFiles.read(text));
		assertTrue(e.getMessage().contains("does not start with a Weka classifier"), e.getMessage());
	}
}
