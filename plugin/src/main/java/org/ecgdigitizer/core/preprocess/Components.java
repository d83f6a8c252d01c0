package org.ecgdigitizer.core.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Connected components (8-connected) of a binary mask, found from horizontal runs. Ink on an
 * ECG page is sparse, so working on runs rather than pixels keeps this fast.
 */
public final class Components {

	/** One component: its bounding box and pixel count. */
	public static final class Component {
		public final int id;
		public int minX = Integer.MAX_VALUE;
		public int minY = Integer.MAX_VALUE;
		public int maxX = -1;
		public int maxY = -1;
		public int pixels;

		Component(int id) {
			this.id = id;
		}

		public int width() {
			return maxX - minX + 1;
		}

		public int height() {
			return maxY - minY + 1;
		}

		@Override
		public String toString() {
			return String.format("Component[%d: %d,%d %dx%d, %d px]", id, minX, minY, width(), height(), pixels);
		}
	}

	public final List<Component> components;
	public final int width;
	public final int height;
	/** The mask's runs with their components, in place of a label plane: a fraction of its size. */
	private final Runs runs;

	private Components(Runs runs, int width, int height) {
		this.runs = runs;
		this.components = runs.components;
		this.width = width;
		this.height = height;
	}

	public static Components of(boolean[] mask, int w, int h) {
		return of(Bits.of(mask, w, h));
	}

	public static Components of(Bits mask) {
		return new Components(Runs.of(mask), mask.w, mask.h);
	}

	/** Each pixel's component id, -1 off the ink (for small masks: a plane of the mask's size). */
	public int[] labels() {
		int[] out = new int[width * height];
		Arrays.fill(out, -1);
		for (int r = 0; r < runs.count; r++) {
			int row = runs.y[r] * width;
			Arrays.fill(out, row + runs.start[r], row + runs.end[r], runs.component[r]);
		}
		return out;
	}

	/** Clears, in a mask of this size, the pixels of the components whose id passes the test. */
	public void erase(Bits mask, IntPredicate component) {
		for (int r = 0; r < runs.count; r++) {
			if (component.test(runs.component[r])) mask.clear(runs.y[r], runs.start[r], runs.end[r]);
		}
	}

	/** The horizontal runs of a mask, row by row, each with the id of its component. */
	static final class Runs {
		int count;
		int[] y = new int[64];
		int[] start = new int[64];
		int[] end = new int[64];
		/** Provisional label while labelling, then the component id. */
		int[] component = new int[64];
		final List<Component> components = new ArrayList<>();

		private void add(int row, int s, int e, int label) {
			if (count == y.length) {
				y = java.util.Arrays.copyOf(y, count * 2);
				start = java.util.Arrays.copyOf(start, count * 2);
				end = java.util.Arrays.copyOf(end, count * 2);
				component = java.util.Arrays.copyOf(component, count * 2);
			}
			y[count] = row;
			start[count] = s;
			end[count] = e;
			component[count++] = label;
		}

		static Runs of(Bits mask) {
			int w = mask.w;
			int h = mask.h;
			Runs runs = new Runs();
			// runs of each row: start, end (exclusive), provisional label
			int[] parent = new int[16];
			int next = 0;
			int prevFirst = 0;
			int prevCount = 0;
			for (int y = 0; y < h; y++) {
				int curFirst = runs.count;
				int p = prevFirst; // first previous-row run that may still overlap
				for (int s = mask.nextSet(y, 0); s < w; s = mask.nextSet(y, s)) {
					int e = mask.nextClear(y, s);
					int label = -1;
					while (p < prevFirst + prevCount && runs.end[p] < s) p++;
					for (int q = p; q < prevFirst + prevCount && runs.start[q] <= e; q++) {
						// 8-connected: runs touch when they overlap or meet diagonally
						int l = find(parent, runs.component[q]);
						if (label < 0) label = l;
						else if (l != label) {
							parent[l] = label;
						}
					}
					if (label < 0) {
						if (next == parent.length) parent = java.util.Arrays.copyOf(parent, parent.length * 2);
						parent[next] = next;
						label = next++;
					}
					runs.add(y, s, e, label);
					s = e;
				}
				prevFirst = curFirst;
				prevCount = runs.count - curFirst;
			}
			// resolve labels to consecutive component ids
			int[] compact = new int[next];
			java.util.Arrays.fill(compact, -1);
			for (int r = 0; r < runs.count; r++) {
				int root = find(parent, runs.component[r]);
				if (compact[root] < 0) {
					compact[root] = runs.components.size();
					runs.components.add(new Component(runs.components.size()));
				}
				Component c = runs.components.get(compact[root]);
				int y = runs.y[r];
				c.minY = Math.min(c.minY, y);
				c.maxY = Math.max(c.maxY, y);
				c.minX = Math.min(c.minX, runs.start[r]);
				c.maxX = Math.max(c.maxX, runs.end[r] - 1);
				c.pixels += runs.end[r] - runs.start[r];
				runs.component[r] = c.id;
			}
			return runs;
		}
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}
}
