package org.ecgdigitizer.command;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.signal.SignalBuilder;
import org.ecgdigitizer.core.trace.Trace;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

/**
 * The lead boxes and traced paths of a page as overlay ROIs that users can move, resize, delete,
 * add and edit, and back.
 *
 * <ul>
 * <li>A <b>lead box</b> is a rectangle named after its lead ("V1", "-aVR" when printed inverted).
 * Its properties hold the rest of the {@link LeadRegion}: {@code start_s}, {@code end_s},
 * {@code baseline_y} (image row of 0 mV), {@code row}, {@code column}, {@code rhythm},
 * {@code confidence}, {@code label_box}, {@code label_text} (the printed name as read), and {@code box}, the
 * rectangle as it was drawn. A box that
 * was moved carries its time window and baseline along; one that was resized changes its time
 * window with its left and right edges and keeps its baseline. A new rectangle named after a lead
 * gets what it lacks from the page's layout: the template's time window for that lead when the
 * rectangle covers most of it (else the window under the rectangle), and the baseline of the
 * printed row it lies in.</li>
 * <li>A <b>traced path</b> is a polyline (segmented, freehand or straight line) named after its
 * lead, belonging to the box of that lead that holds most of its vertices. Paths made by Extract
 * Traces carry their exact values ({@code trace_y} from column {@code trace_from}); once a vertex
 * is moved, the polyline itself counts, resampled at each pixel column. A path has a vertex where the
 * trace turns, not at every column (a straight stretch is one segment, within a quarter pixel), so
 * that it is easy to edit. Where paths of one box
 * overlap, the later one in the overlay wins; columns no path covers are gaps. Gaps longer than
 * the digitizer bridges (0.02 s) split a trace into several paths.</li>
 * <li>Calibration pulses ("pulse 1") are drawn for reference only; editing them changes nothing.
 * The areas of the printed lead labels, which are kept out of the traces, are the boxes'
 * {@code label_box} property.</li>
 * </ul>
 *
 * <p>ImageJ's area ROIs put integer coordinates on pixel corners, like the core; its line ROIs put
 * them on pixel centres, so path vertices sit half a pixel up and left of the core's values.</p>
 */
public final class LeadRois {

	/** ROI property naming what the digitizer drew: {@link #LEAD}, {@link #TRACE} or {@link #PULSE}. */
	public static final String KIND = "ecg";
	public static final String LEAD = "lead";
	public static final String TRACE = "trace";
	public static final String PULSE = "pulse";
	/** Paths keep a vertex wherever dropping it would move the line by more than this (pixels). */
	static final double PATH_TOLERANCE = 0.25;

	/** Movements smaller than this (pixels) are float rounding, not edits. */
	static final double SAME = 1e-3;

	private LeadRois() {}

	/** What the overlay says: the layout with the boxes as they are now, and the paths traced in them. */
	public static final class Reading {
		public final LeadLayout layout;
		/** One per box that has a path (or had one); in the order of the layout's regions. */
		public final List<Trace> traces;
		/** Boxes without a path, paths outside every box of their lead. */
		public final List<String> warnings;

		Reading(LeadLayout layout, List<Trace> traces, List<String> warnings) {
			this.layout = layout;
			this.traces = traces;
			this.warnings = warnings;
		}
	}

	// -- writing --

	/** Replaces the digitizer's ROIs on the page by the layout's lead boxes, pulses and label areas. */
	public static void showLayout(ImagePlus page, LeadLayout layout) {
		show(page, layout, null);
	}

	/** Replaces the digitizer's ROIs on the page by the lead boxes and the paths traced in them (one trace per region). */
	public static void showTraced(ImagePlus page, LeadLayout layout, List<Trace> traces) {
		if (traces.size() != layout.regions.size()) {
			throw new IllegalArgumentException(traces.size() + " traces for " + layout.regions.size() + " regions");
		}
		show(page, layout, traces);
	}

	private static void show(ImagePlus page, LeadLayout layout, List<Trace> traces) {
		Overlay overlay = new Overlay();
		Overlay old = page.getOverlay();
		if (old != null) {
			// the user's own ROIs stay
			for (Roi roi : old.toArray()) if (!isDigitizers(roi)) overlay.add(roi);
		}
		if (page.getRoi() != null && isDigitizers(page.getRoi())) page.deleteRoi();
		for (CalibrationPulse p : layout.pulses) overlay.add(pulseRoi(p));
		for (int i = 0; i < layout.regions.size(); i++) {
			LeadRegion r = layout.regions.get(i);
			Trace trace = traces == null ? null : traces.get(i);
			List<Roi> paths = trace == null ? List.of() : pathRois(trace, layout);
			overlay.add(boxRoi(r, trace, paths.size()));
			for (Roi path : paths) overlay.add(path);
		}
		// The boxes show their names until there are paths: ImageJ would name every path too, over
		// its box's name. The colours tell the leads apart, the ROI list names them.
		overlay.drawNames(traces == null);
		overlay.drawLabels(traces == null);
		overlay.setLabelColor(new Color(40, 40, 40));
		// names 3 mm tall, growing with the zoom like the page's own text
		overlay.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(9, Math.round(3 *
			layout.geometry.pxPerMmY))), true);
		page.setOverlay(overlay);
	}

	private static Color colour(Lead lead, int alpha) {
		Color c = Overlays.LEAD_COLOURS[lead.ordinal()];
		return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
	}

	/** The box of one region, carrying the region and, when traced, the trace's frame. */
	static Roi boxRoi(LeadRegion r, Trace trace, int pieces) {
		Roi roi = new Roi(r.box.x, r.box.y, r.box.width, r.box.height);
		roi.setName(r.label());
		roi.setStrokeColor(colour(r.lead, 230));
		roi.setUnscalableStrokeWidth(1.5);
		roi.setProperty(KIND, LEAD);
		roi.setProperty("lead", r.label());
		roi.setProperty("row", Integer.toString(r.row));
		roi.setProperty("column", Integer.toString(r.column));
		roi.setProperty("rhythm", Boolean.toString(r.rhythm));
		roi.setProperty("start_s", Json.number(r.startSeconds));
		roi.setProperty("end_s", Json.number(r.endSeconds));
		if (r.pageOffsetSeconds != 0) roi.setProperty("page_offset_s", Json.number(r.pageOffsetSeconds));
		roi.setProperty("baseline_y", Json.number(r.baselineY));
		roi.setProperty("confidence", Json.number(r.confidence));
		roi.setProperty("box", Json.writeCompact(r.box.toJson()));
		if (r.labelBox != null) roi.setProperty("label_box", Json.writeCompact(r.labelBox.toJson()));
		if (r.labelText != null) roi.setProperty("label_text", r.labelText);
		if (trace != null) {
			roi.setProperty("trace_x0", Integer.toString(trace.x0));
			roi.setProperty("trace_length", Integer.toString(trace.ys.length));
			roi.setProperty("trace_confidence", Json.number(trace.confidence));
			roi.setProperty("trace_paths", Integer.toString(pieces));
			// the path within columns, which the polylines (one vertex per column) cannot hold
			if (trace.fine != null) roi.setProperty("trace_fine", Json.writeCompact(trace.fine));
		}
		return roi;
	}

	private static Roi pulseRoi(CalibrationPulse p) {
		Roi roi = new Roi(p.box.x, p.box.y, p.box.width, p.box.height);
		roi.setName("pulse " + (p.row + 1));
		roi.setStrokeColor(new Color(0, 160, 0, 220));
		roi.setProperty(KIND, PULSE);
		roi.setProperty("height_mm", Json.number(p.heightMm));
		roi.setProperty("width_mm", Json.number(p.widthMm));
		return roi;
	}

	/**
	 * A trace as polylines: one per stretch without a gap longer than the digitizer bridges, so that
	 * an edited path bridges only what the unedited trace would have. A stretch of one column is a
	 * polyline of two equal vertices.
	 */
	static List<Roi> pathRois(Trace trace, LeadLayout layout) {
		double[] ys = trace.ys;
		int maxGap = SignalBuilder.maxBridgedGapPx(layout);
		List<Roi> rois = new ArrayList<>();
		int i = 0;
		while (i < ys.length) {
			if (Double.isNaN(ys[i])) {
				i++;
				continue;
			}
			int start = i;
			int last = i;
			for (int k = i + 1; k < ys.length && k - last - 1 <= maxGap; k++) {
				if (!Double.isNaN(ys[k])) last = k;
			}
			rois.add(pathRoi(trace, start, last));
			i = last + 1;
		}
		return rois;
	}

	/** The polyline through columns [first, last] of a trace. */
	private static Roi pathRoi(Trace trace, int first, int last) {
		float[][] v = vertices(trace.x0 + first, Arrays.copyOfRange(trace.ys, first, last + 1));
		PolygonRoi roi = new PolygonRoi(v[0], v[1], v[0].length, Roi.POLYLINE);
		roi.setName(trace.region.label());
		roi.setStrokeColor(colour(trace.region.lead, 255));
		roi.setUnscalableStrokeWidth(1);
		roi.setProperty(KIND, TRACE);
		roi.setProperty("trace_from", Integer.toString(trace.x0 + first));
		roi.setProperty("trace_y", Json.writeCompact(Arrays.copyOfRange(trace.ys, first, last + 1)));
		return roi;
	}

	/**
	 * Polyline vertices for trace values starting at column {@code from}, in ImageJ's line
	 * coordinates: the finite values, thinned to those needed to stay within
	 * {@link #PATH_TOLERANCE} of every value. A single value gives two equal vertices.
	 */
	private static float[][] vertices(int from, double[] ys) {
		int n = 0;
		for (double y : ys) if (!Double.isNaN(y)) n++;
		int[] columns = new int[n];
		int v = 0;
		for (int c = 0; c < ys.length; c++) if (!Double.isNaN(ys[c])) columns[v++] = c;
		boolean[] keep = new boolean[n];
		if (n > 0) {
			keep[0] = true;
			keep[n - 1] = true;
			thin(columns, ys, 0, n - 1, keep);
		}
		int kept = 0;
		for (boolean k : keep) if (k) kept++;
		float[] px = new float[Math.max(2, kept)];
		float[] py = new float[px.length];
		v = 0;
		for (int i = 0; i < n; i++) {
			if (!keep[i]) continue;
			px[v] = from + columns[i];
			py[v] = (float) (ys[columns[i]] - 0.5);
			v++;
		}
		if (kept == 1) {
			px[1] = px[0];
			py[1] = py[0];
		}
		return new float[][] { px, py };
	}

	/**
	 * Douglas-Peucker on the vertical distance, the one that matters when the path is read back
	 * column by column: keeps the value farthest from the chord between two kept values while it
	 * is farther than the tolerance.
	 */
	private static void thin(int[] columns, double[] ys, int first, int last, boolean[] keep) {
		java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
		todo.push(new int[] { first, last });
		while (!todo.isEmpty()) {
			int[] span = todo.pop();
			int a = span[0];
			int b = span[1];
			if (b - a < 2) continue;
			double xa = columns[a];
			double ya = ys[columns[a]];
			double slope = (ys[columns[b]] - ya) / (columns[b] - xa);
			int worst = -1;
			double worstDistance = PATH_TOLERANCE;
			for (int i = a + 1; i < b; i++) {
				double d = Math.abs(ys[columns[i]] - (ya + slope * (columns[i] - xa)));
				if (d > worstDistance) {
					worstDistance = d;
					worst = i;
				}
			}
			if (worst < 0) continue;
			keep[worst] = true;
			todo.push(new int[] { a, worst });
			todo.push(new int[] { worst, b });
		}
	}

	// -- reading --

	/** True for everything the digitizer draws and reads: its own ROIs and lead-named boxes and paths. */
	static boolean isDigitizers(Roi roi) {
		return roi.getProperty(KIND) != null || isLeadBox(roi) || isPath(roi);
	}

	static boolean isLeadBox(Roi roi) {
		if (roi.getType() != Roi.RECTANGLE || roi.getCornerDiameter() > 0) return false;
		if (roi.getClass() != Roi.class) return false; // text, image and other rectangles
		String kind = roi.getProperty(KIND);
		return LEAD.equals(kind) || kind == null && leadName(roi.getName()) != null;
	}

	static boolean isPath(Roi roi) {
		int t = roi.getType();
		if (t != Roi.LINE && t != Roi.POLYLINE && t != Roi.FREELINE) return false;
		String kind = roi.getProperty(KIND);
		return TRACE.equals(kind) || kind == null && leadName(roi.getName()) != null;
	}

	/** The lead of a name like "V1" or "-aVR", or null. */
	static Lead leadName(String name) {
		if (name == null) return null;
		String s = name.trim();
		return Lead.parse(s.startsWith("-") ? s.substring(1) : s);
	}

	/** The ROIs to read: the overlay's, with the selection in place of the overlay ROI it is an edited copy of. */
	static List<Roi> currentRois(ImagePlus page) {
		List<Roi> rois = new ArrayList<>();
		Overlay overlay = page.getOverlay();
		if (overlay != null) rois.addAll(Arrays.asList(overlay.toArray()));
		Roi selection = page.getRoi();
		if (selection != null && !rois.contains(selection) && (isLeadBox(selection) || isPath(selection))) {
			int replaced = -1;
			for (int i = 0; i < rois.size() && replaced < 0; i++) {
				Roi r = rois.get(i);
				if (r.getProperty(KIND) != null && r.getType() == selection.getType() && String.valueOf(r.getName())
					.equals(selection.getName()) && String.valueOf(r.getProperties()).equals(selection.getProperties()))
				{
					replaced = i;
				}
			}
			if (replaced >= 0) rois.set(replaced, selection);
			else rois.add(selection);
		}
		return rois;
	}

	/**
	 * The page's lead boxes and paths as the user left them.
	 *
	 * @param stored the layout stored on the page: everything but the regions comes from it, and new
	 *        boxes take their defaults from it
	 */
	public static Reading read(ImagePlus page, LeadLayout stored) {
		List<Roi> rois = currentRois(page);
		List<Roi> boxes = new ArrayList<>();
		List<LeadRegion> regions = new ArrayList<>();
		for (Roi roi : rois) {
			if (!isLeadBox(roi)) continue;
			boxes.add(roi);
			regions.add(region(roi, stored));
		}
		if (regions.isEmpty()) {
			throw new EcgException("'" + page.getTitle() + "' has no lead boxes; run Detect Leads, or draw " +
				"rectangles named after their leads (I, II, ... V6) and add them to the overlay");
		}
		LeadLayout layout = stored.withRegions(regions);
		List<String> warnings = new ArrayList<>();
		List<List<Roi>> paths = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) paths.add(new ArrayList<>());
		for (Roi roi : rois) {
			if (!isPath(roi)) continue;
			int owner = owner(roi, regions);
			if (owner < 0) {
				warnings.add("path '" + roi.getName() + "' lies outside every " + roi.getName() + " box; draw a box " +
					"named " + roi.getName() + " around it; the path was ignored");
			}
			else {
				paths.get(owner).add(roi);
			}
		}
		List<Trace> traces = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			Trace t = trace(regions.get(i), boxes.get(i), paths.get(i));
			if (t != null) traces.add(t);
			else warnings.add(regions.get(i).label() + " (row " + (regions.get(i).row + 1) + ") has a box but no " +
				"traced path; run Extract Traces again, or draw a polyline named " + regions.get(i).label() + " in it");
		}
		return new Reading(layout, traces, warnings);
	}

	/** The region of a lead box. */
	static LeadRegion region(Roi roi, LeadLayout stored) {
		String name = roi.getName();
		Lead lead = leadName(name);
		if (lead == null) {
			throw new EcgException("lead box '" + name + "' is not named after a lead; rename it to one of " + Lead
				.standardLabels() + " (with '-' in front when printed inverted) or delete it");
		}
		boolean inverted = name.trim().startsWith("-");
		Rectangle2D.Double b = roi.getFloatBounds();
		Box now = new Box(b.x, b.y, b.width, b.height);
		LeadRegion defaults = null;
		String drawn = roi.getProperty("box");
		Box before = drawn == null ? null : boxProperty(roi, "box");
		if (roi.getProperty("start_s") == null || roi.getProperty("end_s") == null || roi.getProperty(
			"baseline_y") == null || roi.getProperty("row") == null)
		{
			defaults = defaults(lead, inverted, before == null ? now : before, stored);
		}
		double start = number(roi, "start_s", defaults == null ? 0 : defaults.startSeconds);
		double end = number(roi, "end_s", defaults == null ? 0 : defaults.endSeconds);
		double baseline = number(roi, "baseline_y", defaults == null ? 0 : defaults.baselineY);
		double offset = number(roi, "page_offset_s", defaults == null ? 0 : defaults.pageOffsetSeconds);
		int row = (int) number(roi, "row", defaults == null ? 0 : defaults.row);
		int column = (int) number(roi, "column", defaults == null ? 0 : defaults.column);
		String rhythmText = roi.getProperty("rhythm");
		boolean rhythm = rhythmText != null ? Boolean.parseBoolean(rhythmText.trim()) : defaults != null &&
			defaults.rhythm;
		double confidence = number(roi, "confidence", 1);
		Box labelBox = roi.getProperty("label_box") == null ? null : boxProperty(roi, "label_box");
		Box box = now;
		if (before != null) {
			if (same(now, before)) {
				// not moved: keep the exact numbers the box was drawn from
				box = before;
			}
			else {
				double pxPerSecond = stored.pxPerSecond();
				double dxLeft = now.x - before.x;
				double dxRight = now.maxX() - before.maxX();
				double dyTop = now.y - before.y;
				double dyBottom = now.maxY() - before.maxY();
				start += dxLeft / pxPerSecond;
				end += dxRight / pxPerSecond;
				boolean translated = Math.abs(dyTop - dyBottom) < SAME && Math.abs(dxLeft - dxRight) < SAME;
				if (Math.abs(dyTop - dyBottom) < SAME) baseline += dyTop;
				else baseline = Math.max(now.y, Math.min(now.maxY(), baseline));
				if (translated && labelBox != null) {
					labelBox = new Box(labelBox.x + dxLeft, labelBox.y + dyTop, labelBox.width, labelBox.height);
				}
				// placed by the user
				confidence = 1;
			}
		}
		if (!(end > start)) {
			throw new EcgException(String.format(Locale.ROOT, "lead box '%s' shows no time (%.3f to %.3f s); widen " +
				"it or fix its start_s and end_s", name, start, end));
		}
		return new LeadRegion(lead, inverted, row, column, rhythm, start, end, box, baseline, labelBox, roi.getProperty(
			"label_text"), confidence, offset);
	}

	/**
	 * What a new box for a lead gets from the layout: the template's window for that lead when the box
	 * covers more than half of it, else the times under the box; the row and baseline of the printed
	 * row its middle lies in (from the other boxes, else the calibration pulses, else its own middle).
	 */
	static LeadRegion defaults(Lead lead, boolean inverted, Box box, LeadLayout stored) {
		double pps = stored.pxPerSecond();
		double page = stored.pageSeconds;
		double t0 = clamp((box.x - stored.x0) / pps, 0, page);
		double t1 = clamp((box.maxX() - stored.x0) / pps, 0, page);
		boolean rhythm = t1 - t0 > 0.6 * page;
		PageLayout template = stored.layout;
		int columns = template.columnCount();
		PageLayout.Cell cell = null;
		double best = 0;
		double offset = 0;
		for (PageLayout.Cell c : template.cells()) {
			if (c.lead != lead || c.rhythm != rhythm) continue;
			double c0 = c.startFraction(columns) * page;
			double c1 = c.endFraction(columns) * page;
			double overlap = Math.min(t1, c1) - Math.max(t0, c0);
			if (overlap > 0.5 * (c1 - c0) && overlap > best) {
				best = overlap;
				cell = c;
			}
		}
		int row = cell != null ? cell.row : 0;
		int column = cell != null ? cell.column : (int) Math.min(columns - 1, Math.floor(t0 / page * columns));
		if (cell != null) {
			// the cell's record window, drawn where its column is
			t0 = cell.windowStart * page;
			t1 = cell.windowEnd * page;
			offset = cell.startFraction(columns) * page - t0;
		}
		double cy = box.centerY();
		double cx = box.centerX();
		double baseline = Double.NaN;
		// the zero line of the segment it was drawn over, else of the row its middle lies in
		for (boolean over : new boolean[] { true, false }) {
			for (LeadRegion r : stored.regions) {
				if (!Double.isNaN(baseline) || cy < r.box.y || cy > r.box.maxY()) continue;
				if (over && (cx < r.box.x || cx > r.box.maxX())) continue;
				baseline = r.baselineY;
				row = r.row;
			}
		}
		if (Double.isNaN(baseline)) {
			for (CalibrationPulse p : stored.pulses) {
				if (cy >= p.box.y - p.box.height && cy <= p.footY + p.box.height) {
					baseline = p.footY;
					row = p.row;
					break;
				}
			}
		}
		if (Double.isNaN(baseline)) baseline = cy;
		return new LeadRegion(lead, inverted, row, column, rhythm, t0, t1, box, baseline, null, null, 1, offset);
	}

	/**
	 * Which box a path belongs to: among the boxes of its lead, the one holding most of its vertices
	 * (boxes reach half their height above and below, as tall complexes do); -1 if none.
	 */
	static int owner(Roi path, List<LeadRegion> regions) {
		Lead lead = leadName(path.getName());
		FloatPolygon v = vertices(path);
		int best = -1;
		int bestCount = 0;
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (r.lead != lead) continue;
			// as far as the trace extractor searched, its whole pixels included
			Box reach = r.box.grow(1, r.box.height / 2 + 1);
			int count = 0;
			for (int k = 0; k < v.npoints; k++) if (reach.contains(v.xpoints[k] + 0.5, v.ypoints[k] + 0.5)) count++;
			if (count > bestCount) {
				bestCount = count;
				best = i;
			}
		}
		return best;
	}

	/** The trace of one box from its paths, or null when it never had any. */
	static Trace trace(LeadRegion region, Roi box, List<Roi> paths) {
		String x0Text = box.getProperty("trace_x0");
		int storedX0 = x0Text == null ? 0 : (int) number(box, "trace_x0", 0);
		int storedLength = x0Text == null ? 0 : (int) number(box, "trace_length", 0);
		double storedConfidence = number(box, "trace_confidence", 0);
		int storedPaths = (int) number(box, "trace_paths", -1);
		if (paths.isEmpty()) {
			if (x0Text == null) return null;
			double[] ys = new double[storedLength];
			Arrays.fill(ys, Double.NaN);
			// paths the user deleted leave nothing to trust
			return new Trace(region, storedX0, ys, storedPaths == 0 ? storedConfidence : 0);
		}
		List<double[]> exact = new ArrayList<>();
		boolean allExact = x0Text != null;
		for (Roi p : paths) {
			double[] e = exactValues(p);
			exact.add(e);
			if (e == null) allExact = false;
		}
		int x0;
		int end;
		if (allExact) {
			x0 = storedX0;
			end = storedX0 + storedLength;
		}
		else {
			x0 = (int) Math.floor(region.box.x);
			end = (int) Math.ceil(region.box.maxX());
			for (Roi p : paths) {
				FloatPolygon v = vertices(p);
				for (int k = 0; k < v.npoints; k++) {
					x0 = Math.min(x0, (int) Math.floor(v.xpoints[k]));
					end = Math.max(end, (int) Math.ceil(v.xpoints[k]) + 1);
				}
			}
		}
		double[] ys = new double[Math.max(0, end - x0)];
		Arrays.fill(ys, Double.NaN);
		for (int i = 0; i < paths.size(); i++) {
			Roi p = paths.get(i);
			double[] e = exact.get(i);
			if (e != null) {
				int from = (int) number(p, "trace_from", 0);
				for (int k = 0; k < e.length; k++) {
					int c = from + k - x0;
					if (c >= 0 && c < ys.length && !Double.isNaN(e[k])) ys[c] = e[k];
				}
			}
			else {
				resample(vertices(p), x0, ys);
			}
		}
		double confidence;
		double[] fine = null;
		if (allExact && paths.size() == storedPaths) {
			confidence = storedConfidence;
			fine = storedFine(box, ys.length);
		}
		else {
			// drawn or corrected by the user: as good as the part of the box it covers
			int a = (int) Math.floor(region.box.x);
			int b = (int) Math.ceil(region.box.maxX());
			int covered = 0;
			for (int c = a; c < b; c++) {
				int k = c - x0;
				if (k >= 0 && k < ys.length && !Double.isNaN(ys[k])) covered++;
			}
			confidence = b > a ? covered / (double) (b - a) : 0;
		}
		return new Trace(region, x0, ys, fine, confidence);
	}

	/** The fine path stored with an unedited trace of this many columns; null when there is none. */
	private static double[] storedFine(Roi box, int columns) {
		String text = box.getProperty("trace_fine");
		if (text == null) return null;
		try {
			double[] fine = Json.doubles(Json.parse(text));
			return fine.length == columns * Trace.STEPS ? fine : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** The values a path was made from, when none of its vertices has moved; else null. */
	static double[] exactValues(Roi path) {
		String from = path.getProperty("trace_from");
		String values = path.getProperty("trace_y");
		if (from == null || values == null || path.getType() != Roi.POLYLINE) return null;
		double[] ys;
		int c0;
		try {
			ys = Json.doubles(Json.parse(values));
			c0 = Integer.parseInt(from.trim());
		}
		catch (RuntimeException e) {
			return null;
		}
		float[][] expect = vertices(c0, ys);
		FloatPolygon v = vertices(path);
		if (v.npoints != expect[0].length) return null;
		for (int k = 0; k < v.npoints; k++) {
			if (Math.abs(v.xpoints[k] - expect[0][k]) > SAME || Math.abs(v.ypoints[k] - expect[1][k]) > SAME) return null;
		}
		return ys;
	}

	/** The vertices of a path in ImageJ's line coordinates (pixel centres on integers). */
	static FloatPolygon vertices(Roi path) {
		if (path instanceof Line) return ((Line) path).getFloatPoints();
		return path.getFloatPolygon();
	}

	/** Writes the polyline's height at each pixel column it spans into ys (column x0 first), in core coordinates. */
	static void resample(FloatPolygon v, int x0, double[] ys) {
		boolean[] done = new boolean[ys.length];
		for (int k = 0; k + 1 < v.npoints || k == 0 && v.npoints == 1; k++) {
			double xa = v.xpoints[k];
			double ya = v.ypoints[k];
			double xb = v.npoints > 1 ? v.xpoints[k + 1] : xa;
			double yb = v.npoints > 1 ? v.ypoints[k + 1] : ya;
			int c0 = (int) Math.ceil(Math.min(xa, xb) - 1e-9);
			int c1 = (int) Math.floor(Math.max(xa, xb) + 1e-9);
			for (int c = c0; c <= c1; c++) {
				int i = c - x0;
				if (i < 0 || i >= ys.length || done[i]) continue;
				double y = xb == xa ? ya : ya + (yb - ya) * (c - xa) / (xb - xa);
				ys[i] = y + 0.5;
				done[i] = true;
			}
		}
	}

	private static boolean same(Box a, Box b) {
		return Math.abs(a.x - b.x) < SAME && Math.abs(a.y - b.y) < SAME && Math.abs(a.width - b.width) < SAME && Math
			.abs(a.height - b.height) < SAME;
	}

	private static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	private static double number(Roi roi, String key, double ifAbsent) {
		String v = roi.getProperty(key);
		if (v == null || v.isBlank()) return ifAbsent;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new EcgException("ROI '" + roi.getName() + "': property " + key + " is '" + v + "', not a number; " +
				"fix it (Roi.setProperty) or remove it");
		}
	}

	private static Box boxProperty(Roi roi, String key) {
		String v = roi.getProperty(key);
		try {
			return Box.fromJson(Json.parse(v));
		}
		catch (RuntimeException e) {
			throw new EcgException("ROI '" + roi.getName() + "': property " + key + " is '" + v + "', not [x, y, " +
				"width, height]; fix it or remove it");
		}
	}
}
