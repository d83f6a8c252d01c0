package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

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

	/** The best column counted row by row equals the count made column by column, as first written. */
	@Test
	void theBestColumnIsTheColumnByColumnCount() {
		Random r = new Random(5);
		int w = 173;
		int h = 131;
		for (int trial = 0; trial < 20; trial++) {
			float[] ink = new float[w * h];
			for (int stroke = 0; stroke < 12; stroke++) {
				int x = r.nextInt(w);
				int y = r.nextInt(h);
				for (int step = r.nextInt(90); step > 0; step--) {
					ink[y * w + x] = 1;
					x = Math.max(0, Math.min(w - 1, x + r.nextInt(3) - 1));
					y = Math.max(0, Math.min(h - 1, y + (r.nextInt(4) == 0 ? 0 : 1)));
				}
			}
			for (int band = 0; band <= 3; band++) {
				for (int minRun : new int[] { 1, 8, 20 }) {
					assertEquals(columnByColumn(ink, w, h, band, minRun), Orientation.bestLine(ink, w, h, band, minRun,
						false), "band " + band + ", runs of " + minRun);
				}
			}
		}
	}

	private static long columnByColumn(float[] ink, int w, int h, int band, int minRun) {
		long best = 0;
		for (int line = 0; line < w; line++) {
			long total = 0;
			int run = 0;
			for (int y = 0; y < h; y++) {
				boolean near = false;
				for (int x = Math.max(0, line - band); x <= Math.min(w - 1, line + band); x++) {
					near |= ink[y * w + x] > InkModel.MASK_THRESHOLD;
				}
				if (near) {
					run++;
				}
				else {
					if (run >= minRun) total += run;
					run = 0;
				}
			}
			if (run >= minRun) total += run;
			best = Math.max(best, total);
		}
		return best;
	}
}
