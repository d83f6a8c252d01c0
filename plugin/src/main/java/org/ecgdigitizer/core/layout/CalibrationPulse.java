package org.ecgdigitizer.core.layout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.Box;

/** A calibration pulse found on the page: a 1 mV rectangle drawn at the start of a row. */
public final class CalibrationPulse {

	/** The row it belongs to (0 = top). */
	public final int row;
	/** Pixels on the page. */
	public final Box box;
	/** Image row of its foot: the row's 0 mV line. */
	public final double footY;
	/** Height (foot to top) and width (rising to falling stroke), in pixels. */
	public final double heightPx;
	public final double widthPx;
	/** The same in mm, at the scale the pulse was measured with. */
	public final double heightMm;
	public final double widthMm;

	public CalibrationPulse(int row, Box box, double footY, double heightPx, double widthPx, double pxPerMmX,
		double pxPerMmY)
	{
		this.row = row;
		this.box = box;
		this.footY = footY;
		this.heightPx = heightPx;
		this.widthPx = widthPx;
		this.heightMm = heightPx / pxPerMmY;
		this.widthMm = widthPx / pxPerMmX;
	}

	/** The same pulse measured at another scale. */
	public CalibrationPulse rescaled(double pxPerMmX, double pxPerMmY) {
		return new CalibrationPulse(row, box, footY, heightPx, widthPx, pxPerMmX, pxPerMmY);
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("row", row);
		m.put("box", box.toJson());
		m.put("foot_y", footY);
		m.put("height_px", heightPx);
		m.put("width_px", widthPx);
		m.put("height_mm", heightMm);
		m.put("width_mm", widthMm);
		return m;
	}

	/** Reads {@link #toJson()}, measuring at the given scale. */
	public static CalibrationPulse fromJson(Object json, double pxPerMmX, double pxPerMmY) {
		java.util.Map<String, Object> m = org.ecgdigitizer.core.io.Json.object(json);
		double heightPx = org.ecgdigitizer.core.io.Json.number(m.get("height_px"), Double.NaN);
		double widthPx = org.ecgdigitizer.core.io.Json.number(m.get("width_px"), Double.NaN);
		return new CalibrationPulse((int) org.ecgdigitizer.core.io.Json.number(m.get("row"), 0), Box.fromJson(m.get(
			"box")), org.ecgdigitizer.core.io.Json.number(m.get("foot_y"), Double.NaN), heightPx, widthPx, pxPerMmX,
			pxPerMmY);
	}

	@Override
	public String toString() {
		return String.format("Pulse[row %d %.2f x %.2f mm at %s]", row, widthMm, heightMm, box);
	}
}
