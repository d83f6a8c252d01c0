package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.ModelFiles;
import org.ecgdigitizer.core.classify.TwsFeatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;

import hr.irb.fastRandomForest.FastRandomForest;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Load TWS Model and the refusals of the Ink Classifier commands, run as Fiji runs them. */
class InkCommandsTest {

	static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		context = new Context();
		context.service(LogService.class).setLevel(LogLevel.ERROR);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** An 8-bit image: dark vertical strokes on light paper. */
	static ImagePlus strokes() {
		ByteProcessor bp = new ByteProcessor(60, 30);
		bp.setColor(240);
		bp.fill();
		for (int y = 0; y < 30; y++) {
			bp.set(20, y, 15);
			bp.set(21, y, 30);
			bp.set(45, y, 20);
		}
		return new ImagePlus("strokes", bp);
	}

	/** A grayscale model saved the way TWS saves one (relation given, TWS feature names, classes ink/background). */
	static Path twsModel(Path dir, String relation) throws Exception {
		TwsFeatures f = new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN, TwsFeatures.Group.HESSIAN), 1, 2, 19, 1,
			relation.equals("segment"));
		ImagePlus imp = strokes();
		float[] plane = (float[]) imp.getProcessor().convertToFloat().getPixels();
		float[][] stack = f.compute(plane, 60, 30);
		ArrayList<Attribute> attributes = new ArrayList<>();
		for (String n : f.names()) attributes.add(new Attribute(n));
		attributes.add(new Attribute("class", List.of("ink", "background")));
		Instances data = new Instances(relation, attributes, 0);
		data.setClassIndex(attributes.size() - 1);
		for (int i = 0; i < plane.length; i += 3) {
			double[] v = new double[attributes.size()];
			for (int a = 0; a < stack.length; a++) v[a] = stack[a][i];
			v[stack.length] = plane[i] < 100 ? 0 : 1;
			data.add(new DenseInstance(1, v));
		}
		FastRandomForest rf = new FastRandomForest();
		rf.setNumTrees(5);
		rf.setSeed(1);
		rf.setNumThreads(1);
		rf.buildClassifier(data);
		Path file = dir.resolve(relation + ".model");
		ModelFiles.write(new ModelFiles.Model(rf, new Instances(data, 0)), file);
		return file;
	}

	@Test
	void loadTwsModelAppliesOldAndNewModelsAndShowsTheInkClass() throws Exception {
		for (String relation : new String[] { "segment", "TWS-2D-v3.3.4-grayscale" }) {
			Path model = twsModel(dir, relation);
			Module m = Fiji.run(context, LoadTwsModelCommand.class, "image", strokes(), "model_file", model.toString(),
				"ink_class", "ink");
			assertNull(Fiji.canceled(m), relation);
			ImagePlus classes = Fiji.output(m, "probabilities");
			ImagePlus ink = Fiji.output(m, "ink");
			assertEquals(2, classes.getStackSize());
			assertEquals("ink", classes.getStack().getSliceLabel(1));
			assertTrue(ink.getProcessor().getf(20, 15) > 0.5, relation);
			assertTrue(ink.getProcessor().getf(33, 15) < 0.5, relation);
		}
		Module wrongClass = Fiji.run(context, LoadTwsModelCommand.class, "image", strokes(), "model_file", twsModel(dir,
			"segment").toString(), "ink_class", "trace");
		assertTrue(Fiji.canceled(wrongClass).contains("[ink, background]"), Fiji.canceled(wrongClass));
	}

	@Test
	void modelsThatCannotBeAppliedAreRefusedInOneLineAndNothingRuns() throws Exception {
		Path rgb = twsModel(dir, "TWS-2D-v3.3.4-RGB");
		Module m = Fiji.run(context, LoadTwsModelCommand.class, "image", strokes(), "model_file", rgb.toString(),
			"ink_class", "ink");
		String reason = Fiji.canceled(m);
		assertNotNull(reason);
		assertTrue(reason.contains("RGB") && !reason.contains("\n"), reason);
		assertNull(Fiji.output(m, "probabilities"));
		Path text = dir.resolve("notes.model");
		Files.writeString(text, "not a model");
		m = Fiji.run(context, ApplyInkClassifierCommand.class, "image", strokes(), "model_file", text.toString(),
			"px_per_mm", "4");
		assertTrue(Fiji.canceled(m).contains("not a model file"), Fiji.canceled(m));
		assertNull(Fiji.output(m, "probabilities"));
		// a page without a scale
		m = Fiji.run(context, ApplyInkClassifierCommand.class, "image", strokes(), "model_file", "");
		assertTrue(Fiji.canceled(m).contains("px_per_mm"), Fiji.canceled(m));
		// training without named ROIs
		m = Fiji.run(context, TrainInkClassifierCommand.class, "image", strokes(), "model_file", dir.resolve("x.model")
			.toString(), "px_per_mm", "4");
		assertTrue(Fiji.canceled(m).contains("no named ROIs"), Fiji.canceled(m));
		assertTrue(!Files.exists(dir.resolve("x.model")));
		// our model files carry classes a user can name
		assertEquals(List.of("ink", "background"), new InkClassifier(ModelFiles.read(twsModel(dir,
			"TWS-2D-v3.3.4-grayscale"))).classes());
	}
}
