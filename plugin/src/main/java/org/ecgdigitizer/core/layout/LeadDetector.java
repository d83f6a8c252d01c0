package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Stage 2: finds the rows of traces ({@link RowFinder}), their calibration pulses
 * ({@link PulseFinder}), the page's calibration ({@link PageCalibration}) and layout
 * ({@link LayoutChooser}), and cuts the page into lead regions named from the printed labels
 * ({@link LeadNaming}).
 */
public final class LeadDetector {

	/** Label candidates read per lead region (a separator tick may sit nearer the segment start). */
	static final int LABEL_CANDIDATES = 3;
	/** The ink mask's threshold, by the short name the label reader uses. */
	static final float INK = InkModel.MASK_THRESHOLD;

	private LeadDetector() {}

	public static LeadLayout detect(PreparedPage page, DigitizerSettings settings) {
		List<String> warnings = new ArrayList<>();
		PageInk ink = PageInk.of(page);
		List<TraceRow> rows = RowFinder.find(ink);
		if (rows.size() < 3) {
			throw new EcgException("found " + rows.size() + " row(s) of ECG traces, but a 12-lead page has at least 3; " +
				"check that the image is an ECG printout, upright and not cropped");
		}
		RowFinder.setBands(rows, ink.h, ink.mmY);
		for (TraceRow r : rows) RowFinder.extent(r, ink);
		PulseFinder.findAll(rows, ink);
		PageCalibration cal = PageCalibration.of(page.geometry, rows, ink.w, settings, warnings);
		ink = ink.rescaled(cal.geometry.pxPerMmX, cal.geometry.pxPerMmY);

		PageLayout layout;
		String layoutSource;
		if (settings.layout != null) {
			layout = settings.layout;
			layoutSource = "user";
			if (layout.rowCount() != rows.size()) {
				warnings.add(String.format(Locale.ROOT, "layout %s has %d rows but %d rows of traces were found",
					layout.spec(), layout.rowCount(), rows.size()));
				rows = RowFinder.fitRowCount(rows, layout.rowCount());
			}
		}
		else {
			layout = LayoutChooser.choose(rows, ink, cal.pulses, cal.x0, cal.seconds * cal.pxPerSecond(), warnings);
			layoutSource = "detected";
			if (layout.rowCount() != rows.size()) rows = RowFinder.fitRowCount(rows, layout.rowCount());
		}
		RowFinder.setBands(rows, ink.h, ink.mmY);

		List<LeadRegion> regions = regions(layout, rows, cal);
		List<Box> separators = new ArrayList<>();
		for (LeadRegion region : regions) {
			if (region.column == 0) continue;
			Box tick = SeparatorFinder.tick(rows.get(region.row), ink, region.box.x);
			if (tick != null) separators.add(tick);
		}
		// the printed labels name the leads when they are readable and agree with a known order
		List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, labelCandidates(regions, ink, cal.pulses));
		LeadNaming.Result naming = LeadNaming.name(layout, regions, readings, "user".equals(layoutSource), ink.mmX,
			ink.mmY);
		warnings.addAll(naming.notes);
		return new LeadLayout(naming.layout, layoutSource, naming.regions, cal.speed, cal.speedSource, cal.gain,
			cal.gainSource, cal.seconds, cal.x0, cal.x1, cal.pulses, naming.source, cal.geometry, warnings, separators);
	}

	/** The layout's cells cut out of the rows: boxes over the rows' bands, time windows from the page's time base. */
	static List<LeadRegion> regions(PageLayout layout, List<TraceRow> rows, PageCalibration cal) {
		List<LeadRegion> regions = new ArrayList<>();
		int columns = layout.columnCount();
		for (PageLayout.Cell cell : layout.cells()) {
			TraceRow r = rows.get(cell.row);
			double a = cal.x0 + (cal.x1 - cal.x0) * cell.startFraction(columns);
			double b = cal.x0 + (cal.x1 - cal.x0) * cell.endFraction(columns);
			double t0 = cal.seconds * cell.startFraction(columns);
			double t1 = cal.seconds * cell.endFraction(columns);
			Box box = Box.fromCorners(a, r.top, b, r.bottom);
			regions.add(new LeadRegion(cell.lead, cell.inverted, cell.row, cell.column, cell.rhythm, t0, t1, box,
				r.baseline, null, 1));
		}
		return regions;
	}

	/** Label candidates of each region, the most likely first. */
	static List<List<LabelFinder.Label>> labelCandidates(List<LeadRegion> regions, PageInk ink,
		List<CalibrationPulse> pulses)
	{
		List<List<LabelFinder.Label>> out = new ArrayList<>();
		for (LeadRegion region : regions) {
			out.add(LabelFinder.candidates(region, ink.raw, pulses, ink.mmX, ink.mmY, LABEL_CANDIDATES));
		}
		return out;
	}

	/** The label candidates of a detected layout's regions on its page (for tools that show what was read). */
	static List<List<LabelFinder.Label>> labelCandidates(PreparedPage page, LeadLayout layout) {
		PageInk ink = PageInk.of(page).rescaled(layout.geometry.pxPerMmX, layout.geometry.pxPerMmY);
		return labelCandidates(layout.regions, ink, layout.pulses);
	}

	/**
	 * True when the page is upside down: no row starts with an upright calibration pulse, but the
	 * page turned half-way round shows at least {@link RowFinder#MIN_PULSED_ROWS}. Pages without any
	 * pulse are left as they are, and so are pages where one pulse-like shape shows when turned (a
	 * rhythm strip's step, a pulse at a row's end): an upright page whose own pulses were missed.
	 */
	public static boolean looksUpsideDown(PreparedPage page) {
		return pulseRows(page, false) == 0 && pulseRows(page, true) >= RowFinder.MIN_PULSED_ROWS;
	}

	/** How many rows start with a calibration pulse, on the page or on the page turned half-way round. */
	static int pulseRows(PreparedPage page, boolean turned) {
		int w = page.width();
		double mm = Double.isNaN(page.geometry.pxPerMmX) ? w / 280.0 : page.geometry.pxPerMmX;
		PageInk ink = PageInk.of(page.inkPixels(), w, page.height(), mm, mm, turned);
		List<TraceRow> rows = RowFinder.find(ink);
		RowFinder.setBands(rows, ink.h, mm);
		return PulseFinder.pulsedRows(rows, ink);
	}

	/** The median (the label reader's). */
	static double median(double[] v) {
		return RowFinder.median(v);
	}
}
