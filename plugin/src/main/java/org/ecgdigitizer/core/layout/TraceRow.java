package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
	/** How the row was found: "ink" (a band of long runs), "pulse" (its calibration pulse), "between rows" (filled into an even spacing) or "pitch" (where the pulses' pitch puts a row). */
	final String foundBy;
	/** Band of image rows that belongs to this row, [top, bottom). */
	int top;
	int bottom;
	/** Columns the row's trace covers, [start, end). */
	int start;
	int end;
	/** Where the signal's time starts and ends (the trace's centre line, after any pulse), continuous x. */
	double signalStart;
	double signalEnd;
	/**
	 * Where the trace's centre line starts and ends as its round caps show them, to a fraction of a
	 * pixel ({@link TraceEnds#capCentre}); NaN where the start is not a cap of its own (drawn on from
	 * the pulse) or the ink does not show one.
	 */
	double capStart = Double.NaN;
	double capEnd = Double.NaN;
	/** Whether the trace leaves both caps level enough for the cap's disc alone to fill their columns. */
	boolean capsLevel;
	CalibrationPulse pulse;
	/** The trace's image row per strip of {@link #profileStrip} columns from runStart (NaN where it was not seen), or null. */
	double[] profile;
	int profileStrip;

	TraceRow(double baseline, double strength, int runStart, int runEnd, String foundBy) {
		this.baseline = baseline;
		this.strength = strength;
		this.runStart = runStart;
		this.runEnd = runEnd;
		this.foundBy = foundBy;
	}

	/** A row of its own with what was found so far (the profile, never changed once found, is shared). */
	TraceRow copy() {
		TraceRow c = new TraceRow(baseline, strength, runStart, runEnd, foundBy);
		c.top = top;
		c.bottom = bottom;
		c.start = start;
		c.end = end;
		c.signalStart = signalStart;
		c.signalEnd = signalEnd;
		c.capStart = capStart;
		c.capEnd = capEnd;
		c.capsLevel = capsLevel;
		c.pulse = pulse;
		c.profile = profile;
		c.profileStrip = profileStrip;
		return c;
	}

	/**
	 * Where the trace runs between columns a and b: the median of its followed line there, the
	 * row's baseline where it was not followed.
	 */
	public double baselineBetween(double a, double b) {
		if (profile == null) return baseline;
		List<Double> ys = new ArrayList<>();
		for (int i = 0; i < profile.length; i++) {
			double centre = runStart + (i + 0.5) * profileStrip;
			if (centre >= a && centre < b && !Double.isNaN(profile[i])) ys.add(profile[i]);
		}
		if (ys.isEmpty()) return baseline;
		Collections.sort(ys);
		return ys.get(ys.size() / 2);
	}

	/** The image row the trace runs along at column x: its followed line, else its baseline. */
	double lineAt(double x) {
		if (profile == null) return baseline;
		double u = (x - runStart) / profileStrip - 0.5;
		int i = (int) Math.floor(u);
		double a = valueNear(i, -1);
		double b = valueNear(i + 1, 1);
		if (Double.isNaN(a)) return Double.isNaN(b) ? baseline : b;
		if (Double.isNaN(b)) return a;
		double f = Math.max(0, Math.min(1, u - i));
		return a + f * (b - a);
	}

	/** The profile at i, or the nearest followed value in the direction step (beyond the ends, the end value). */
	private double valueNear(int i, int step) {
		i = Math.max(0, Math.min(profile.length - 1, i));
		for (int j = i; j >= 0 && j < profile.length; j += step) if (!Double.isNaN(profile[j])) return profile[j];
		for (int j = i; j >= 0 && j < profile.length; j -= step) if (!Double.isNaN(profile[j])) return profile[j];
		return Double.NaN;
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
