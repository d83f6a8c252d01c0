package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.preprocess.Components;

/**
 * Finds the rows of traces: image rows near which ink runs continuously for centimetres. Text is
 * broken between characters, grid remnants are sparse dots; a trace is one unbroken line.
 */
final class RowFinder {

	/** Rows with a pulse that make the rows above them without one suspect... */
	static final int MIN_PULSED_ROWS = 2;
	/** ...when those are weaker than this fraction of the median row. */
	static final double WEAK_ROW = 0.7;
	/** Separate places where a row of trace must reach 2 mm away from its baseline. */
	static final int MIN_EXCURSIONS = 3;

	private RowFinder() {}

	/** Rows of traces, top to bottom, without weak stragglers. */
	static List<TraceRow> find(PageInk ink) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		List<TraceRow> found = bands(ink, (int) Math.max(1, Math.round(1.5 * mmY)), (int) Math.round(8 * mmX),
			(int) Math.round(7 * mmY));
		double[] strengths = new double[found.size()];
		for (int i = 0; i < found.size(); i++) strengths[i] = found.get(i).strength;
		Arrays.sort(strengths);
		double median = strengths.length == 0 ? 0 : strengths[strengths.length / 2];
		List<TraceRow> kept = new ArrayList<>();
		List<Boolean> pulsed = new ArrayList<>();
		for (TraceRow row : found) {
			if (row.strength < 0.4 * median) continue;
			boolean pulse = startsWithPulse(row, ink);
			if (pulse || hasExcursions(row, ink)) {
				kept.add(row);
				pulsed.add(pulse);
			}
		}
		// Above the first row with a pulse, a weak row without one is header text or grid left over.
		int firstPulsed = pulsed.indexOf(true);
		int pulses = 0;
		for (boolean p : pulsed) if (p) pulses++;
		List<TraceRow> rows = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			if (i < firstPulsed && pulses >= MIN_PULSED_ROWS && kept.get(i).strength < WEAK_ROW * median) continue;
			rows.add(kept.get(i));
		}
		return evenlySpaced(fillSkippedRows(rows, ink));
	}

	/**
	 * Candidate rows: peaks of how much of each image row's neighbourhood is covered by long runs of
	 * ink.
	 *
	 * @param halfWindowPx rows within this distance count as "near" (about 1.5 mm)
	 * @param minRunPx shortest run that counts as trace (about 8 mm)
	 * @param minSpacingPx closest two rows can be (about 8 mm)
	 */
	static List<TraceRow> bands(PageInk ink, int halfWindowPx, int minRunPx, int minSpacingPx) {
		int w = ink.w;
		int h = ink.h;
		boolean[] mask = ink.mask;
		double[] score = new double[h];
		int[][] extent = new int[h][];
		int[] count = new int[w];
		boolean[] covered = new boolean[w];
		// sliding window over rows: count[x] = ink pixels of column x within [y - r, y + r]
		for (int y = -halfWindowPx; y < h; y++) {
			int add = y + halfWindowPx;
			if (add < h) {
				int row = add * w;
				for (int x = 0; x < w; x++) if (mask[row + x]) count[x]++;
			}
			int remove = y - halfWindowPx - 1;
			if (remove >= 0) {
				int row = remove * w;
				for (int x = 0; x < w; x++) if (mask[row + x]) count[x]--;
			}
			if (y < 0) continue;
			for (int x = 0; x < w; x++) covered[x] = count[x] > 0;
			long total = 0;
			int first = -1;
			int last = -1;
			int x = 0;
			while (x < w) {
				if (!covered[x]) {
					x++;
					continue;
				}
				int start = x;
				// bridge gaps of one or two columns (anti-aliasing dropouts)
				while (x < w && (covered[x] || x + 2 < w && (covered[x + 1] || covered[x + 2]))) x++;
				if (x - start >= minRunPx) {
					total += x - start;
					if (first < 0) first = start;
					last = x;
				}
			}
			score[y] = total / ink.mmX;
			extent[y] = first < 0 ? null : new int[] { first, last };
		}
		double[] smooth = boxSmooth(score, Math.max(1, halfWindowPx / 2));
		double max = 0;
		for (double v : smooth) max = Math.max(max, v);
		List<TraceRow> rows = new ArrayList<>();
		if (max <= 0) return rows;
		// Greedy peak picking: strongest first, suppressing neighbours closer than the minimum spacing.
		boolean[] taken = new boolean[h];
		while (true) {
			int best = -1;
			for (int y = 0; y < h; y++) {
				if (!taken[y] && (best < 0 || smooth[y] > smooth[best])) best = y;
			}
			if (best < 0 || smooth[best] < 0.3 * max) break;
			for (int y = Math.max(0, best - minSpacingPx); y < Math.min(h, best + minSpacingPx + 1); y++) taken[y] =
				true;
			int[] ext = extent[best];
			if (ext == null) continue;
			rows.add(new TraceRow(refinePeak(smooth, best), smooth[best], ext[0], ext[1], "ink"));
		}
		rows.sort((a, b) -> Double.compare(a.baseline, b.baseline));
		return rows;
	}

	private static double refinePeak(double[] s, int i) {
		if (i <= 0 || i >= s.length - 1) return i;
		double d = s[i - 1] - 2 * s[i] + s[i + 1];
		return d < 0 ? i + 0.5 * (s[i - 1] - s[i + 1]) / d : i;
	}

	static double[] boxSmooth(double[] v, int r) {
		int n = v.length;
		double[] prefix = new double[n + 1];
		for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + v[i];
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			int a = Math.max(0, i - r);
			int b = Math.min(n, i + r + 1);
			out[i] = (prefix[b] - prefix[a]) / (b - a);
		}
		return out;
	}

	/** Whether a row (a flat one, say) begins with a calibration pulse, which no stray line does. */
	static boolean startsWithPulse(TraceRow row, PageInk ink) {
		TraceRow r = new TraceRow(row.baseline, row.strength, row.runStart, row.runEnd, row.foundBy);
		r.top = (int) Math.max(0, Math.floor(row.baseline - 8 * ink.mmY));
		r.bottom = (int) Math.min(ink.h, Math.ceil(row.baseline + 8 * ink.mmY));
		r.start = row.runStart;
		r.end = row.runEnd;
		return PulseFinder.find(r, 0, Double.NaN, ink) != null;
	}

	/**
	 * Whether a row's line leaves its baseline in places, as every ECG does at its QRS complexes:
	 * a few separate places where the ink through the baseline reaches 2 mm or more, one of them
	 * 4 mm or more. A straight line (what a grid's border leaves behind) does not, and nor does a
	 * line of text, whose strokes are no taller than its letters.
	 */
	static boolean hasExcursions(TraceRow row, PageInk ink) {
		int base = (int) Math.round(row.baseline);
		if (base < 0 || base >= ink.h) return false;
		int slack = (int) Math.ceil(ink.mmY);
		int events = 0;
		int tallest = 0;
		boolean inEvent = false;
		// across the whole page: the row found may be only its flattest leads
		for (int x = 0; x < ink.w; x++) {
			int[] run = ink.verticalRunThrough(x, base, slack);
			int length = run == null ? 0 : run[1] - run[0] + 1;
			boolean tall = length >= 2 * ink.mmY;
			if (tall && !inEvent) events++;
			inEvent = tall;
			tallest = Math.max(tallest, length);
		}
		return events >= MIN_EXCURSIONS && tallest >= 4 * ink.mmY;
	}

	/**
	 * Rows are evenly spaced. Where two rows found are two or more spacings apart, the rows between
	 * were missed (a trace with large ST-T waves spends little time near its baseline) and are added
	 * when their band holds a trace across most of the width: at the image row the ink favours.
	 */
	static List<TraceRow> fillSkippedRows(List<TraceRow> rows, PageInk ink) {
		if (rows.size() < 3) return rows;
		double[] gaps = new double[rows.size() - 1];
		for (int i = 0; i < gaps.length; i++) gaps[i] = rows.get(i + 1).baseline - rows.get(i).baseline;
		double spacing = median(gaps);
		// rows of a 12-lead page are at least 8 mm apart, and there are at most 12 of them
		if (spacing < 8 * ink.mmY) return rows;
		List<TraceRow> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			out.add(r);
			if (i + 1 == rows.size()) break;
			double gap = gaps[i];
			long k = Math.round(gap / spacing);
			if (k < 2 || k > 12 || Math.abs(gap / k - spacing) > 0.15 * spacing) continue;
			int x0 = Math.min(r.runStart, rows.get(i + 1).runStart);
			int x1 = Math.max(r.runEnd, rows.get(i + 1).runEnd);
			for (int j = 1; j < k; j++) {
				double predicted = r.baseline + gap * j / k;
				TraceRow missed = missedRow(ink, predicted, 0.35 * spacing, x0, x1);
				if (missed != null) out.add(missed);
			}
		}
		return out;
	}

	/**
	 * A row of trace in the band predicted +- reach, or null: most columns of x0..x1 hold ink in the
	 * band; the baseline is the image row with the most ink within 1 mm.
	 */
	private static TraceRow missedRow(PageInk ink, double predicted, double reach, int x0, int x1) {
		int top = (int) Math.max(0, Math.round(predicted - reach));
		int bottom = (int) Math.min(ink.h - 1, Math.round(predicted + reach));
		int columns = 0;
		int inked = 0;
		double[] perRow = new double[bottom - top + 1];
		for (int x = Math.max(0, x0); x < Math.min(ink.w, x1); x++) {
			columns++;
			boolean any = false;
			for (int y = top; y <= bottom; y++) {
				if (ink.at(x, y)) {
					any = true;
					perRow[y - top]++;
				}
			}
			if (any) inked++;
		}
		if (columns == 0 || inked < 0.8 * columns) return null;
		double[] near = boxSmooth(perRow, (int) Math.max(1, Math.round(ink.mmY)));
		int best = 0;
		for (int y = 1; y < near.length; y++) if (near[y] > near[best]) best = y;
		// strength in mm of inked columns, as the bands measure it (pixels are square enough here)
		return new TraceRow(top + best, inked / ink.mmY, x0, x1, "between rows");
	}

	/**
	 * Rows of traces are printed at nearly even spacing; text blocks, shading and stains found as
	 * rows are not. Keeps the longest run of consecutive rows whose gaps are 0.6 to 1.6 times the
	 * median gap.
	 */
	static List<TraceRow> evenlySpaced(List<TraceRow> rows) {
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

	/** Each row owns the image rows closer to its baseline than to its neighbours'. */
	static void setBands(List<TraceRow> rows, int h, double mmY) {
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
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
	static void extent(TraceRow r, PageInk ink) {
		double a = r.baseline - 1.2 * ink.mmY;
		double b = r.baseline + 1.2 * ink.mmY;
		int bridge = PageInk.BRIDGE;
		int start = Integer.MAX_VALUE;
		int end = -1;
		for (Components.Component c : ink.bridged.components) {
			// components come from a mask dilated by BRIDGE pixels
			if (c.width() - 2 * bridge < 3 * ink.mmX || c.maxY - bridge < a || c.minY + bridge > b) continue;
			start = Math.min(start, c.minX + bridge);
			end = Math.max(end, c.maxX + 1 - bridge);
		}
		r.start = end < 0 ? 0 : start;
		r.end = Math.max(0, end);
	}

	/** Keeps the strongest rows when more were found than the layout has. */
	static List<TraceRow> fitRowCount(List<TraceRow> rows, int count) {
		if (rows.size() <= count) return rows;
		List<TraceRow> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> Double.compare(b.strength, a.strength));
		List<TraceRow> keep = new ArrayList<>(sorted.subList(0, count));
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
