package org.ecgdigitizer.core.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.synth.GroundTruth;

/**
 * The lead segments a page really shows, as the generator that drew it wrote them down: the truth
 * that lead detection is scored against. It is read from our generator's ground truth or from
 * ecg-image-kit's JSON ({@code --store_config 2 --lead_bbox}).
 */
public final class LayoutTruth {

	/** One printed segment. */
	public static final class Segment {
		/** The lead's name as printed ("aVR"). */
		public final String lead;
		public final boolean rhythm;
		/** Row (0 = top, rhythm strips below the short rows) and column in the page's grid. */
		public final int row;
		public final int column;
		/** The record time it shows, seconds. */
		public final double startSeconds;
		public final double endSeconds;
		/** Bounds of its plotted samples in the page image (continuous pixel coordinates). */
		public final Box box;
		/** A point on the trace mid-segment (median of the plotted samples): where the segment is. */
		public final double centerX;
		public final double centerY;
		/**
		 * Where the segment's first sample is plotted (x, continuous pixel coordinates) and how far
		 * apart its samples are along x, px: read off its first and last plotted sample; NaN with fewer
		 * than two.
		 */
		public final double firstSampleX;
		public final double pxPerSample;

		Segment(String lead, boolean rhythm, int row, int column, double startSeconds, double endSeconds, double[] xs,
			double[] ys)
		{
			this.lead = lead;
			this.rhythm = rhythm;
			this.row = row;
			this.column = column;
			this.startSeconds = startSeconds;
			this.endSeconds = endSeconds;
			double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
				y1 = Double.NEGATIVE_INFINITY;
			List<Double> fx = new ArrayList<>(), fy = new ArrayList<>();
			for (int i = 0; i < xs.length; i++) {
				if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) continue;
				x0 = Math.min(x0, xs[i]);
				x1 = Math.max(x1, xs[i]);
				y0 = Math.min(y0, ys[i]);
				y1 = Math.max(y1, ys[i]);
				fx.add(xs[i]);
				fy.add(ys[i]);
			}
			if (fx.isEmpty()) throw new EcgException("The true segment " + lead + " has no plotted sample");
			this.box = Box.fromCorners(x0, y0, x1, y1);
			this.centerX = Median.of(fx);
			this.centerY = Median.of(fy);
			int first = 0, last = xs.length - 1;
			while (first < xs.length && !Double.isFinite(xs[first])) first++;
			while (last > first && !Double.isFinite(xs[last])) last--;
			this.pxPerSample = last > first ? (xs[last] - xs[first]) / (last - first) : Double.NaN;
			this.firstSampleX = xs[first] - first * pxPerSample;
		}
	}

	/** Where the truth came from: "ecg-image-kit" or "ecg-digitizer generator". */
	public final String source;
	public final List<Segment> segments;

	LayoutTruth(String source, List<Segment> segments) {
		this.source = source;
		this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
	}

	/** Rows whose first samples lie further apart than this (px) are not one straight column: no time 0. */
	static final double TIME_ZERO_AGREEMENT_PX = 0.5;

	/**
	 * Where record time 0 is plotted on the page: the first sample of the segments that start the
	 * record in the first column (their median x). NaN when there is none, or when they lie more than
	 * {@value #TIME_ZERO_AGREEMENT_PX} px apart: a rotated or warped page has no one column of time 0,
	 * and the digitizer's rectified page is then not in the same coordinates.
	 */
	public double timeZeroX() {
		List<Double> xs = new ArrayList<>();
		for (Segment s : startSegments()) xs.add(s.firstSampleX);
		if (xs.isEmpty()) return Double.NaN;
		if (Collections.max(xs) - Collections.min(xs) > TIME_ZERO_AGREEMENT_PX) return Double.NaN;
		return Median.of(xs);
	}

	/**
	 * How far the digitizer's time 0 (an image column) lies from the true one, in samples: positive
	 * when it is right of the truth (the prediction runs early). NaN when the page has no single
	 * column of time 0 ({@link #timeZeroX}).
	 */
	public double timeZeroError(double x0) {
		List<Double> pitch = new ArrayList<>();
		for (Segment s : startSegments()) if (Double.isFinite(s.pxPerSample)) pitch.add(s.pxPerSample);
		if (pitch.isEmpty()) return Double.NaN;
		return (x0 - timeZeroX()) / Median.of(pitch);
	}

	private List<Segment> startSegments() {
		List<Segment> out = new ArrayList<>();
		for (Segment s : segments) {
			if (s.column == 0 && Math.abs(s.startSeconds) < 1e-9 && Double.isFinite(s.firstSampleX)) out.add(s);
		}
		return out;
	}

	/** The true layout, described as {@link LayoutCheck#describe} describes a detected one. */
	public String layout() {
		List<LayoutCheck.Part> parts = new ArrayList<>();
		for (Segment s : segments) parts.add(new LayoutCheck.Part(s.lead, s.rhythm, s.row, s.column, s.startSeconds));
		return LayoutCheck.describe(parts);
	}

	/** Our generator's page: its segments, placed where their samples ended up in the final image. */
	public static LayoutTruth of(GroundTruth truth) {
		List<Segment> out = new ArrayList<>();
		for (GroundTruth.Segment s : truth.segments) {
			out.add(new Segment(s.region.label(), s.region.rhythm, s.region.row, s.region.column, s.region.startSeconds,
				s.region.endSeconds, s.x, s.y));
		}
		return new LayoutTruth("ecg-digitizer generator", out);
	}

	/**
	 * ecg-image-kit's JSON: {@code leads[]}, the twelve short leads in drawing order (row by row from
	 * the bottom short row up, {@code number_of_columns_in_image} to a row), then the rhythm strip. Coordinates are
	 * {@code [row, col]}; they leave out a {@code pad_inches} border, which is added back.
	 */
	static LayoutTruth imageKit(Map<String, Object> json, String where) {
		double fs = Json.number(json.get("sampling_frequency"), Double.NaN);
		int columns = (int) Json.number(json.get("number_of_columns_in_image"), 0);
		double pad = Json.number(json.get("pad_inches"), 0) * Json.number(json.get("resolution"), 0);
		List<Object> leads = Json.array(json.get("leads"));
		if (!(fs > 0) || columns < 1 || leads.isEmpty()) {
			throw new EcgException(where + " lacks sampling_frequency, number_of_columns_in_image or leads; give the JSON" +
				" that ecg-image-kit wrote with --store_config 2");
		}
		// the twelve leads, then the rhythm strips (ecg-image-kit always draws one for a 12-lead record)
		int shortLeads = Math.min(12, leads.size());
		int shortRows = (shortLeads + columns - 1) / columns;
		List<Segment> out = new ArrayList<>();
		for (int i = 0; i < leads.size(); i++) {
			Map<String, Object> l = Json.object(leads.get(i));
			boolean rhythm = i >= shortLeads;
			List<Object> pixels = Json.array(l.get("plotted_pixels"));
			double[] xs = new double[pixels.size()], ys = new double[pixels.size()];
			for (int k = 0; k < xs.length; k++) {
				double[] rc = Json.doubles(pixels.get(k));
				ys[k] = rc[0] + pad;
				xs[k] = rc[1] + pad;
			}
			// drawn from the bottom short row up, left to right in each row
			int row = rhythm ? shortRows + i - shortLeads : shortRows - 1 - i / columns;
			int column = rhythm ? 0 : i % columns;
			out.add(new Segment((String) l.get("lead_name"), rhythm, row, column, Json.number(l.get("start_sample"), 0) / fs,
				Json.number(l.get("end_sample"), 0) / fs, xs, ys));
		}
		return new LayoutTruth("ecg-image-kit", out);
	}

	/** The JSON beside a page image that may hold its truth: {@code <stem>.json}. */
	public static Path beside(Path image) {
		return image.resolveSibling(Records.stem(image) + ".json");
	}

	/** Whether parsed JSON is a page truth this class reads: our generator's or ecg-image-kit's. */
	public static boolean isTruth(Object parsed) {
		if (!(parsed instanceof Map)) return false;
		Map<?, ?> m = (Map<?, ?>) parsed;
		return GroundTruth.FORMAT.equals(m.get("format")) || m.get("leads") instanceof List && m.containsKey(
			"number_of_columns_in_image");
	}

	/**
	 * The truth in parsed JSON, which {@link #isTruth} recognises.
	 *
	 * @param where the file's name, for messages
	 * @throws EcgException when it is not a truth or is broken
	 */
	public static LayoutTruth parse(Object parsed, String where) {
		if (!isTruth(parsed)) {
			throw new EcgException(where + " is neither our generator's ground truth nor ecg-image-kit's JSON; give the" +
				" JSON written with the page");
		}
		Map<String, Object> m = Json.object(parsed);
		try {
			if (GroundTruth.FORMAT.equals(m.get("format"))) return of(GroundTruth.fromJson(m, where));
			return imageKit(m, where);
		}
		catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | IllegalArgumentException e) {
			throw new EcgException("Cannot read the ground truth " + where + ": " + e.getMessage());
		}
	}

}
