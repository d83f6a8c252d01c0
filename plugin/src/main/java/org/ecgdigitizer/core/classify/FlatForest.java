package org.ecgdigitizer.core.classify;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import hr.irb.fastRandomForest.FastRandomForest;
import weka.classifiers.Classifier;
import weka.classifiers.IteratedSingleClassifierEnhancer;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A FastRandomForest's trees copied into primitive arrays, so that pixels are classified straight
 * from their feature values, without a Weka {@code Instance} and a recursive walk per pixel and tree:
 * the same comparisons, each pixel's leaf distributions summed in the trees' order and normalised by
 * Weka's {@link Utils}, so the probabilities are {@code distributionForInstance}'s to the bit. The
 * trees are read from the forest's fields (FastRandomForest has no public accessor for them); a
 * forest that cannot be read that way, and pixels with a missing (NaN) value, are left to Weka.
 */
final class FlatForest {

	/**
	 * The nodes, tree by tree, level by level, so that a node's two children are neighbours: per node
	 * the feature column it splits on, the split as a float threshold, and its first child (the left
	 * one, taken when the value is below the threshold; the right one follows it). A leaf leads to
	 * itself: threshold NaN (no value is below it) and first child itself minus one. So every pixel
	 * takes as many steps as its tree is deep, without a test for leaves, and a few pixels can walk
	 * side by side.
	 */
	private final int[] column;
	private final float[] threshold;
	private final int[] firstChild;
	/** Per leaf node: where its class distribution starts in {@link #leaves}. */
	private final int[] leafAt;
	private final double[] leaves;
	/** The root node and the depth of each tree, in the forest's order. */
	private final int[] roots, depths;
	private final int classes;

	private FlatForest(Builder b) {
		int n = b.column.size();
		column = new int[n];
		threshold = new float[n];
		firstChild = new int[n];
		leafAt = new int[n];
		for (int i = 0; i < n; i++) {
			column[i] = b.column.get(i);
			threshold[i] = b.threshold.get(i);
			firstChild[i] = b.firstChild.get(i);
			leafAt[i] = b.leafAt.get(i);
		}
		leaves = new double[b.leaves.size() * b.classes];
		for (int i = 0; i < b.leaves.size(); i++) System.arraycopy(b.leaves.get(i), 0, leaves, i * b.classes, b.classes);
		roots = b.roots.stream().mapToInt(Integer::intValue).toArray();
		depths = b.depths.stream().mapToInt(Integer::intValue).toArray();
		classes = b.classes;
	}

	/**
	 * Weka's {@code distributionForInstance} for {@code count} pixels whose feature values are
	 * {@code rows[k * width + f]}, none of them NaN (Weka splits a missing value across both
	 * children; ask Weka for those pixels), into {@code out[k]} (one per class).
	 */
	void distributions(float[] rows, int width, int count, double[][] out) {
		for (int k = 0; k < count; k++) java.util.Arrays.fill(out[k], 0);
		// tree by tree over the pixels, so that a tree's nodes stay in the cache; each pixel still sums
		// its trees in the forest's order
		for (int t = 0; t < roots.length; t++) {
			int root = roots[t], depth = depths[t], k = 0;
			// four pixels at a time: their walks do not wait for each other's memory reads
			for (; k + 4 <= count; k += 4) {
				int r0 = k * width, r1 = r0 + width, r2 = r1 + width, r3 = r2 + width;
				int n0 = root, n1 = root, n2 = root, n3 = root;
				for (int s = 0; s < depth; s++) {
					n0 = step(n0, rows, r0);
					n1 = step(n1, rows, r1);
					n2 = step(n2, rows, r2);
					n3 = step(n3, rows, r3);
				}
				vote(out[k], n0);
				vote(out[k + 1], n1);
				vote(out[k + 2], n2);
				vote(out[k + 3], n3);
			}
			for (; k < count; k++) {
				int n = root;
				for (int s = 0; s < depth; s++) n = step(n, rows, k * width);
				vote(out[k], n);
			}
		}
		// as FastRfBagging: an all-zero vote stays as it is, any other is normalised
		for (int k = 0; k < count; k++) {
			if (!Utils.eq(Utils.sum(out[k]), 0)) Utils.normalize(out[k]);
		}
	}

	private int step(int node, float[] rows, int row) {
		return firstChild[node] + (rows[row + column[node]] < threshold[node] ? 0 : 1);
	}

	private void vote(double[] sums, int leaf) {
		for (int j = 0, at = leafAt[leaf]; j < classes; j++) sums[j] += leaves[at + j];
	}

	/**
	 * The float t for which {@code v < t} exactly when {@code (double) v < split}, for every float v:
	 * the least float not below the split.
	 */
	static float threshold(double split) {
		float t = (float) split;
		return t < split ? Math.nextUp(t) : t;
	}

	/**
	 * The forest in arrays, or null when it is not a FastRandomForest with a nominal class whose trees
	 * can be read.
	 *
	 * @param columnOf for each header attribute, its column among the feature values (-1 for the class)
	 */
	static FlatForest of(Classifier classifier, Instances header, int[] columnOf) {
		if (classifier.getClass() != FastRandomForest.class || !header.classAttribute().isNominal()) return null;
		try {
			if (field(FastRandomForest.class, "m_ZeroR").get(classifier) != null) return null;
			Object bagger = field(FastRandomForest.class, "m_bagger").get(classifier);
			if (!(bagger instanceof IteratedSingleClassifierEnhancer)) return null;
			Classifier[] trees = (Classifier[]) field(IteratedSingleClassifierEnhancer.class, "m_Classifiers").get(bagger);
			if (trees == null || trees.length != ((IteratedSingleClassifierEnhancer) bagger).getNumIterations()) return null;
			// the trees ask the training header whether an attribute is nominal
			Instances info = (Instances) field(FastRandomForest.class, "m_Info").get(classifier);
			Builder b = new Builder(trees[0].getClass(), info, columnOf, header.numClasses());
			for (Classifier tree : trees) if (tree.getClass() != b.tree || !b.add(tree)) return null;
			return new FlatForest(b);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			// not the FastRandomForest we know: Weka classifies every pixel
			return null;
		}
	}

	private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
		Field f = owner.getDeclaredField(name);
		f.setAccessible(true);
		return f;
	}

	/** Reads FastRandomTree nodes into {@link FlatForest}'s layout. */
	private static final class Builder {
		final Class<?> tree;
		final Field attribute, splitPoint, successors, classProbs;
		final Instances info;
		final int[] columnOf;
		final int classes;
		final List<Integer> column = new ArrayList<>(), firstChild = new ArrayList<>(), leafAt = new ArrayList<>();
		final List<Float> threshold = new ArrayList<>();
		final List<double[]> leaves = new ArrayList<>();
		final List<Integer> roots = new ArrayList<>(), depths = new ArrayList<>();

		Builder(Class<?> tree, Instances info, int[] columnOf, int classes) throws NoSuchFieldException {
			this.tree = tree;
			this.info = info;
			attribute = field(tree, "m_Attribute");
			splitPoint = field(tree, "m_SplitPoint");
			successors = field(tree, "m_Successors");
			classProbs = field(tree, "m_ClassProbs");
			this.columnOf = columnOf;
			this.classes = classes;
		}

		/** Adds a tree level by level; false when some node is neither a numeric split nor a leaf. */
		boolean add(Object root) throws IllegalAccessException {
			roots.add(reserve());
			List<Object> level = List.of(root);
			int depth = 0, first = roots.get(roots.size() - 1);
			while (true) {
				List<Object> next = new ArrayList<>();
				for (int i = 0; i < level.size(); i++) {
					int at = first + i;
					Object node = level.get(i);
					int a = attribute.getInt(node);
					if (a < 0) {
						double[] p = (double[]) classProbs.get(node);
						if (p == null || p.length != classes) return false;
						threshold.set(at, Float.NaN);
						firstChild.set(at, at - 1);
						leafAt.set(at, leaves.size() * classes);
						leaves.add(p.clone());
						continue;
					}
					Object[] children = (Object[]) successors.get(node);
					if (a >= columnOf.length || columnOf[a] < 0 || info.attribute(a).isNominal() || children == null ||
						children.length != 2) return false;
					column.set(at, columnOf[a]);
					threshold.set(at, threshold(splitPoint.getDouble(node)));
					firstChild.set(at, reserve());
					reserve();
					next.add(children[0]);
					next.add(children[1]);
				}
				if (next.isEmpty()) break;
				first = first + level.size();
				level = next;
				depth++;
			}
			depths.add(depth);
			return true;
		}

		/** A new node, a leaf of nothing until it is filled in. */
		private int reserve() {
			column.add(0);
			threshold.add(Float.NaN);
			firstChild.add(column.size() - 2);
			leafAt.add(0);
			return column.size() - 1;
		}
	}
}
