package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The pen's direction through a column: a lead's deep QS wave (a wide V down to the search band's
 * edge) with the row below's tall R wave (a narrow spike) rising inside it to this row's trace at
 * rest. In the columns of the V's bottom each column holds the spike's tip near the baseline and
 * the V's bottom far below it, both touching the column before's run (200 dpi, 7.87 px per mm).
 */
class PenDirectionTest {

	static final double MM = 7.87;
	static final double BASELINE = 690;
	static final int BAND_EDGE = 1000;

	/** One column's runs, each {top, bottom}: as much ink as a pen about 5 px wide leaves. */
	static TraceExtractor.Run[] column(int... rows) {
		List<TraceExtractor.Run> runs = new ArrayList<>();
		for (int i = 0; i + 1 < rows.length; i += 2) {
			int top = rows[i];
			int bottom = rows[i + 1];
			double mass = Math.max(5, 0.8 * (bottom - top + 1));
			runs.add(new TraceExtractor.Run(top, bottom, mass, (top + bottom) / 2.0));
		}
		return runs.toArray(new TraceExtractor.Run[0]);
	}

	/** The V: down from rest over five columns to the band's edge, back up over five after the spike. */
	static TraceExtractor.Run[][] qsWithNeighboursSpike() {
		List<TraceExtractor.Run[]> cols = new ArrayList<>();
		for (int i = 0; i < 17; i++) cols.add(column(686, 692));
		cols.add(column(690, 696));
		cols.add(column(694, 703));
		cols.add(column(696, 708));
		cols.add(column(701, 730));
		cols.add(column(705, 780));
		cols.add(column(712, 850));
		cols.add(column(750, 960));
		cols.add(column(770, 990));
		// the spike's upstroke beside the V's downstroke, its tip, its downstroke merging with the V
		cols.add(column(705, 870, 876, BAND_EDGE - 1));
		cols.add(column(692, 808, 937, BAND_EDGE - 1));
		cols.add(column(692, 780, 810, BAND_EDGE - 1));
		cols.add(column(692, BAND_EDGE - 1));
		cols.add(column(720, 927));
		cols.add(column(710, 754, 813, 987));
		cols.add(column(700, 727));
		cols.add(column(697, 714));
		for (int i = 0; i < 12; i++) cols.add(column(686, 692));
		return cols.toArray(new TraceExtractor.Run[0][]);
	}

	@Test
	void aPenGoingDownAStrokeIsFollowedToTheStrokesEndNotBackUpTheNeighboursSpike() {
		TraceExtractor.Run[][] runs = qsWithNeighboursSpike();
		TraceExtractor.Run[] chosen = TraceExtractor.path(runs, BASELINE, MM);
		StringBuilder s = new StringBuilder();
		for (int x = 23; x <= 29; x++) {
			s.append(' ').append(x).append(':').append(chosen[x] == null ? "-" : chosen[x].top + "-" + chosen[x].bottom);
		}
		// in the V's bottom columns the path is on the V (or skips them), never on the spike's tip
		for (int x = 25; x <= 27; x++) {
			assertTrue(chosen[x] == null || chosen[x].top > 800, "column " + x + " on the spike:" + s);
		}
		// and it does reach the V's bottom
		assertTrue(chosen[25] != null && chosen[25].bottom == BAND_EDGE - 1, "the V's bottom skipped:" + s);
	}

	/**
	 * A small QS at 100 dpi (5.91 px per mm) whose apex column's way back lost its ink (a label
	 * cleared over it): the pen slowed to turn in the apex column, whose run moved on only a few
	 * rows, and the faint way back inside it is where the pen went on from.
	 */
	@Test
	void aPenThatSlowedToTurnIsFollowedBackFromTheApex() {
		List<TraceExtractor.Run[]> cols = new ArrayList<>();
		for (int i = 0; i < 20; i++) cols.add(column(525, 527));
		cols.add(column(520, 535));
		cols.add(column(523, 550));
		cols.add(column(535, 568));
		cols.add(column(549, 573));
		cols.add(new TraceExtractor.Run[] {new TraceExtractor.Run(556, 556, 0.3, 556)});
		cols.add(column(554, 555));
		cols.add(column(544, 555));
		cols.add(column(535, 554));
		cols.add(column(530, 544));
		for (int i = 0; i < 20; i++) cols.add(column(526, 528));
		TraceExtractor.Run[] chosen = TraceExtractor.path(cols.toArray(new TraceExtractor.Run[0][]), 531, 5.91);
		StringBuilder s = new StringBuilder();
		for (int x = 20; x <= 28; x++) {
			s.append(' ').append(x).append(':').append(chosen[x] == null ? "-" : chosen[x].top + "-" + chosen[x].bottom);
		}
		assertTrue(chosen[23] != null && chosen[23].bottom == 573, "the apex cut:" + s);
	}
}
