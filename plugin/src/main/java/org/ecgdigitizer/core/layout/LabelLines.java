package org.ecgdigitizer.core.layout;

import java.util.List;

/**
 * The line a printer places each segment's name against: the row's zero line. Where a row begins
 * with its calibration pulse, the pulse's foot is that line; the trace may run well away from it
 * (a record with a large DC offset or baseline wander, as ecg-image-kit's muse pages, draws its
 * trace a centimetre above or below the pulse's foot, while the name stays where the printer put
 * it). A row has one zero line, so its later columns' names are placed against the same foot (each
 * column's place is measured on its own, {@link LeadNaming}, which absorbs a tilt left on the page).
 * Rows without a pulse of their own use where their trace runs.
 */
final class LabelLines {

	private LabelLines() {}

	/** Where each region's trace runs (no pulse consulted). */
	static double[] baselines(List<LeadRegion> regions) {
		double[] lines = new double[regions.size()];
		for (int i = 0; i < lines.length; i++) lines[i] = regions.get(i).baselineY;
		return lines;
	}

	/**
	 * Per region, its row's pulse foot when the pulse is the row's own
	 * (its foot in the row's band and nearer this row's baseline than any other's), else its baseline.
	 */
	static double[] of(List<LeadRegion> regions, List<TraceRow> rows) {
		double[] lines = baselines(regions);
		for (int i = 0; i < lines.length; i++) {
			LeadRegion r = regions.get(i);
			if (r.row >= rows.size()) continue;
			TraceRow row = rows.get(r.row);
			if (row.pulse != null && ownPulse(row, rows)) lines[i] = row.pulse.footY;
		}
		return lines;
	}

	/** A pulse found for a row is its own when its foot lies in the row's band, nearest its baseline. */
	static boolean ownPulse(TraceRow row, List<TraceRow> rows) {
		double foot = row.pulse.footY;
		if (foot < row.top || foot >= row.bottom) return false;
		double own = Math.abs(foot - row.baseline);
		for (TraceRow other : rows) {
			if (other != row && Math.abs(foot - other.baseline) < own) return false;
		}
		return true;
	}
}
