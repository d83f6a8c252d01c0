package org.ecgdigitizer.core.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes away grid lines that survived as ink. On a black-and-white photocopy the 5 mm lines turn
 * as black as the trace (the 1 mm lines vanish), so colour cannot tell them apart and they break
 * into straight fragments that the line template does not remove. Such lines are thin, perfectly
 * straight and repeat every 5 mm; a trace is none of these. Only thin ink on lines that belong to
 * a run of at least {@link #MIN_LINES} equally spaced lines is erased, and only when such lines
 * fill a good part of the page's lattice: a trace crossing a line keeps its ink, the flat
 * baselines of rows printed on grid lines stay, and a page whose grid was removed by colour is
 * left as it is.
 */
final class GridLineEraser {

	/** Major grid lines are this far apart. */
	static final double MAJOR_MM = 5;
	/** Lines in a run of equally spaced lines, at least. */
	static final int MIN_LINES = 4;
	/** Of the lattice positions across the page, at least this fraction must show a line. */
	static final double MIN_OCCUPANCY = 0.3;
	/** Lattice lines in a row that may be missing from a run. */
	static final int MAX_MISSING = 2;
	/** A line row: this fraction of its pixels are thin ink in straight stretches. */
	static final double MIN_COVER = 0.08;
	/** A straight stretch is at least this long. */
	static final double MIN_STRETCH_MM = 2;
	/** Thin: ink no thicker than this across the line. */
	static final double MAX_THICK_MM = 0.45;

	/** A calibration pulse (1 mV) is this tall at 5 mm/mV, less a little for a faded edge. */
	static final double MIN_PULSE_MM = 4;
	/** A calibration pulse is this tall at 20 mm/mV, with some room. */
	static final double MAX_PULSE_MM = 24;

	private GridLineEraser() {}

	/** Erases residual horizontal and vertical grid lines from the ink probability, in place. */
	static void erase(float[] prob, int w, int h, double pxPerMmX, double pxPerMmY) {
		if (Double.isNaN(pxPerMmX) || Double.isNaN(pxPerMmY)) return;
		// the ink as bits: ink is sparse and bits are quick to scan
		erase(prob, Bits.above(prob, w, h, InkModel.MASK_THRESHOLD), pxPerMmX, pxPerMmY);
	}

	/**
	 * {@link #erase(float[], int, int, double, double)} given the pixels of prob above
	 * {@link InkModel#MASK_THRESHOLD}, which are updated with it.
	 */
	static void erase(float[] prob, Bits ink, double pxPerMmX, double pxPerMmY) {
		if (Double.isNaN(pxPerMmX) || Double.isNaN(pxPerMmY)) return;
		int w = ink.w;
		int h = ink.h;
		eraseLines(prob, ink, w, h, pxPerMmY, pxPerMmX, false);
		eraseLines(prob, ink, w, h, pxPerMmX, pxPerMmY, true);
	}

	/**
	 * One direction: lines along x (rows of the page) when {@code vertical} is false, lines along
	 * y otherwise; {@code across} is the scale across the lines, {@code along} the scale along them.
	 * Erased pixels leave the ink bits too.
	 */
	private static void eraseLines(float[] prob, Bits ink, int w, int h, double across, double along,
		boolean vertical)
	{
		int lines = vertical ? w : h;
		int length = vertical ? h : w;
		int maxThick = (int) Math.max(2, Math.round(MAX_THICK_MM * across));
		int minStretch = (int) Math.max(4, Math.round(MIN_STRETCH_MM * along));
		// thin ink: ink at position s of line l whose run across the line is at most maxThick long;
		// its straight stretches along each line, and how much of each line they cover
		Bits thin = vertical ? thinAlongRows(ink, maxThick) : thinAlongColumns(ink, maxThick);
		Stretches stretches = new Stretches(lines);
		Bits.RunConsumer straight = (line, from, to) -> {
			if (to - from >= minStretch) stretches.add(line, from, to);
		};
		if (vertical) thin.columnRuns(straight);
		else thin.rowRuns(straight);
		double[] cover = new double[lines];
		for (int l = 0; l < lines; l++) cover[l] = stretches.covered(l) / (double) length;
		List<Integer> candidates = new ArrayList<>();
		for (int l = 0; l < lines; l++) {
			// the centre of a band of covered lines
			if (cover[l] >= MIN_COVER && (l == 0 || cover[l] >= cover[l - 1]) && (l + 1 == lines || cover[l] > cover[l +
				1])) candidates.add(l);
		}
		double spacing = MAJOR_MM * across;
		int tolerance = (int) Math.max(1, Math.round(0.25 * across));
		boolean[] isCandidate = new boolean[lines];
		for (int c : candidates) isCandidate[c] = true;
		List<Integer> onLattice = new ArrayList<>();
		for (int c : candidates) if (chainLength(c, isCandidate, spacing, tolerance, MAX_MISSING) >= MIN_LINES) onLattice.add(c);
		// the flat baselines of rows printed on grid lines form a sparse lattice too; a grid fills it
		if (onLattice.size() < MIN_OCCUPANCY * lines / spacing) {
			// A sparse lattice may be baselines printed on grid lines; but lines that follow each other
			// every 5 mm without a gap are a patch of grid (under a header, say) that survived as ink.
			onLattice.removeIf(c -> chainLength(c, isCandidate, spacing, tolerance, 0) < MIN_LINES);
		}
		for (int c : onLattice) {
			// erase the thin straight ink of this line and the rows beside it that belong to it
			for (int l = Math.max(0, c - maxThick); l < Math.min(lines, c + maxThick + 1); l++) {
				boolean[] keep = null;
				for (int k = stretches.first[l]; k >= 0; k = stretches.next[k]) {
					if (keep == null) keep = pulseTops(prob, w, lines, l, length, vertical, across, along);
					for (int q = stretches.start[k]; q < stretches.end[k]; q++) {
						if (keep[q]) continue;
						prob[index(l, q, w, vertical)] = 0;
						if (vertical) ink.clear(l, q);
						else ink.clear(q, l);
					}
				}
			}
		}
	}

	/**
	 * How many candidate lines lie on the lattice through c (c itself included), both ways; up to
	 * maxMissing lines of the lattice in a row may be missing (hidden by print, or too faint to survive).
	 */
	private static int chainLength(int c, boolean[] isCandidate, double spacing, int tolerance, int maxMissing) {
		int count = 1;
		for (int direction = -1; direction <= 1; direction += 2) {
			int misses = 0;
			for (int k = 1; misses <= maxMissing; k++) {
				int expected = (int) Math.round(c + direction * k * spacing);
				if (expected < -tolerance || expected >= isCandidate.length + tolerance) break;
				if (near(isCandidate, expected, tolerance)) {
					count++;
					misses = 0;
				}
				else {
					misses++;
				}
			}
		}
		return count;
	}

	/**
	 * The positions of line l that are a calibration pulse's flat top, which may lie on a grid line,
	 * run on into it and be crossed by other grid lines: a piece between two strokes that leave the
	 * line on one side only, the same side, 1.5 to 14 mm apart and equally long, as a pulse's two
	 * edges are (4 to 24 mm: 1 mV at 5 to 20 mm/mV). A trace crossing the line leaves it on both
	 * sides and protects nothing; letters standing on a line are shorter; grid lines that leave a
	 * line at the edge of the grid come as a row of such pairs, where a pulse stands alone.
	 */
	private static boolean[] pulseTops(float[] prob, int w, int lines, int l, int length, boolean vertical,
		double across, double along)
	{
		int minRise = (int) Math.round(MIN_PULSE_MM * across);
		int maxRise = (int) Math.round(MAX_PULSE_MM * across);
		// strokes leaving the line on one side: position, side and length
		List<int[]> strokes = new ArrayList<>();
		int lastK = -2;
		for (int k = 0; k < length; k++) {
			int up = rise(prob, w, lines, l, k, -1, vertical, maxRise + 1);
			int down = rise(prob, w, lines, l, k, 1, vertical, maxRise + 1);
			if (up >= minRise == down >= minRise) continue;
			// a stroke (or its neighbourhood of a pixel either way) spans a few positions: count it once
			if (lastK < k - 1) strokes.add(new int[] { k, up >= minRise ? -1 : 1, Math.max(up, down) });
			lastK = k;
		}
		boolean[] keep = new boolean[length];
		int tolerance = (int) Math.max(2, Math.round(0.5 * across));
		for (int i = 0; i + 1 < strokes.size(); i++) {
			if (!pulseEdges(strokes, i, along, maxRise, tolerance)) continue;
			if (i > 0 && pulseEdges(strokes, i - 1, along, maxRise, tolerance)) continue;
			if (i + 2 < strokes.size() && pulseEdges(strokes, i + 1, along, maxRise, tolerance)) continue;
			int from = strokes.get(i)[0];
			int to = strokes.get(i + 1)[0];
			for (int q = Math.max(0, from - 2); q < Math.min(length, to + 3); q++) keep[q] = true;
		}
		return keep;
	}

	/** Whether strokes i and i + 1 could be the two edges of one calibration pulse. */
	private static boolean pulseEdges(List<int[]> strokes, int i, double along, int maxRise, int tolerance) {
		int[] a = strokes.get(i);
		int[] b = strokes.get(i + 1);
		int apart = b[0] - a[0];
		return a[1] == b[1] && apart >= 1.5 * along && apart <= 14 * along && a[2] <= maxRise && b[2] <= maxRise &&
			Math.abs(a[2] - b[2]) <= tolerance;
	}

	/**
	 * How far ink runs from line l at position s (give or take a pixel) towards side, at most;
	 * counted up to cap only (a grid line crossing l runs on across the whole page).
	 */
	private static int rise(float[] prob, int w, int lines, int l, int s, int side, boolean vertical, int cap) {
		int length = vertical ? prob.length / w : w;
		int longest = 0;
		for (int ds = -1; ds <= 1; ds++) {
			int p = s + ds;
			if (p < 0 || p >= length) continue;
			int run = 0;
			for (int k = l + side; run < cap && k >= 0 && k < lines && prob[index(k, p, w, vertical)] >
				InkModel.MASK_THRESHOLD; k += side) run++;
			longest = Math.max(longest, run);
		}
		return longest;
	}

	private static boolean near(boolean[] set, int at, int tolerance) {
		for (int l = at - tolerance; l <= at + tolerance; l++) if (l >= 0 && l < set.length && set[l]) return true;
		return false;
	}

	private static int index(int line, int position, int w, boolean vertical) {
		return vertical ? position * w + line : line * w + position;
	}

	/**
	 * The pixels whose run along their column is at most maxThick long: those not covered by a
	 * window of maxThick + 1 set pixels in a column, found 64 columns at a time.
	 */
	static Bits thinAlongColumns(Bits ink, int maxThick) {
		int words = ink.words;
		int window = maxThick + 1;
		// full[s]: bits set in every row s .. s + maxThick
		long[] full = new long[ink.bits.length];
		for (int s = 0; s + window <= ink.h; s++) {
			for (int i = 0; i < words; i++) {
				long all = -1L;
				for (int j = 0; j < window; j++) all &= ink.bits[(s + j) * words + i];
				full[s * words + i] = all;
			}
		}
		Bits out = new Bits(ink.w, ink.h);
		for (int y = 0; y < ink.h; y++) {
			for (int i = 0; i < words; i++) {
				long thick = 0;
				for (int s = Math.max(0, y - maxThick); s <= y; s++) thick |= full[s * words + i];
				out.bits[y * words + i] = ink.bits[y * words + i] & ~thick;
			}
		}
		return out;
	}

	/** The pixels whose run along their row is at most maxThick long. */
	static Bits thinAlongRows(Bits ink, int maxThick) {
		Bits out = new Bits(ink.w, ink.h);
		ink.rowRuns((y, from, to) -> {
			if (to - from <= maxThick) for (int x = from; x < to; x++) out.set(x, y);
		});
		return out;
	}

	/** Stretches [start, end) along lines, each line's in order of their start. */
	static final class Stretches {
		final int[] first;
		private final int[] last;
		int[] next = new int[16];
		int[] start = new int[16];
		int[] end = new int[16];
		private int count;

		Stretches(int lines) {
			first = new int[lines];
			last = new int[lines];
			Arrays.fill(first, -1);
		}

		void add(int line, int from, int to) {
			if (count == next.length) {
				next = Arrays.copyOf(next, 2 * count);
				start = Arrays.copyOf(start, 2 * count);
				end = Arrays.copyOf(end, 2 * count);
			}
			start[count] = from;
			end[count] = to;
			next[count] = -1;
			if (first[line] < 0) first[line] = count;
			else next[last[line]] = count;
			last[line] = count++;
		}

		/** How many positions of a line its stretches cover. */
		int covered(int line) {
			int n = 0;
			for (int k = first[line]; k >= 0; k = next[k]) n += end[k] - start[k];
			return n;
		}
	}
}
