package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What a calibration pulse is on a photographed page at 5 px/mm: two pen strokes standing on the
 * row's line, joined by a flat top. Dashes of a grid line the ink separation kept in part, hanging
 * from a trace, make tall "strokes" from the line down to nothing, and are not one.
 */
class PulseFinderTest {

	static final double MM = 5;
	static final int W = 500;
	static final int H = 300;
	static final int LINE = 150;

	private static void set(float[] ink, int x, int y) {
		if (x >= 0 && x < W && y >= 0 && y < H) ink[y * W + x] = 1;
	}

	/** A vertical stroke from y0 to y1, two pixels wide, with gaps of `gap` rows every `every` rows. */
	private static void vertical(float[] ink, int x, int y0, int y1, int every, int gap) {
		for (int y = y0; y <= y1; y++) {
			if (every > 0 && (y - y0) % every >= every - gap) continue;
			set(ink, x, y);
			set(ink, x + 1, y);
		}
	}

	private static void horizontal(float[] ink, int x0, int x1, int y) {
		for (int x = x0; x <= x1; x++) {
			set(ink, x, y);
			set(ink, x, y + 1);
		}
	}

	/** The row's trace from x0 to the right edge: its line, and a QRS every 0.8 s from x = 200. */
	private static void trace(float[] ink, int x0) {
		horizontal(ink, x0, W - 1, LINE);
		for (int x = 200; x < W; x += (int) (20 * MM)) vertical(ink, x, (int) (LINE - 12 * MM), LINE, 0, 0);
	}

	private static TraceRow row() {
		TraceRow r = new TraceRow(LINE, 100, 40, W - 10, "ink");
		r.top = 0;
		r.bottom = H;
		r.start = 40;
		r.end = W - 10;
		return r;
	}

	private static CalibrationPulse inBand(float[] ink) {
		return PulseFinder.inBand(row(), 0, Double.NaN, PageInk.of(ink, W, H, MM, MM, false));
	}

	/** 10 mm by 5 mm on the line, its edges cut where grid lines were taken away: a pulse, 10 mm tall. */
	@Test
	void aPulseWithEdgesCutWhereGridLinesWereTakenAway() {
		float[] ink = new float[W * H];
		int top = (int) (LINE - 10 * MM);
		vertical(ink, 40, top, LINE, 20, 8);
		horizontal(ink, 40, 65, top);
		vertical(ink, 65, top, LINE, 20, 8);
		trace(ink, 66);
		CalibrationPulse p = inBand(ink);
		assertNotNull(p);
		assertEquals(10, p.heightMm, 0.5, p.toString());
		assertEquals(5, p.widthMm, 0.6, p.toString());
	}

	/** The trace along the line from x = 40, and two strokes hanging from it 6 mm apart, footMm long, dashed as asked. */
	private static CalibrationPulse hangingStrokes(double footMm, int every, int gap) {
		float[] ink = new float[W * H];
		trace(ink, 40);
		int foot = (int) (LINE + footMm * MM);
		vertical(ink, 45, LINE, foot, every, gap);
		vertical(ink, 75, LINE, foot, every, gap);
		return inBand(ink);
	}

	/**
	 * eik_ecg00045's first row under the learned ink: the trace runs along the line, and two
	 * vertical 5 mm grid lines below it are left as dashes down to 19 mm under it. The topmost and
	 * bottommost ink of their columns made a 19.5 mm "pulse" (read as 20 mm/mV); it is none, and
	 * nor is a solid rectangle hanging below the line (a box drawn round a label, say).
	 */
	@Test
	void strokesHangingBelowATraceAreNoPulse() {
		assertNull(hangingStrokes(19, 12, 8));
		assertNull(hangingStrokes(12, 0, 0));
	}

	/** A pulse's foot is nearer the row's line than its top, even where the line was read a little off. */
	@Test
	void theFootStandsOnTheLine() {
		double top = LINE - 10 * MM;
		assertTrue(PulseFinder.footOnLine(top, LINE, LINE));
		assertTrue(PulseFinder.footOnLine(top, LINE, LINE - 3 * MM), "a baseline read a little above the foot");
		assertTrue(PulseFinder.footOnLine(top, LINE, LINE + 3 * MM), "a baseline read a little below the foot");
		assertFalse(PulseFinder.footOnLine(LINE, LINE + 19 * MM, LINE + 0.8 * MM), "hanging below the line");
	}
}
