package org.ecgdigitizer.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PageWarpTest {

	@Test
	void forwardInvertsTheInverseMapWithinAHundredthOfAPixel() {
		String[] specs = { "rotate", "perspective", "wrinkle", "wrinkle:3", "crease", "crease:0.6",
			"rotate,perspective,wrinkle,crease", "wrinkle:4,crease:2", "rotate:45,perspective:0.2,wrinkle:4,crease:2" };
		double mm = 200 / 25.4;
		for (String spec : specs) {
			for (long seed = 1; seed <= 5; seed++) {
				PageWarp warp = PageWarp.create(2200, 1700, mm, Distortions.parse(spec), seed);
				Random r = new Random(seed);
				double[] p = new double[2], q = new double[2];
				double worst = 0;
				for (int k = 0; k < 4000; k++) {
					double qx = 2200 * r.nextDouble(), qy = 1700 * r.nextDouble();
					warp.inverse(qx, qy, p);
					warp.forward(p[0], p[1], q);
					worst = Math.max(worst, Math.hypot(q[0] - qx, q[1] - qy));
				}
				assertTrue(worst < 0.01, spec + " seed " + seed + ": forward(inverse(q)) is " + worst + " px from q");
			}
		}
	}

	@Test
	void homographyMapsTheCornersItWasBuiltFrom() {
		double[] src = { 0, 0, 100, 0, 100, 80, 0, 80 };
		double[] dst = { 10, 12, 95, 5, 90, 70, 3, 85 };
		double[] h = PageWarp.homographyFromCorners(src, dst);
		for (int i = 0; i < 4; i++) {
			double x = src[2 * i], y = src[2 * i + 1];
			double w = h[6] * x + h[7] * y + h[8];
			assertEquals(dst[2 * i], (h[0] * x + h[1] * y + h[2]) / w, 1e-9);
			assertEquals(dst[2 * i + 1], (h[3] * x + h[4] * y + h[5]) / w, 1e-9);
		}
		double[] inv = PageWarp.invert3(h);
		double[] id = new double[9];
		for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) id[3 * i + j] += h[3 * i + k] * inv[3 * k + j];
		for (int i = 0; i < 9; i++) assertEquals(i % 4 == 0 ? 1 : 0, id[i] / id[8], 1e-9);
	}

	@Test
	void identityMapsPointsToThemselves() {
		PageWarp warp = PageWarp.identity(300, 200);
		double[] q = new double[2];
		warp.forward(12.25, 100.5, q);
		assertEquals(12.25, q[0], 0);
		assertEquals(100.5, q[1], 0);
		assertTrue(warp.isIdentity());
	}
}
