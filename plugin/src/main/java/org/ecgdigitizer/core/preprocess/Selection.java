package org.ecgdigitizer.core.preprocess;

/**
 * Medians and other order statistics by selection rather than by sorting: for the thousands of
 * small windows a page's lattice of nodes reads, finding one value costs a few passes over them
 * where a sort costs many.
 */
final class Selection {

	private Selection() {}

	/**
	 * The median of values[0, count): the middle value, or the mean of the two middle values for an
	 * even count; the same number a sort would give. Reorders those values.
	 */
	static double median(double[] values, int count) {
		int k = count / 2;
		select(values, count, k);
		if (count % 2 == 1) return values[k];
		// selection leaves the smaller half in front: its largest is the lower middle value
		double lower = values[0];
		for (int i = 1; i < k; i++) if (values[i] > lower) lower = values[i];
		return (lower + values[k]) / 2;
	}

	/**
	 * Puts the k-th smallest of values[0, count) at k, with none larger before it and none smaller
	 * after it (Hoare's selection with a median-of-three pivot).
	 */
	static void select(double[] v, int count, int k) {
		int lo = 0;
		int hi = count - 1;
		while (hi > lo) {
			int mid = (lo + hi) >>> 1;
			// order v[lo] <= v[mid] <= v[hi]: the middle one is the pivot and the ends are sentinels
			if (v[mid] < v[lo]) swap(v, mid, lo);
			if (v[hi] < v[lo]) swap(v, hi, lo);
			if (v[hi] < v[mid]) swap(v, hi, mid);
			if (hi - lo < 3) return;
			double pivot = v[mid];
			int i = lo;
			int j = hi;
			while (true) {
				do i++; while (v[i] < pivot);
				do j--; while (v[j] > pivot);
				if (i >= j) break;
				swap(v, i, j);
			}
			// v[lo, j] <= pivot <= v[j + 1, hi]
			if (k <= j) hi = j;
			else lo = j + 1;
		}
	}

	private static void swap(double[] v, int a, int b) {
		double t = v[a];
		v[a] = v[b];
		v[b] = t;
	}
}
