package org.ecgdigitizer.core.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.Rectifier;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.ecgdigitizer.core.signal.SignalBuilder;
import org.ecgdigitizer.core.trace.Trace;

/**
 * Digitizes a vector PDF page from its paths, with no pixels in between: the traces are the
 * printer's own polylines, the zero lines the calibration pulses' feet, the scale the PDF's
 * points. It builds the same {@link LeadLayout} and {@link Trace}s the image pipeline does, on a
 * fine pixel frame, so that stage 4 ({@link SignalBuilder}) and every output are shared.
 *
 * <p>Rows are traces at one height; columns start where the rows' traces start together, evenly
 * spaced; a row with one trace across all columns is a rhythm strip. Lead names come from the
 * page's text next to each segment's start, else from the layout's order. Gain and speed come
 * from the pulses (1 mV high, 0.2 s wide), else from text such as "25 mm/s 10 mm/mV", else the
 * usual 10 mm/mV and 25 mm/s.</p>
 */
public final class VectorDigitizer {

	/**
	 * Pixels per page millimetre of the frame the traces are sampled on: 0.05 mm, finer than any
	 * printer draws, and at 25 mm/s one column per 2 ms (a sample at 500 Hz).
	 */
	public static final double PX_PER_MM = 20;
	/** Traces whose middle heights differ by more than this belong to different rows. */
	static final double ROW_GAP_MM = 5;
	/** Trace starts this close are one column start. */
	static final double START_TOLERANCE_MM = 1;
	/** A lead label is looked for this far before and after its segment's start. */
	static final double LABEL_BEFORE_MM = 3;
	static final double LABEL_AFTER_MM = 20;
	private static final double[] GAINS = { 5, 10, 20 };
	private static final double[] SPEEDS = { 25, 50 };
	private static final double PULSE_SECONDS = 0.2;

	private VectorDigitizer() {}

	/** Stages 2 to 4 from the page's paths. Fails with an {@link EcgException} when the paths do not make an ECG layout. */
	public static Digitization digitize(VectorPage page, DigitizerSettings settings, String name) {
		LeadIdentification.Result traced = traces(page, settings);
		return SignalBuilder.build(traced.traces, traced.layout, settings, name);
	}

	/** The lead layout and one trace per lead segment, with names checked against the signals. */
	public static LeadIdentification.Result traces(VectorPage page, DigitizerSettings settings) {
		List<VectorPage.Path> pieces = PathClassifier.traces(page);
		if (pieces.size() < PathClassifier.MIN_TRACES) {
			throw new EcgException("the PDF page draws no ECG traces as paths; it is rendered to pixels instead");
		}
		List<String> warnings = new ArrayList<>();
		double pitch = PathClassifier.gridPitch(page);
		// page mm per paper mm: 1 unless the page was printed scaled (to fit other paper, say)
		double paper = Double.isNaN(pitch) || Math.abs(pitch - 1) < 0.015 ? 1 : pitch;
		if (paper != 1) {
			warnings.add(String.format(Locale.ROOT, "the PDF page is drawn at %.1f%% of full size; scale taken from " +
				"its grid", 100 * paper));
		}
		List<Row> rows = rows(pieces);
		List<VectorPage.Path> pulses = new ArrayList<>();
		for (VectorPage.Path p : page.paths) if (PathClassifier.isPulse(p)) pulses.add(p);
		double rowSpacing = rowSpacing(rows);
		for (Row row : rows) row.baseline(pulses, rowSpacing);

		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
		for (VectorPage.Path p : pieces) {
			x0 = Math.min(x0, p.minX());
			x1 = Math.max(x1, p.maxX());
		}
		double[] columns = columnStarts(rows, x0);
		int c = columns.length;
		double w = c > 1 ? (columns[c - 1] - columns[0]) / (c - 1) : x1 - x0;
		for (int i = 0; i < c; i++) {
			if (Math.abs(columns[i] - (x0 + i * w)) > START_TOLERANCE_MM) {
				throw new EcgException("the PDF page's traces do not start in evenly spaced columns; it is rendered to " +
					"pixels instead");
			}
		}
		int shortRows = 0, rhythmRows = 0;
		for (Row row : rows) {
			row.rhythm = c > 1 && row.spansColumns(x0, w, c);
			if (row.rhythm) rhythmRows++;
			else shortRows++;
		}
		PageLayout.Kind kind = kind(shortRows, c, rhythmRows, settings);

		// gain and speed, in paper millimetres
		double[] speed = speed(pulses, page, paper, settings);
		double[] gain = gain(pulses, page, paper, settings);
		double pageSeconds;
		if (c > 1) {
			pageSeconds = c * w / paper / speed[0];
		}
		else {
			// a polyline of n samples spans n - 1 steps; the page's time window is n steps long
			pageSeconds = (x1 - x0 + medianStep(pieces)) / paper / speed[0];
		}
		double px = PX_PER_MM; // frame pixels per page mm
		double pxPerPaperMm = px * paper;
		double pxPerSecond = pxPerPaperMm * speed[0];

		// segments, their labels, and the layout they make
		List<Segment> segments = new ArrayList<>();
		int rowIndex = 0;
		for (Row row : rows) {
			if (row.rhythm || c == 1) {
				segments.add(new Segment(row, rowIndex, 0, row.pieces, row.rhythm));
			}
			else {
				for (int col = 0; col < c; col++) {
					List<VectorPage.Path> in = new ArrayList<>();
					for (VectorPage.Path p : row.pieces) {
						double mid = (p.minX() + p.maxX()) / 2;
						if (mid >= x0 + col * w && mid < x0 + (col + 1) * w) in.add(p);
					}
					if (!in.isEmpty()) segments.add(new Segment(row, rowIndex, col, in, false));
				}
			}
			rowIndex++;
		}
		int labelled = labels(segments, page.texts, x0, w, c, rowSpacing);
		boolean cabrera = settings.layout != null ? settings.layout.isCabrera() : looksCabrera(segments);
		PageLayout template = PageLayout.of(kind, cabrera, rhythmRows);
		List<Lead> rhythm = new ArrayList<>(template.rhythmLeads());
		int strip = 0;
		for (Segment s : segments) {
			if (!s.rhythm) continue;
			if (s.label != null && strip < rhythm.size()) rhythm.set(strip, s.label);
			strip++;
		}
		PageLayout layout = settings.layout != null ? settings.layout : new PageLayout(kind, cabrera, rhythm);
		boolean byLabels = labelled * 2 >= segments.size();

		int width = (int) Math.ceil(page.widthMm * px), height = (int) Math.ceil(page.heightMm * px);
		PageGeometry geometry = new PageGeometry(pxPerPaperMm, pxPerPaperMm, paper == 1 ? PageGeometry.ScaleSource.PDF
			: PageGeometry.ScaleSource.GRID, 0, PageGeometry.AngleSource.NONE, Rectifier.Warp.rotation(0, width,
				height), 1, null, px * 25.4);
		// the frame is shifted (by under a pixel) to put the first sample on a column centre: when the
		// printer drew a vertex per output sample, samples are then read at vertices, not between them
		double shift = 0.5 - (x0 * px - Math.floor(x0 * px));
		double x0px = x0 * px + shift;
		List<LeadRegion> regions = new ArrayList<>();
		List<Trace> traces = new ArrayList<>();
		for (Segment s : segments) {
			PageLayout.Cell cell = cell(layout, s);
			if (cell == null) continue;
			Lead lead = byLabels && s.label != null ? s.label : cell.lead;
			boolean inverted = byLabels && s.label != null ? s.inverted : cell.inverted;
			double start = s.rhythm || c == 1 ? 0 : s.column * pageSeconds / c;
			double end = s.rhythm || c == 1 ? pageSeconds : (s.column + 1) * pageSeconds / c;
			double baseline = s.row.baseline * px;
			double left = x0px + start * pxPerSecond, right = x0px + end * pxPerSecond;
			Box box = Box.fromCorners(left, baseline - 0.6 * rowSpacing * px, right, baseline + 0.4 * rowSpacing * px);
			Box labelBox = s.labelText == null ? null : Box.fromCorners(s.labelText.x * px, (s.labelText.y - s.labelText
				.sizeMm * 0.75) * px, s.labelText.endX * px, s.labelText.y * px);
			LeadRegion region = new LeadRegion(lead, inverted, s.rowIndex, s.column, s.rhythm, start, end, box,
				baseline, labelBox, s.labelText == null ? null : s.labelText.text, 1);
			regions.add(region);
			traces.add(sample(region, s.pieces, left, right, shift));
		}
		List<CalibrationPulse> found = new ArrayList<>();
		for (VectorPage.Path p : pulses) {
			Row row = nearest(rows, p.maxY());
			if (row == null || Math.abs(row.baseline - p.maxY()) > 0.5) continue;
			found.add(new CalibrationPulse(rows.indexOf(row), Box.fromCorners(p.minX() * px, p.minY() * px, p.maxX() * px,
				p.maxY() * px), p.maxY() * px, (p.maxY() - p.minY()) * px, PathClassifier.topWidth(p) * px, pxPerPaperMm,
				pxPerPaperMm));
		}
		warnings.add("digitized from the PDF's vector paths");
		LeadLayout leadLayout = new LeadLayout(layout, settings.layout != null ? "user" : "vector", regions, speed[0],
			speed[1] == 0 ? "default" : speed[1] == 1 ? "pulse" : speed[1] == 2 ? "text" : "user", gain[0], gain[1] == 0
				? "default" : gain[1] == 1 ? "pulse" : gain[1] == 2 ? "text" : "user", pageSeconds, x0px, x0px +
					pageSeconds * pxPerSecond, found, byLabels ? "labels" : "template", geometry, warnings);
		return LeadIdentification.identify(leadLayout, traces);
	}

	// ------------------------------------------------------------------ rows and columns

	/** Traces at one height. */
	static final class Row {
		final List<VectorPage.Path> pieces = new ArrayList<>();
		double middle;
		double baseline;
		boolean rhythm;

		/** The zero line: the foot of a pulse printed at the row's start, else the row's median height. */
		void baseline(List<VectorPage.Path> pulses, double spacing) {
			double left = Double.POSITIVE_INFINITY;
			for (VectorPage.Path p : pieces) left = Math.min(left, p.minX());
			VectorPage.Path best = null;
			for (VectorPage.Path p : pulses) {
				if (p.maxX() > left + START_TOLERANCE_MM || Math.abs(p.maxY() - middle) > 0.45 * spacing) continue;
				if (best == null || Math.abs(p.maxY() - middle) < Math.abs(best.maxY() - middle)) best = p;
			}
			if (best != null) {
				baseline = best.maxY();
				return;
			}
			List<Double> ys = new ArrayList<>();
			for (VectorPage.Path p : pieces) for (double y : p.y) ys.add(y);
			baseline = Median.of(ys);
		}

		/** A single trace from the first column into the last: a rhythm strip. */
		boolean spansColumns(double x0, double w, int columns) {
			double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
			for (VectorPage.Path p : pieces) {
				min = Math.min(min, p.minX());
				max = Math.max(max, p.maxX());
				// a trace starting at an inner column start is a short segment
				for (int c = 1; c < columns; c++) if (Math.abs(p.minX() - (x0 + c * w)) < START_TOLERANCE_MM) return false;
			}
			return min < x0 + START_TOLERANCE_MM && max > x0 + (columns - 1) * w + START_TOLERANCE_MM;
		}
	}

	static List<Row> rows(List<VectorPage.Path> pieces) {
		List<VectorPage.Path> sorted = new ArrayList<>(pieces);
		sorted.sort(Comparator.comparingDouble(VectorDigitizer::middle));
		List<Row> rows = new ArrayList<>();
		Row row = null;
		double last = Double.NEGATIVE_INFINITY;
		for (VectorPage.Path p : sorted) {
			double m = middle(p);
			if (row == null || m - last > ROW_GAP_MM) {
				row = new Row();
				rows.add(row);
			}
			row.pieces.add(p);
			last = m;
		}
		for (Row r : rows) {
			List<Double> ms = new ArrayList<>();
			for (VectorPage.Path p : r.pieces) ms.add(middle(p));
			r.middle = Median.of(ms);
			r.pieces.sort(Comparator.comparingDouble(VectorPage.Path::minX));
		}
		return rows;
	}

	private static double middle(VectorPage.Path p) {
		double[] y = p.y.clone();
		Arrays.sort(y);
		return y[y.length / 2];
	}

	static double rowSpacing(List<Row> rows) {
		if (rows.size() < 2) return 20;
		List<Double> gaps = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) gaps.add(rows.get(i).middle - rows.get(i - 1).middle);
		return Median.of(gaps);
	}

	/**
	 * The column starts: trace starts shared by at least two rows (or, on a page of one row, the
	 * row's start), the leftmost first.
	 */
	static double[] columnStarts(List<Row> rows, double x0) {
		List<double[]> clusters = new ArrayList<>(); // x, rows seen
		for (Row row : rows) {
			Set<Integer> seen = new HashSet<>();
			for (VectorPage.Path p : row.pieces) {
				double s = p.minX();
				int found = -1;
				for (int i = 0; i < clusters.size(); i++) if (Math.abs(clusters.get(i)[0] - s) < START_TOLERANCE_MM) found = i;
				if (found < 0) {
					clusters.add(new double[] { s, 0 });
					found = clusters.size() - 1;
				}
				if (seen.add(found)) clusters.get(found)[1]++;
			}
		}
		int needed = Math.min(2, rows.size());
		List<Double> starts = new ArrayList<>();
		for (double[] cl : clusters) if (cl[1] >= needed || Math.abs(cl[0] - x0) < START_TOLERANCE_MM) starts.add(cl[0]);
		starts.sort(null);
		// the first column starts at the page's first trace
		if (starts.isEmpty() || Math.abs(starts.get(0) - x0) >= START_TOLERANCE_MM) starts.add(0, x0);
		return starts.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static PageLayout.Kind kind(int shortRows, int columns, int rhythmRows, DigitizerSettings settings) {
		PageLayout.Kind found = null;
		for (PageLayout.Kind k : PageLayout.Kind.values()) {
			if (k != PageLayout.Kind.FREE && k.columns == columns && k.rows == shortRows && rhythmRows <= 3) found = k;
		}
		if (settings.layout != null) {
			PageLayout.Kind k = settings.layout.kind();
			if (found != k || settings.layout.rhythmLeads().size() != rhythmRows) {
				throw new EcgException(String.format(Locale.ROOT, "the PDF page draws %d rows of %d columns and %d " +
					"rhythm strip(s), not the %s layout asked for; use --layout auto", shortRows, columns, rhythmRows,
					settings.layout.spec()));
			}
		}
		if (found == null) {
			throw new EcgException(String.format(Locale.ROOT, "the PDF page draws %d rows of %d columns and %d rhythm " +
				"strip(s), which is not a layout the vector reader knows; it is rendered to pixels instead", shortRows,
				columns, rhythmRows));
		}
		return found;
	}

	private static PageLayout.Cell cell(PageLayout layout, Segment s) {
		for (PageLayout.Cell cell : layout.cells()) {
			if (s.rhythm) {
				if (cell.rhythm && cell.row == s.rowIndex) return cell;
			}
			else if (!cell.rhythm && cell.row == s.rowIndex && cell.column == s.column) {
				return cell;
			}
		}
		return null;
	}

	private static Row nearest(List<Row> rows, double y) {
		Row best = null;
		for (Row r : rows) if (best == null || Math.abs(r.baseline - y) < Math.abs(best.baseline - y)) best = r;
		return best;
	}

	// ------------------------------------------------------------------ segments and their names

	static final class Segment {
		final Row row;
		final int rowIndex;
		final int column;
		final List<VectorPage.Path> pieces;
		final boolean rhythm;
		Lead label;
		boolean inverted;
		VectorPage.Text labelText;

		Segment(Row row, int rowIndex, int column, List<VectorPage.Path> pieces, boolean rhythm) {
			this.row = row;
			this.rowIndex = rowIndex;
			this.column = column;
			this.pieces = pieces;
			this.rhythm = rhythm;
		}

		double start() {
			return pieces.get(0).minX();
		}
	}

	/** Names segments after the lead names printed next to their starts; returns how many were named. */
	static int labels(List<Segment> segments, List<VectorPage.Text> texts, double x0, double w, int columns,
		double rowSpacing)
	{
		Set<VectorPage.Text> used = new HashSet<>();
		int named = 0;
		for (Segment s : segments) {
			double start = s.rhythm || columns == 1 ? x0 : x0 + s.column * w;
			VectorPage.Text best = null;
			for (VectorPage.Text t : texts) {
				if (used.contains(t) || leadOf(t.text) == null) continue;
				if (t.x < start - LABEL_BEFORE_MM || t.x > start + LABEL_AFTER_MM) continue;
				if (Math.abs(t.y - s.row.baseline) > 0.6 * rowSpacing) continue;
				if (best == null || distance(t, start, s.row.baseline) < distance(best, start, s.row.baseline)) best = t;
			}
			if (best == null) continue;
			used.add(best);
			s.labelText = best;
			s.label = leadOf(best.text);
			s.inverted = best.text.trim().startsWith("-");
			named++;
		}
		return named;
	}

	private static double distance(VectorPage.Text t, double x, double y) {
		return Math.hypot(t.x - x, t.y - y);
	}

	private static Lead leadOf(String text) {
		String s = text.trim();
		if (s.startsWith("-")) s = s.substring(1);
		return Lead.parse(s);
	}

	/** Cabrera pages print -aVR, and aVL first. */
	private static boolean looksCabrera(List<Segment> segments) {
		for (Segment s : segments) {
			if (s.label == Lead.AVR && s.inverted) return true;
			if (s.rowIndex == 0 && s.column == 0 && s.label == Lead.AVL) return true;
		}
		return false;
	}

	// ------------------------------------------------------------------ calibration

	/** Paper speed and its source (0 default, 1 pulse, 2 text, 3 user). */
	private static double[] speed(List<VectorPage.Path> pulses, VectorPage page, double paper, DigitizerSettings s) {
		if (!Double.isNaN(s.speedMmPerS)) return new double[] { s.speedMmPerS, 3 };
		List<Double> widths = new ArrayList<>();
		for (VectorPage.Path p : pulses) widths.add(PathClassifier.topWidth(p) / paper / PULSE_SECONDS);
		double fromPulse = widths.isEmpty() ? Double.NaN : standard(Median.of(widths), SPEEDS);
		if (!Double.isNaN(fromPulse)) return new double[] { fromPulse, 1 };
		double fromText = fromText(page, "mm/s", SPEEDS);
		if (!Double.isNaN(fromText)) return new double[] { fromText, 2 };
		return new double[] { 25, 0 };
	}

	/** Gain and its source (0 default, 1 pulse, 2 text, 3 user). */
	private static double[] gain(List<VectorPage.Path> pulses, VectorPage page, double paper, DigitizerSettings s) {
		if (!Double.isNaN(s.gainMmPerMv)) return new double[] { s.gainMmPerMv, 3 };
		List<Double> heights = new ArrayList<>();
		for (VectorPage.Path p : pulses) heights.add((p.maxY() - p.minY()) / paper);
		double fromPulse = heights.isEmpty() ? Double.NaN : standard(Median.of(heights), GAINS);
		if (!Double.isNaN(fromPulse)) return new double[] { fromPulse, 1 };
		double fromText = fromText(page, "mm/mv", GAINS);
		if (!Double.isNaN(fromText)) return new double[] { fromText, 2 };
		return new double[] { 10, 0 };
	}

	/** The standard value within 15% of v, or NaN. */
	private static double standard(double v, double[] values) {
		for (double s : values) if (Math.abs(v / s - 1) < 0.15) return s;
		return Double.NaN;
	}

	/** A number printed before a unit ("25 mm/s"), when it is a standard value. */
	private static double fromText(VectorPage page, String unit, double[] values) {
		StringBuilder all = new StringBuilder();
		for (VectorPage.Text t : page.texts) all.append(t.text).append(' ');
		Matcher m = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*" + Pattern.quote(unit) + "(?![a-z])").matcher(all.toString()
			.toLowerCase(Locale.ROOT));
		while (m.find()) {
			double v = standard(Double.parseDouble(m.group(1).replace(',', '.')), values);
			if (!Double.isNaN(v)) return v;
		}
		return Double.NaN;
	}

	// ------------------------------------------------------------------ sampling

	/** The pieces sampled at the frame's column centres from left to right (page mm to frame pixels). */
	static Trace sample(LeadRegion region, List<VectorPage.Path> pieces, double left, double right, double shift) {
		int first = (int) Math.floor(left);
		int n = Math.max(1, (int) Math.ceil(right) - first);
		double[] ys = new double[n];
		Arrays.fill(ys, Double.NaN);
		double px = PX_PER_MM;
		for (VectorPage.Path p : pieces) {
			for (int i = 1; i < p.size(); i++) {
				double xa = p.x[i - 1] * px + shift, xb = p.x[i] * px + shift;
				if (!(xb > xa)) continue;
				int from = Math.max(0, (int) Math.ceil(xa - 0.5 - first));
				int to = Math.min(n - 1, (int) Math.floor(xb - 0.5 - first));
				for (int k = from; k <= to; k++) {
					double t = (first + k + 0.5 - xa) / (xb - xa);
					ys[k] = (p.y[i - 1] + t * (p.y[i] - p.y[i - 1])) * px;
				}
			}
		}
		int covered = 0;
		for (double y : ys) if (!Double.isNaN(y)) covered++;
		return new Trace(region, first, ys, covered / (double) n);
	}

	private static double medianStep(List<VectorPage.Path> pieces) {
		VectorPage.Path longest = pieces.get(0);
		for (VectorPage.Path p : pieces) if (p.size() > longest.size()) longest = p;
		List<Double> steps = new ArrayList<>();
		for (int i = 1; i < longest.size(); i++) steps.add(longest.x[i] - longest.x[i - 1]);
		return Median.of(steps);
	}

}
