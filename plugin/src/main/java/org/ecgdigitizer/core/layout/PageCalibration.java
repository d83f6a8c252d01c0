package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.PageGeometry;

/**
 * The page's calibration: its scale (the grid's, corrected or replaced by the calibration
 * pulses), gain and paper speed, and its time base (where a row's signal starts and ends and how
 * many seconds a full row shows), each with where it came from.
 */
final class PageCalibration {

	static final double[] GAINS = { 5, 10, 20 };
	static final double PULSE_SECONDS = 0.2;
	/** A row within this fraction of a standard duration shows that duration. */
	static final double SNAP = 0.06;

	final PageGeometry geometry;
	final double gain;
	final String gainSource;
	final double speed;
	final String speedSource;
	/** Image columns where the rows' signal starts and ends. */
	final double x0;
	final double x1;
	/** Seconds shown by a full row. */
	final double seconds;
	final List<CalibrationPulse> pulses;

	/** Ink within this many mm of the image's left or right edge was cut there. */
	static final double EDGE_MM = 1;

	private PageCalibration(PageGeometry geometry, double gain, String gainSource, double speed, String speedSource,
		double x0, double x1, double seconds, List<CalibrationPulse> pulses)
	{
		this.geometry = geometry;
		this.gain = gain;
		this.gainSource = gainSource;
		this.speed = speed;
		this.speedSource = speedSource;
		this.x0 = x0;
		this.x1 = x1;
		this.seconds = seconds;
		this.pulses = pulses;
	}

	double pxPerSecond() {
		return geometry.pxPerMmX * speed;
	}

	/**
	 * Calibrates from the rows (their pulses found at the provisional scale) and the user's settings;
	 * the rows' pulses are measured again at the final scale.
	 */
	static PageCalibration of(PageGeometry geometry, List<TraceRow> rows, int width, DigitizerSettings settings,
		List<String> warnings)
	{
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (TraceRow r : rows) if (r.pulse != null) pulses.add(r.pulse);
		// Scale: the grid is best; the pulse corrects a grid read five times off, or stands in for a missing grid.
		geometry = resolveScale(geometry, pulses, rows, warnings);
		double mmX = geometry.pxPerMmX;
		double mmY = geometry.pxPerMmY;
		// pulse sizes were measured with the provisional scale
		pulses.clear();
		for (TraceRow r : rows) {
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

		double x0 = consensus(rows, true, mmX, width);
		double x1 = consensus(rows, false, mmX, width);
		if (geometry.scaleSource == PageGeometry.ScaleSource.PULSE) {
			// Without a grid, the pulse (0.2 s) is too few pixels wide to time a page well, but it does
			// tell a 10 s row from a 5 s one; the row's own length then sets the time scale exactly.
			double[] widths = new double[pulses.size()];
			for (int i = 0; i < widths.length; i++) widths[i] = pulses.get(i).widthPx;
			double rowSeconds = PULSE_SECONDS * (x1 - x0) / Median.of(widths);
			for (double standard : new double[] { 10, 5, 2.5 }) {
				if (Math.abs(rowSeconds / standard - 1) < 0.12) {
					double x = (x1 - x0) / (standard * speed);
					// pixels are square unless the pulse's height clearly says otherwise; its height is
					// read to a pixel or two, the row's length to a fraction of a percent
					double y = Math.abs(Math.log(mmY / x)) < 0.05 ? x : mmY;
					geometry = geometry.withScale(x, y, PageGeometry.ScaleSource.PULSE);
					mmX = geometry.pxPerMmX;
					warnings.add(String.format(Locale.ROOT, "time scale taken from the row length: %.1f s per row",
						standard));
					break;
				}
			}
		}
		double pxPerSecond = mmX * speed;
		double seconds = (x1 - x0) / pxPerSecond;
		// Printers print rows of 10 s (5 s at 50 mm/s, 2.5 s columns): a row measured a little
		// shorter ends on a stretch of trace away from its line, or a little longer on something
		// beside it; the scale is known far better than where the ink ends.
		for (double round : new double[] { 10, 5, 2.5 }) {
			if (Math.abs(seconds / round - 1) < SNAP) {
				seconds = round;
				double fromCaps = capsTimeZero(rows, x0, (round - 1 / settings.samplingFrequency) * pxPerSecond, mmX,
					width);
				if (!Double.isNaN(fromCaps)) x0 = fromCaps;
				x1 = x0 + round * pxPerSecond;
				break;
			}
		}
		if (seconds < 2) {
			throw new EcgException(String.format(Locale.ROOT,
				"the traces span only %.1f s; check the paper speed (found %.0f mm/s from %s)", seconds, speed,
				speedSource));
		}
		return new PageCalibration(geometry, gain, gainSource, speed, speedSource, x0, x1, seconds, pulses);
	}

	/**
	 * The final scale. A grid reading is kept unless the pulses say it is five times off; without a
	 * grid, the pulse (taken as 1 mV at 10 mm/mV and 0.2 s at 25 mm/s) gives the scale, then the
	 * file's dpi.
	 */
	static PageGeometry resolveScale(PageGeometry g, List<CalibrationPulse> pulses, List<TraceRow> rows,
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
			hPx = Median.of(hs);
			wPx = Median.of(ws);
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
		double rowPx = longestRows(rows);
		// printers print 10 s rows at 25 mm/s (250 mm), 10 mm or more apart: lines closer than that
		// at that scale are not rows of traces (a grid taken for ink)
		if (!Double.isNaN(rowPx) && rowSpacing(rows) / (rowPx / ROW_MM) >= MIN_ROW_SPACING_MM) {
			double mm = rowPx / ROW_MM;
			warnings.add(String.format(Locale.ROOT, "no grid, no calibration pulse and no resolution: scale taken from the " +
				"rows, assumed %.0f mm (10 s at 25 mm/s) long, with square pixels and 10 mm/mV; check the amplitudes", ROW_MM));
			return g.withScale(mm, mm, PageGeometry.ScaleSource.UNKNOWN);
		}
		throw new EcgException("no ECG grid and no calibration pulse found, and the file does not give its " +
			"resolution, so the scale is unknown; scan the page flat at 200-300 dpi, or photograph it square-on " +
			"so the grid is visible");
	}

	/** The length of a full printed row, when nothing else gives the scale, and the least spacing of rows. */
	static final double ROW_MM = 250;
	static final double MIN_ROW_SPACING_MM = 10;

	/** The median distance between neighbouring rows, px (NaN with fewer than two rows). */
	static double rowSpacing(List<TraceRow> rows) {
		if (rows.size() < 2) return Double.NaN;
		double[] gaps = new double[rows.size() - 1];
		for (int i = 0; i < gaps.length; i++) gaps[i] = rows.get(i + 1).baseline - rows.get(i).baseline;
		return Median.of(gaps);
	}

	/**
	 * How long the page's longest rows are (px): the median of the rows that reach within 10% of the
	 * longest; NaN without at least two such rows.
	 */
	static double longestRows(List<TraceRow> rows) {
		double longest = 0;
		for (TraceRow r : rows) longest = Math.max(longest, r.end - r.start);
		List<Double> lengths = new ArrayList<>();
		for (TraceRow r : rows) if (r.end - r.start >= 0.9 * longest) lengths.add((double) (r.end - r.start));
		if (lengths.size() < 2 || longest <= 0) return Double.NaN;
		double[] v = new double[lengths.size()];
		for (int i = 0; i < v.length; i++) v[i] = lengths.get(i);
		return Median.of(v);
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
		double mm = Median.of(hs);
		for (double g : GAINS) if (Math.abs(Math.log(mm / g)) < 0.15) return g;
		return Double.NaN;
	}

	/** Speed from the pulse width (0.2 s): 5 mm gives 25 mm/s, 10 mm gives 50 mm/s, else NaN. */
	static double pulseSpeed(List<CalibrationPulse> pulses) {
		if (pulses.isEmpty()) return Double.NaN;
		double[] ws = new double[pulses.size()];
		for (int i = 0; i < ws.length; i++) ws[i] = pulses.get(i).widthMm;
		double mm = Median.of(ws);
		if (Math.abs(Math.log(mm / (PULSE_SECONDS * 25))) < 0.2) return 25;
		if (Math.abs(Math.log(mm / (PULSE_SECONDS * 50))) < 0.2) return 50;
		return Double.NaN;
	}

	/**
	 * Time 0 from both caps of the rows that show a full row's time. A printer draws a row's samples
	 * from time 0 to one sample before the row's end ({@code span} apart on the centre line) with the
	 * same pen at both ends. Each end is read from how much of its pixels the pen covers
	 * ({@link TraceEnds#capCentre}), not on the pixel grid; what the reading gets wrong about the
	 * pen (its width: a scan's blur and the ink's spread widen it) moves the two ends apart or
	 * together by the same amount, so their middle, less half the span, is time 0. The median over
	 * such rows, of those whose caps are level ({@link TraceRow#capsLevel}) when there are any; NaN
	 * where none shows both caps. A row counts when both ends were read, neither was
	 * cut at the image's edge, its length is the span's within {@link #CAPS_AGREE_MM} (a row of
	 * another length, or a pulse at its end, is not) and its start is within {@link #MASK_AGREE_PX}
	 * of the mask's reading {@code x0}.
	 */
	static double capsTimeZero(List<TraceRow> rows, double x0, double span, double mmX, int width) {
		double edge = EDGE_MM * mmX;
		double tolerance = CAPS_AGREE_MM * mmX;
		List<Double> starts = new ArrayList<>();
		List<Double> levelStarts = new ArrayList<>();
		for (TraceRow r : rows) {
			if (Double.isNaN(r.capStart) || Double.isNaN(r.capEnd)) continue;
			if (r.start < edge || r.end > width - edge) continue;
			double middle = (r.capStart + r.capEnd) / 2;
			double start = middle - span / 2;
			if (Math.abs(r.capEnd - r.capStart - span) > tolerance) continue;
			if (Math.abs(start - x0) > MASK_AGREE_PX) continue;
			starts.add(start);
			if (r.capsLevel) levelStarts.add(start);
		}
		// rows whose caps the trace leaves level are read best; steep ones still better than the mask
		if (!levelStarts.isEmpty()) return Median.of(levelStarts);
		return starts.isEmpty() ? Double.NaN : Median.of(starts);
	}

	/** A pen is at most this wide, mm: a cap reaches no further past its line's end. */
	static final double CAPS_AGREE_MM = 0.5;
	/**
	 * The mask reads time 0 (first inked column plus half the trace's thickness) to within a pixel and
	 * a half: a column's rounding, half a run's, and the cap's rounded corner. Caps that put it further
	 * away are not the printer's caps: a trace cut at the paper's edge, or a fold between a row's ends.
	 */
	static final double MASK_AGREE_PX = 1.5;

	/**
	 * Where the rows agree that the signal starts (or ends). The start is the rows' median, now that
	 * each row's start is read to a fraction of a pixel ({@link TraceEnds}): a row misread by a pen
	 * width or more (a grid line left in the gap after its pulse reads as a trace drawn on from the
	 * pulse) must not move every row's time 0. The end is refined to the outermost row near the
	 * median. Ink that runs into the image's edge was cut there by the scan or the crop: it says
	 * nothing of where the printer began or ended, and counts only when every row's does.
	 */
	static double consensus(List<TraceRow> rows, boolean start, double mmX, int width) {
		double edge = EDGE_MM * mmX;
		List<Double> inside = new ArrayList<>();
		List<Double> all = new ArrayList<>();
		for (TraceRow r : rows) {
			double x = start ? r.signalStart : r.signalEnd;
			all.add(x);
			boolean cut = start ? r.start < edge : r.end > width - edge;
			if (!cut) inside.add(x);
		}
		double[] v = (inside.isEmpty() ? all : inside).stream().mapToDouble(Double::doubleValue).toArray();
		double m = Median.of(v);
		if (start) return m;
		double best = m;
		for (double x : v) {
			if (Math.abs(x - m) < 3 * mmX) best = Math.max(best, x);
		}
		return best;
	}
}
