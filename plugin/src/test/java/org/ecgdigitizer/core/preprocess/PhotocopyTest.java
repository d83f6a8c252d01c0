package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import java.util.List;

import org.ecgdigitizer.core.eval.BenchmarkCondition;
import org.ecgdigitizer.core.eval.BenchmarkMatrix;
import org.junit.jupiter.api.Test;

/**
 * Black-and-white photocopies: the grid lines are as black as the traces, the trace baselines run
 * along the horizontal lines, and thin lines beat against the pixel grid.
 */
class PhotocopyTest {

	static final double PX_PER_MM = 200 / 25.4;

	/**
	 * Pages of the benchmark's bw condition whose grid survived the copy: their horizontal lines
	 * alone read a comb three lines wide, and the phase of their faint comb slips.
	 */
	@Test
	void gridPitchAndTiltAreReadOnPhotocopies() throws Exception {
		BenchmarkCondition bw = BenchmarkMatrix.conditions(List.of("bw"), 10, 1).get(0);
		for (int index : new int[] { 1, 2, 4, 5, 6 }) {
			BufferedImage image = bw.page(index).image;
			int w = image.getWidth();
			int h = image.getHeight();
			GridEstimate e = GridAnalysis.analyze(Planes.gridPlane(image.getRGB(0, 0, w, h, null, 0, w)), w, h,
				Double.NaN);
			String what = bw.pageName(index) + ": " + e;
			assertTrue(e.found, what);
			assertEquals(PX_PER_MM, e.pxPerMmX, 0.002 * PX_PER_MM, what);
			assertEquals(PX_PER_MM, e.pxPerMmY, 0.002 * PX_PER_MM, what);
			assertEquals(0, e.horizontalAngleDeg, 0.05, what);
			assertEquals(0, e.verticalAngleDeg, 0.05, what);
		}
	}

	/** Taking away a black line must not cut the black stroke that crosses it. */
	@Test
	void strokesCrossingARemovedLineKeepTheirInk() {
		int w = 60;
		int h = 60;
		float[] before = new float[w * h];
		for (int x = 0; x < w; x++) before[30 * w + x] = 1; // a grid line, as black as ink
		for (int y = 5; y < 55; y++) before[y * w + 20] = 1; // a QRS stroke across it
		float[] residual = before.clone();
		for (int x = 0; x < w; x++) residual[30 * w + x] = 0; // the line removed, stroke and all
		InkModel.healCrossings(residual, before, w, h, 2);
		assertEquals(1f, residual[30 * w + 20], "the stroke is whole again");
		assertEquals(0f, residual[30 * w + 40], "the line stays removed");
		assertEquals(0f, residual[30 * w + 21], "beside the stroke the line stays removed");

		// a light grey line between the up and down strokes of a QRS complex is grid, not ink
		before = new float[w * h];
		for (int x = 0; x < w; x++) before[30 * w + x] = 0.4f;
		for (int y = 5; y < 55; y++) before[y * w + 20] = before[y * w + 22] = 1;
		residual = before.clone();
		for (int x = 0; x < w; x++) residual[30 * w + x] = x == 20 || x == 22 ? 0.6f : 0;
		InkModel.healCrossings(residual, before, w, h, 2);
		assertEquals(0f, residual[30 * w + 21], "the grey pixel between the strokes stays removed");

		// a dark line through a shadow that outlived the grid's removal is still grid
		before = new float[w * h];
		residual = new float[w * h];
		for (int i = 0; i < w * h; i++) before[i] = residual[i] = 0.45f;
		for (int x = 0; x < w; x++) {
			before[30 * w + x] = 0.95f;
			residual[30 * w + x] = 0;
		}
		InkModel.healCrossings(residual, before, w, h, 2);
		assertEquals(0f, residual[30 * w + 40], "the line in the shadow stays removed");
	}
}
