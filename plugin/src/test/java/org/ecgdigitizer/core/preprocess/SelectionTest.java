package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Selection finds the same values a sort puts in place. */
class SelectionTest {

	@Test
	void theMedianIsTheSortedMiddle() {
		Random random = new Random(13);
		for (int trial = 0; trial < 2000; trial++) {
			int count = 1 + random.nextInt(90);
			// few distinct values too: ties are where a partition goes wrong
			int distinct = random.nextBoolean() ? 3 : 1000;
			double[] values = new double[count + random.nextInt(5)];
			for (int i = 0; i < values.length; i++) values[i] = random.nextInt(distinct) - distinct / 2 + random.nextInt(2) * 0.25;
			double[] sorted = Arrays.copyOf(values, count);
			Arrays.sort(sorted);
			double expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
			double[] tail = Arrays.copyOfRange(values, count, values.length);
			assertEquals(expected, Selection.median(values, count), 0.0);
			// only the first count values are looked at and reordered
			assertEquals(Arrays.toString(tail), Arrays.toString(Arrays.copyOfRange(values, count, values.length)));
			Arrays.sort(values, 0, count);
			assertEquals(Arrays.toString(sorted), Arrays.toString(Arrays.copyOf(values, count)));
		}
	}

	@Test
	void selectPartitionsAroundTheKthValue() {
		Random random = new Random(5);
		for (int trial = 0; trial < 2000; trial++) {
			int count = 1 + random.nextInt(120);
			double[] values = new double[count];
			for (int i = 0; i < count; i++) values[i] = random.nextInt(random.nextBoolean() ? 4 : 10000);
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int k = random.nextInt(count);
			Selection.select(values, count, k);
			assertEquals(sorted[k], values[k], 0.0);
			for (int i = 0; i < k; i++) assertEquals(true, values[i] <= values[k]);
			for (int i = k + 1; i < count; i++) assertEquals(true, values[i] >= values[k]);
		}
	}

	@Test
	void sortedAndReversedRuns() {
		double[] up = new double[81];
		double[] down = new double[81];
		for (int i = 0; i < 81; i++) {
			up[i] = i;
			down[i] = 80 - i;
		}
		assertEquals(40, Selection.median(up, 81), 0.0);
		assertEquals(40, Selection.median(down, 81), 0.0);
		assertEquals(39.5, Selection.median(new double[] { 80, 0, 79, 1, 78, 2, 40, 39 }, 8), 0.0);
		assertEquals(7, Selection.median(new double[] { 7 }, 1), 0.0);
	}
}
