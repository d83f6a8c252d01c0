package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Median;

/**
 * Where a page's rows of traces begin and end: the median extent of the lines followed far
 * across it. A printer draws the calibration pulse at one end of each row (before the signal on
 * most, after it on a few); a pulse-like shape further in (grid cells left in the ink, a square
 * complex) does not start a row.
 */
final class RowEnds {

	/** A pulse starts a row when it lies within this many mm of where the rows begin or end. */
	static final double REACH_MM = 25;
	/** Lines at least this fraction of the longest say where rows begin and end. */
	static final double LONG = 0.25;

	final double start;
	final double end;

	private RowEnds(double start, double end) {
		this.start = start;
		this.end = end;
	}

	/** The rows' ends from the long lines among those followed; unknown (NaN) when there are none. */
	static RowEnds of(List<TraceRow> lines, double longest) {
		List<Double> starts = new ArrayList<>();
		List<Double> ends = new ArrayList<>();
		for (TraceRow t : lines) {
			if (t.strength < LONG * longest || t.end <= t.start) continue;
			starts.add((double) t.start);
			ends.add((double) t.end);
		}
		if (starts.isEmpty()) return new RowEnds(Double.NaN, Double.NaN);
		return new RowEnds(Median.of(starts), Median.of(ends));
	}

	/** Whether something spanning x0..x1 lies at the rows' start or end (true when those are unknown). */
	boolean holds(double x0, double x1, double mmX) {
		if (Double.isNaN(start)) return true;
		double reach = REACH_MM * mmX;
		return Math.abs(x0 - start) <= reach || Math.abs(x1 - end) <= reach;
	}
}
