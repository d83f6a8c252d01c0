package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.layout.PageLayout.ColumnTiming;

/**
 * Decides whether a page's columns follow one another in time (most printers) or all show the
 * same window (ecg-image-kit, some printers' 6x2), from physiology: the 12 leads are recorded at
 * once, so the QRS complexes of a segment fall at the record times of the complexes of every
 * segment shown over the same time. A later column's complexes are put at the record times each
 * assumption gives them and compared with those of a segment whose times are not in doubt: a
 * rhythm strip (the whole record), else the first column (which only the same window can test;
 * the sequence is then tested where it joins columns: the heart beats on across each boundary,
 * {@link #continuity}).
 *
 * <p>A regular rhythm makes both assumptions line up roughly when a column lasts nearly a whole
 * number of beats (5 s at 48 bpm, 72 bpm, 96 bpm): the complexes then line up under the wrong
 * assumption too, only less closely, by the remainder and the beat-to-beat variation. So the
 * assumptions are also compared by how closely they line up (the median distance to the nearest
 * reference complex), and one wins only by a clear margin. When nothing decides, the page is taken
 * to be sequential, as most printers print, and the evidence says so.</p>
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
	/**
	 * When both line up, the closer wins if its complexes lie at most this close (s, median) to the
	 * reference ones: a lead's QRS centre differs from another's by a few hundredths of a second...
	 */
	static final double CLOSE_S = 0.025;
	/** ...and the other's lie at least this much further (s): the remainder of a regular rhythm. */
	static final double CLEARLY_FURTHER_S = 0.015;

	private ColumnTimingChooser() {}

	/** How the later columns' complexes line up under one assumption. */
	static final class Fit {
		/** Complexes compared and those with a reference complex within {@link #SAME_BEAT_S}. */
		final int compared;
		final int matched;
		/** Median distance (s) of a compared complex to its nearest reference complex; NaN without any. */
		final double medianOffset;

		Fit(int compared, int matched, double medianOffset) {
			this.compared = compared;
			this.matched = matched;
			this.medianOffset = medianOffset;
		}

		double rate() {
			return compared == 0 ? Double.NaN : matched / (double) compared;
		}

		boolean holds() {
			return compared >= MIN_BEATS && rate() >= MATCH;
		}

		boolean fails() {
			return compared >= MIN_BEATS && rate() <= MISMATCH;
		}

		String describe() {
			if (compared == 0) return "(none to compare)";
			return String.format(Locale.ROOT, "%d of %d (median %.0f ms off)", matched, compared, 1000 * medianOffset);
		}
	}

	/** The timing of a layout with more than one column on this page. */
	static LayoutEvidence.Timing decide(PageLayout layout, List<TraceRow> rows, PageInk ink, PageCalibration cal) {
		double pps = cal.pxPerSecond();
		double rowPx = cal.x1 - cal.x0;
		double margin = 1.5 * ink.mmX;
		// reference complexes, at record times: rhythm strips, and the first column
		List<Double> strips = new ArrayList<>();
		List<Double> firstColumn = new ArrayList<>();
		double stripEnd = 0;
		double firstColumnEnd = 0;
		List<double[]> later = new ArrayList<>();
		// per row, the page times of each column's complexes (columns left to right)
		Map<Integer, TreeMap<Integer, double[]>> byRow = new TreeMap<>();
		for (PageLayout.Cell cell : layout.cells()) {
			TraceRow row = rows.get(cell.row);
			double a = cal.x0 + rowPx * cell.startFraction(layout.columnCount()) + margin;
			double b = cal.x0 + rowPx * cell.endFraction(layout.columnCount()) - margin;
			double[] beats = BeatFinder.beats(row, ink, a, b, pps);
			if (cell.rhythm || cell.columnSpan == layout.columnCount()) {
				for (double x : beats) strips.add((x - cal.x0) / pps);
				stripEnd = Math.max(stripEnd, (b - cal.x0) / pps);
			}
			else if (cell.column == 0) {
				for (double x : beats) firstColumn.add((x - cal.x0) / pps);
				byRow.computeIfAbsent(cell.row, k -> new TreeMap<>()).put(cell.column, seconds(beats, cal.x0, pps));
				firstColumnEnd = Math.max(firstColumnEnd, (b - cal.x0) / pps);
			}
			else {
				double pageStart = cal.seconds * cell.startFraction(layout.columnCount());
				for (double x : beats) later.add(new double[] { (x - cal.x0) / pps, pageStart });
				if (cell.columnSpan == 1) {
					byRow.computeIfAbsent(cell.row, k -> new TreeMap<>()).put(cell.column, seconds(beats, cal.x0, pps));
				}
			}
		}
		// both assumptions are tested against the same reference where a strip allows it; without
		// one, the first column tests the same window only
		boolean byStrip = strips.size() >= MIN_BEATS;
		List<Double> reference = byStrip ? strips : firstColumn;
		double referenceEnd = byStrip ? stripEnd : firstColumnEnd;
		Fit sequential = byStrip ? fit(later, reference, stripEnd, false) : continuity(byRow);
		Fit sameWindow = fit(later, reference, referenceEnd, true);
		String counts = byStrip ? String.format(Locale.ROOT, "later columns' QRS complexes line up with those of the " +
			"rhythm strip %s if the columns show the same window, %s if they follow one another", sameWindow.describe(),
			sequential.describe()) : String.format(Locale.ROOT, "later columns' QRS complexes line up with those of the " +
				"first column %s if the columns show the same window; across the columns' boundaries the beat interval " +
				"is the row's own %s if they follow one another", sameWindow.describe(), sequential.describe());
		// without a strip the same window must also fit closely
		boolean sameConvinces = sameWindow.holds() && (byStrip || sameWindow.medianOffset <= CLOSE_S);
		ColumnTiming assumed = ColumnTiming.SEQUENTIAL;
		String source = "default";
		String why = counts + (sameWindow.holds() && !sameConvinces ? ", but not closely enough to tell a regular " +
			"rhythm from the same window" : "") + "; not decisive, so the columns are taken to follow one another, as " +
			"most printers print them";
		if (sameConvinces && (sequential.compared < MIN_BEATS || sequential.fails())) {
			assumed = ColumnTiming.SAME_WINDOW;
			source = "beats";
			why = counts;
		}
		else if (sequential.holds() && !sameWindow.holds()) {
			source = "beats";
			why = counts;
		}
		else if (sameWindow.fails() && !sequential.holds()) {
			source = "beats";
			why = counts + "; the same window is ruled out";
		}
		else if (sameWindow.holds() && sequential.holds()) {
			// a regular rhythm: the closer fit decides, when it is close and clearly closer
			int closer = closer(sameWindow, sequential);
			if (closer != 0) {
				assumed = closer > 0 ? ColumnTiming.SAME_WINDOW : ColumnTiming.SEQUENTIAL;
				source = "beats";
				why = counts + String.format(Locale.ROOT, "; the rhythm is regular enough for both, but the complexes " +
					"line up closely only if %s", closer > 0 ? "the columns show the same window" :
						"they follow one another");
			}
			else {
				why = counts + "; the rhythm is so regular that both fit as closely, so the columns are taken to follow " +
					"one another, as most printers print them";
			}
		}
		return new LayoutEvidence.Timing(assumed, source, sequential.rate(), sequential.compared, sameWindow.rate(),
			sameWindow.compared, sequential.medianOffset, sameWindow.medianOffset, byStrip ? "rhythm strip" :
				"first column", why);
	}

	private static double[] seconds(double[] xs, double x0, double pps) {
		double[] t = new double[xs.length];
		for (int i = 0; i < xs.length; i++) t[i] = (xs[i] - x0) / pps;
		return t;
	}

	/**
	 * How well the sequence fits without a rhythm strip: if a row's columns follow one another, the
	 * heart went on beating across each boundary between two columns, so the interval from the last
	 * complex before it to the first after it (page times, then record times) is one of the row's own
	 * beat intervals (the median of those inside the two columns), or two where a complex fell in the
	 * margins left out at the boundary. Each boundary is one comparison, its offset the distance to
	 * that. A regular rhythm whose beats fit a column a whole number of times passes this as it lines
	 * up under the same window, so the two then tie; a rhythm that does not, or an irregular one,
	 * tells them apart. This looks across one boundary only, so the beat-to-beat variation of a real
	 * rhythm does not add up over the page, as extrapolating the first column's rhythm would.
	 *
	 * @param byRow per row, per column (left to right), its complexes' page times (s)
	 */
	static Fit continuity(Map<Integer, TreeMap<Integer, double[]>> byRow) {
		List<Double> offsets = new ArrayList<>();
		int matched = 0;
		for (TreeMap<Integer, double[]> columns : byRow.values()) {
			for (Map.Entry<Integer, double[]> e : columns.entrySet()) {
				double[] before = e.getValue();
				double[] after = columns.get(e.getKey() + 1);
				if (after == null || before.length == 0 || after.length == 0) continue;
				double rr = medianInterval(before, after);
				if (Double.isNaN(rr)) continue;
				double gap = after[0] - before[before.length - 1];
				double offset = Math.min(Math.abs(gap - rr), Math.abs(gap - 2 * rr));
				offsets.add(offset);
				if (offset <= SAME_BEAT_S) matched++;
			}
		}
		return new Fit(offsets.size(), matched, Median.of(offsets));
	}

	/** The median interval between successive complexes inside either column; NaN with fewer than two. */
	static double medianInterval(double[] a, double[] b) {
		List<Double> intervals = new ArrayList<>();
		for (double[] beats : new double[][] { a, b }) {
			for (int i = 1; i < beats.length; i++) intervals.add(beats[i] - beats[i - 1]);
		}
		return intervals.size() < 2 ? Double.NaN : Median.of(intervals);
	}

	/** 1 when the same window fits clearly closer, -1 when the sequence does, 0 when neither. */
	static int closer(Fit sameWindow, Fit sequential) {
		if (sameWindow.medianOffset <= CLOSE_S && sequential.medianOffset >= sameWindow.medianOffset +
			CLEARLY_FURTHER_S)
		{
			return 1;
		}
		if (sequential.medianOffset <= CLOSE_S && sameWindow.medianOffset >= sequential.medianOffset +
			CLEARLY_FURTHER_S)
		{
			return -1;
		}
		return 0;
	}

	/**
	 * How the later-column complexes (page time, column start) line up with the reference
	 * complexes at the record times an assumption gives them, over those whose record time the
	 * reference covers, [0, end).
	 */
	static Fit fit(List<double[]> later, List<Double> reference, double end, boolean sameWindow) {
		int matched = 0;
		List<Double> offsets = new ArrayList<>();
		for (double[] beat : later) {
			double t = sameWindow ? beat[0] - beat[1] : beat[0];
			if (t < 0 || t >= end) continue;
			double nearest = Double.POSITIVE_INFINITY;
			for (double r : reference) nearest = Math.min(nearest, Math.abs(r - t));
			offsets.add(nearest);
			if (nearest <= SAME_BEAT_S) matched++;
		}
		return new Fit(offsets.size(), matched, Median.of(offsets));
	}
}
