package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.layout.PageLayout.ColumnTiming;

/**
 * Decides whether a page's columns follow one another in time (most printers) or all show the
 * same window (ecg-image-kit, some printers' 6x2), from physiology: the 12 leads are recorded at
 * once, so the QRS complexes of a segment fall at the record times of the complexes of every
 * segment shown over the same time. A later column's complexes are compared, at the record times
 * each assumption gives them, with those of the segments whose times are not in doubt: rhythm
 * strips (the whole record) and the first column. When that does not decide, the page is taken
 * to be sequential, as most printers print, and the evidence says so.
 */
final class ColumnTimingChooser {

	/** Complexes of two leads at the same beat lie this close (s): QRS peaks differ by lead. */
	static final double SAME_BEAT_S = 0.06;
	/** An assumption is borne out when this fraction of the complexes compared line up... */
	static final double MATCH = 0.8;
	/** ...over at least this many complexes... */
	static final int MIN_BEATS = 4;
	/** ...and contradicted when no more than this fraction do. */
	static final double MISMATCH = 0.5;

	private ColumnTimingChooser() {}

	/** The timing of a layout with more than one column on this page. */
	static LayoutEvidence.Timing decide(PageLayout layout, List<TraceRow> rows, PageInk ink, PageCalibration cal) {
		double pps = cal.pxPerSecond();
		double rowPx = cal.x1 - cal.x0;
		double margin = 1.5 * ink.mmX;
		// reference complexes, at record times: rhythm strips and the first column
		List<Double> reference = new ArrayList<>();
		double referenceEnd = 0;
		double firstColumnEnd = 0;
		List<double[]> later = new ArrayList<>();
		for (PageLayout.Cell cell : layout.cells()) {
			TraceRow row = rows.get(cell.row);
			double a = cal.x0 + rowPx * cell.startFraction(layout.columnCount()) + margin;
			double b = cal.x0 + rowPx * cell.endFraction(layout.columnCount()) - margin;
			double[] beats = BeatFinder.beats(row, ink, a, b, pps);
			if (cell.rhythm || cell.columnSpan == layout.columnCount()) {
				for (double x : beats) reference.add((x - cal.x0) / pps);
				referenceEnd = Math.max(referenceEnd, (b - cal.x0) / pps);
			}
			else if (cell.column == 0) {
				for (double x : beats) reference.add((x - cal.x0) / pps);
				firstColumnEnd = Math.max(firstColumnEnd, (b - cal.x0) / pps);
			}
			else {
				double pageStart = cal.seconds * cell.startFraction(layout.columnCount());
				for (double x : beats) later.add(new double[] { (x - cal.x0) / pps, pageStart });
			}
		}
		double coveredTo = Math.max(referenceEnd, firstColumnEnd);
		int[] sequential = match(later, reference, 0, referenceEnd, coveredTo, false);
		int[] sameWindow = match(later, reference, 0, referenceEnd, coveredTo, true);
		double seq = sequential[1] == 0 ? Double.NaN : sequential[0] / (double) sequential[1];
		double same = sameWindow[1] == 0 ? Double.NaN : sameWindow[0] / (double) sameWindow[1];
		boolean sameHolds = sameWindow[1] >= MIN_BEATS && same >= MATCH;
		boolean seqHolds = sequential[1] >= MIN_BEATS && seq >= MATCH;
		boolean sameFails = sameWindow[1] >= MIN_BEATS && same <= MISMATCH;
		boolean seqFails = sequential[1] >= MIN_BEATS && seq <= MISMATCH;
		String counts = String.format(Locale.ROOT, "later columns' QRS complexes line up with the reference ones %s if " +
			"the columns show the same window, %s if they follow one another", rate(sameWindow), rate(sequential));
		if (sameHolds && !seqHolds && (seqFails || sequential[1] < MIN_BEATS)) {
			return new LayoutEvidence.Timing(ColumnTiming.SAME_WINDOW, "beats", seq, sequential[1], same, sameWindow[1],
				counts);
		}
		if (seqHolds && !sameHolds) {
			return new LayoutEvidence.Timing(ColumnTiming.SEQUENTIAL, "beats", seq, sequential[1], same, sameWindow[1],
				counts);
		}
		if (sameFails && !seqHolds) {
			return new LayoutEvidence.Timing(ColumnTiming.SEQUENTIAL, "beats", seq, sequential[1], same, sameWindow[1],
				counts + "; the same window is ruled out");
		}
		return new LayoutEvidence.Timing(ColumnTiming.SEQUENTIAL, "default", seq, sequential[1], same, sameWindow[1],
			counts + "; not decisive, so the columns are taken to follow one another, as most printers print them");
	}

	private static String rate(int[] m) {
		return m[1] == 0 ? "(none to compare)" : String.format(Locale.ROOT, "%d of %d", m[0], m[1]);
	}

	/**
	 * How many later-column complexes (page time, column start) have a reference complex at the
	 * record time an assumption gives them, of those whose record time the references cover:
	 * rhythm strips cover [0, stripEnd), the first column with them [0, coveredTo).
	 */
	static int[] match(List<double[]> later, List<Double> reference, double from, double stripEnd, double coveredTo,
		boolean sameWindow)
	{
		int matched = 0;
		int compared = 0;
		for (double[] beat : later) {
			double t = sameWindow ? beat[0] - beat[1] : beat[0];
			// under the sequential assumption only rhythm strips show a later column's time
			double end = sameWindow ? coveredTo : stripEnd;
			if (t < from || t >= end) continue;
			compared++;
			for (double r : reference) {
				if (Math.abs(r - t) <= SAME_BEAT_S) {
					matched++;
					break;
				}
			}
		}
		return new int[] { matched, compared };
	}
}
