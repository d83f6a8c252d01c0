package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.preprocess.Bits;
import org.junit.jupiter.api.Test;

/**
 * The tracer's rules on drawn strips: a steep stroke whose grid-line crossings the ink separation
 * gave to the grid keeps its full height; a trace rests at its 0 mV line between beats.
 */
class TraceRulesTest {

	static final int W = 80;
	static final int H = 220;
	/** 200 dpi. */
	static final double MM = 7.87;
	static final double BASE = 180;
	static final double APEX = 40;

	/** Ink density of a baseline with one R wave 140 px (1.8 mV) tall, pen 1.4 px, anti-aliased. */
	private static float[] strip() {
		return DrawnPen.density(W, H, 0, BASE, 36, BASE, 40, APEX, 44, BASE, W, BASE);
	}

	/** The strip with every 1 mm grid line (2 px) given to the grid, as the ink separation does on a grey grid. */
	private static float[] cutByGridLines(float[] density) {
		float[] out = density.clone();
		for (int k = 1; k * MM < H; k++) {
			int y = (int) Math.round(k * MM);
			if (Math.abs(y - BASE) < 3) continue; // the level trace is not on a line here
			for (int dy = 0; dy < 2 && y + dy < H; dy++) Arrays.fill(out, (y + dy) * W, (y + dy + 1) * W, 0f);
		}
		return out;
	}

	private static LeadRegion region(double baselineY) {
		return new LeadRegion(Lead.II, false, 0, 0, false, 0, 2.5, new Box(0, 70, W, 150), baselineY, null, 1);
	}

	private static double highest(Trace t) {
		double top = Double.POSITIVE_INFINITY;
		for (double y : t.path()) if (!Double.isNaN(y)) top = Math.min(top, y);
		return top;
	}

	@Test
	void aSteepStrokeKeepsItsHeightAcrossGridLinesGivenToTheGrid() {
		float[] cut = cutByGridLines(strip());
		Trace bridged = TraceExtractor.follow(cut, cut, TraceExtractor.starts(cut, W, H), W, H, region(BASE), MM);
		// the same strip traced with the old rule (runs end at any gap the bridge level does not cover)
		TraceExtractor.Run[][] runs = new TraceExtractor.Run[W][];
		Bits starts = TraceExtractor.starts(cut, W, H);
		for (int x = 0; x < W; x++) runs[x] = TraceExtractor.runs(cut, cut, starts, W, x, 0, H, 0);
		TraceExtractor.Run[] chosen = TraceExtractor.path(runs, BASE, MM);
		double[] unbridgedFine = TraceExtractor.centreLine(chosen, cut, W, 0)[1];
		double unbridged = Arrays.stream(unbridgedFine).filter(y -> !Double.isNaN(y)).min().getAsDouble();
		// measured: bridged apex 47.2 px (drawn at 40: the tip above the last grid line, under 3 px
		// tall in its columns, is not a steep piece and stays apart), unbridged 175.9 px
		assertEquals(APEX, highest(bridged), MM, "apex traced across the grid lines");
		assertTrue(unbridged > APEX + 5 * MM, "without bridging the apex is cut short: " + unbridged);
		// the level trace is untouched
		assertEquals(BASE, bridged.ys[10], 0.3);
		assertEquals(BASE, bridged.ys[70], 0.3);
	}

	@Test
	void aLevelTraceNearOtherInkKeepsItsOwnRun() {
		// a level trace 3 px tall with a speck of ink 2 px below: a level run is not a steep piece
		TraceExtractor.Run[] runs = TraceExtractor.bridgeCrossings(java.util.List.of(new TraceExtractor.Run(100, 102,
			2, 101.5), new TraceExtractor.Run(105, 106, 1, 106)), 2).toArray(new TraceExtractor.Run[0]);
		assertEquals(2, runs.length);
		TraceExtractor.Run[] steep = TraceExtractor.bridgeCrossings(java.util.List.of(new TraceExtractor.Run(100, 106,
			5, 103.5), new TraceExtractor.Run(109, 115, 5, 112.5)), 2).toArray(new TraceExtractor.Run[0]);
		assertEquals(1, steep.length);
		assertEquals(100, steep[0].top);
		assertEquals(115, steep[0].bottom);
	}

	@Test
	void theRestingLevelIsWhereTheTraceSpendsMostTimeBetweenBeats() {
		// 2.5 s at 200 dpi: the trace rests at 180 px, with QRS spikes, T waves 3 mm high and noise
		double[] ys = new double[492];
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < ys.length; i++) {
			int phase = i % 160;
			double y = BASE + random.nextGaussian() * 0.4;
			if (phase >= 40 && phase < 46) y = BASE - 100 + 15 * Math.abs(phase - 43);
			else if (phase >= 70 && phase < 110) y = BASE - 3 * MM * Math.sin(Math.PI * (phase - 70) / 40);
			ys[i] = y;
		}
		ys[3] = Double.NaN;
		assertEquals(BASE, TraceExtractor.restingLevel(ys, MM), 0.5);
		// half a trace or less says nothing
		double[] sparse = new double[100];
		Arrays.fill(sparse, Double.NaN);
		Arrays.fill(sparse, 0, 40, BASE);
		assertTrue(Double.isNaN(TraceExtractor.restingLevel(sparse, MM)));
	}

	@Test
	void aBaselineFarFromWhereTheTraceRestsIsMovedThere() {
		float[] density = strip();
		// the layout put the baseline 7 mm too high (a row whose pulse was not found)
		Trace wrong = TraceExtractor.follow(density, density, TraceExtractor.starts(density, W, H), W, H, region(BASE - 7 *
			MM), MM);
		double rest = TraceExtractor.restingLevel(wrong.ys, MM);
		assertEquals(BASE, rest, 0.5);
		assertTrue(Math.abs(rest - (BASE - 7 * MM)) > TraceExtractor.REST_MOVES_MM * MM);
	}

	/**
	 * Ecg-image-kit's 12x1 and 3x4 pages put rows close enough for a tall R wave of the row below to
	 * reach up beside this row's own R wave, nearer this row's baseline than the top of its own.
	 * The stroke that goes on from this row's trace is this row's complex: its top is kept.
	 */
	@Test
	void aComplexBesideANeighboursTallOneKeepsItsHeight() {
		float[] own = strip();
		// the neighbour's R wave rises from below the window to 14 px under this baseline, in the same columns
		float[] neighbour = DrawnPen.density(W, H, 30, H + 40.0, 38, BASE + 14, 46, H + 40.0);
		float[] both = new float[own.length];
		for (int i = 0; i < both.length; i++) both[i] = Math.max(own[i], neighbour[i]);
		Trace t = TraceExtractor.follow(both, both, TraceExtractor.starts(both, W, H), W, H, region(BASE), MM);
		// measured: apex 47.0 px; 82.5 px when every run is ranked by its distance from the baseline
		assertEquals(APEX, highest(t), MM, "apex traced beside the neighbour's complex");
		assertEquals(BASE, t.ys[10], 0.3);
		assertEquals(BASE, t.ys[70], 0.3);
	}

	/**
	 * A printed trace is 0.2-0.5 mm wide whatever the resolution: at 72 dpi (2.8 px/mm) a thin grey
	 * pen covers part of one pixel per column, and no column holds a full pixel of ink. Such a trace
	 * is still followed: its runs are weighed against its own columns' ink.
	 */
	@Test
	void aThinGreyTraceAtLowResolutionIsFollowed() {
		int w = 200;
		int h = 60;
		double mm = 2.85;
		float[] ink = new float[w * h];
		float[] density = new float[w * h];
		for (int x = 0; x < w; x++) {
			// a level trace with a gentle wave, one pixel tall, 0.45 of a pixel's ink
			int y = 30 + (int) Math.round(2 * Math.sin(x / 15.0));
			ink[y * w + x] = 0.6f;
			density[y * w + x] = 0.45f;
		}
		LeadRegion region = new LeadRegion(Lead.II, false, 0, 0, false, 0, 2.5, new Box(0, 15, w, 30), 30, null, 1);
		Trace t = TraceExtractor.follow(ink, density, TraceExtractor.starts(ink, w, h), w, h, region, mm);
		// measured: 1.0; 0.005 when a column's run is weighed against a full pixel of ink
		assertTrue(t.coverage() > 0.95, "coverage " + t.coverage());
	}
	/** A pen draws its trace without lifting; glyphs of text leave paper between them. */
	@Test
	void onlyStretchesOfTouchingRunsAtLeastUnbrokenLongAreUnbroken() {
		TraceExtractor.Run level = new TraceExtractor.Run(100, 101, 1, 101);
		TraceExtractor.Run apart = new TraceExtractor.Run(110, 111, 1, 111);
		// 12 touching columns, a gap, 3 columns of a glyph apart from one another
		TraceExtractor.Run[] chosen = new TraceExtractor.Run[17];
		double[] ys = new double[17];
		for (int i = 0; i < 12; i++) chosen[i] = level;
		for (int i = 13; i < 17; i++) chosen[i] = i % 2 == 0 ? level : apart;
		for (int i = 0; i < 17; i++) ys[i] = chosen[i] == null ? Double.NaN : chosen[i].centroid;
		double[] unbroken = TraceExtractor.unbroken(chosen, ys, 10);
		for (int i = 0; i < 12; i++) assertEquals(101, unbroken[i], 0);
		for (int i = 12; i < 17; i++) assertTrue(Double.isNaN(unbroken[i]), "column " + i);
	}
}
