package org.ecgdigitizer.core.synth;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadRegion;

/**
 * The exact truth about a synthetic page, as written to its JSON sidecar: scale, settings,
 * the geometric transform, and for every plotted segment its region on the clean page and the
 * final image coordinates of every plotted sample.
 *
 * <p>Coordinates are continuous pixel coordinates: pixel (i, j) covers [i, i+1) x [j, j+1).
 * Regions are on the clean (undistorted) page; sample coordinates are in the final image.</p>
 */
public final class GroundTruth {

	public static final String FORMAT = "ecg-digitizer/synthetic-page/1";

	/** One plotted segment: where it is on the clean page and where each of its samples ended up. */
	public static final class Segment {
		public final LeadRegion region;
		/** First plotted sample index of the record. */
		public final int startSample;
		/** One past the last plotted sample. */
		public final int endSample;
		/** Final image coordinates of samples startSample..endSample-1 (NaN where the record has no value). */
		public final double[] x;
		public final double[] y;

		public Segment(LeadRegion region, int startSample, int endSample, double[] x, double[] y) {
			if (x.length != endSample - startSample || y.length != x.length) {
				throw new IllegalArgumentException("Segment " + region.label() + " has " + x.length +
					" coordinates for samples " + startSample + "-" + endSample);
			}
			this.region = region;
			this.startSample = startSample;
			this.endSample = endSample;
			this.x = x;
			this.y = y;
		}
	}

	public final String record;
	public final long seed;
	/** Sampling frequency of the record, Hz. */
	public final double fs;
	public final double pageSeconds;
	/** mm/s and mm/mV. */
	public final double speed;
	public final double gain;
	public final String layout;
	public final int dpi;
	public final String paper;
	public final int width;
	public final int height;
	/** Scale of the clean page, px per mm, on each axis. */
	public final double pxPerMmX;
	public final double pxPerMmY;
	/** Scale of the final image at the page centre (differs from the clean scale under perspective). */
	public final double imagePxPerMmX;
	public final double imagePxPerMmY;
	/** Clean-page x of record time 0 (start of the first column). */
	public final double x0;
	public final String distortions;
	/** Grid, pen and print settings of the clean page (style, colour, origin, ...). */
	public final Map<String, Object> page;
	/** The geometric transform: rotation_deg, rotation_center, homography, wrinkle, creases, page_corners. */
	public final Map<String, Object> transform;
	/** Parameters drawn by each photometric distortion. */
	public final Map<String, Object> photometric;
	public final List<Segment> segments;

	GroundTruth(String record, long seed, double fs, double pageSeconds, double speed, double gain, String layout,
		int dpi, String paper, int width, int height, double pxPerMmX, double pxPerMmY, double imagePxPerMmX,
		double imagePxPerMmY, double x0, String distortions, Map<String, Object> page, Map<String, Object> transform,
		Map<String, Object> photometric, List<Segment> segments)
	{
		this.record = record;
		this.seed = seed;
		this.fs = fs;
		this.pageSeconds = pageSeconds;
		this.speed = speed;
		this.gain = gain;
		this.layout = layout;
		this.dpi = dpi;
		this.paper = paper;
		this.width = width;
		this.height = height;
		this.pxPerMmX = pxPerMmX;
		this.pxPerMmY = pxPerMmY;
		this.imagePxPerMmX = imagePxPerMmX;
		this.imagePxPerMmY = imagePxPerMmY;
		this.x0 = x0;
		this.distortions = distortions;
		// normalised through JSON so that a read sidecar and a fresh one hold the same values
		this.page = plain(page);
		this.transform = plain(transform);
		this.photometric = plain(photometric);
		this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
	}

	private static Map<String, Object> plain(Map<String, Object> m) {
		return Collections.unmodifiableMap(Json.object(Json.parse(Json.writeCompact(m))));
	}

	/** Rotation applied to the page, degrees, positive = clockwise on screen. */
	public double rotationDegrees() {
		return Json.number(transform.get("rotation_deg"), 0);
	}

	/** The perspective homography (row-major 3 x 3) applied after rotation; identity when none. */
	public double[] homography() {
		Object h = transform.get("homography");
		return h == null ? PageWarp.identity3() : Json.doubles(h);
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", FORMAT);
		m.put("record", record);
		m.put("seed", seed);
		m.put("fs", fs);
		m.put("page_seconds", pageSeconds);
		m.put("speed_mm_s", speed);
		m.put("gain_mm_mv", gain);
		m.put("layout", layout);
		m.put("dpi", dpi);
		m.put("paper", paper);
		m.put("width", width);
		m.put("height", height);
		m.put("px_per_mm_x", pxPerMmX);
		m.put("px_per_mm_y", pxPerMmY);
		m.put("image_px_per_mm_x", imagePxPerMmX);
		m.put("image_px_per_mm_y", imagePxPerMmY);
		m.put("x0", x0);
		m.put("distortions", distortions);
		m.put("page", page);
		m.put("transform", transform);
		m.put("photometric", photometric);
		List<Object> segs = new ArrayList<>();
		for (Segment s : segments) {
			Map<String, Object> j = s.region.toJson(fs);
			j.put("start_sample", s.startSample);
			j.put("end_sample", s.endSample);
			j.put("x", round2(s.x));
			j.put("y", round2(s.y));
			segs.add(j);
		}
		m.put("segments", segs);
		return m;
	}

	/** The sidecar text. */
	public String toJsonText() {
		return Json.write(toJson());
	}

	private static double[] round2(double[] v) {
		double[] out = new double[v.length];
		for (int i = 0; i < v.length; i++) out[i] = Math.round(v[i] * 100) / 100.0;
		return out;
	}

	public static GroundTruth read(Path json) throws IOException {
		Object parsed;
		try {
			parsed = Json.read(json);
		}
		catch (NoSuchFileException e) {
			throw new EcgException("Ground truth " + json + " does not exist; give the .json written beside the page");
		}
		return fromJson(parsed, json.toString());
	}

	public static GroundTruth fromJson(Object parsed, String source) {
		Map<String, Object> m = Json.object(parsed);
		if (!FORMAT.equals(m.get("format"))) {
			throw new EcgException(source + " is not a synthetic page ground truth (format " + m.get("format") +
				"); give the .json written by 'generate'");
		}
		double fs = Json.number(m.get("fs"), Double.NaN);
		List<Segment> segments = new ArrayList<>();
		for (Object o : Json.array(m.get("segments"))) {
			Map<String, Object> s = Json.object(o);
			segments.add(new Segment(LeadRegion.fromJson(s), (int) Json.number(s.get("start_sample"), 0), (int) Json
				.number(s.get("end_sample"), 0), Json.doubles(s.get("x")), Json.doubles(s.get("y"))));
		}
		return new GroundTruth((String) m.get("record"), (long) Json.number(m.get("seed"), 0), fs, Json.number(m.get(
			"page_seconds"), Double.NaN), Json.number(m.get("speed_mm_s"), Double.NaN), Json.number(m.get("gain_mm_mv"),
				Double.NaN), (String) m.get("layout"), (int) Json.number(m.get("dpi"), 0), (String) m.get("paper"),
			(int) Json.number(m.get("width"), 0), (int) Json.number(m.get("height"), 0), Json.number(m.get(
				"px_per_mm_x"), Double.NaN), Json.number(m.get("px_per_mm_y"), Double.NaN), Json.number(m.get(
					"image_px_per_mm_x"), Double.NaN), Json.number(m.get("image_px_per_mm_y"), Double.NaN), Json.number(m
						.get("x0"), Double.NaN), (String) m.get("distortions"), Json.object(m.get("page")), Json.object(m
							.get("transform")), Json.object(m.get("photometric")), segments);
	}
}
