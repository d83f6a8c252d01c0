package org.ecgdigitizer.core.layout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of traces on a page, as the row finder saw it: where its trace runs, the band of image
 * rows it owns, how far its ink reaches and where its signal starts after the calibration pulse.
 * The finders fill it in step by step; the layout chooser and the evidence read it.
 */
public final class TraceRow {

	/** Image row the trace spends most of its time near. */
	double baseline;
	/** How trace-like the row is: length covered by long runs of ink near the baseline, in mm. */
	final double strength;
	/** Columns the long runs cover, [runStart, runEnd). */
	final int runStart;
	final int runEnd;
	/** How the row was found: "ink" (a band of long runs) or "between rows" (filled into an even spacing). */
	final String foundBy;
	/** Band of image rows that belongs to this row, [top, bottom). */
	int top;
	int bottom;
	/** Columns the row's trace covers, [start, end). */
	int start;
	int end;
	/** Where the signal starts and ends, after any pulse. */
	int signalStart;
	int signalEnd;
	CalibrationPulse pulse;

	TraceRow(double baseline, double strength, int runStart, int runEnd, String foundBy) {
		this.baseline = baseline;
		this.strength = strength;
		this.runStart = runStart;
		this.runEnd = runEnd;
		this.foundBy = foundBy;
	}

	public double baseline() {
		return baseline;
	}

	public double strength() {
		return strength;
	}

	public int start() {
		return start;
	}

	public int end() {
		return end;
	}

	public CalibrationPulse pulse() {
		return pulse;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("baseline_y", baseline);
		m.put("top", top);
		m.put("bottom", bottom);
		m.put("start_x", start);
		m.put("end_x", end);
		m.put("signal_start_x", signalStart);
		m.put("strength_mm", strength);
		m.put("pulse", pulse != null);
		m.put("found_by", foundBy);
		return m;
	}

	@Override
	public String toString() {
		return String.format("TraceRow[y=%.1f strength=%.0fmm x=%d..%d%s]", baseline, strength, start, end, pulse != null
			? " pulse" : "");
	}
}
