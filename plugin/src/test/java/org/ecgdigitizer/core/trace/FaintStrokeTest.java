package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

/**
 * QRS strokes at low resolution: a thin pen's steep stroke covers a fraction of each pixel it
 * crosses, below the level that starts a run, and breaks into pieces with grey between them. The
 * tracer follows it across that grey, and only across grey: not across bare paper, and not across
 * another stroke.
 */
class FaintStrokeTest {

	/** 72 dpi: a millimetre is 2.83 px. */
	static final double MM = 2.83;
	static final int W = 60;
	static final int H = 70;
	static final double BASE = 50;
	/** An R wave 12 mm (1.2 mV) tall. */
	static final double APEX = BASE - 12 * MM;

	/**
	 * A level trace (a pen 1.2 px tall) with one R wave whose up and down strokes are drawn by a pen
	 * 0.5 px wide, as a scan at 72 dpi shows a thermal printer's one-dot-wide QRS stroke: grey pixels
	 * in two or three columns per row.
	 */
	static float[] page() {
		float[] level = DrawnPen.drawnBy(1.2f, W, H, 0, BASE, 28, BASE);
		float[] after = DrawnPen.drawnBy(1.2f, W, H, 32.5, BASE, W, BASE);
		float[] spike = DrawnPen.drawnBy(0.5f, W, H, 28, BASE, 30, APEX, 32.5, BASE);
		float[] d = new float[W * H];
		for (int i = 0; i < d.length; i++) d[i] = Math.max(spike[i], Math.max(level[i], after[i]));
		return d;
	}

	static LeadRegion region() {
		return new LeadRegion(Lead.II, false, 0, 0, false, 0, 2.5, new Box(0, 10, W, 50), BASE, null, 1);
	}

	/** The highest row any run on a path reaches. */
	static double topOf(TraceExtractor.Run[] path) {
		double top = Double.POSITIVE_INFINITY;
		for (TraceExtractor.Run r : path) if (r != null) top = Math.min(top, r.top);
		return top;
	}

	static double highest(Trace t) {
		double top = Double.POSITIVE_INFINITY;
		for (double y : t.path()) if (!Double.isNaN(y)) top = Math.min(top, y);
		return top;
	}

	@Test
	void aThinGreyQrsStrokeAtLowResolutionIsFollowedToItsApex() {
		float[] d = page();
		Bits starts = TraceExtractor.starts(d, W, H);
		Trace t = TraceExtractor.follow(d, d, starts, W, H, region(), MM);
		// measured: highest point 26.5 px, 69% of the wave (drawn at 16.0: where the up and down strokes
		// share the apex's two columns the centre line falls short of the top); the path's runs reach the
		// apex, and without the faint ink they stay on the baseline (below)
		assertTrue(highest(t) < BASE - 0.6 * (BASE - APEX), "apex traced: " + highest(t));
		TraceExtractor.Run[][] runs = new TraceExtractor.Run[W][];
		for (int x = 0; x < W; x++) runs[x] = TraceExtractor.runs(d, d, starts, W, x, 0, H, 2);
		double top = topOf(TraceExtractor.path(runs, BASE, MM));
		assertTrue(top > APEX + 4 * MM, "without the faint ink the apex is not reached: top " + top);
		// measured: 47 px without before the pen's direction (PenEnd); since, 30 px (the upstroke's
		// piece climbed, the downstroke's taken from its top, the apex's columns skipped); with the
		// faint ink the runs of the apex's columns (row 17) are on the path
		double withTop = topOf(TraceExtractor.path(runs, BASE, MM, TraceExtractor.FaintInk.forPage(d, W, 0, 2, MM)));
		assertEquals(APEX, withTop, 0.5 * MM, "runs followed to the apex");
		// the level trace on either side is untouched
		assertEquals(BASE, t.ys[10], 0.5);
		assertEquals(BASE, t.ys[50], 0.5);
	}

	@Test
	void aJumpPaysForBarePaperAndForAnotherStrokeButNotForGrey() {
		int w = 2;
		int h = 40;
		float[] density = new float[w * h];
		TraceExtractor.FaintInk faint = new TraceExtractor.FaintInk(density, w, 0, 2);
		TraceExtractor.Run low = new TraceExtractor.Run(30, 31, 1.5, 30.5);
		TraceExtractor.Run high = new TraceExtractor.Run(5, 10, 4, 7.5);
		TraceExtractor.Run[] left = { low };
		TraceExtractor.Run[] right = { high };
		// bare paper between: every row counts
		assertEquals(19, faint.bareRows(new TraceExtractor.Run[][] { left, right }, 0, low, 1, high));
		// grey in either column, with holes of up to 2 rows (a grid line's crossing): free
		for (int y = 11; y < 30; y++) if (y % 3 != 0) density[y * w + (y < 20 ? 1 : 0)] = 0.15f;
		assertEquals(0, faint.bareRows(new TraceExtractor.Run[][] { left, right }, 0, low, 1, high));
		// a hole of 5 rows (20-23 cleared, 24 a hole already) is paper
		for (int y = 20; y < 24; y++) density[y * w] = 0;
		assertEquals(5, faint.bareRows(new TraceExtractor.Run[][] { left, right }, 0, low, 1, high));
		// a darker piece of the stroke inside the gap is the same stroke; another stroke reaching past it is not
		for (int y = 20; y < 24; y++) density[y * w] = 0.15f;
		TraceExtractor.Run piece = new TraceExtractor.Run(15, 17, 2, 16);
		assertEquals(0, faint.bareRows(new TraceExtractor.Run[][] { left, { high, piece } }, 0, low, 1, high));
		TraceExtractor.Run other = new TraceExtractor.Run(20, 36, 12, 28);
		assertEquals(19, faint.bareRows(new TraceExtractor.Run[][] { left, { high, other } }, 0, low, 1, high));
	}

	/**
	 * A stroke steeper than a pixel per column leaves a column between its pieces with no run at all
	 * (JPEG and camera blur spread a thin pen's ink over its neighbours): the jump across it pays
	 * only for rows no column between holds ink in; and a run of the first column that touches the
	 * jump's target is that stroke itself, not another one crossing.
	 */
	@Test
	void aJumpAcrossAColumnWithoutARunPaysForBareRowsOnly() {
		int w = 3;
		int h = 40;
		float[] density = new float[w * h];
		TraceExtractor.FaintInk faint = new TraceExtractor.FaintInk(density, w, 0, 2);
		TraceExtractor.Run low = new TraceExtractor.Run(30, 31, 1.5, 30.5);
		TraceExtractor.Run high = new TraceExtractor.Run(5, 10, 4, 7.5);
		TraceExtractor.Run[][] runs = { { low }, {}, { high } };
		assertEquals(19, faint.bareRows(runs, 0, low, 2, high));
		// the skipped column holds the stroke's grey
		for (int y = 11; y < 30; y++) density[y * w + 1] = 0.2f;
		assertEquals(0, faint.bareRows(runs, 0, low, 2, high));
		// a run of the skipped column that reaches past the gap is another stroke
		TraceExtractor.Run across = new TraceExtractor.Run(20, 36, 10, 28);
		assertEquals(19, faint.bareRows(new TraceExtractor.Run[][] { { low }, { across }, { high } }, 0, low, 2, high));
		// neighbouring columns: the first column's own stroke piece going on up to the target is no crossing
		TraceExtractor.Run piece = new TraceExtractor.Run(6, 12, 5, 9);
		TraceExtractor.Run[][] two = { { low, piece }, { high } };
		for (int y = 11; y < 30; y++) density[y * w] = 0.2f;
		assertEquals(0, faint.bareRows(two, 0, low, 1, high));
		// but one reaching past the gap without touching the target is
		TraceExtractor.Run other = new TraceExtractor.Run(14, 33, 9, 23);
		assertEquals(19, faint.bareRows(new TraceExtractor.Run[][] { { low, other }, { high } }, 0, low, 1, high));
	}

	@Test
	void onlyAPenUnderTwoPixelsIsReadSo() {
		// 100 dpi (3.9 px/mm): a 0.4 mm pen is 1.6 px; 200 dpi: 3.1 px, its strokes are runs of their own
		assertTrue(TraceExtractor.FaintInk.forPage(new float[1], 1, 0, 2, 3.94) != null);
		assertNull(TraceExtractor.FaintInk.forPage(new float[1], 1, 0, 2, 7.87));
	}
}
