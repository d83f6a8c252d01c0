package org.ecgdigitizer.core.preprocess;

import java.util.ArrayList;
import java.util.List;

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

	/** Label image: 0 for background, component id + 1 for ink. */
	public final int[] labels;
	public final List<Component> components;
	public final int width;
	public final int height;

	private Components(int[] labels, List<Component> components, int width, int height) {
		this.labels = labels;
		this.components = components;
		this.width = width;
		this.height = height;
	}

	/** The component at a pixel, or null. */
	public Component at(int x, int y) {
		int l = labels[y * width + x];
		return l == 0 ? null : components.get(l - 1);
	}

	public static Components of(boolean[] mask, int w, int h) {
		// runs of each row: start, end (exclusive), provisional label
		int[] parent = new int[16];
		int next = 0;
		int[] prevStart = new int[0];
		int[] prevEnd = new int[0];
		int[] prevLabel = new int[0];
		int prevCount = 0;
		int[] runRowStart = new int[h + 1];
		List<int[]> runs = new ArrayList<>();
		for (int y = 0; y < h; y++) {
			runRowStart[y] = runs.size();
			int row = y * w;
			int[] curStart = new int[8];
			int[] curEnd = new int[8];
			int[] curLabel = new int[8];
			int curCount = 0;
			int x = 0;
			int p = 0; // first previous-row run that may still overlap
			while (x < w) {
				if (!mask[row + x]) {
					x++;
					continue;
				}
				int s = x;
				while (x < w && mask[row + x]) x++;
				int e = x;
				int label = -1;
				while (p < prevCount && prevEnd[p] < s) p++;
				for (int q = p; q < prevCount && prevStart[q] <= e; q++) {
					// 8-connected: runs touch when they overlap or meet diagonally
					int l = find(parent, prevLabel[q]);
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
				if (curCount == curStart.length) {
					curStart = java.util.Arrays.copyOf(curStart, curCount * 2);
					curEnd = java.util.Arrays.copyOf(curEnd, curCount * 2);
					curLabel = java.util.Arrays.copyOf(curLabel, curCount * 2);
				}
				curStart[curCount] = s;
				curEnd[curCount] = e;
				curLabel[curCount] = label;
				curCount++;
				runs.add(new int[] { y, s, e, label });
			}
			prevStart = curStart;
			prevEnd = curEnd;
			prevLabel = curLabel;
			prevCount = curCount;
		}
		runRowStart[h] = runs.size();
		// resolve labels to consecutive component ids
		int[] compact = new int[next];
		java.util.Arrays.fill(compact, -1);
		List<Component> components = new ArrayList<>();
		int[] labels = new int[w * h];
		for (int[] run : runs) {
			int root = find(parent, run[3]);
			if (compact[root] < 0) {
				compact[root] = components.size();
				components.add(new Component(components.size()));
			}
			Component c = components.get(compact[root]);
			int y = run[0];
			c.minY = Math.min(c.minY, y);
			c.maxY = Math.max(c.maxY, y);
			c.minX = Math.min(c.minX, run[1]);
			c.maxX = Math.max(c.maxX, run[2] - 1);
			c.pixels += run[2] - run[1];
			java.util.Arrays.fill(labels, y * w + run[1], y * w + run[2], c.id + 1);
		}
		return new Components(labels, components, w, h);
	}

	/** The mask grown by r pixels in every direction (a square structuring element). */
	public static boolean[] dilate(boolean[] mask, int w, int h, int r) {
		boolean[] rows = new boolean[mask.length];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int last = -r - 1; // last ink column seen
			for (int x = 0; x < w; x++) {
				if (mask[row + x]) last = x;
				if (x - last <= r) rows[row + x] = true;
			}
			last = w + r + 1;
			for (int x = w - 1; x >= 0; x--) {
				if (mask[row + x]) last = x;
				if (last - x <= r) rows[row + x] = true;
			}
		}
		boolean[] out = new boolean[mask.length];
		for (int x = 0; x < w; x++) {
			int last = -r - 1;
			for (int y = 0; y < h; y++) {
				if (rows[y * w + x]) last = y;
				if (y - last <= r) out[y * w + x] = true;
			}
			last = h + r + 1;
			for (int y = h - 1; y >= 0; y--) {
				if (rows[y * w + x]) last = y;
				if (last - y <= r) out[y * w + x] = true;
			}
		}
		return out;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}
}
