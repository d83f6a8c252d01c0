package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Stage 2: finds the rows of traces, the calibration pulses, the time base and the layout,
 * and cuts the page into named lead regions.
 */
public final class LeadDetector {

	/** The ink mask's threshold, by a short name for the layout code. */
	static final float INK = InkModel.MASK_THRESHOLD;
	static final double[] GAINS = { 5, 10, 20 };
	static final double PULSE_SECONDS = 0.2;
	/** Rows with a pulse that make the rows above them without one suspect (and that turn a page)... */
	static final int MIN_PULSED_ROWS = 2;
	/** ...when those are weaker than this fraction of the median row. */
	static final double WEAK_ROW = 0.7;
	/** Separate places where a row of trace must reach 2 mm away from its baseline. */
	static final int MIN_EXCURSIONS = 3;
	/** Gaps in the ink up to twice this many pixels are bridged when grouping ink into components. */
	static final int BRIDGE = 2;
	/** Label candidates read per lead region (a separator tick may sit nearer the segment start). */
	static final int LABEL_CANDIDATES = 3;

	private LeadDetector() {}

	/** What the detector saw of one row of traces. */
	static final class RowInfo {
		final TraceRows.Row row;
		double baseline;
		/** Band of image rows that belongs to this row of traces. */
		int top;
		int bottom;
		/** Columns the row's ink covers. */
		int start;
		int end;
		/** Where the signal's time starts and ends (the trace's centre line, after any pulse), continuous x. */
		double signalStart;
		double signalEnd;
		CalibrationPulse pulse;

		RowInfo(TraceRows.Row row) {
			this.row = row;
			this.baseline = row.baselineY;
		}
	}

	public static LeadLayout detect(PreparedPage page, DigitizerSettings settings) {
		int w = page.width();
		int h = page.height();
		PageGeometry geometry = page.geometry;
		List<String> warnings = new ArrayList<>();
		boolean scaleKnown = !Double.isNaN(geometry.pxPerMmX);
		// Until the scale is known, assume the page is about 280 mm wide; only search windows depend on it.
		double mmX = scaleKnown ? geometry.pxPerMmX : w / 280.0;
		double mmY = scaleKnown ? geometry.pxPerMmY : w / 280.0;
		boolean[] mask = InkModel.mask(page.inkPixels());
		Components raw = Components.of(mask, w, h);
		eraseRules(mask, raw, mmX, mmY);
		// Thin traces break where they cross a dark grid line; pieces closer than BRIDGE px belong together.
		Components components = Components.of(Components.dilate(mask, w, h, BRIDGE), w, h);

		List<RowInfo> rows = findRows(mask, w, h, mmX, mmY);
		if (rows.size() < 3) {
			throw new EcgException("found " + rows.size() + " row(s) of ECG traces, but a 12-lead page has at least 3; " +
				"check that the image is an ECG printout, upright and not cropped");
		}
		setBands(rows, h, mmY);
		for (int i = 0; i < rows.size(); i++) {
			RowInfo r = rows.get(i);
			extent(r, components, mmX, mmY);
			r.pulse = findPulse(r, i, i > 0 ? rows.get(i - 1).baseline : Double.NaN, mask, w, mmX, mmY);
			double thickness = TraceEnds.thickness(mask, w, r.top, r.bottom, r.baseline, r.start, r.end);
			r.signalStart = TraceEnds.start(mask, w, r.top, r.bottom, r.baseline, r.start, r.pulse, thickness, mmX, mmY);
			r.signalEnd = TraceEnds.end(r.end, thickness);
		}
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (RowInfo r : rows) if (r.pulse != null) pulses.add(r.pulse);

		// Scale: the grid is best; the pulse corrects a grid read five times off, or stands in for a missing grid.
		geometry = resolveScale(geometry, pulses, rows, w, warnings);
		mmX = geometry.pxPerMmX;
		mmY = geometry.pxPerMmY;
		// pulse sizes were measured with the provisional scale
		pulses.clear();
		for (RowInfo r : rows) {
			if (r.pulse == null) continue;
			r.pulse = r.pulse.rescaled(mmX, mmY);
			pulses.add(r.pulse);
		}

		double gain;
		String gainSource;
		if (!Double.isNaN(settings.gainMmPerMv)) {
			gain = settings.gainMmPerMv;
			gainSource = "user";
		}
		else {
			gain = pulseGain(pulses);
			gainSource = Double.isNaN(gain) ? "default" : "pulse";
			if (Double.isNaN(gain)) gain = 10;
		}
		double speed;
		String speedSource;
		if (!Double.isNaN(settings.speedMmPerS)) {
			speed = settings.speedMmPerS;
			speedSource = "user";
		}
		else {
			speed = pulseSpeed(pulses);
			speedSource = Double.isNaN(speed) ? "default" : "pulse";
			if (Double.isNaN(speed)) speed = 25;
		}

		double x0 = consensus(rows, true, mmX);
		double x1 = consensus(rows, false, mmX);
		if (geometry.scaleSource == PageGeometry.ScaleSource.PULSE) {
			// Without a grid, the pulse (0.2 s) is too few pixels wide to time a page well, but it does
			// tell a 10 s row from a 5 s one; the row's own length then sets the time scale exactly.
			double[] widths = new double[pulses.size()];
			for (int i = 0; i < widths.length; i++) widths[i] = pulses.get(i).widthPx;
			double rowSeconds = PULSE_SECONDS * (x1 - x0) / median(widths);
			for (double standard : new double[] { 10, 5, 2.5 }) {
				if (Math.abs(rowSeconds / standard - 1) < 0.12) {
					double x = (x1 - x0) / (standard * speed);
					// pixels are square unless the pulse's height clearly says otherwise; its height is
					// read to a pixel or two, the row's length to a fraction of a percent
					double y = Math.abs(Math.log(mmY / x)) < 0.05 ? x : mmY;
					geometry = geometry.withScale(x, y, PageGeometry.ScaleSource.PULSE);
					mmX = geometry.pxPerMmX;
					mmY = geometry.pxPerMmY;
					warnings.add(String.format(Locale.ROOT, "time scale taken from the row length: %.1f s per row",
						standard));
					break;
				}
			}
		}
		double pxPerSecond = mmX * speed;
		double seconds = (x1 - x0) / pxPerSecond;
		for (double round : new double[] { 10, 5, 2.5 }) {
			if (Math.abs(seconds / round - 1) < 0.03) {
				seconds = round;
				break;
			}
		}
		if (seconds < 2) {
			throw new EcgException(String.format(Locale.ROOT,
				"the traces span only %.1f s; check the paper speed (found %.0f mm/s from %s)", seconds, speed,
				speedSource));
		}

		PageLayout layout;
		String layoutSource;
		if (settings.layout != null) {
			layout = settings.layout;
			layoutSource = "user";
			if (layout.rowCount() != rows.size()) {
				warnings.add(String.format(Locale.ROOT, "layout %s has %d rows but %d rows of traces were found",
					layout.spec(), layout.rowCount(), rows.size()));
				rows = fitRowCount(rows, layout.rowCount());
			}
		}
		else {
			layout = chooseLayout(rows, mask, raw, pulses, w, x0, seconds * pxPerSecond, mmX, mmY, warnings);
			layoutSource = "detected";
			if (layout.rowCount() != rows.size()) rows = fitRowCount(rows, layout.rowCount());
		}
		setBands(rows, h, mmY);

		List<LeadRegion> regions = new ArrayList<>();
		int columns = layout.columnCount();
		for (PageLayout.Cell cell : layout.cells()) {
			RowInfo r = rows.get(cell.row);
			double a = x0 + (x1 - x0) * cell.startFraction(columns);
			double b = x0 + (x1 - x0) * cell.endFraction(columns);
			double t0 = seconds * cell.startFraction(columns);
			double t1 = seconds * cell.endFraction(columns);
			Box box = Box.fromCorners(a, r.top, b, r.bottom);
			regions.add(new LeadRegion(cell.lead, cell.inverted, cell.row, cell.column, cell.rhythm, t0, t1, box,
				r.baseline, null, 1));
		}
		List<Box> separators = new ArrayList<>();
		for (LeadRegion region : regions) {
			if (region.column == 0) continue;
			Box tick = findSeparator(rows.get(region.row), mask, w, region.box.x, mmX, mmY);
			if (tick != null) separators.add(tick);
		}
		// the printed labels name the leads when they are readable and agree with a known order
		List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, labelCandidates(regions, raw, pulses, mmX,
			mmY));
		LeadNaming.Result naming = LeadNaming.name(layout, regions, readings, "user".equals(layoutSource), mmX, mmY);
		warnings.addAll(naming.notes);
		return new LeadLayout(naming.layout, layoutSource, naming.regions, speed, speedSource, gain, gainSource, seconds,
			x0, x1, pulses, naming.source, geometry, warnings, separators);
	}

	/** Label candidates of each region, the most likely first. */
	static List<List<LabelFinder.Label>> labelCandidates(List<LeadRegion> regions, Components components,
		List<CalibrationPulse> pulses, double mmX, double mmY)
	{
		List<List<LabelFinder.Label>> out = new ArrayList<>();
		for (LeadRegion region : regions) {
			out.add(LabelFinder.candidates(region, components, pulses, mmX, mmY, LABEL_CANDIDATES));
		}
		return out;
	}

	/** The label candidates of a detected layout's regions on its page (for tools that show what was read). */
	static List<List<LabelFinder.Label>> labelCandidates(PreparedPage page, LeadLayout layout) {
		int w = page.width();
		int h = page.height();
		boolean[] mask = InkModel.mask(page.inkPixels());
		return labelCandidates(layout.regions, Components.of(mask, w, h), layout.pulses, layout.geometry.pxPerMmX,
			layout.geometry.pxPerMmY);
	}

	/**
	 * True when the page is upside down: no row starts with an upright calibration pulse, and
	 * either the printed lead names read turned half-way round ({@link LabelOrientation}) or, when
	 * they say nothing clear, the page turned shows at least {@link #MIN_PULSED_ROWS} pulses.
	 * Pages without pulses or readable labels are left as they are, and so are pages where one
	 * pulse-like shape shows when turned (a rhythm strip's step, a pulse at a row's end): an
	 * upright page whose own pulses were missed.
	 */
	public static boolean looksUpsideDown(PreparedPage page) {
		int w = page.width();
		int h = page.height();
		double mm = Double.isNaN(page.geometry.pxPerMmX) ? w / 280.0 : page.geometry.pxPerMmX;
		float[] ink = page.inkPixels();
		if (pulseRows(ink, w, h, mm, false) > 0) return false;
		// without an upright pulse, lead names that clearly read one way decide
		LabelOrientation.Evidence labels = LabelOrientation.read(page);
		if (labels.saysTurned() || labels.saysUpright()) return labels.saysTurned();
		return pulseRows(ink, w, h, mm, true) >= MIN_PULSED_ROWS;
	}

	/** How many rows start with a calibration pulse, on the page or on the page turned half-way round. */
	static int pulseRows(float[] ink, int w, int h, double mm, boolean turned) {
		boolean[] mask = InkModel.mask(ink);
		if (turned) {
			for (int i = 0, j = mask.length - 1; i < j; i++, j--) {
				boolean t = mask[i];
				mask[i] = mask[j];
				mask[j] = t;
			}
		}
		eraseRules(mask, Components.of(mask, w, h), mm, mm);
		Components components = Components.of(Components.dilate(mask, w, h, BRIDGE), w, h);
		List<RowInfo> rows = findRows(mask, w, h, mm, mm);
		setBands(rows, h, mm);
		int found = 0;
		for (int i = 0; i < rows.size(); i++) {
			extent(rows.get(i), components, mm, mm);
			if (findPulse(rows.get(i), i, i > 0 ? rows.get(i - 1).baseline : Double.NaN, mask, w, mm, mm) != null) {
				found++;
			}
		}
		return found;
	}

	/** Rows of traces, without weak stragglers (rules were erased from the mask before). */
	static List<RowInfo> findRows(boolean[] mask, int w, int h, double mmX, double mmY) {
		List<TraceRows.Row> found = TraceRows.find(mask, w, h, (int) Math.max(1, Math.round(1.5 * mmY)),
			(int) Math.round(8 * mmX), (int) Math.round(7 * mmY), mmX);
		List<RowInfo> rows = new ArrayList<>();
		double[] strengths = new double[found.size()];
		for (int i = 0; i < found.size(); i++) strengths[i] = found.get(i).strength;
		Arrays.sort(strengths);
		double median = strengths.length == 0 ? 0 : strengths[strengths.length / 2];
		List<TraceRows.Row> kept = new ArrayList<>();
		List<Boolean> pulsed = new ArrayList<>();
		for (TraceRows.Row row : found) {
			if (row.strength < 0.4 * median) continue;
			boolean pulse = startsWithPulse(row, mask, w, h, mmX, mmY);
			if (pulse || hasExcursions(row, mask, w, h, mmY)) {
				kept.add(row);
				pulsed.add(pulse);
			}
		}
		// Above the first row with a pulse, a weak row without one is header text or grid left over.
		int firstPulsed = pulsed.indexOf(true);
		int pulses = 0;
		for (boolean p : pulsed) if (p) pulses++;
		for (int i = 0; i < kept.size(); i++) {
			if (i < firstPulsed && pulses >= MIN_PULSED_ROWS && kept.get(i).strength < WEAK_ROW * median) continue;
			rows.add(new RowInfo(kept.get(i)));
		}
		return evenlySpaced(fillSkippedRows(rows, mask, w, h, mmY));
	}

	/** Whether a row (a flat one, say) begins with a calibration pulse, which no stray line does. */
	static boolean startsWithPulse(TraceRows.Row row, boolean[] mask, int w, int h, double mmX, double mmY) {
		RowInfo r = new RowInfo(row);
		r.top = (int) Math.max(0, Math.floor(row.baselineY - 8 * mmY));
		r.bottom = (int) Math.min(h, Math.ceil(row.baselineY + 8 * mmY));
		r.start = row.x0;
		r.end = row.x1;
		return findPulse(r, 0, Double.NaN, mask, w, mmX, mmY) != null;
	}

	/**
	 * Whether a row's line leaves its baseline in places, as every ECG does at its QRS complexes:
	 * a few separate places where the ink through the baseline reaches 2 mm or more, one of them
	 * 4 mm or more. A straight line (what a grid's border leaves behind) does not, and nor does a
	 * line of text, whose strokes are no taller than its letters.
	 */
	static boolean hasExcursions(TraceRows.Row row, boolean[] mask, int w, int h, double mmY) {
		int base = (int) Math.round(row.baselineY);
		if (base < 0 || base >= h) return false;
		int slack = (int) Math.ceil(mmY);
		int events = 0;
		int tallest = 0;
		boolean inEvent = false;
		// across the whole page: the row found may be only its flattest leads
		for (int x = 0; x < w; x++) {
			int[] run = verticalRunThrough(mask, w, h, x, base, slack);
			int length = run == null ? 0 : run[1] - run[0] + 1;
			boolean tall = length >= 2 * mmY;
			if (tall && !inEvent) events++;
			inEvent = tall;
			tallest = Math.max(tallest, length);
		}
		return events >= MIN_EXCURSIONS && tallest >= 4 * mmY;
	}

	/**
	 * Rows are evenly spaced. Where two rows found are two or more spacings apart, the rows between
	 * were missed (a trace with large ST-T waves spends little time near its baseline) and are added
	 * when their band holds a trace across most of the width: at the image row the ink favours.
	 */
	static List<RowInfo> fillSkippedRows(List<RowInfo> rows, boolean[] mask, int w, int h, double mmY) {
		if (rows.size() < 3) return rows;
		double[] gaps = new double[rows.size() - 1];
		for (int i = 0; i < gaps.length; i++) gaps[i] = rows.get(i + 1).baseline - rows.get(i).baseline;
		double spacing = median(gaps);
		// rows of a 12-lead page are at least 8 mm apart, and there are at most 12 of them
		if (spacing < 8 * mmY) return rows;
		List<RowInfo> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			RowInfo r = rows.get(i);
			out.add(r);
			if (i + 1 == rows.size()) break;
			double gap = gaps[i];
			long k = Math.round(gap / spacing);
			if (k < 2 || k > 12 || Math.abs(gap / k - spacing) > 0.15 * spacing) continue;
			int x0 = Math.min(r.row.x0, rows.get(i + 1).row.x0);
			int x1 = Math.max(r.row.x1, rows.get(i + 1).row.x1);
			for (int j = 1; j < k; j++) {
				double predicted = r.baseline + gap * j / k;
				RowInfo missed = missedRow(mask, w, h, predicted, 0.35 * spacing, x0, x1, mmY);
				if (missed != null) out.add(missed);
			}
		}
		return out;
	}

	/**
	 * A row of trace in the band predicted +- reach, or null: most columns of x0..x1 hold ink in the
	 * band; the baseline is the image row with the most ink within 1 mm.
	 */
	private static RowInfo missedRow(boolean[] mask, int w, int h, double predicted, double reach, int x0, int x1,
		double mmY)
	{
		int top = (int) Math.max(0, Math.round(predicted - reach));
		int bottom = (int) Math.min(h - 1, Math.round(predicted + reach));
		int columns = 0;
		int inked = 0;
		double[] perRow = new double[bottom - top + 1];
		for (int x = Math.max(0, x0); x < Math.min(w, x1); x++) {
			columns++;
			boolean any = false;
			for (int y = top; y <= bottom; y++) {
				if (mask[y * w + x]) {
					any = true;
					perRow[y - top]++;
				}
			}
			if (any) inked++;
		}
		if (columns == 0 || inked < 0.8 * columns) return null;
		double[] near = TraceRows.boxSmooth(perRow, (int) Math.max(1, Math.round(mmY)));
		int best = 0;
		for (int y = 1; y < near.length; y++) if (near[y] > near[best]) best = y;
		// strength in mm of inked columns, as TraceRows measures it (pixels are square enough here)
		return new RowInfo(new TraceRows.Row(top + best, inked / mmY, x0, x1));
	}

	/**
	 * Rows of traces are printed at nearly even spacing; text blocks, shading and stains found as
	 * rows are not. Keeps the longest run of consecutive rows whose gaps are 0.6 to 1.6 times the
	 * median gap.
	 */
	static List<RowInfo> evenlySpaced(List<RowInfo> rows) {
		if (rows.size() < 4) return rows;
		double[] gaps = new double[rows.size() - 1];
		for (int i = 0; i < gaps.length; i++) gaps[i] = rows.get(i + 1).baseline - rows.get(i).baseline;
		double median = median(gaps);
		int bestStart = 0;
		int bestLength = 1;
		int start = 0;
		for (int i = 0; i < gaps.length; i++) {
			boolean fits = gaps[i] >= 0.6 * median && gaps[i] <= 1.6 * median;
			if (!fits) start = i + 1;
			int length = i + 2 - start;
			if (fits && length > bestLength) {
				bestLength = length;
				bestStart = start;
			}
		}
		return new ArrayList<>(rows.subList(bestStart, bestStart + bestLength));
	}

	/**
	 * Removes printed rules and frame lines: long, straight, solid components thinner than
	 * 0.6 mm. Even a flat trace zigzags, so its box is taller than its stroke and mostly empty.
	 */
	static void eraseRules(boolean[] mask, Components components, double mmX, double mmY) {
		boolean[] rule = new boolean[components.components.size()];
		for (Components.Component c : components.components) {
			double fill = c.pixels / ((double) c.width() * c.height());
			boolean horizontal = c.height() < 0.6 * mmY + 1 && c.width() > 15 * mmX;
			boolean vertical = c.width() < 0.6 * mmX + 1 && c.height() > 40 * mmY;
			rule[c.id] = (horizontal || vertical) && fill > 0.7;
		}
		components.erase(mask, id -> rule[id]);
	}

	/** Each row owns the image rows closer to its baseline than to its neighbours'. */
	static void setBands(List<RowInfo> rows, int h, double mmY) {
		for (int i = 0; i < rows.size(); i++) {
			RowInfo r = rows.get(i);
			double up = i > 0 ? (r.baseline - rows.get(i - 1).baseline) / 2 : Double.NaN;
			double down = i + 1 < rows.size() ? (rows.get(i + 1).baseline - r.baseline) / 2 : Double.NaN;
			if (Double.isNaN(up)) up = Double.isNaN(down) ? 15 * mmY : down;
			if (Double.isNaN(down)) down = up;
			r.top = (int) Math.max(0, Math.floor(r.baseline - up));
			r.bottom = (int) Math.min(h, Math.ceil(r.baseline + down));
		}
	}

	/**
	 * The columns the row's trace covers: the union of components at least 3 mm wide that cross
	 * the row's baseline. Labels sit beside the baseline and specks are narrow.
	 */
	static void extent(RowInfo r, Components components, double mmX, double mmY) {
		double a = r.baseline - 1.2 * mmY;
		double b = r.baseline + 1.2 * mmY;
		int start = Integer.MAX_VALUE;
		int end = -1;
		for (Components.Component c : components.components) {
			// components come from a mask dilated by BRIDGE pixels
			if (c.width() - 2 * BRIDGE < 3 * mmX || c.maxY - BRIDGE < a || c.minY + BRIDGE > b) continue;
			start = Math.min(start, c.minX + BRIDGE);
			end = Math.max(end, c.maxX + 1 - BRIDGE);
		}
		r.start = end < 0 ? 0 : start;
		r.end = Math.max(0, end);
	}

	private static boolean inkBetween(boolean[] mask, int w, int x, int y0, int y1) {
		for (int y = y0; y < y1; y++) if (mask[y * w + x]) return true;
		return false;
	}

	/**
	 * The calibration pulse at the start of a row, or null: first as a pulse standing on the
	 * baseline, else (strokes broken by a removed grid, a baseline estimated off the pulse's foot)
	 * from the ink in the row's band.
	 *
	 * @param previousBaseline the row above's baseline (NaN for the first row): the top stays below it
	 */
	static CalibrationPulse findPulse(RowInfo r, int rowIndex, double previousBaseline, boolean[] mask, int w,
		double mmX, double mmY)
	{
		CalibrationPulse pulse = findPulseOnBaseline(r, rowIndex, previousBaseline, mask, w, mmX, mmY);
		return pulse != null ? pulse : findPulseInBand(r, rowIndex, previousBaseline, mask, w, mmX, mmY);
	}

	/**
	 * The calibration pulse at the start of a row, or null: a rising stroke that stands on the
	 * baseline, a flat top 1.5 to 14 mm long with nothing tall under it, and a falling stroke back
	 * to the baseline. Only ink that stands on the baseline or lies at the top's height counts, so
	 * header text above or the next row below do not disturb it, and a pulse taller than half the
	 * row spacing is still whole.
	 *
	 * @param previousBaseline the row above's baseline (NaN for the first row): the top stays below it
	 */
	static CalibrationPulse findPulseOnBaseline(RowInfo r, int rowIndex, double previousBaseline, boolean[] mask, int w,
		double mmX, double mmY)
	{
		int h = mask.length / w;
		// the pulse may be part of the first segment or stand apart just before it
		int xStart = (int) Math.max(0, r.start - Math.round(20 * mmX));
		int xEnd = (int) Math.min(w, r.start + Math.round(25 * mmX));
		int n = xEnd - xStart;
		int base = (int) Math.round(r.baseline);
		if (n <= 0 || base < 0 || base >= h) return null;
		double ceiling = Double.isNaN(previousBaseline) ? 0 : previousBaseline + 1.5 * mmY;
		int slack = (int) Math.ceil(1.5 * mmY);
		// per column: the ink run standing on the baseline (top, bottom), -1 when none
		int[] top = new int[n];
		int[] foot = new int[n];
		for (int i = 0; i < n; i++) {
			int[] run = verticalRunThrough(mask, w, h, xStart + i, base, slack);
			top[i] = run == null ? -1 : Math.max(run[0], (int) Math.ceil(ceiling));
			foot[i] = run == null ? -1 : run[1];
		}
		int minH = (int) Math.round(3 * mmY);
		int tol = (int) Math.max(2, Math.round(0.6 * mmY));
		for (int i = 0; i < n; i++) {
			if (top[i] < 0 || foot[i] - top[i] < minH) continue;
			// a rising stroke at column i: skip its own thickness
			int topY = top[i];
			int footY = foot[i];
			int j = i + 1;
			while (j < n && top[j] >= 0 && foot[j] - top[j] >= minH && Math.abs(top[j] - topY) <= tol && j - i < tol *
				2)
			{
				topY = Math.min(topY, top[j]);
				footY = Math.max(footY, foot[j]);
				j++;
			}
			// the flat top: ink at the top's height, nothing tall standing on the baseline; a column
			// or two may have lost their ink to a grid line taken away with the grid
			int flatStart = j;
			int missing = 0;
			while (j < n && !(top[j] >= 0 && foot[j] - top[j] >= minH) && missing <= 2) {
				missing = inkBetween(mask, w, xStart + j, Math.max(0, topY - tol), Math.min(mask.length / w - 1, topY +
					tol) + 1) ? 0 : missing + 1;
				j++;
			}
			j -= missing;
			int flatEnd = j;
			if (flatEnd - flatStart < 0.8 * mmX) continue;
			// the falling stroke, back from the top to the baseline
			while (j < n && j < flatEnd + 3 && !(top[j] >= 0 && foot[j] - top[j] >= minH)) j++;
			if (j >= n || top[j] < 0 || Math.abs(top[j] - topY) > tol || foot[j] - top[j] < minH) continue;
			int fall = j;
			while (fall + 1 < n && top[fall + 1] >= 0 && foot[fall + 1] - top[fall + 1] >= minH) fall++;
			double heightPx = footY - topY;
			double widthPx = (j + fall) / 2.0 - i;
			CalibrationPulse pulse = new CalibrationPulse(rowIndex, Box.fromCorners(xStart + i, topY, xStart + fall + 1,
				footY + 1), footY, heightPx, widthPx, mmX, mmY);
			if (pulse.heightMm < 3 || pulse.heightMm > 25 || pulse.widthMm < 1.5 || pulse.widthMm > 14) continue;
			// a pulse is the first thing in its row; a square-ish complex further in is signal
			if (pulse.box.x > r.start + 3 * mmX) return null;
			return pulse;
		}
		return null;
	}

	/**
	 * A calibration pulse at the start of the row: two vertical strokes from the baseline up to
	 * a flat top, 3 to 25 mm tall and 1.5 to 14 mm apart (printers differ: 0.2 s is usual, some draw
	 * 2 mm), with no ink at the baseline between them. It reads the topmost and bottommost ink of
	 * each column in the row's band, which copes with broken strokes that {@link #findPulse} does not.
	 */
	static CalibrationPulse findPulseInBand(RowInfo r, int rowIndex, double previousBaseline, boolean[] mask, int w,
		double mmX, double mmY)
	{
		// the pulse may be part of the first segment or stand apart just before it
		int xStart = (int) Math.max(0, r.start - Math.round(20 * mmX));
		int xEnd = (int) Math.min(w, r.start + Math.round(25 * mmX));
		// A pulse can be taller than half the row spacing (10 mm on rows 15 mm apart): look up to just
		// below the previous row's baseline, or 25 mm up on the first row.
		double ceiling = Double.isNaN(previousBaseline) ? r.baseline - 25 * mmY : previousBaseline + 1.5 * mmY;
		int top = (int) Math.max(0, Math.min(r.top, Math.ceil(ceiling)));
		int bottom = r.bottom;
		int n = xEnd - xStart;
		if (n <= 0) return null;
		// per column: topmost and bottommost ink in the band
		int[] hi = new int[n];
		int[] lo = new int[n];
		for (int i = 0; i < n; i++) {
			int x = xStart + i;
			hi[i] = -1;
			lo[i] = -1;
			for (int y = top; y < bottom; y++) {
				if (mask[y * w + x]) {
					if (hi[i] < 0) hi[i] = y;
					lo[i] = y;
				}
			}
		}
		// a column or two without ink where the pulse crosses a grid line that was taken away with the grid
		for (int i = 1; i + 1 < n; i++) {
			if (hi[i] >= 0) continue;
			int left = hi[i - 1] >= 0 ? i - 1 : -1;
			int right = hi[i + 1] >= 0 ? i + 1 : i + 2 < n && hi[i + 2] >= 0 ? i + 2 : -1;
			if (left < 0 || right < 0) continue;
			hi[i] = Math.min(hi[left], hi[right]);
			lo[i] = Math.max(lo[left], lo[right]);
		}
		int minH = (int) Math.round(3 * mmY);
		int tol = (int) Math.max(2, Math.round(0.6 * mmY));
		for (int i = 0; i < n; i++) {
			if (hi[i] < 0 || lo[i] - hi[i] < minH) continue;
			// a rising stroke at column i: skip its own thickness, then walk right along the top while
			// the baseline below is empty
			int topY = hi[i];
			int foot = lo[i];
			int j = i + 1;
			while (j < n && hi[j] >= 0 && lo[j] - hi[j] >= minH && j - i < tol * 2) {
				topY = Math.min(topY, hi[j]);
				foot = Math.max(foot, lo[j]);
				j++;
			}
			int flatStart = j;
			while (j < n && hi[j] >= 0 && Math.abs(hi[j] - topY) <= tol && lo[j] < foot - minH) j++;
			int flatEnd = j;
			if (flatEnd - flatStart < 0.8 * mmX) continue;
			// the falling stroke
			if (j < n && hi[j] >= 0 && lo[j] - hi[j] >= minH) {
				int fall = j;
				while (fall + 1 < n && hi[fall + 1] >= 0 && lo[fall + 1] - hi[fall + 1] >= minH) fall++;
				double heightPx = foot - topY;
				double widthPx = (j + fall) / 2.0 - i;
				CalibrationPulse pulse = new CalibrationPulse(rowIndex, Box.fromCorners(xStart + i, topY, xStart +
					fall + 1, foot + 1), foot, heightPx, widthPx, mmX, mmY);
				if (pulse.heightMm < 3 || pulse.heightMm > 25 || pulse.widthMm < 1.5 || pulse.widthMm > 14) continue;
				// a pulse is the first thing in its row; a square-ish complex further in is signal
				if (pulse.box.x > r.start + 3 * mmX) return null;
				return pulse;
			}
		}
		return null;
	}



	/**
	 * The final scale. A grid reading is kept unless the pulses say it is five times off; without a
	 * grid, the pulse (taken as 1 mV at 10 mm/mV and 0.2 s at 25 mm/s) gives the scale, then the
	 * file's dpi, then the assumption that the rows span 250 mm.
	 */
	static PageGeometry resolveScale(PageGeometry g, List<CalibrationPulse> pulses, List<RowInfo> rows, int w,
		List<String> warnings)
	{
		double hPx = Double.NaN;
		double wPx = Double.NaN;
		if (!pulses.isEmpty()) {
			double[] hs = new double[pulses.size()];
			double[] ws = new double[pulses.size()];
			for (int i = 0; i < hs.length; i++) {
				hs[i] = pulses.get(i).heightPx;
				ws[i] = pulses.get(i).widthPx;
			}
			hPx = median(hs);
			wPx = median(ws);
		}
		if (g.scaleSource == PageGeometry.ScaleSource.GRID) {
			if (!Double.isNaN(hPx)) {
				double mm = hPx / g.pxPerMmY;
				double fit1 = gainMisfit(mm);
				double fit5 = gainMisfit(mm * 5);
				double fitFifth = gainMisfit(mm / 5);
				if (fit5 < 0.1 && fit1 > 0.3) {
					warnings.add("the grid pitch was read as 5 mm per line; the calibration pulse says 1 mm");
					return g.withScale(g.pxPerMmX / 5, g.pxPerMmY / 5, PageGeometry.ScaleSource.GRID);
				}
				if (fitFifth < 0.1 && fit1 > 0.3) {
					warnings.add("the grid pitch was read as 1 mm per line; the calibration pulse says 5 mm");
					return g.withScale(g.pxPerMmX * 5, g.pxPerMmY * 5, PageGeometry.ScaleSource.GRID);
				}
			}
			return g;
		}
		if (!Double.isNaN(hPx)) {
			warnings.add("no grid found: scale taken from the calibration pulse, assumed 1 mV at 10 mm/mV and 0.2 s at 25 mm/s");
			double y = hPx / 10;
			double x = wPx / 5;
			// a non-square reading is more likely a misread pulse width than anisotropic paper
			if (Math.abs(Math.log(x / y)) > 0.1) x = y;
			return g.withScale(x, y, PageGeometry.ScaleSource.PULSE);
		}
		if (g.scaleSource == PageGeometry.ScaleSource.DPI) {
			warnings.add("no grid and no calibration pulse: scale taken from the file's dpi");
			return g;
		}
		throw new EcgException("no ECG grid and no calibration pulse found, and the file does not give its " +
			"resolution, so the scale is unknown; scan the page flat at 200-300 dpi, or photograph it square-on " +
			"so the grid is visible");
	}

	/** Relative distance of a pulse height (mm, for 1 mV) from the nearest standard gain. */
	static double gainMisfit(double heightMm) {
		double best = Double.POSITIVE_INFINITY;
		for (double g : GAINS) best = Math.min(best, Math.abs(Math.log(heightMm / g)));
		return best;
	}

	/** Gain from the pulses: their median height snapped to 5, 10 or 20 mm/mV, or NaN. */
	static double pulseGain(List<CalibrationPulse> pulses) {
		if (pulses.isEmpty()) return Double.NaN;
		double[] hs = new double[pulses.size()];
		for (int i = 0; i < hs.length; i++) hs[i] = pulses.get(i).heightMm;
		double mm = median(hs);
		for (double g : GAINS) if (Math.abs(Math.log(mm / g)) < 0.15) return g;
		return Double.NaN;
	}

	/** Speed from the pulse width (0.2 s): 5 mm → 25 mm/s, 10 mm → 50 mm/s, or NaN. */
	static double pulseSpeed(List<CalibrationPulse> pulses) {
		if (pulses.isEmpty()) return Double.NaN;
		double[] ws = new double[pulses.size()];
		for (int i = 0; i < ws.length; i++) ws[i] = pulses.get(i).widthMm;
		double mm = median(ws);
		if (Math.abs(Math.log(mm / (PULSE_SECONDS * 25))) < 0.2) return 25;
		if (Math.abs(Math.log(mm / (PULSE_SECONDS * 50))) < 0.2) return 50;
		return Double.NaN;
	}

	/**
	 * Where the rows agree that the signal starts (or ends). The start is the rows' median, now that
	 * each row's start is read to a fraction of a pixel ({@link TraceEnds}): a row misread by a pen
	 * width or more (a grid line left in the gap after its pulse reads as a trace drawn on from the
	 * pulse) must not move every row's time 0. The end is refined to the outermost row near the
	 * median.
	 */
	static double consensus(List<RowInfo> rows, boolean start, double mmX) {
		double[] v = new double[rows.size()];
		for (int i = 0; i < v.length; i++) v[i] = start ? rows.get(i).signalStart : rows.get(i).signalEnd;
		double m = median(v);
		if (start) return m;
		double best = m;
		for (double x : v) {
			if (Math.abs(x - m) < 3 * mmX) best = Math.max(best, x);
		}
		return best;
	}

	/**
	 * Picks the layout from the number of rows; six rows are either 3x4 with three rhythm strips
	 * or 6x2, told apart by where the rows show segment boundaries.
	 */
	static PageLayout chooseLayout(List<RowInfo> rows, boolean[] mask, Components raw, List<CalibrationPulse> pulses,
		int w, double x0, double rowPx, double mmX, double mmY, List<String> warnings)
	{
		int n = rows.size();
		switch (n) {
			case 3: return PageLayout.of(PageLayout.Kind.L3X4, false);
			case 4: return PageLayout.of(PageLayout.Kind.L3X4_1, false);
			case 5: return PageLayout.of(PageLayout.Kind.L3X4_2, false);
			case 6: {
				double quarters = 0;
				double quartersBottom = 0;
				double halves = 0;
				for (int i = 0; i < 6; i++) {
					RowInfo r = rows.get(i);
					double q = (boundaryEvidence(r, mask, raw, pulses, w, x0 + rowPx / 4, mmX, mmY) + boundaryEvidence(r,
						mask, raw, pulses, w, x0 + 3 * rowPx / 4, mmX, mmY)) / 2;
					double half = boundaryEvidence(r, mask, raw, pulses, w, x0 + rowPx / 2, mmX, mmY);
					if (i < 3) quarters += q / 3;
					else quartersBottom += q / 3;
					halves += half / 6;
				}
				// 3x4+3: top rows break at the quarters, bottom rows do not; 6x2: every row breaks at the half
				double score3x4 = quarters - quartersBottom;
				double score6x2 = halves - (quarters + quartersBottom) / 2;
				return score6x2 > score3x4 ? PageLayout.of(PageLayout.Kind.L6X2, false) : PageLayout.of(
					PageLayout.Kind.L3X4_3, false);
			}
			case 12: return PageLayout.of(PageLayout.Kind.L12X1, false);
			default:
				if (n > 12) {
					warnings.add(n + " rows of traces found; kept the 12 strongest for a 12x1 layout");
					return PageLayout.of(PageLayout.Kind.L12X1, false);
				}
				if (n > 6) {
					warnings.add(n + " rows of traces found; kept the 6 strongest");
					return PageLayout.of(PageLayout.Kind.L3X4_3, false);
				}
				throw new EcgException("found " + n + " rows of traces, which matches no supported layout (3x4, 3x4+1, " +
					"3x4+2, 3x4+3, 6x2, 12x1); choose the layout explicitly");
		}
	}

	/**
	 * How much a row looks like it changes lead at column x: a gap in the trace, a separator tick
	 * or a stroke much taller than the trace's usual height there, or a printed lead name just
	 * after it. 0 = none, 1 = clear.
	 */
	static double boundaryEvidence(RowInfo r, boolean[] mask, Components raw, List<CalibrationPulse> pulses, int w,
		double x, double mmX, double mmY)
	{
		if (findSeparator(r, mask, w, x, mmX, mmY) != null) return 1;
		LeadRegion probe = new LeadRegion(Lead.I, false, 0, 1, false, 0, 1, Box.fromCorners(x, r.top, x + 10 * mmX,
			r.bottom), r.baseline, null, 1);
		LabelFinder.Label label = LabelFinder.find(probe, raw, pulses, mmX, mmY);
		if (label != null && label.box.x >= x - 1 * mmX) return 1;
		return traceBreak(r, mask, w, x, mmX);
	}

	/**
	 * A separator tick printed across row r near column x: a straight vertical stroke, at least
	 * 2.5 mm long, reaching at least 1 mm above and below the baseline, with no comparable stroke
	 * 1 mm to either side (a QRS complex has its up- and downstroke side by side). Null if none.
	 */
	static Box findSeparator(RowInfo r, boolean[] mask, int w, double x, double mmX, double mmY) {
		int h = mask.length / w;
		int base = (int) Math.round(r.baseline);
		if (base < 0 || base >= h) return null;
		int reach = (int) Math.max(2, Math.round(1.5 * mmX));
		int bestColumn = -1;
		int bestTop = 0;
		int bestBottom = -1;
		for (int cx = (int) Math.round(x) - reach; cx <= (int) Math.round(x) + reach; cx++) {
			if (cx < 0 || cx >= w) continue;
			int[] run = verticalRunThrough(mask, w, h, cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] > bestBottom - bestTop) {
				bestColumn = cx;
				bestTop = run[0];
				bestBottom = run[1];
			}
		}
		int length = bestBottom - bestTop + 1;
		if (bestColumn < 0 || length < 2.5 * mmY || base - bestTop < mmY || bestBottom - base < mmY) return null;
		int side = (int) Math.max(2, Math.round(1.0 * mmX));
		for (int cx : new int[] { bestColumn - side, bestColumn + side }) {
			if (cx < 0 || cx >= w) continue;
			int[] run = verticalRunThrough(mask, w, h, cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] + 1 > 0.5 * length) return null;
		}
		// the stroke's own width: neighbouring columns inked over most of its length
		int left = bestColumn;
		int right = bestColumn;
		while (left - 1 >= 0 && inkedOver(mask, w, left - 1, bestTop, bestBottom) > 0.7) left--;
		while (right + 1 < w && inkedOver(mask, w, right + 1, bestTop, bestBottom) > 0.7) right++;
		if (right - left + 1 > 0.8 * mmX + 1) return null;
		return Box.fromCorners(left - 1, bestTop - 1, right + 2, bestBottom + 2);
	}

	/** The vertical run of ink in column x that comes within slack rows of row y, as {top, bottom}, or null. */
	private static int[] verticalRunThrough(boolean[] mask, int w, int h, int x, int y, int slack) {
		for (int d = 0; d <= slack; d++) {
			for (int yy : new int[] { y - d, y + d }) {
				if (yy < 0 || yy >= h || !mask[yy * w + x]) continue;
				int top = yy;
				int bottom = yy;
				// a stroke is cut where it crosses a grid line taken away with the grid: bridge short gaps
				for (int up = top - 1; up >= 0 && top - up <= 2 * BRIDGE + 1; up--) {
					if (mask[up * w + x]) top = up;
				}
				for (int down = bottom + 1; down < h && down - bottom <= 2 * BRIDGE + 1; down++) {
					if (mask[down * w + x]) bottom = down;
				}
				return new int[] { top, bottom };
			}
		}
		return null;
	}

	/** The inked fraction of column x between rows top and bottom (inclusive). */
	private static double inkedOver(boolean[] mask, int w, int x, int top, int bottom) {
		int n = 0;
		for (int y = top; y <= bottom; y++) if (mask[y * w + x]) n++;
		return n / (double) (bottom - top + 1);
	}

	/** A gap in the trace at x, or ink much taller than the trace's usual height there. 0..1. */
	static double traceBreak(RowInfo r, boolean[] mask, int w, double x, double mmX) {
		int half = (int) Math.max(2, Math.round(1.5 * mmX));
		int cx = (int) Math.round(x);
		int gaps = 0;
		int tall = 0;
		int count = 0;
		int near = (int) Math.round((r.bottom - r.top) * 0.35);
		for (int xx = Math.max(0, cx - half); xx <= Math.min(w - 1, cx + half); xx++) {
			count++;
			int inkRows = 0;
			for (int y = (int) r.baseline - near; y <= (int) r.baseline + near; y++) {
				if (y >= 0 && y * w + xx < mask.length && mask[y * w + xx]) inkRows++;
			}
			if (inkRows == 0) gaps++;
			if (inkRows > near) tall++;
		}
		return count == 0 ? 0 : Math.min(1, (gaps + tall) / (double) count * 3);
	}

	/** Keeps the strongest rows when more were found than the layout has. */
	static List<RowInfo> fitRowCount(List<RowInfo> rows, int count) {
		if (rows.size() <= count) return rows;
		List<RowInfo> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> Double.compare(b.row.strength, a.row.strength));
		List<RowInfo> keep = new ArrayList<>(sorted.subList(0, count));
		keep.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		return keep;
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}
}
