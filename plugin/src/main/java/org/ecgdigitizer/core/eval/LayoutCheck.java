package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.Rectifier;

/**
 * How well lead detection found a page's layout: the layout found against the true one, and each
 * true segment against the detected region at its place.
 *
 * <p>A detected region is at a true segment's place when its box (on the rectified page) holds the
 * segment's mid point: the median of its plotted samples, mapped onto the rectified page. That
 * region <em>names</em> the lead right when its lead is the true one, and <em>places</em> it right
 * when its time window overlaps the true one by more than half (intersection over union of the two
 * windows). The page's layout is right when the two layouts read the same ({@link #describe}) and
 * every true segment is placed by a region of its own. The boxes' intersection over union (in the
 * page image) is reported too; it is not a criterion, because a detected box spans the row's band
 * and a true one only the trace's excursion.</p>
 */
public final class LayoutCheck {

	/** Time windows that overlap by more than this share (intersection over union) are the same. */
	public static final double SAME_WINDOW = 0.5;
	/** Columns whose start times differ by less than this (s) show the same window. */
	static final double SAME_START_S = 0.05;

	/** What {@link #describe} needs of a printed segment. */
	static final class Part {
		final String lead;
		final boolean rhythm;
		final int row;
		final int column;
		final double startSeconds;

		Part(String lead, boolean rhythm, int row, int column, double startSeconds) {
			this.lead = lead;
			this.rhythm = rhythm;
			this.row = row;
			this.column = column;
			this.startSeconds = startSeconds;
		}
	}

	/** One true segment and what was found at its place. */
	public static final class LeadCheck {
		/** The true lead, as printed. */
		public final String lead;
		public final boolean rhythm;
		public final double startSeconds;
		public final double endSeconds;
		/** The lead of the detected region at its place, or null when none is there. */
		public final String found;
		public final double foundStartSeconds;
		public final double foundEndSeconds;
		/** Intersection over union of the true and the detected box in the page image; NaN when none. */
		public final double boxIou;

		LeadCheck(String lead, boolean rhythm, double startSeconds, double endSeconds, String found,
			double foundStartSeconds, double foundEndSeconds, double boxIou)
		{
			this.lead = lead;
			this.rhythm = rhythm;
			this.startSeconds = startSeconds;
			this.endSeconds = endSeconds;
			this.found = found;
			this.foundStartSeconds = foundStartSeconds;
			this.foundEndSeconds = foundEndSeconds;
			this.boxIou = boxIou;
		}

		/** The region at its place names the true lead. */
		public boolean named() {
			return found != null && found.equalsIgnoreCase(lead);
		}

		/** The region at its place shows the true time window. */
		public boolean placed() {
			return found != null && windowIou(startSeconds, endSeconds, foundStartSeconds, foundEndSeconds) > SAME_WINDOW;
		}
	}

	/** The true layout and the one found ("" when the page was refused). */
	public final String trueLayout;
	public final String foundLayout;
	public final boolean layoutRight;
	public final List<LeadCheck> leads;

	LayoutCheck(String trueLayout, String foundLayout, boolean layoutRight, List<LeadCheck> leads) {
		this.trueLayout = trueLayout;
		this.foundLayout = foundLayout;
		this.layoutRight = layoutRight;
		this.leads = Collections.unmodifiableList(new ArrayList<>(leads));
	}

	/** True segments whose lead was named right. */
	public int named() {
		int n = 0;
		for (LeadCheck l : leads) if (l.named()) n++;
		return n;
	}

	/**
	 * A layout in words: short rows x columns, then "+k:" and the rhythm strips' leads top to
	 * bottom, then "/same-window" when every column shows the same time window ("3x4+1:II",
	 * "6x2+1:I/same-window", "12x1").
	 */
	static String describe(List<Part> parts) {
		Map<Integer, Boolean> rows = new TreeMap<>(), columns = new TreeMap<>();
		Map<Integer, String> rhythm = new TreeMap<>();
		double firstStart = Double.NaN;
		boolean sameStart = true;
		for (Part p : parts) {
			if (p.rhythm) {
				rhythm.put(p.row, p.lead);
				continue;
			}
			rows.put(p.row, true);
			columns.put(p.column, true);
			if (Double.isNaN(firstStart)) firstStart = p.startSeconds;
			else if (Math.abs(p.startSeconds - firstStart) >= SAME_START_S) sameStart = false;
		}
		StringBuilder sb = new StringBuilder().append(rows.size()).append('x').append(columns.size());
		if (!rhythm.isEmpty()) sb.append('+').append(rhythm.size()).append(':').append(String.join(",", rhythm.values()));
		if (columns.size() > 1 && sameStart) sb.append("/same-window");
		return sb.toString();
	}

	/** Compares what lead detection found on a page with the page's truth. */
	public static LayoutCheck compare(LayoutTruth truth, LeadLayout found) {
		List<Part> parts = new ArrayList<>();
		for (LeadRegion r : found.regions) parts.add(new Part(r.label(), r.rhythm, r.row, r.column, r.startSeconds));
		String foundLayout = describe(parts);
		PageGeometry g = found.geometry;
		Rectifier.Warp warp = g.warp;
		List<LeadCheck> checks = new ArrayList<>();
		Map<LeadRegion, Boolean> used = new IdentityHashMap<>();
		boolean allPlaced = true;
		for (LayoutTruth.Segment s : truth.segments) {
			double[] p = warp.fromSource.apply(s.centerX / g.shrink, s.centerY / g.shrink);
			LeadRegion best = null;
			double bestOverlap = -1;
			for (LeadRegion r : found.regions) {
				if (!r.box.contains(p[0], p[1])) continue;
				double overlap = windowIou(s.startSeconds, s.endSeconds, r.startSeconds, r.endSeconds);
				if (overlap > bestOverlap) {
					best = r;
					bestOverlap = overlap;
				}
			}
			LeadCheck check = best == null ? new LeadCheck(s.lead, s.rhythm, s.startSeconds, s.endSeconds, null, Double.NaN,
				Double.NaN, Double.NaN) : new LeadCheck(s.lead, s.rhythm, s.startSeconds, s.endSeconds, best.label(),
					best.startSeconds, best.endSeconds, boxIou(s.box, inPage(best.box, warp, g.shrink)));
			checks.add(check);
			if (!check.placed() || used.put(best, true) != null) allPlaced = false;
		}
		String trueLayout = truth.layout();
		boolean right = allPlaced && found.regions.size() == truth.segments.size() && foundLayout.equals(trueLayout);
		return new LayoutCheck(trueLayout, foundLayout, right, checks);
	}

	/** A page the digitizer refused: nothing found. */
	public static LayoutCheck refused(LayoutTruth truth) {
		List<LeadCheck> checks = new ArrayList<>();
		for (LayoutTruth.Segment s : truth.segments) {
			checks.add(new LeadCheck(s.lead, s.rhythm, s.startSeconds, s.endSeconds, null, Double.NaN, Double.NaN,
				Double.NaN));
		}
		return new LayoutCheck(truth.layout(), "", false, checks);
	}

	/** A box on the rectified page as the bounds of its corners in the page image. */
	private static Box inPage(Box box, Rectifier.Warp warp, int shrink) {
		double[][] corners = { warp.toSource.apply(box.x, box.y), warp.toSource.apply(box.maxX(), box.y), warp.toSource
			.apply(box.x, box.maxY()), warp.toSource.apply(box.maxX(), box.maxY()) };
		double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (double[] c : corners) {
			x0 = Math.min(x0, c[0] * shrink);
			x1 = Math.max(x1, c[0] * shrink);
			y0 = Math.min(y0, c[1] * shrink);
			y1 = Math.max(y1, c[1] * shrink);
		}
		return Box.fromCorners(x0, y0, x1, y1);
	}

	static double boxIou(Box a, Box b) {
		double w = Math.min(a.maxX(), b.maxX()) - Math.max(a.x, b.x);
		double h = Math.min(a.maxY(), b.maxY()) - Math.max(a.y, b.y);
		if (w <= 0 || h <= 0) return 0;
		double inter = w * h;
		return inter / (a.width * a.height + b.width * b.height - inter);
	}

	static double windowIou(double a0, double a1, double b0, double b1) {
		double inter = Math.min(a1, b1) - Math.max(a0, b0);
		if (inter <= 0) return 0;
		return inter / (Math.max(a1, b1) - Math.min(a0, b0));
	}

	// ------------------------------------------------------------------ JSON

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("true_layout", trueLayout);
		m.put("found_layout", foundLayout);
		m.put("layout_right", layoutRight);
		m.put("leads_named", named());
		m.put("leads_true", leads.size());
		List<Object> list = new ArrayList<>();
		for (LeadCheck l : leads) {
			Map<String, Object> j = new LinkedHashMap<>();
			j.put("lead", l.lead);
			j.put("rhythm", l.rhythm);
			j.put("start_s", l.startSeconds);
			j.put("end_s", l.endSeconds);
			j.put("found", l.found);
			j.put("found_start_s", l.foundStartSeconds);
			j.put("found_end_s", l.foundEndSeconds);
			j.put("box_iou", l.boxIou);
			j.put("named", l.named());
			j.put("placed", l.placed());
			list.add(j);
		}
		m.put("leads", list);
		return m;
	}

	public static LayoutCheck fromJson(Object json) {
		Map<String, Object> m = Json.object(json);
		List<LeadCheck> leads = new ArrayList<>();
		for (Object o : Json.array(m.get("leads"))) {
			Map<String, Object> j = Json.object(o);
			leads.add(new LeadCheck((String) j.get("lead"), Boolean.TRUE.equals(j.get("rhythm")), Json.number(j.get(
				"start_s"), Double.NaN), Json.number(j.get("end_s"), Double.NaN), (String) j.get("found"), Json.number(j
					.get("found_start_s"), Double.NaN), Json.number(j.get("found_end_s"), Double.NaN), Json.number(j.get(
						"box_iou"), Double.NaN)));
		}
		return new LayoutCheck((String) m.get("true_layout"), (String) m.get("found_layout"), Boolean.TRUE.equals(m.get(
			"layout_right")), leads);
	}

	/** "found 3x4+3:V1,V3,V5, true 12x1+1:I; 4 of 13 leads named". */
	public String summary() {
		return String.format(Locale.ROOT, "found %s, true %s; %d of %d leads named", foundLayout.isEmpty() ? "nothing"
			: foundLayout, trueLayout, named(), leads.size());
	}
}
