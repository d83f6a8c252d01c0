package org.ecgdigitizer.core.layout;

import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Where a row of traces changes lead. Printers mark it with a short vertical tick across the
 * baseline, or leave a gap in the trace, or print the next lead's name just after it; where they
 * do none of these, the trace often jumps.
 */
final class SeparatorFinder {

	private SeparatorFinder() {}

	/**
	 * How much a row looks like it changes lead at column x: a gap in the trace, a separator tick
	 * or a stroke much taller than the trace's usual height there, or a printed lead name just
	 * after it. 0 = none, 1 = clear.
	 */
	static double boundaryEvidence(TraceRow r, PageInk ink, List<CalibrationPulse> pulses, double x) {
		if (tick(r, ink, x) != null) return 1;
		LeadRegion probe = new LeadRegion(Lead.I, false, 0, 1, false, 0, 1, Box.fromCorners(x, r.top, x + 10 * ink.mmX,
			r.bottom), r.baseline, null, 1);
		LabelFinder.Label label = LabelFinder.find(probe, ink.raw, pulses, ink.mmX, ink.mmY);
		if (label != null && label.box.x >= x - 1 * ink.mmX) return 1;
		return traceBreak(r, ink, x);
	}

	/**
	 * A separator tick printed across row r near column x: a straight vertical stroke, at least
	 * 2.5 mm long, reaching at least 1 mm above and below the baseline, with no comparable stroke
	 * 1 mm to either side (a QRS complex has its up- and downstroke side by side). Null if none.
	 */
	static Box tick(TraceRow r, PageInk ink, double x) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		int w = ink.w;
		int base = (int) Math.round(r.baseline);
		if (base < 0 || base >= ink.h) return null;
		int reach = (int) Math.max(2, Math.round(1.5 * mmX));
		int bestColumn = -1;
		int bestTop = 0;
		int bestBottom = -1;
		for (int cx = (int) Math.round(x) - reach; cx <= (int) Math.round(x) + reach; cx++) {
			if (cx < 0 || cx >= w) continue;
			int[] run = ink.verticalRunThrough(cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] > bestBottom - bestTop) {
				bestColumn = cx;
				bestTop = run[0];
				bestBottom = run[1];
			}
		}
		int length = bestBottom - bestTop + 1;
		if (bestColumn < 0 || length < 2.5 * mmY || base - bestTop < mmY || bestBottom - base < mmY) return null;
		int side = (int) Math.max(2, Math.round(1.0 * mmX));
		for (int cx : new int[] { bestColumn - side, bestColumn + side }) {
			if (cx < 0 || cx >= w) continue;
			int[] run = ink.verticalRunThrough(cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] + 1 > 0.5 * length) return null;
		}
		// the stroke's own width: neighbouring columns inked over most of its length
		int left = bestColumn;
		int right = bestColumn;
		while (left - 1 >= 0 && ink.inkedOver(left - 1, bestTop, bestBottom) > 0.7) left--;
		while (right + 1 < w && ink.inkedOver(right + 1, bestTop, bestBottom) > 0.7) right++;
		if (right - left + 1 > 0.8 * mmX + 1) return null;
		return Box.fromCorners(left - 1, bestTop - 1, right + 2, bestBottom + 2);
	}

	/** A gap in the trace at x, or ink much taller than the trace's usual height there. 0..1. */
	static double traceBreak(TraceRow r, PageInk ink, double x) {
		int half = (int) Math.max(2, Math.round(1.5 * ink.mmX));
		int cx = (int) Math.round(x);
		int gaps = 0;
		int tall = 0;
		int count = 0;
		int near = (int) Math.round((r.bottom - r.top) * 0.35);
		for (int xx = Math.max(0, cx - half); xx <= Math.min(ink.w - 1, cx + half); xx++) {
			count++;
			int inkRows = 0;
			for (int y = (int) r.baseline - near; y <= (int) r.baseline + near; y++) {
				if (y >= 0 && y < ink.h && ink.at(xx, y)) inkRows++;
			}
			if (inkRows == 0) gaps++;
			if (inkRows > near) tall++;
		}
		return count == 0 ? 0 : Math.min(1, (gaps + tall) / (double) count * 3);
	}
}
