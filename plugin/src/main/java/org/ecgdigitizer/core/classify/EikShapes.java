package org.ecgdigitizer.core.classify;

import java.awt.geom.Path2D;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * What ecg-image-kit's JSON says was drawn on a page, as shapes in its pixel coordinates (before
 * its {@code pad_inches} border): every lead's plotted samples as one polyline, its lead box and
 * its label box.
 */
final class EikShapes {

	final Path2D traces = new Path2D.Double();
	final Path2D boxes = new Path2D.Double();
	final Path2D labels = new Path2D.Double();

	private EikShapes() {}

	static EikShapes of(Map<String, Object> page) {
		EikShapes s = new EikShapes();
		for (Object o : Json.array(page.get("leads"))) {
			Map<String, Object> lead = Json.object(o);
			boolean pen = false;
			for (Object p : Json.array(lead.get("plotted_pixels"))) {
				double[] rc = Json.doubles(p);
				if (pen) s.traces.lineTo(rc[1], rc[0]);
				else s.traces.moveTo(rc[1], rc[0]);
				pen = true;
			}
			quadrilateral(s.boxes, lead.get("lead_bounding_box"));
			quadrilateral(s.labels, lead.get("text_bounding_box"));
		}
		return s;
	}

	/** A box given as its four corners "0".."3", each [row, column]; nothing when absent. */
	private static void quadrilateral(Path2D path, Object corners) {
		if (corners == null) return;
		Map<String, Object> c = Json.object(corners);
		for (int k = 0; k < 4; k++) {
			double[] rc = Json.doubles(c.get(Integer.toString(k)));
			if (k == 0) path.moveTo(rc[1], rc[0]);
			else path.lineTo(rc[1], rc[0]);
		}
		path.closePath();
	}
}
