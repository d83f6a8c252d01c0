package org.ecgdigitizer.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;

import hr.irb.fastRandomForest.FastRandomForest;
import weka.classifiers.AbstractClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A pixel classifier in the Trainable Weka Segmentation way: a Weka classifier over a header of
 * TWS feature attributes and a nominal class. Applies a model read from a {@code .model} file
 * (ours or one saved by Fiji's TWS, its attributes matched by name) and trains new ones with
 * FastRandomForest, writing the header exactly as TWS does.
 */
public final class InkClassifier {

	/** The classes of the ink model: a pulse counts as trace; labels, header and footer are text. */
	public static final List<String> CLASSES = List.of("trace", "grid", "paper", "text");
	/** The relation TWS 3.2.25 and later write for a 2-D grayscale model (our version: pom-scijava 45's TWS). */
	public static final String RELATION = "TWS-2D-v4.0.0-grayscale";
	/** The relation TWS wrote before 3.2.25, with the old Hessian eigenvalues. */
	public static final String OLD_RELATION = "segment";
	static final String CLASS_ATTRIBUTE = "class";
	/** Pixels the forest classifies together: their feature rows and a tree's nodes stay in the cache. */
	private static final int BLOCK = 256;

	static {
		WekaQuiet.start();
	}

	public final ModelFiles.Model model;
	public final TwsFeatures features;
	/** For each header attribute but the class: its plane in {@link TwsFeatures#compute}. */
	private final int[] planeOf;
	private final List<String> classes;
	/** The forest's trees in arrays (null when the classifier is not a FastRandomForest read that way). */
	private final FlatForest forest;

	public InkClassifier(ModelFiles.Model model) {
		this.model = model;
		Instances h = model.header;
		String relation = h.relationName();
		boolean old = relation.equals(OLD_RELATION) || isOldVersion(relation);
		if (relation.toUpperCase(Locale.ROOT).endsWith("-RGB")) {
			throw new EcgException("the model was trained on RGB features (" + relation + "); only grayscale TWS " +
				"models are supported: train it on an 8-bit or 32-bit image");
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < h.numAttributes(); i++) {
			if (i == h.classIndex()) continue;
			Attribute a = h.attribute(i);
			if (!a.isNumeric()) throw new EcgException("the model's attribute '" + a.name() + "' is not numeric; it " +
				"is not a TWS pixel classifier");
			names.add(a.name());
		}
		TwsFeatures f = TwsFeatures.fromNames(names, old);
		List<String> computed = f.names();
		planeOf = new int[names.size()];
		for (int i = 0; i < names.size(); i++) {
			planeOf[i] = computed.indexOf(names.get(i));
			if (planeOf[i] < 0) throw new EcgException("the model's feature '" + names.get(i) +
				"' cannot be computed with TWS's conventions; was the model edited?");
		}
		this.features = f;
		classes = new ArrayList<>();
		for (int c = 0; c < h.numClasses(); c++) classes.add(h.classAttribute().value(c));
		int[] columnOf = new int[h.numAttributes()];
		for (int a = 0, i = 0; a < columnOf.length; a++) columnOf[a] = a == h.classIndex() ? -1 : planeOf[i++];
		forest = FlatForest.of(model.classifier, h, columnOf);
	}

	/** TWS-2D-v3.2.24 and earlier used the old Hessian too. */
	static boolean isOldVersion(String relation) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("TWS-2D-v(\\d+)\\.(\\d+)\\.(\\d+).*").matcher(
			relation);
		if (!m.matches()) return false;
		int[] v = { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)) };
		return v[0] < 3 || v[0] == 3 && (v[1] < 2 || v[1] == 2 && v[2] < 25);
	}

	public List<String> classes() {
		return classes;
	}

	/** The index of a class by name (case-insensitive), or an error that lists the model's classes. */
	public int classIndex(String name) {
		for (int c = 0; c < classes.size(); c++) if (classes.get(c).equalsIgnoreCase(name.trim())) return c;
		throw new EcgException("the model has no class '" + name + "'; its classes are " + classes);
	}

	/**
	 * Class probabilities of every pixel of a grayscale plane. Pixels outside {@code only} (when
	 * given) are not classified and get probability 1 for {@code elseClass}.
	 *
	 * @return one plane per class, w x h
	 */
	public float[][] probabilities(float[] plane, int w, int h, boolean[] only, int elseClass) {
		int[] pixels = only == null ? Pixels.all(w * h) : Pixels.of(only);
		float[][] at = probabilitiesAt(plane, w, h, pixels);
		float[][] out = new float[at.length][];
		for (int c = 0; c < at.length; c++) out[c] = Pixels.scatter(at[c], pixels, w * h);
		if (only != null && elseClass >= 0) {
			for (int i = 0; i < only.length; i++) if (!only[i]) out[elseClass][i] = 1;
		}
		return out;
	}

	/**
	 * Class probabilities at some pixels of a grayscale plane: one array per class, whose value k is
	 * that of pixel {@code pixels[k]}. Safe from several threads at once: one classifier serves every
	 * page of a batch.
	 */
	public float[][] probabilitiesAt(float[] plane, int w, int h, int[] pixels) {
		float[][] values = features.at(plane, w, h, pixels);
		if (predictsWithoutState(model.classifier)) return classify(values, pixels.length);
		// Weka does not promise that a classifier predicts without changing its own fields
		synchronized (model.classifier) {
			return classify(values, pixels.length);
		}
	}

	/**
	 * Whether several threads may ask the classifier at once: FastRandomForest (TWS's, and ours)
	 * only reads its trees when it predicts; other Weka classifiers are asked one thread at a time.
	 */
	static boolean predictsWithoutState(AbstractClassifier classifier) {
		return classifier.getClass() == FastRandomForest.class;
	}

	/** Classifies n pixels whose feature values are {@code values[f][k]} (f in {@link TwsFeatures#names()}'s order). */
	private float[][] classify(float[][] values, int n) {
		int k = classes.size(), width = values.length;
		float[][] out = new float[k][n];
		float[] rows = new float[BLOCK * width];
		double[][] p = new double[BLOCK][k];
		WekaPixel weka = new WekaPixel(values);
		for (int start = 0; start < n; start += BLOCK) {
			int count = Math.min(BLOCK, n - start);
			boolean[] missing = new boolean[count];
			for (int f = 0; f < width; f++) {
				for (int i = 0; i < count; i++) {
					float v = values[f][start + i];
					rows[i * width + f] = v;
					missing[i] |= Float.isNaN(v);
				}
			}
			if (forest != null) forest.distributions(rows, width, count, p);
			for (int i = 0; i < count; i++) {
				double[] d = forest != null && !missing[i] ? p[i] : weka.distribution(start + i);
				for (int c = 0; c < k; c++) out[c][start + i] = (float) d[c];
			}
		}
		return out;
	}

	/** Weka's own answer for one pixel, through an instance of the model's header. */
	private final class WekaPixel {
		final float[][] values;
		final double[] row = new double[model.header.numAttributes()];
		// the instance keeps this array (DenseInstance does not copy it), so refilling it is enough
		final Instance instance = new DenseInstance(1, row);

		WekaPixel(float[][] values) {
			this.values = values;
			instance.setDataset(model.header);
		}

		double[] distribution(int k) {
			int cls = model.header.classIndex();
			for (int a = 0, f = 0; a < row.length; a++) {
				if (a == cls) continue;
				row[a] = values[planeOf[f++]][k];
			}
			try {
				return model.classifier.distributionForInstance(instance);
			}
			catch (Exception e) {
				throw new EcgException("the classifier failed on a pixel: " + e);
			}
		}
	}

	/** Whether pixels are classified from primitive arrays rather than through Weka (the same numbers either way). */
	boolean classifiesWithoutWeka() {
		return forest != null;
	}

	/** One training example per labelled pixel: its feature values and class. */
	public static final class Samples {
		final List<String> names;
		final List<String> classes;
		final List<float[]> rows = new ArrayList<>();
		final List<Integer> labels = new ArrayList<>();
		final int[] counts;

		public Samples(TwsFeatures features, List<String> classes) {
			this.names = features.names();
			this.classes = List.copyOf(classes);
			this.counts = new int[classes.size()];
		}

		/** Adds the pixels {@code pixels} of a feature stack with class {@code label}. */
		public void add(float[][] stack, int[] pixels, int label) {
			for (int i : pixels) {
				float[] row = new float[stack.length];
				for (int f = 0; f < row.length; f++) row[f] = stack[f][i];
				rows.add(row);
				labels.add(label);
				counts[label]++;
			}
		}

		public int size() {
			return rows.size();
		}

		/** Examples per class. */
		public int[] counts() {
			return counts.clone();
		}
	}

	/** The TWS header: the feature attributes, then the nominal class, relation {@link #RELATION}. */
	public static Instances header(List<String> names, List<String> classes, int capacity) {
		ArrayList<Attribute> attributes = new ArrayList<>();
		for (String n : names) attributes.add(new Attribute(n));
		attributes.add(new Attribute(CLASS_ATTRIBUTE, new ArrayList<>(classes)));
		Instances data = new Instances(RELATION, attributes, capacity);
		data.setClassIndex(attributes.size() - 1);
		return data;
	}

	/**
	 * Trains a FastRandomForest (TWS's classifier) on the samples, reproducibly for a seed (one
	 * thread, so the trees are drawn in a fixed order).
	 *
	 * @param trees number of trees (TWS's default is 200)
	 * @param maxDepth 0 for unlimited, as TWS
	 */
	public static ModelFiles.Model train(Samples samples, int trees, int features, int maxDepth, int seed) {
		for (int c = 0; c < samples.counts.length; c++) {
			if (samples.counts[c] == 0) {
				throw new EcgException("no examples of class '" + samples.classes.get(c) + "'; draw at least one " +
					"line over it");
			}
		}
		Instances data = header(samples.names, samples.classes, samples.size());
		int nf = samples.names.size();
		for (int r = 0; r < samples.size(); r++) {
			double[] v = new double[nf + 1];
			float[] row = samples.rows.get(r);
			for (int f = 0; f < nf; f++) v[f] = row[f];
			v[nf] = samples.labels.get(r);
			data.add(new DenseInstance(1, v));
		}
		FastRandomForest rf = new FastRandomForest();
		rf.setNumTrees(trees);
		rf.setNumFeatures(features);
		rf.setMaxDepth(maxDepth);
		rf.setSeed(seed);
		rf.setNumThreads(1);
		try {
			rf.buildClassifier(data);
		}
		catch (Exception e) {
			throw new EcgException("training the classifier failed: " + e.getMessage());
		}
		return new ModelFiles.Model(rf, new Instances(data, 0));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s over %d features (%s), classes %s", model.classifier.getClass()
			.getSimpleName(), planeOf.length, features, Arrays.toString(classes.toArray()));
	}
}
