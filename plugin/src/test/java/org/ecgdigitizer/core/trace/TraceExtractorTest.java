package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The traced centre line of a narrow QRS spike at low resolution, against the drawn one. */
class TraceExtractorTest {

	static final int W = 40;
	static final int H = 60;
	static final double BASE = 45;
	static final double APEX = 8;
	static final double APEX_X = 20.0;

	/** A baseline with one R wave 6 px wide (60 ms at 25 mm/s and 100 dpi), its apex on a column edge, drawn by a pen 1.4 px wide. */
	private static float[] spike() {
		return DrawnPen.density(W, H, 0, BASE, APEX_X - 3, BASE, APEX_X, APEX, APEX_X + 3.2, BASE, W, BASE);
	}

	private static double[][] traced(float[] density) {
		TraceExtractor.Run[] chosen = new TraceExtractor.Run[W];
		for (int x = 0; x < W; x++) {
			TraceExtractor.Run[] runs = TraceExtractor.runs(density, density, W, x, 0, H);
			for (TraceExtractor.Run r : runs) if (chosen[x] == null || r.mass > chosen[x].mass) chosen[x] = r;
		}
		return TraceExtractor.centreLine(chosen, density, W, 0);
	}

	@Test
	void theFinePathHoldsAnApexThatFallsBetweenColumnCentres() {
		double[][] line = traced(spike());
		double[] ys = line[0];
		double[] fine = line[1];
		assertEquals(W * Trace.STEPS, fine.length);
		double finest = Double.POSITIVE_INFINITY;
		int at = -1;
		for (int j = 0; j < fine.length; j++) {
			if (fine[j] < finest) {
				finest = fine[j];
				at = j;
			}
		}
		double columnsBest = Double.POSITIVE_INFINITY;
		for (double y : ys) columnsBest = Math.min(columnsBest, y);
		// the apex is drawn 37 px above the baseline, on the edge between two columns: the column
		// centres are half a column down the strokes (about 6 px), the fine path's nearest point an
		// eighth of a column (under 2 px, plus the pen's rounding)
		assertEquals(APEX_X, (at + 0.5) / Trace.STEPS, 0.5, "where the fine path peaks");
		assertTrue(finest - APEX < 3, "fine path's apex " + finest);
		assertTrue(finest - APEX < 0.5 * (columnsBest - APEX), "column centres' apex " + columnsBest + ", fine " +
			finest);
		// the flat stretches read the same both ways
		assertEquals(BASE, fine[5 * Trace.STEPS + 1], 0.3);
		assertEquals(BASE, ys[5], 0.3);
	}

	@Test
	void aPathKnownOnlyAtColumnCentresHasOneStepPerColumn() {
		Trace t = new Trace(null, 3, new double[] { 1, 2, 3 }, 1);
		assertEquals(1, t.stepsPerColumn());
		assertEquals(3, t.path().length);
		Trace fine = new Trace(null, 3, new double[] { 1, 2, 3 }, new double[3 * Trace.STEPS], 1);
		assertEquals(Trace.STEPS, fine.stepsPerColumn());
	}
}
