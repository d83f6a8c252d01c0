package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Stage 2, in the order it runs: the rows of traces ({@link RowFinder}), their calibration pulses
 * ({@link PulseFinder}), the page's scale, gain, speed and time base ({@link PageCalibration}), the
 * layout ({@link LayoutChooser}: template hypotheses and the page's own arrangement scored against
 * the boundaries seen along the rows, {@link SeparatorFinder}), the column timing
 * ({@link ColumnTimingChooser}), the lead regions cut from the rows, and their names from the
 * printed labels ({@link LeadNaming}). What was seen and weighed is kept as {@link LayoutEvidence}.
 */
public final class LeadDetector {

	/** Label candidates read per lead region (a separator tick may sit nearer the segment start). */
	static final int LABEL_CANDIDATES = 3;
	/** The ink mask's threshold, by the short name the label reader uses. */
	static final float INK = InkModel.MASK_THRESHOLD;

	private LeadDetector() {}

	public static LeadLayout detect(PreparedPage page, DigitizerSettings settings) {
		List<String> warnings = new ArrayList<>();
		// the rows the upside-down check found on this page, when it read it at this scale
		InkRows found = InkRows.of(page);
		PageInk ink = found.ink;
		List<TraceRow> rows = found.rows();
		if (rows.isEmpty()) {
			throw new EcgException("found no row of ECG traces; check that the image is an ECG printout, upright and " +
				"not cropped");
		}
		PulseFinder.findAll(rows, ink, page.densityPixels());
		PageCalibration cal = PageCalibration.of(page.geometry, rows, ink.w, settings, warnings);
		ink = ink.rescaled(cal.geometry.pxPerMmX, cal.geometry.pxPerMmY);

		LayoutChooser.Choice choice = LayoutChooser.choose(rows, page, ink, cal, settings.layout);
		String layoutSource = settings.layout != null ? "user" : "detected";
		// the best layout that can be named: the page's own arrangement only when its labels name it
		String tried = null;
		for (PageLayout candidate : choice.ranked) {
			List<String> notes = new ArrayList<>(warnings);
			List<TraceRow> used = LayoutChooser.Choice.rowsFor(candidate, rows, notes);
			RowFinder.setBands(used, ink.h, ink.mmY);
			LayoutEvidence.Timing timing = timing(candidate, settings.layout, used, ink, cal);
			PageLayout layout = candidate.withTiming(timing.assumed);
			List<LeadRegion> regions = regions(layout, used, cal);
			List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, labelCandidates(regions, ink, cal
				.pulses));
			LeadNaming.Result naming = LeadNaming.name(layout, regions, readings, LabelLines.of(regions, used),
				settings.layout != null, ink.mmX, ink.mmY);
			if (naming.regions.isEmpty()) {
				if (tried == null) tried = candidate.spec() + ": " + String.join("; ", naming.notes);
				continue;
			}
			notes.addAll(naming.notes);
			if (timing.source.equals("beats") && timing.assumed == PageLayout.ColumnTiming.SAME_WINDOW) {
				notes.add("every column shows the same time window: " + timing.why);
			}
			List<Box> separators = new ArrayList<>();
			for (LeadRegion region : naming.regions) {
				if (region.column == 0) continue;
				Box tick = SeparatorFinder.tick(used.get(region.row), ink, region.box.x, false);
				if (tick != null) separators.add(tick);
			}
			LayoutEvidence evidence = new LayoutEvidence(rowEvidence(rows, ink, cal), choice.boundaries, labelEvidence(
				naming, layout, cal), choice.hypotheses, naming.layout.spec(), why(choice, candidate, naming), timing,
				page.orientation).withNaming(naming.deductions);
			return new LeadLayout(naming.layout, layoutSource, naming.regions, cal.speed, cal.speedSource, cal.gain,
				cal.gainSource, cal.seconds, cal.x0, cal.x1, cal.pulses, naming.source, cal.geometry, notes, separators,
				evidence, unread(naming.layout, regions));
		}
		// the naming's own note may already say what to do; say it once
		String advice = "choose the layout with its names, for example rows:I;II;III";
		String why = tried == null || !tried.endsWith(advice) ? "(" + tried + "); " + advice : "(" + tried + ")";
		throw new EcgException(String.format(Locale.ROOT, "found %d row(s) of ECG traces but no layout whose leads can " +
			"be named %s", rows.size(), why));
	}

	/** The regions of the short segments the naming left without a lead name, for the signals to name. */
	static List<LeadRegion> unread(PageLayout named, List<LeadRegion> regions) {
		List<LeadRegion> out = new ArrayList<>();
		for (PageLayout.Cell cell : named.cells()) {
			if (cell.lead != null || cell.rhythm) continue;
			for (LeadRegion r : regions) {
				if (r.row == cell.row && r.column == cell.column && !r.rhythm) out.add(r);
			}
		}
		return out;
	}

	/** The column timing: the user's, else from the beats when the layout has columns. */
	static LayoutEvidence.Timing timing(PageLayout layout, PageLayout user, List<TraceRow> rows, PageInk ink,
		PageCalibration cal)
	{
		if (user != null) {
			return new LayoutEvidence.Timing(user.timing(), "user", Double.NaN, 0, Double.NaN, 0, "as chosen");
		}
		if (layout.columnCount() < 2) {
			return new LayoutEvidence.Timing(PageLayout.ColumnTiming.SEQUENTIAL, "default", Double.NaN, 0, Double.NaN, 0,
				"one column");
		}
		return ColumnTimingChooser.decide(layout, rows, ink, cal);
	}

	private static String why(LayoutChooser.Choice choice, PageLayout candidate, LeadNaming.Result naming) {
		if (choice.byUser) return "chosen by the user";
		String s = String.format(Locale.ROOT, "the best-scoring of %d layouts that could be named", choice.ranked.size());
		if (candidate != choice.ranked.get(0)) s += " (" + choice.ranked.get(0).spec() + " scored higher, but its leads " +
			"could not be named)";
		if (!naming.layout.spec().equals(candidate.spec())) s += "; arranged as " + candidate.spec() + ", named as printed";
		return s;
	}

	/**
	 * The layout's cells cut out of the rows: boxes over the rows' bands, time windows from the page's
	 * time base and the layout's timing, the zero line where the row's trace runs in that segment. A
	 * cell whose name is not yet known gets a placeholder lead until the labels name it.
	 */
	static List<LeadRegion> regions(PageLayout layout, List<TraceRow> rows, PageCalibration cal) {
		List<LeadRegion> regions = new ArrayList<>();
		int columns = layout.columnCount();
		for (PageLayout.Cell cell : layout.cells()) {
			TraceRow r = rows.get(cell.row);
			double a = cal.x0 + (cal.x1 - cal.x0) * cell.startFraction(columns);
			double b = cal.x0 + (cal.x1 - cal.x0) * cell.endFraction(columns);
			double t0 = cal.seconds * cell.windowStart;
			double t1 = cal.seconds * cell.windowEnd;
			double offset = cal.seconds * cell.startFraction(columns) - t0;
			Box box = Box.fromCorners(a, r.top, b, r.bottom);
			regions.add(new LeadRegion(cell.lead == null ? Lead.I : cell.lead, cell.inverted, cell.row, cell.column,
				cell.rhythm, t0, t1, box, r.baselineBetween(a, b), null, null, 1, offset));
		}
		return regions;
	}

	private static List<LayoutEvidence.Row> rowEvidence(List<TraceRow> rows, PageInk ink, PageCalibration cal) {
		List<LayoutEvidence.Row> out = new ArrayList<>();
		for (TraceRow r : rows) {
			int beats = BeatFinder.beats(r, ink, r.signalStart, r.signalEnd, cal.pxPerSecond()).length;
			out.add(new LayoutEvidence.Row(r.baseline, r.top, r.bottom, r.start, r.end, r.pulse != null, r.foundBy, beats));
		}
		return out;
	}

	private static List<LayoutEvidence.Label> labelEvidence(LeadNaming.Result naming, PageLayout layout,
		PageCalibration cal)
	{
		List<LayoutEvidence.Label> out = new ArrayList<>();
		for (int i = 0; i < naming.chosen.size() && i < layout.cells().size(); i++) {
			LabelReader.Reading rd = naming.chosen.get(i);
			if (rd == null || !rd.accepted()) continue;
			PageLayout.Cell c = layout.cells().get(i);
			out.add(new LayoutEvidence.Label(c.row, c.startFraction(layout.columnCount()), rd.text));
		}
		return out;
	}

	/** Label candidates of each region, the most likely first. */
	static List<List<LabelFinder.Label>> labelCandidates(List<LeadRegion> regions, PageInk ink,
		List<CalibrationPulse> pulses)
	{
		List<List<LabelFinder.Label>> out = new ArrayList<>();
		for (LeadRegion region : regions) {
			out.add(LabelFinder.candidates(region, ink, pulses, LABEL_CANDIDATES));
		}
		return out;
	}

	/** The label candidates of a detected layout's regions on its page (for tools that show what was read). */
	static List<List<LabelFinder.Label>> labelCandidates(PreparedPage page, LeadLayout layout) {
		PageInk ink = PageInk.of(page).rescaled(layout.geometry.pxPerMmX, layout.geometry.pxPerMmY);
		return labelCandidates(layout.regions, ink, layout.pulses);
	}
}
