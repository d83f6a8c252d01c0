package org.ecgdigitizer.core.trace;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.layout.LeadRegion;

/**
 * The path of one lead's trace through its region: one image row (sub-pixel) per image
 * column, NaN where the trace could not be followed.
 */
public final class Trace {

	public final LeadRegion region;
	/** Image column of ys[0]. */
	public final int x0;
	/** Trace centre row per column. */
	public final double[] ys;
	/** 0..1: how much of the region the trace covers and how cleanly. */
	public final double confidence;

	public Trace(LeadRegion region, int x0, double[] ys, double confidence) {
		this.region = region;
		this.x0 = x0;
		this.ys = ys;
		this.confidence = confidence;
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
		return new Trace(newRegion, x0, ys, confidence);
	}

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
