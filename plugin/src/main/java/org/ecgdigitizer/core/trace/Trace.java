package org.ecgdigitizer.core.trace;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.layout.LeadRegion;

/**
 * The path of one lead's trace through its region: one image row (sub-pixel) per image
 * column, NaN where the trace could not be followed; and, when the tracer measured it, the same
 * path at {@value #STEPS} points per column.
 *
 * <p>A column's centre alone does not hold a QRS complex: at 200 dpi and 25 mm/s a column spans
 * 2.5 samples of a 500 Hz record, and a steep stroke climbs many pixels within it. Its row
 * crossings place it to a fraction of a column, and the fine path keeps that.</p>
 */
public final class Trace {

	/** Points of the fine path per image column. */
	public static final int STEPS = 4;

	public final LeadRegion region;
	/** Image column of ys[0]. */
	public final int x0;
	/** Trace centre row per column. */
	public final double[] ys;
	/**
	 * The path at {@value #STEPS} points per column, point j at x = x0 + (j + 0.5) / STEPS, NaN
	 * where the trace could not be followed; null when only the column centres are known (a path
	 * drawn or edited by hand).
	 */
	public final double[] fine;
	/** 0..1: how much of the region the trace covers and how cleanly. */
	public final double confidence;
	/** How the trace was carried across a lead name printed over it, or null. */
	final NameOverTrace.Crossing crossing;

	public Trace(LeadRegion region, int x0, double[] ys, double confidence) {
		this(region, x0, ys, null, confidence);
	}

	public Trace(LeadRegion region, int x0, double[] ys, double[] fine, double confidence) {
		this(region, x0, ys, fine, confidence, null);
	}

	private Trace(LeadRegion region, int x0, double[] ys, double[] fine, double confidence,
		NameOverTrace.Crossing crossing)
	{
		if (fine != null && fine.length != ys.length * STEPS) {
			throw new IllegalArgumentException("A fine path holds " + STEPS + " points per column: " + fine.length +
				" for " + ys.length + " columns");
		}
		this.region = region;
		this.x0 = x0;
		this.ys = ys;
		this.fine = fine;
		this.confidence = confidence;
		this.crossing = crossing;
	}

	/** The path's points per column: {@value #STEPS} when the fine path is known, else 1. */
	public int stepsPerColumn() {
		return fine == null ? 1 : STEPS;
	}

	/** The finest path known: point j at x = x0 + (j + 0.5) / {@link #stepsPerColumn()}. */
	public double[] path() {
		return fine == null ? ys : fine;
	}

	public int length() {
		return ys.length;
	}

	/** Fraction of columns with a value. */
	public double coverage() {
		int n = 0;
		for (double y : ys) if (!Double.isNaN(y)) n++;
		return ys.length == 0 ? 0 : n / (double) ys.length;
	}

	public Trace withRegion(LeadRegion newRegion) {
		return new Trace(newRegion, x0, ys, fine, confidence, crossing);
	}

	/** The same trace with how it was carried across a name printed over it. */
	Trace withCrossing(NameOverTrace.Crossing newCrossing) {
		return new Trace(region, x0, ys, fine, confidence, newCrossing);
	}

	/** How the trace was carried across a lead name printed over it (JSON), or null when none was. */
	public Map<String, Object> nameCrossingJson() {
		if (crossing == null) return null;
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("lead", region.label());
		m.putAll(crossing.toJson());
		return m;
	}

	/** The path replaced by one known at the column centres only. */
	public Trace withYs(double[] newYs, double newConfidence) {
		return new Trace(region, x0, newYs, newConfidence);
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("lead", region.lead.label());
		m.put("x0", x0);
		m.put("coverage", coverage());
		m.put("confidence", confidence);
		return m;
	}
}
