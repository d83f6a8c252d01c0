package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrientationTest {

	static final int W = 800;
	static final int H = 600;
	static final double MM = 3;

	/** Four wavy traces across the page, drawn along x (upright) or along y (sideways). */
	private static float[] traces(boolean sideways) {
		int w = sideways ? H : W;
		int h = sideways ? W : H;
		float[] ink = new float[w * h];
		for (int row = 0; row < 4; row++) {
			for (int t = 20; t < (sideways ? h : w) - 20; t++) {
				int across = 80 + row * 130 + (int) Math.round(4 * Math.sin(t / 9.0));
				ink[sideways ? t * w + across : across * w + t] = 1;
			}
		}
		return ink;
	}

	@Test
	void tellsUprightFromSidewaysTraces() {
		assertFalse(Orientation.isSideways(traces(false), W, H, MM));
		assertTrue(Orientation.isSideways(traces(true), H, W, MM));
	}

	/** A page whose traces broke up (a bad copy) but that shows a few vertical strokes is not turned. */
	@Test
	void aFewShortStrokesDoNotTurnThePage() {
		float[] ink = new float[W * H];
		for (int k = 0; k < 6; k++) for (int y = 100; y < 140; y++) ink[y * W + 100 + k * 100] = 1;
		assertFalse(Orientation.isSideways(ink, W, H, MM));
	}
}
