package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Finds the calibration pulse at the start of a row of traces: the 1 mV rectangle printers draw
 * before the signal, two vertical strokes from the baseline up to a flat top, 3 to 25 mm tall and
 * 1.5 to 14 mm apart (0.2 s is usual, some printers draw 2 mm), with no ink at the baseline
 * between them.
 */
final class PulseFinder {

	private PulseFinder() {}

	/**
	 * The calibration pulse at the start of a row, or null: first as a pulse standing on the
	 * baseline, else (strokes broken by a removed grid, a baseline estimated off the pulse's foot)
	 * from the ink in the row's band.
	 *
	 * @param previousBaseline the row above's baseline (NaN for the first row): the top stays below it
	 */
	static CalibrationPulse find(TraceRow r, int rowIndex, double previousBaseline, PageInk ink) {
		CalibrationPulse pulse = onBaseline(r, rowIndex, previousBaseline, ink);
		return pulse != null ? pulse : inBand(r, rowIndex, previousBaseline, ink);
	}

	/**
	 * Finds the pulse of every row, and where each row's signal starts after it: the pulse the page
	 * scan found standing on the row's line, else the one the row shows by itself. Pulses that are
	 * not alike (a printer draws them all alike) are not pulses but complexes, unless only one row
	 * shows one. With the page's ink density, also where each row's trace starts and ends as its own
	 * caps show them ({@link TraceRow#capStart}).
	 *
	 * @param density how much of each pixel the pen covers ({@link PreparedPage#densityPixels}), or null
	 */
	static void findAll(List<TraceRow> rows, PageInk ink, float[] density) {
		List<CalibrationPulse> scanned = scan(ink);
		List<CalibrationPulse> found = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			CalibrationPulse pulse = null;
			for (CalibrationPulse p : scanned) {
				if (Math.abs(p.footY - r.lineAt(p.box.maxX())) <= 3 * ink.mmY && p.box.x < r.start + 0.3 * (r.end - r.start)) {
					pulse = p;
				}
			}
			if (pulse == null) pulse = find(r, i, i > 0 ? rows.get(i - 1).lineAt(r.start) : Double.NaN, ink);
			r.pulse = pulse == null ? null : new CalibrationPulse(i, pulse.box, pulse.footY, pulse.heightPx, pulse.widthPx,
				ink.mmX, ink.mmY);
			if (r.pulse != null) found.add(r.pulse);
		}
		List<CalibrationPulse> alike = alike(found, ink.mmX);
		for (TraceRow r : rows) {
			if (r.pulse != null && found.size() > 1 && !alike.contains(r.pulse)) r.pulse = null;
			// time runs on the pen's centre line: half the trace's thickness inside its inked ends
			double thickness = TraceEnds.thickness(ink.columns, r.top, r.bottom, r.baseline, r.start, r.end);
			double line = r.pulse != null ? r.pulse.footY : r.baseline;
			TraceEnds.Beginning b = TraceEnds.beginning(ink.mask, ink.w, r.top, r.bottom, line, r.start, r.pulse, ink.mmX,
				ink.mmY);
			r.signalStart = TraceEnds.start(b, ink.mask, ink.w, r.pulse, thickness, ink.mmX);
			r.signalEnd = TraceEnds.end(r.end, thickness);
			r.capStart = Double.NaN;
			r.capEnd = Double.NaN;
			r.capsLevel = false;
			if (density == null) continue;
			// a trace drawn on from the pulse's foot hides its start under the pulse's stroke
			if (b.kind != TraceEnds.Beginning.Kind.OWN_CAP) continue;
			double pen = TraceEnds.penWidth(ink.mask, density, ink.w, r.top, r.bottom, r.baseline, r.start, r.end);
			double endLine = r.lineAt(r.end - 1);
			r.capStart = TraceEnds.capCentre(ink.mask, density, ink.w, r.top, r.bottom, line, b.column, 1, pen, true);
			r.capEnd = TraceEnds.capCentre(ink.mask, density, ink.w, r.top, r.bottom, endLine, r.end - 1, -1, pen, true);
			r.capsLevel = !Double.isNaN(r.capStart) && !Double.isNaN(r.capEnd);
			if (r.capsLevel) continue;
			r.capStart = TraceEnds.capCentre(ink.mask, density, ink.w, r.top, r.bottom, line, b.column, 1, pen, false);
			r.capEnd = TraceEnds.capCentre(ink.mask, density, ink.w, r.top, r.bottom, endLine, r.end - 1, -1, pen, false);
		}
	}

	/**
	 * Every calibration pulse on the page, wherever it stands, found from its shape alone: two
	 * vertical strokes of the same height (3 to 25 mm) 1.5 to 14 mm apart, joined at the top by a
	 * bar, with nothing inside. A row whose trace wanders off its line, or whose complexes are so
	 * tall that little of it stays near one image row, still shows its pulse.
	 */
	static List<CalibrationPulse> scan(PageInk ink) {
		return ink.pulses();
	}

	/** What {@link #scan} finds, searched for afresh. */
	static List<CalibrationPulse> search(PageInk ink) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		int minH = (int) Math.round(3 * mmY);
		int maxH = (int) Math.round(25 * mmY);
		int tol = (int) Math.max(2, Math.round(0.6 * mmY));
		int minW = (int) Math.max(2, Math.round(1.5 * mmX));
		int maxW = (int) Math.round(14 * mmX);
		// the search in a method of its own: C2 would otherwise compile the sorting out below with it, once per hot
		// loop (on-stack replacement)
		List<CalibrationPulse> found = rectangles(ink, new Strokes(ink, minH, maxH), tol, minW, maxW);
		return alike(withoutGridCells(outermost(found), tol, mmX, mmY), mmX);
	}

	/** The plausible pulses: a rising and a falling stroke of about the same height, joined into a rectangle. */
	private static List<CalibrationPulse> rectangles(PageInk ink, Strokes strokes, int tol, int minW, int maxW) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		List<CalibrationPulse> out = new ArrayList<>();
		for (int x = 0; x < ink.w; x++) {
			for (int a = strokes.first[x]; a < strokes.first[x + 1]; a++) {
				int aTop = strokes.top[a];
				int aFoot = strokes.bottom[a];
				// the rising stroke's left edge: the same stroke one column to the left means it is not
				if (x > 0 && strokes.has(x - 1, aTop, aFoot, tol)) continue;
				int b = -1;
				int bx = -1;
				for (int x2 = x + minW; x2 <= Math.min(ink.w - 1, x + maxW) && b < 0; x2++) {
					b = strokes.find(x2, aTop, aFoot, tol);
					bx = x2;
				}
				if (b < 0) continue;
				int bTop = strokes.top[b];
				int bFoot = strokes.bottom[b];
				if (!rectangle(ink, x, bx, Math.min(aTop, bTop), Math.max(aFoot, bFoot), tol, mmY)) continue;
				int fall = bx;
				while (fall + 1 < ink.w && strokes.has(fall + 1, bTop, bFoot, tol)) fall++;
				int top = Math.min(aTop, bTop);
				int foot = Math.max(aFoot, bFoot);
				CalibrationPulse pulse = new CalibrationPulse(-1, Box.fromCorners(x, top, fall + 1, foot + 1), foot,
					foot - top, (bx + fall) / 2.0 - x, mmX, mmY);
				if (plausible(pulse)) out.add(pulse);
			}
		}
		return out;
	}

	/**
	 * Without the cells of a grid left in the ink. A grid's lines make rectangles side by side (one's
	 * falling stroke the next one's rising stroke) and one above the other at the grid's pitch; a
	 * printer draws each pulse by itself at the start of its row, the trace after it, and rows are
	 * never printed closer than {@link RowFinder#MIN_SPACING_MM}.
	 */
	static List<CalibrationPulse> withoutGridCells(List<CalibrationPulse> pulses, int tol, double mmX, double mmY) {
		List<CalibrationPulse> out = new ArrayList<>();
		for (CalibrationPulse p : pulses) {
			boolean cell = false;
			for (CalibrationPulse q : pulses) {
				if (q == p) continue;
				boolean sideBySide = beside(p, q, tol) || beside(q, p, tol);
				// one above the other, apart (not one inside the other), closer than rows are printed
				CalibrationPulse upper = q.footY < p.footY ? q : p;
				CalibrationPulse lower = upper == q ? p : q;
				boolean tooClose = lower.box.y >= upper.footY - tol && lower.footY - upper.footY < RowFinder.MIN_SPACING_MM *
					mmY && Math.abs(q.box.x - p.box.x) <= ALIKE_X_MM * mmX;
				if (sideBySide || tooClose) cell = true;
			}
			if (!cell) out.add(p);
		}
		return out;
	}

	/** Whether q starts where p ends: p's falling stroke is q's rising one, top and foot alike. */
	private static boolean beside(CalibrationPulse p, CalibrationPulse q, int tol) {
		return q.box.x >= p.box.x + p.widthPx - tol && q.box.x <= p.box.maxX() + tol && Math.abs(q.box.y - p.box.y) <=
			tol && Math.abs(q.footY - p.footY) <= tol;
	}

	static final double ALIKE = 0.2;
	static final double ALIKE_X_MM = 3;

	/** Without rectangles inside another (a trace crossing a pulse cuts it into smaller ones). */
	static List<CalibrationPulse> outermost(List<CalibrationPulse> pulses) {
		List<CalibrationPulse> out = new ArrayList<>();
		for (CalibrationPulse p : pulses) {
			boolean inside = false;
			for (CalibrationPulse q : pulses) {
				if (q != p && q.box.height * q.box.width > p.box.height * p.box.width && q.box.x <= p.box.x + 2 && q.box
					.maxX() >= p.box.maxX() - 2 && q.box.y <= p.box.y + 2 && q.box.maxY() >= p.box.maxY() - 2)
				{
					inside = true;
				}
			}
			if (!inside) out.add(p);
		}
		return out;
	}

	/**
	 * The page's calibration pulses: a printer draws them all alike, at the start of each row. Of
	 * rectangles found, those like the one with the most alike (within 20% in width and height,
	 * within 3 mm in x); two traces and a third crossing them can make a rectangle, but not many
	 * alike ones stacked above one another.
	 */
	static List<CalibrationPulse> alike(List<CalibrationPulse> pulses, double mmX) {
		CalibrationPulse best = null;
		int bestCount = 0;
		for (CalibrationPulse p : pulses) {
			int count = 0;
			for (CalibrationPulse q : pulses) if (alike(p, q, mmX)) count++;
			if (count > bestCount) {
				best = p;
				bestCount = count;
			}
		}
		List<CalibrationPulse> out = new ArrayList<>();
		if (best == null || bestCount < 2) return out;
		for (CalibrationPulse q : pulses) if (alike(best, q, mmX)) out.add(q);
		return out;
	}

	private static boolean alike(CalibrationPulse p, CalibrationPulse q, double mmX) {
		return Math.abs(Math.log(p.widthPx / q.widthPx)) < ALIKE && Math.abs(Math.log(p.heightPx / q.heightPx)) < ALIKE &&
			Math.abs(p.box.x - q.box.x) <= ALIKE_X_MM * mmX;
	}

	/**
	 * Per column, the vertical runs of ink (gaps up to twice {@link PageInk#BRIDGE} bridged) between
	 * minH and maxH long, top to bottom: stroke k of column x, for k from first[x] to first[x + 1],
	 * runs from row top[k] to bottom[k] (inclusive).
	 */
	static final class Strokes {
		final int[] first;
		int[] top = new int[256];
		int[] bottom = new int[256];

		Strokes(PageInk ink, int minH, int maxH) {
			first = new int[ink.w + 1];
			Bits columns = ink.columns;
			int gap = 2 * PageInk.BRIDGE + 1;
			int n = 0;
			for (int x = 0; x < ink.w; x++) {
				first[x] = n;
				for (int y = columns.nextSet(x, 0); y < ink.h;) {
					int end = columns.nextClear(x, y);
					int next = columns.nextSet(x, end);
					while (next < ink.h && next - (end - 1) <= gap) {
						end = columns.nextClear(x, next);
						next = columns.nextSet(x, end);
					}
					int length = end - y;
					if (length >= minH && length <= maxH) {
						if (n == top.length) {
							top = Arrays.copyOf(top, 2 * n);
							bottom = Arrays.copyOf(bottom, 2 * n);
						}
						top[n] = y;
						bottom[n++] = end - 1;
					}
					y = next;
				}
			}
			first[ink.w] = n;
		}

		/** The first stroke of column x within tol of top and bottom, or -1. */
		int find(int x, int top, int bottom, int tol) {
			for (int k = first[x]; k < first[x + 1]; k++) {
				if (Math.abs(this.top[k] - top) <= tol && Math.abs(this.bottom[k] - bottom) <= tol) return k;
			}
			return -1;
		}

		boolean has(int x, int top, int bottom, int tol) {
			return find(x, top, bottom, tol) >= 0;
		}
	}

	/**
	 * Whether columns a..b between two strokes hold a bar at the top and nothing in the middle: in
	 * most of them ink near the top row, and no ink from 1 mm below the top to 1 mm above the foot
	 * but grid lines crossing it ({@link #onlyGridCrossings}).
	 */
	private static boolean rectangle(PageInk ink, int a, int b, int top, int foot, int tol, double mmY) {
		int bar = 0;
		int empty = 0;
		int n = 0;
		int innerTop = (int) Math.round(top + Math.max(tol + 1, mmY));
		int innerBottom = (int) Math.round(foot - Math.max(tol + 1, mmY));
		for (int x = a + tol; x <= b - tol; x++) {
			n++;
			if (ink.inkBetween(x, top - tol, top + tol + 1)) bar++;
			if (innerBottom <= innerTop || onlyGridCrossings(ink, x, innerTop, innerBottom, tol, mmY)) empty++;
		}
		return n > 0 && bar >= 0.8 * n && empty >= 0.8 * n;
	}

	/** A grid's heavy lines, those a faint or dotted grid leaves in the ink, are this many mm apart. */
	static final double MAJOR_GRID_MM = 5;

	/**
	 * Whether column x holds no ink in rows [y0, y1) but thin flat crossings no closer than a grid's
	 * heavy lines: where the ink separation keeps a dotted or faint grid, its 5 mm lines cross a
	 * pulse as dots or dashes a pixel or two tall. A trace's stroke or a grid's vertical line inside
	 * fills the column, and a grid kept whole crosses it every millimetre.
	 */
	static boolean onlyGridCrossings(PageInk ink, int x, int y0, int y1, int tol, double mmY) {
		int allowed = (int) Math.max(1, Math.ceil((y1 - y0) / (MAJOR_GRID_MM * mmY)));
		int crossings = 0;
		for (int y = ink.columns.nextSet(x, y0); y < y1; y = ink.columns.nextSet(x, y)) {
			int end = Math.min(y1, ink.columns.nextClear(x, y));
			if (end - y > tol || ++crossings > allowed) return false;
			y = end;
		}
		return true;
	}

	/** The pulses that start rows, as the rows show them one by one (the rows' extents found). */
	static List<CalibrationPulse> rowStarts(List<TraceRow> rows, PageInk ink) {
		List<CalibrationPulse> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			TraceRow r = rows.get(i);
			CalibrationPulse p = find(r, i, i > 0 ? rows.get(i - 1).lineAt(r.start) : Double.NaN, ink);
			if (p != null) out.add(p);
		}
		return out;
	}

	/**
	 * A rising stroke that stands on the baseline, a flat top 1.5 to 14 mm long with nothing tall
	 * under it, and a falling stroke back to the baseline. Only ink that stands on the baseline or
	 * lies at the top's height counts, so header text above or the next row below do not disturb
	 * it, and a pulse taller than half the row spacing is still whole.
	 */
	static CalibrationPulse onBaseline(TraceRow r, int rowIndex, double previousBaseline, PageInk ink) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		int h = ink.h;
		// the pulse may be part of the first segment or stand apart just before it
		int xStart = (int) Math.max(0, r.start - Math.round(20 * mmX));
		int xEnd = (int) Math.min(ink.w, r.start + Math.round(25 * mmX));
		int n = xEnd - xStart;
		int base = (int) Math.round(r.lineAt(r.start));
		if (n <= 0 || base < 0 || base >= h) return null;
		double ceiling = Double.isNaN(previousBaseline) ? 0 : previousBaseline + 1.5 * mmY;
		int slack = (int) Math.ceil(1.5 * mmY);
		// per column: the ink run standing on the baseline (top, bottom), -1 when none
		int[] top = new int[n];
		int[] foot = new int[n];
		for (int i = 0; i < n; i++) {
			int[] run = ink.verticalRunThrough(xStart + i, base, slack);
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
				missing = ink.inkBetween(xStart + j, Math.max(0, topY - tol), Math.min(h - 1, topY + tol) + 1) ? 0
					: missing + 1;
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
			if (!plausible(pulse)) continue;
			return firstInRow(pulse, r, ink) ? pulse : null;
		}
		return null;
	}

	/** A pulse is the first thing in its row; a square-ish complex further in is signal. */
	static boolean firstInRow(CalibrationPulse pulse, TraceRow r, PageInk ink) {
		return pulse.box.x <= r.start + 3 * ink.mmX;
	}

	/**
	 * The same shape read from the topmost and bottommost ink of each column in the row's band,
	 * which copes with broken strokes that {@link #onBaseline} does not.
	 */
	static CalibrationPulse inBand(TraceRow r, int rowIndex, double previousBaseline, PageInk ink) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		// the pulse may be part of the first segment or stand apart just before it
		int xStart = (int) Math.max(0, r.start - Math.round(20 * mmX));
		int xEnd = (int) Math.min(ink.w, r.start + Math.round(25 * mmX));
		// A pulse can be taller than half the row spacing (10 mm on rows 15 mm apart): look up to just
		// below the previous row's baseline, or 25 mm up on the first row.
		double ceiling = Double.isNaN(previousBaseline) ? r.lineAt(r.start) - 25 * mmY : previousBaseline + 1.5 * mmY;
		int top = (int) Math.max(0, Math.min(r.top, Math.ceil(ceiling)));
		int bottom = r.bottom;
		int n = xEnd - xStart;
		if (n <= 0) return null;
		// per column: topmost and bottommost ink in the band, in a method of its own: C2 would otherwise compile the
		// search below with it by on-stack replacement of its loops
		int[] hi = new int[n];
		int[] lo = new int[n];
		inkExtents(ink, xStart, top, bottom, hi, lo);
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
				if (!footOnLine(topY, foot, r.lineAt(xStart + i))) continue;
				double heightPx = foot - topY;
				double widthPx = (j + fall) / 2.0 - i;
				CalibrationPulse pulse = new CalibrationPulse(rowIndex, Box.fromCorners(xStart + i, topY, xStart +
					fall + 1, foot + 1), foot, heightPx, widthPx, mmX, mmY);
				if (!plausible(pulse)) continue;
				return firstInRow(pulse, r, ink) ? pulse : null;
			}
		}
		return null;
	}

	/**
	 * Into hi and lo: the topmost and bottommost ink of each column from xStart on within rows [top, bottom), -1
	 * without ink; a column or two without ink between inked ones take their neighbours' extents.
	 */
	private static void inkExtents(PageInk ink, int xStart, int top, int bottom, int[] hi, int[] lo) {
		int n = hi.length;
		for (int i = 0; i < n; i++) {
			int x = xStart + i;
			boolean inked = ink.inkBetween(x, top, bottom);
			hi[i] = inked ? ink.columns.nextSet(x, top) : -1;
			lo[i] = inked ? ink.columns.previousSet(x, bottom - 1) : -1;
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
	}

	/**
	 * Whether a pulse from top to foot stands on the row's 0 mV line: its foot is the line the
	 * trace runs on before and after it, so it lies nearer the line the row's trace was found on
	 * than its top does (a 1 mV step rises away from the line; the baseline read off a row may be
	 * a little off the foot, never past the top).
	 */
	static boolean footOnLine(double top, double foot, double line) {
		return Math.abs(foot - line) < Math.abs(top - line);
	}

	private static boolean plausible(CalibrationPulse pulse) {
		return pulse.heightMm >= 3 && pulse.heightMm <= 25 && pulse.widthMm >= 1.5 && pulse.widthMm <= 14;
	}
}
