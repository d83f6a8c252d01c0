package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PixelsTest {

	@Test
	void withinIsEachPixelsSquareCutAtThePlanesEdges() {
		// a 5 x 4 plane: pixel (0, 0) and pixel (3, 2)
		int w = 5, h = 4;
		int[] pixels = { 0, 2 * w + 3 };
		assertArrayEquals(new int[] { 0, 13 }, Pixels.of(Pixels.within(pixels, w, h, 0)));
		assertArrayEquals(new int[] { 0, 1, 5, 6, 7, 8, 9, 12, 13, 14, 17, 18, 19 }, Pixels.of(Pixels.within(pixels, w,
			h, 1)));
		// reach 2 from (3, 2) covers columns 1..4 of every row; from (0, 0) columns 0..2 of rows 0..2
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19 }, Pixels.of(
			Pixels.within(pixels, w, h, 2)));
	}
}
