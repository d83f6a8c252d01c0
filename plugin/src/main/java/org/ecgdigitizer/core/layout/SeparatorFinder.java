package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Where a row of traces changes lead. Printers mark it with a short vertical tick across the
 * baseline, or leave a gap in the trace, or print the next lead's name just after it; where they
 * do none of these, the trace often jumps.
 */
final class SeparatorFinder {

	private SeparatorFinder() {}

	/** Where a printed lead name starts relative to its segment: printers put it at the start, within a few mm. */
	static final double LABEL_BEFORE_MM = 1;
	static final double LABEL_AFTER_MM = 4;
	/**
	 * What a blob that looks like a word but does not read as a lead name is worth, on a page where
	 * such blobs are rare; nothing where they are at {@link #MAX_WORDS} of the places looked at.
	 */
	static final double UNREAD_LABEL = 0.3;
	static final double MAX_WORDS = 0.5;

	/**
	 * How much each row looks like it changes lead at each fraction of its length: a separator
	 * tick there (1), a lead name printed there (1 when it reads as one, {@link #UNREAD_LABEL} for a
	 * word-like blob that does not), else a gap in the trace. A stroke taller than the trace's usual
	 * height says nothing: a QRS complex looks the same.
	 */
	static List<LayoutEvidence.Boundary> boundaries(List<TraceRow> rows, double[] fractions, PreparedPage page,
		PageInk ink, PageCalibration cal)
	{
		List<LayoutEvidence.Boundary> out = new ArrayList<>();
		List<List<LabelFinder.Label>> words = new ArrayList<>();
		List<int[]> at = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			TraceRow row = rows.get(r);
			for (int f = 0; f < fractions.length; f++) {
				double x = cal.x0 + (cal.x1 - cal.x0) * fractions[f];
				out.add(tick(row, ink, x) != null ? new LayoutEvidence.Boundary(r, fractions[f], 1, "tick") : null);
				if (out.get(out.size() - 1) != null) continue;
				List<LabelFinder.Label> starting = labelsStarting(row, ink, cal.pulses, x, fractions[f] <= 0);
				if (starting.isEmpty()) {
					double gap = gap(row, ink, x);
					out.set(out.size() - 1, new LayoutEvidence.Boundary(r, fractions[f], gap, gap > 0 ? "gap" : "none"));
					continue;
				}
				words.add(starting);
				at.add(new int[] { out.size() - 1, r, f });
			}
		}
		List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, words);
		boolean[] read = new boolean[at.size()];
		String[] texts = new String[at.size()];
		int unread = 0;
		for (int i = 0; i < at.size(); i++) {
			double fraction = fractions[at.get(i)[2]];
			for (LabelReader.Reading rd : readings.get(i)) {
				if (read[i] || !rd.accepted() || !namesBoundary(rd.text, fraction)) continue;
				read[i] = true;
				texts[i] = rd.text;
			}
			if (!read[i]) unread++;
		}
		// on a noisy page word-like specks are everywhere and tell nothing
		double wordWeight = UNREAD_LABEL * Math.max(0, 1 - unread / (double) Math.max(1, out.size()) / MAX_WORDS);
		// the names read, each against its row's line where its segment would start
		double[] lines = new double[at.size()];
		List<Box> namesRead = new ArrayList<>();
		List<Double> namesLines = new ArrayList<>();
		for (int i = 0; i < at.size(); i++) {
			lines[i] = rows.get(at.get(i)[1]).lineAt(cal.x0 + (cal.x1 - cal.x0) * fractions[at.get(i)[2]]);
			for (LabelReader.Reading rd : readings.get(i)) {
				if (!read[i] || !rd.accepted() || !rd.text.equals(texts[i])) continue;
				namesRead.add(rd.candidate);
				namesLines.add(lines[i]);
				break;
			}
		}
		NamePlace names = NamePlace.of(namesRead, namesLines);
		for (int i = 0; i < at.size(); i++) {
			int[] a = at.get(i);
			boolean nameLike = !read[i] && names != null && names.holdsOne(words.get(i), lines[i], ink.mmY);
			out.set(a[0], new LayoutEvidence.Boundary(a[1], fractions[a[2]], read[i] ? 1 : nameLike ? UNREAD_NAME : wordWeight,
				read[i] ? "label" : nameLike ? "name" : "word", texts[i]));
		}
		return out;
	}

	/**
	 * What an unread word counts for where this page's names sit and at their size: a name the reader
	 * could not read (grey type, a stroke through it), as much as a lone row's clear mark
	 * ({@link LayoutChooser#SHOWN}).
	 */
	static final double UNREAD_NAME = LayoutChooser.SHOWN;
	/** How far (mm) a name's foot may be from where the names read stand (as {@link LeadNaming#PLACE_MM}). */
	static final double NAME_FOOT_MM = LeadNaming.PLACE_MM;
	/** A name is at least this share of the names' height (smaller specks are no name). */
	static final double NAME_HEIGHT = 0.75;

	/**
	 * Where a page's names stand against their row's line, and how tall they are: a printer prints every
	 * name alike, at one height beside its segment's start, in one type. Measured on the names read (at
	 * least two); on a page whose words are everywhere (a grey photocopy's specks), the unread words at
	 * that height and of that size are its other names.
	 */
	static final class NamePlace {
		final double foot;
		final double height;

		NamePlace(double foot, double height) {
			this.foot = foot;
			this.height = height;
		}

		/** From the names read (their ink's boxes) and the line of each one's row; null from fewer than two. */
		static NamePlace of(List<Box> names, List<Double> lines) {
			if (names.size() < 2) return null;
			List<Double> feet = new ArrayList<>();
			List<Double> heights = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				feet.add(names.get(i).maxY() - lines.get(i));
				heights.add(names.get(i).height);
			}
			return new NamePlace(Median.of(feet), Median.of(heights));
		}

		/** Whether some word of these stands where the names stand, at least about their size. */
		boolean holdsOne(List<LabelFinder.Label> words, double line, double mmY) {
			for (LabelFinder.Label w : words) {
				if (Math.abs(w.box.maxY() - line - foot) <= NAME_FOOT_MM * mmY && w.box.height >= NAME_HEIGHT * height) return true;
			}
			return false;
		}
	}

	/**
	 * Whether a word read where a segment would start names a lead there. Inside a row a lone
	 * {@code I} does not: it is one upright stroke, as is every QRS spike, grid-line stub and
	 * separator the reader meets along a row, and a printer that names its columns names most of
	 * them with two or more letters (aVR, V1, V4), so the column's other rows still show it. At the
	 * start of a row, where printers put the first lead's name, it does.
	 */
	static boolean namesBoundary(String word, double fraction) {
		if (LabelReader.leadOf(word) == null) return false;
		return fraction <= 0 || !word.equals("I");
	}

	/**
	 * Word-like blobs that start where a segment starting at x would have its name, beside the line or
	 * above the trace up to the row's band top ({@link LabelFinder#aboveTheRow}); at a row's start
	 * ({@code rowStart}) also after the calibration pulse where one is printed there.
	 */
	private static List<LabelFinder.Label> labelsStarting(TraceRow row, PageInk ink, List<CalibrationPulse> pulses,
		double x, boolean rowStart)
	{
		LeadRegion probe = new LeadRegion(Lead.I, false, 0, 1, false, 0, 1, Box.fromCorners(x, row.top, x +
			10 * ink.mmX, row.bottom), row.lineAt(x + 5 * ink.mmX), null, 1);
		List<LabelFinder.Label> candidates = LabelFinder.candidates(probe, ink.raw, pulses, ink.mmX, ink.mmY, 3);
		// names printed high above the trace are looked for at every place alike, so that how thoroughly
		// a page names its row starts (the chooser's marking) is measured as its segment starts are
		candidates.addAll(LabelFinder.aboveTheRow(probe, ink.raw, pulses, ink.mmX, ink.mmY, candidates));
		double last = x + LABEL_AFTER_MM * ink.mmX;
		if (rowStart) last = Math.max(last, afterPulse(pulses, x - LABEL_BEFORE_MM * ink.mmX, last) + LABEL_AFTER_MM * ink.mmX);
		List<LabelFinder.Label> out = new ArrayList<>();
		for (LabelFinder.Label label : candidates) {
			if (label.box.x >= x - LABEL_BEFORE_MM * ink.mmX && label.box.x <= last) out.add(label);
		}
		return out;
	}

	/**
	 * Where the calibration pulses printed over [a, b] end (printers draw them at the same place on
	 * every row, so a row whose own pulse was not found has it there too), or a when none is.
	 */
	static double afterPulse(List<CalibrationPulse> pulses, double a, double b) {
		double end = a;
		for (CalibrationPulse p : pulses) {
			if (p.box.maxX() >= a && p.box.x <= b) end = Math.max(end, p.box.maxX());
		}
		return end;
	}

	/** A tick is a few millimetres long... */
	static final double MAX_TICK_MM = 12;
	/** ...and reaches about as far above the zero line as below it. */
	static final double TICK_SYMMETRY = 0.5;
	/**
	 * Where the layout puts a boundary, a tick may be lopsided by the new lead's first samples
	 * jumping from the last one's value beside it (a tall R wave standing on it), but a printed tick
	 * still reaches a few mm each way from the zero line. A stroke reaching less than
	 * {@link #SHORT_SIDE_MM} one way and more than 4 times as far the other is a QRS stroke: gain5-05's
	 * V2 starts its column with a small R wave (0.9 mm) and a deep S wave (5.8 mm in this stroke),
	 * whose downstroke was erased as a tick.
	 */
	static final double LOPSIDED = 0.25;
	static final double SHORT_SIDE_MM = 1.5;

	/**
	 * A separator tick printed across row r near column x: a straight vertical stroke, at least
	 * 2.5 to 12 mm long, reaching at least 1 mm above and below the baseline and about as far
	 * each way from the zero line, as wide at its ends as in its middle, with no comparable stroke
	 * 1 mm to either side (a QRS complex has its up- and downstroke side by side). Null if none.
	 */
	static Box tick(TraceRow r, PageInk ink, double x) {
		return tick(r, ink, x, true);
	}

	/**
	 * @param strict as evidence of a boundary anywhere along a row: also symmetric about the zero
	 *        line and as wide at its ends as in its middle, which a narrow QRS complex is not; where
	 *        the layout already puts a boundary, a tick is found without that (a lead's first
	 *        samples jumping from the last one's value may stand beside it)
	 */
	static Box tick(TraceRow r, PageInk ink, double x, boolean strict) {
		double mmX = ink.mmX;
		double mmY = ink.mmY;
		int w = ink.w;
		int base = (int) Math.round(r.lineAt(x));
		if (base < 0 || base >= ink.h) return null;
		int reach = (int) Math.max(2, Math.round(1.5 * mmX));
		int bestColumn = -1;
		int bestTop = 0;
		int bestBottom = -1;
		for (int cx = (int) Math.round(x) - reach; cx <= (int) Math.round(x) + reach; cx++) {
			if (cx < 0 || cx >= w) continue;
			int[] run = ink.verticalRunThrough(cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] > bestBottom - bestTop) {
				bestColumn = cx;
				bestTop = run[0];
				bestBottom = run[1];
			}
		}
		int length = bestBottom - bestTop + 1;
		if (bestColumn < 0 || length < 2.5 * mmY || strict && length > MAX_TICK_MM * mmY || base - bestTop < mmY || bestBottom -
			base < mmY)
		{
			return null;
		}
		// printers centre the tick on the row's zero line (the pulse's foot); a QRS complex reaches
		// further one way than the other
		double zero = r.pulse != null ? r.pulse.footY : r.lineAt(x);
		double up = zero - bestTop;
		double down = bestBottom - zero;
		if (strict && Math.min(up, down) < TICK_SYMMETRY * Math.max(up, down)) return null;
		if (Math.min(up, down) < SHORT_SIDE_MM * mmY && Math.min(up, down) < LOPSIDED * Math.max(up, down)) return null;
		int side = (int) Math.max(2, Math.round(1.0 * mmX));
		for (int cx : new int[] { bestColumn - side, bestColumn + side }) {
			if (cx < 0 || cx >= w) continue;
			int[] run = ink.verticalRunThrough(cx, base, (int) Math.ceil(0.5 * mmY));
			if (run != null && run[1] - run[0] + 1 > 0.5 * length) return null;
		}
		// the stroke's own width: neighbouring columns inked over most of its length
		int left = bestColumn;
		int right = bestColumn;
		while (left - 1 >= 0 && ink.inkedOver(left - 1, bestTop, bestBottom) > 0.7) left--;
		while (right + 1 < w && ink.inkedOver(right + 1, bestTop, bestBottom) > 0.7) right++;
		if (right - left + 1 > 0.8 * mmX + 1) return null;
		if (strict && !evenWidth(ink, bestColumn, bestTop, bestBottom, base)) return null;
		return Box.fromCorners(left - 1, bestTop - 1, right + 2, bestBottom + 2);
	}

	/**
	 * A printed tick is as wide at its ends as in its middle; a narrow QRS complex is an up- and a
	 * downstroke that meet at its tip, so it widens towards the line. The width of the stroke is
	 * read in each image row, away from the trace crossing it.
	 */
	static boolean evenWidth(PageInk ink, int column, int top, int bottom, int line) {
		int reach = (int) Math.max(2, Math.round(ink.mmX));
		int away = (int) Math.max(2, Math.round(1.2 * ink.mmY));
		int narrowest = Integer.MAX_VALUE;
		int widest = 0;
		int margin = (bottom - top) / 10;
		for (int y = top + margin; y <= bottom - margin; y++) {
			if (Math.abs(y - line) < away) continue;
			int c = ink.at(column, y) ? column : column > 0 && ink.at(column - 1, y) ? column - 1 : column + 1 < ink.w && ink
				.at(column + 1, y) ? column + 1 : -1;
			if (c < 0) continue;
			int left = c;
			int right = c;
			while (left - 1 >= Math.max(0, column - reach) && ink.at(left - 1, y)) left--;
			while (right + 1 <= Math.min(ink.w - 1, column + reach) && ink.at(right + 1, y)) right++;
			narrowest = Math.min(narrowest, right - left + 1);
			widest = Math.max(widest, right - left + 1);
		}
		return widest == 0 || widest - narrowest <= Math.max(2, 0.3 * ink.mmX);
	}

	/**
	 * A gap in the trace around x, as some printers leave between columns: the fraction (x3, at
	 * most 1) of the columns within 1.5 mm without any ink in the row's band. Blank columns where
	 * the trace left the band through its top or bottom edge (a tall complex of a closely spaced
	 * row, reaching into its neighbour's band) are no gap: a printer's gap ends the trace on its line.
	 */
	static double gap(TraceRow r, PageInk ink, double x) {
		int half = (int) Math.max(2, Math.round(1.5 * ink.mmX));
		int cx = (int) Math.round(x);
		int gaps = 0;
		int count = 0;
		for (int xx = Math.max(0, cx - half); xx <= Math.min(ink.w - 1, cx + half); xx++) {
			count++;
			if (!ink.inkBetween(xx, r.top, r.bottom) && !outsideTheBand(r, ink, xx)) gaps++;
		}
		return count == 0 ? 0 : Math.min(1, gaps / (double) count * 3);
	}

	/** Whether the blank run of columns around x is bounded by trace crossing the band's top or bottom edge. */
	static boolean outsideTheBand(TraceRow r, PageInk ink, int x) {
		int reach = (int) Math.round(5 * ink.mmX);
		int a = x;
		while (a > 0 && x - a < reach && !ink.inkBetween(a - 1, r.top, r.bottom)) a--;
		int b = x;
		while (b < ink.w - 1 && b - x < reach && !ink.inkBetween(b + 1, r.top, r.bottom)) b++;
		return crossesEdge(r, ink, a - 1) || crossesEdge(r, ink, b + 1);
	}

	private static boolean crossesEdge(TraceRow r, PageInk ink, int x) {
		if (x < 0 || x >= ink.w) return false;
		return ink.inkBetween(x, r.top, r.top + 2) || ink.inkBetween(x, r.bottom - 2, r.bottom);
	}
}
