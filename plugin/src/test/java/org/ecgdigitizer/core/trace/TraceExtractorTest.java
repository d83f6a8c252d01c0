package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ecgdigitizer.core.preprocess.Bits;
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
		Bits starts = TraceExtractor.starts(density, W, H);
		for (int x = 0; x < W; x++) {
			TraceExtractor.Run[] runs = TraceExtractor.runs(density, density, starts, W, x, 0, H, 0);
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

	/** Runs found from the start pixels are those a scan down every pixel of the column finds. */
	@Test
	void runsFromTheirStartsAreTheRunsOfAPixelScan() {
		Random random = new Random(7);
		int w = 70;
		int h = 90;
		float[] ink = new float[w * h];
		float[] density = new float[w * h];
		for (int i = 0; i < ink.length; i++) {
			double u = random.nextDouble();
			ink[i] = u < 0.6 ? 0 : u < 0.7 ? TraceExtractor.BRIDGE : u < 0.8 ? TraceExtractor.RUN : (float) random.nextDouble();
			density[i] = (float) random.nextDouble();
		}
		Bits starts = TraceExtractor.starts(ink, w, h);
		for (int x = 0; x < w; x++) {
			for (int ya : new int[] { 0, 13 }) {
				for (int yb : new int[] { h, 77 }) {
					TraceExtractor.Run[] found = TraceExtractor.runs(ink, density, starts, w, x, ya, yb, 0);
					List<double[]> plain = plainRuns(ink, density, w, x, ya, yb);
					assertEquals(Math.min(TraceExtractor.MAX_RUNS, plain.size()), found.length, "runs of column " + x);
					if (plain.size() > TraceExtractor.MAX_RUNS) continue;
					for (int k = 0; k < found.length; k++) {
						double[] p = plain.get(k);
						assertEquals(p[0], found[k].top);
						assertEquals(p[1], found[k].bottom);
						assertEquals(p[2], found[k].mass);
						assertEquals(p[3], found[k].centroid);
					}
				}
			}
		}
	}

	/** TraceExtractor.runs read pixel by pixel down the column: {top, bottom, mass, centroid}, top to bottom. */
	private static List<double[]> plainRuns(float[] ink, float[] density, int w, int x, int ya, int yb) {
		List<double[]> out = new ArrayList<>();
		int y = ya;
		while (y < yb) {
			if (ink[y * w + x] < TraceExtractor.RUN) {
				y++;
				continue;
			}
			int top = y;
			double mass = 0;
			double moment = 0;
			int bottom = y;
			while (y < yb) {
				float v = ink[y * w + x];
				if (!(v >= TraceExtractor.RUN || v >= TraceExtractor.BRIDGE && y + 1 < yb && ink[(y + 1) * w +
					x] >= TraceExtractor.RUN)) break;
				float d = density[y * w + x];
				mass += d;
				moment += d * (y + 0.5);
				bottom = y++;
			}
			out.add(new double[] { top, bottom, mass, mass > 0 ? moment / mass : (top + bottom + 1) / 2.0 });
		}
		return out;
	}
}
