package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrientationTest {

	static final int W = 800;
	static final int H = 600;
	static final double MM = 3;

	/**
	 * Four wavy traces across the page, drawn along x (upright) or along y (sideways), wandering
	 * {@code wander} px about their baselines (a tremor, every 25 px), with a beat every 60 px
	 * whose QRS reaches {@code qrs} px above and below the baseline.
	 */
	private static float[] traces(boolean sideways, int wander, int qrs) {
		int w = sideways ? H : W;
		int h = sideways ? W : H;
		float[] ink = new float[w * h];
		for (int row = 0; row < 4; row++) {
			int base = 80 + row * 130;
			int previous = base;
			for (int t = 20; t < (sideways ? h : w) - 20; t++) {
				int across = base + (int) Math.round(wander * Math.sin(t / 4.0));
				// the pen runs through every height between one sample and the next
				int from = t % 60 == 30 ? base - qrs : Math.min(previous, across);
				int to = t % 60 == 30 ? base + qrs : Math.max(previous, across);
				for (int a = Math.max(0, from); a <= Math.min((sideways ? w : h) - 1, to); a++) {
					ink[sideways ? t * w + a : a * w + t] = 1;
				}
				previous = across;
			}
		}
		return ink;
	}

	@Test
	void tellsUprightFromSidewaysTraces() {
		assertFalse(Orientation.read(traces(false, 4, 10), W, H, MM).sideways);
		assertTrue(Orientation.read(traces(true, 4, 10), H, W, MM).sideways);
	}

	/**
	 * Simultaneous leads beat at the same time, so on a page with tall QRS complexes the beats of
	 * all rows line up and join into columns of ink as long as the page is high (ecg-image-kit's
	 * large complexes, a real page with handwriting): an upright page all the same.
	 */
	@Test
	void tallQrsComplexesLinedUpAcrossRowsDoNotTurnThePage() {
		assertFalse(Orientation.read(traces(false, 8, 140), W, H, MM).sideways);
		assertTrue(Orientation.read(traces(true, 8, 140), H, W, MM).sideways);
	}

	/** A page whose traces broke up (a bad copy) but that shows a few vertical strokes is not turned. */
	@Test
	void aFewShortStrokesDoNotTurnThePage() {
		float[] ink = new float[W * H];
		for (int k = 0; k < 6; k++) for (int y = 100; y < 140; y++) ink[y * W + 100 + k * 100] = 1;
		assertFalse(Orientation.read(ink, W, H, MM).sideways);
	}
}
