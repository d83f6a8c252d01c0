package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MedianTest {

	@Test
	void theMiddleValueOrTheMeanOfTheTwoAndNaNOfNothing() {
		double[] odd = { 5, 1, 3 };
		assertEquals(3, Median.of(odd), 0);
		assertArrayEquals(new double[] { 5, 1, 3 }, odd, 0, "the values are left as they are");
		assertEquals(2.5, Median.of(new double[] { 4, 1, 3, 2 }), 0);
		assertEquals(2.5, Median.of(List.of(4.0, 1.0, 3.0, 2.0)), 0);
		assertEquals(2.5, Median.ofSorted(new double[] { 1, 2, 3, 4 }), 0);
		assertEquals(Double.NaN, Median.of(new double[0]), 0);
		assertEquals(Double.NaN, Median.of(List.of()), 0);
	}
}
