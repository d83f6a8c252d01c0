package org.ecgdigitizer.core;

import java.util.Arrays;
import java.util.List;

/**
 * The median as the project takes it everywhere: the middle value, or the mean of the two middle
 * ones; NaN of no values. ({@code preprocess.Selection} gives the same value without sorting, for
 * hot loops over scratch arrays.)
 */
public final class Median {

	private Median() {}

	/** Of values in any order; the array is left as it is. */
	public static double of(double[] values) {
		double[] s = values.clone();
		Arrays.sort(s);
		return ofSorted(s);
	}

	public static double of(List<Double> values) {
		return of(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/** Of values sorted ascending. */
	public static double ofSorted(double[] sorted) {
		int n = sorted.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}
}
