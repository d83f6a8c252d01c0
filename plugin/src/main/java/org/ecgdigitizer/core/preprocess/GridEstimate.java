package org.ecgdigitizer.core.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the grid of the ECG paper says about the page geometry, in the coordinates of the
 * analysed image: the tilt of its lines and the pitch and phase of its 1 mm / 5 mm period
 * along each page axis.
 */
public final class GridEstimate {

	/** True when a periodic grid was found on both axes. */
	public final boolean found;
	/** Tilt of the horizontal grid lines, degrees, positive = clockwise on screen. */
	public final double horizontalAngleDeg;
	/** Tilt of the vertical grid lines (0 = exactly vertical), same convention. */
	public final double verticalAngleDeg;
	/** Pixels per mm along the page's x axis (measured across the vertical lines). */
	public final double pxPerMmX;
	/** Pixels per mm along the page's y axis. */
	public final double pxPerMmY;
	/** Peak-to-floor ratio of the grid period in the spectrum, per axis (how clearly the grid shows). */
	public final double strengthX;
	public final double strengthY;
	/** True when 1 mm lines and a 5 mm emphasis were both seen, so the 1 mm pitch is unambiguous. */
	public final boolean minorAndMajorX;
	public final boolean minorAndMajorY;
	/** Share of the page (tiles about 40 mm across) whose grid agrees with this reading; NaN when not measured. */
	public final double coverage;

	public GridEstimate(boolean found, double horizontalAngleDeg, double verticalAngleDeg, double pxPerMmX,
		double pxPerMmY, double strengthX, double strengthY, boolean minorAndMajorX, boolean minorAndMajorY)
	{
		this(found, horizontalAngleDeg, verticalAngleDeg, pxPerMmX, pxPerMmY, strengthX, strengthY, minorAndMajorX,
			minorAndMajorY, Double.NaN);
	}

	public GridEstimate(boolean found, double horizontalAngleDeg, double verticalAngleDeg, double pxPerMmX,
		double pxPerMmY, double strengthX, double strengthY, boolean minorAndMajorX, boolean minorAndMajorY,
		double coverage)
	{
		this.found = found;
		this.horizontalAngleDeg = horizontalAngleDeg;
		this.verticalAngleDeg = verticalAngleDeg;
		this.pxPerMmX = pxPerMmX;
		this.pxPerMmY = pxPerMmY;
		this.strengthX = strengthX;
		this.strengthY = strengthY;
		this.minorAndMajorX = minorAndMajorX;
		this.minorAndMajorY = minorAndMajorY;
		this.coverage = coverage;
	}

	/** The same reading with the share of the page that agrees with it. */
	public GridEstimate withCoverage(double newCoverage) {
		return new GridEstimate(found, horizontalAngleDeg, verticalAngleDeg, pxPerMmX, pxPerMmY, strengthX, strengthY,
			minorAndMajorX, minorAndMajorY, newCoverage);
	}

	/** The reading of the same grid after the page is turned a quarter: the axes swap. */
	public GridEstimate turned() {
		return new GridEstimate(found, verticalAngleDeg, horizontalAngleDeg, pxPerMmY, pxPerMmX, strengthY, strengthX,
			minorAndMajorY, minorAndMajorX, coverage);
	}

	/** The page rotation: the mean tilt of both line families. */
	public double angleDeg() {
		return (horizontalAngleDeg + verticalAngleDeg) / 2;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("found", found);
		m.put("horizontal_angle_deg", horizontalAngleDeg);
		m.put("vertical_angle_deg", verticalAngleDeg);
		m.put("px_per_mm_x", pxPerMmX);
		m.put("px_per_mm_y", pxPerMmY);
		m.put("strength_x", strengthX);
		m.put("strength_y", strengthY);
		m.put("minor_and_major_x", minorAndMajorX);
		m.put("minor_and_major_y", minorAndMajorY);
		m.put("coverage", Double.isNaN(coverage) ? null : coverage);
		return m;
	}

	public static GridEstimate fromJson(Object json) {
		java.util.Map<String, Object> m = org.ecgdigitizer.core.io.Json.object(json);
		return new GridEstimate(Boolean.TRUE.equals(m.get("found")), num(m, "horizontal_angle_deg"), num(m,
			"vertical_angle_deg"), num(m, "px_per_mm_x"), num(m, "px_per_mm_y"), num(m, "strength_x"), num(m,
				"strength_y"), Boolean.TRUE.equals(m.get("minor_and_major_x")), Boolean.TRUE.equals(m.get(
					"minor_and_major_y")), num(m, "coverage"));
	}

	private static double num(java.util.Map<String, Object> m, String key) {
		return org.ecgdigitizer.core.io.Json.number(m.get(key), Double.NaN);
	}

	@Override
	public String toString() {
		return String.format("Grid[%s angle h=%.3f v=%.3f deg, px/mm x=%.4f y=%.4f, strength %.0f/%.0f]",
			found ? "found" : "none", horizontalAngleDeg, verticalAngleDeg, pxPerMmX, pxPerMmY, strengthX, strengthY);
	}
}
