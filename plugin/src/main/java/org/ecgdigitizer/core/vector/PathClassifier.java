package org.ecgdigitizer.core.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tells a vector page's paths apart by what printers draw: traces are long polylines running left
 * to right in dark ink; calibration pulses are small square steps; grid lines are straight,
 * axis-aligned and evenly spaced. Everything else (boxes, logos, text outlines) is left alone.
 */
public final class PathClassifier {

	/** A trace is drawn with at least this many points over at least this many mm. */
	static final int TRACE_MIN_POINTS = 20;
	static final double TRACE_MIN_LENGTH_MM = 10;
	/** ...never runs back more than this in one step or in all (a pen moving left is not recording time)... */
	static final double TRACE_MAX_BACKSTEP_MM = 0.5;
	static final double TRACE_MAX_BACKWARD_SHARE = 0.1;
	/** ...moves up and down (a straight line is a grid line or a rule)... */
	static final double TRACE_MIN_SPREAD_MM = 0.3;
	/** ...in ink darker than a grid (luminance 0-255) and thinner than a bar. */
	static final double TRACE_MAX_LUMINANCE = 180;
	static final double TRACE_MAX_WIDTH_MM = 1.5;
	/** A page needs this many traces to be digitized from its vectors. */
	static final int MIN_TRACES = 2;

	private PathClassifier() {}

	/** Whether the page draws its ECG as vector traces. */
	public static boolean hasTraces(VectorPage page) {
		return traces(page).size() >= MIN_TRACES;
	}

	/** The paths that are ECG traces. */
	public static List<VectorPage.Path> traces(VectorPage page) {
		List<VectorPage.Path> out = new ArrayList<>();
		for (VectorPage.Path p : page.paths) if (isTrace(p)) out.add(p);
		return out;
	}

	static boolean isTrace(VectorPage.Path p) {
		if (p.filled || p.size() < TRACE_MIN_POINTS || p.widthMm > TRACE_MAX_WIDTH_MM) return false;
		if (luminance(p.rgb) > TRACE_MAX_LUMINANCE) return false;
		double extent = p.maxX() - p.minX();
		if (extent < TRACE_MIN_LENGTH_MM || p.maxY() - p.minY() < TRACE_MIN_SPREAD_MM) return false;
		double backward = 0;
		for (int i = 1; i < p.size(); i++) {
			double dx = p.x[i] - p.x[i - 1];
			if (dx < -TRACE_MAX_BACKSTEP_MM) return false;
			if (dx < 0) backward -= dx;
		}
		return backward <= TRACE_MAX_BACKWARD_SHARE * extent;
	}

	/** A calibration pulse: a stroked step up, across and down, 1.5-12 mm wide and 2-25 mm high, square to the page. */
	static boolean isPulse(VectorPage.Path p) {
		if (p.filled || p.size() < 4 || p.size() > 8 || luminance(p.rgb) > TRACE_MAX_LUMINANCE) return false;
		for (int i = 1; i < p.size(); i++) {
			double dx = Math.abs(p.x[i] - p.x[i - 1]), dy = Math.abs(p.y[i] - p.y[i - 1]);
			if (Math.min(dx, dy) > 0.05) return false;
		}
		double h = p.maxY() - p.minY();
		double top = topWidth(p);
		return h >= 2 && h <= 25 && top >= 1.5 && top <= 12;
	}

	/** The length of a pulse's flat top: its longest horizontal segment at its highest point. */
	static double topWidth(VectorPage.Path p) {
		double top = p.minY(), best = 0;
		for (int i = 1; i < p.size(); i++) {
			if (Math.abs(p.y[i] - top) < 0.05 && Math.abs(p.y[i - 1] - top) < 0.05) {
				best = Math.max(best, Math.abs(p.x[i] - p.x[i - 1]));
			}
		}
		return best;
	}

	/**
	 * The grid's minor pitch in page mm from the positions of its vertical lines (straight, at least
	 * 20 mm long), or NaN when the page draws no such grid. 1 for a page printed at full size.
	 */
	static double gridPitch(VectorPage page) {
		List<Double> xs = new ArrayList<>();
		for (VectorPage.Path p : page.paths) {
			for (int i = 1; i < p.size(); i++) {
				if (Math.abs(p.x[i] - p.x[i - 1]) < 0.01 && Math.abs(p.y[i] - p.y[i - 1]) >= 20) xs.add(p.x[i]);
			}
		}
		if (xs.size() < 10) return Double.NaN;
		double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		List<Double> steps = new ArrayList<>();
		for (int i = 1; i < sorted.length; i++) {
			double d = sorted[i] - sorted[i - 1];
			if (d > 0.2) steps.add(d);
		}
		if (steps.size() < 10) return Double.NaN;
		double[] s = steps.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(s);
		double pitch = s[s.length / 2];
		// the median spacing of a 1 mm grid with 5 mm lines among them is the minor pitch
		return pitch >= 0.5 && pitch <= 2 ? pitch : Double.NaN;
	}

	static double luminance(int rgb) {
		return 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
	}
}
