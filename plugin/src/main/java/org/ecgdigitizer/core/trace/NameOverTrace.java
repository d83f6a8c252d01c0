package org.ecgdigitizer.core.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.Box;

/**
 * A lead name printed over its trace. Printers (and ecg-image-kit) print a lead's name at the start
 * of its column, often on the trace or touching it. The name is a known word at a known box (the
 * label reader found the word's ink there), and the trace is one stroke the pen drew without
 * lifting across it. So the letters' ink is taken out before tracing: the ink inside the word's
 * box, but for ink that goes on from the trace outside it ({@link #takeOut}); the trace above or
 * below the letters lies outside the box anyway. Where the letters hid the trace (it runs through
 * them), the path found on either side of them is carried across the letters' columns
 * ({@link #carriedAcross}): no letter is followed as signal, and no column between the path's two
 * sides is left empty.
 */
final class NameOverTrace {

	/** The letters' anti-aliased edge, px beyond the word's box. */
	static final int EDGE_PX = 1;

	private NameOverTrace() {}

	/**
	 * Takes the letters of a name out of the planes: the ink in the word's box and its anti-aliased
	 * edge, but for the trace's own ink there ({@link #traceInk}).
	 *
	 * @param ink the ink probability, which says where a stroke's ink runs; it is one of the planes
	 * @param steepPx the height of a column's run that is a steep stroke of the trace
	 */
	static void takeOut(Box name, float[] ink, int w, int h, double steepPx, float[]... planes) {
		Box b = letters(name);
		int x0 = Math.max(0, (int) Math.floor(b.x));
		int x1 = Math.min(w, (int) Math.ceil(b.maxX()));
		int y0 = Math.max(0, (int) Math.floor(b.y));
		int y1 = Math.min(h, (int) Math.ceil(b.maxY()));
		int bw = Math.max(0, x1 - x0);
		int bh = Math.max(0, y1 - y0);
		// the trace's ink in the box, and where steep strokes end inside it
		boolean[] kept = new boolean[bw * bh];
		List<int[]> turns = new ArrayList<>();
		for (int x = x0; x < x1; x++) {
			int[] k = traceInk(ink, w, h, x, y0, y1, steepPx);
			for (int y = y0; y < y1; y++) {
				kept[(y - y0) * bw + x - x0] = y >= k[0] && y < k[1] || y >= k[2] && y < k[3];
			}
			// a stroke that ends at the box's far edge has run into a letter's stem: no turn
			if (k[4] == 1 && k[1] < y1 - TURN_PX) turns.add(new int[] { x - x0, k[1] - 1 - y0, 1 });
			if (k[5] == 1 && k[2] > y0 + TURN_PX) turns.add(new int[] { x - x0, k[2] - y0, -1 });
		}
		followTurns(ink, w, x0, y0, bw, bh, kept, turns);
		for (int x = x0; x < x1; x++) {
			for (int y = y0; y < y1; y++) {
				if (kept[(y - y0) * bw + x - x0]) continue;
				for (float[] plane : planes) plane[y * w + x] = 0f;
			}
		}
	}

	/** How far (px) the ends of a stroke's runs in neighbouring columns lie apart where it turns. */
	static final int TURN_PX = 2;

	/**
	 * A steep stroke that comes into the box and ends inside it turns there (the trough of an S wave
	 * among the letters): the run in the column beside whose inner end (the end away from where the
	 * stroke came in) lies within {@link #TURN_PX} of the stroke's is the turn's, and so on, column by
	 * column. A letter's stroke that the trace touches or crosses ends elsewhere and is not followed;
	 * nor is a stroke whose inner end lies at the box's far edge, where the letters' stems end.
	 *
	 * @param turns the inner ends to follow from: column and row in the box, and +1 for a stroke
	 *        that came in from the top (its inner end is its bottom), -1 from the bottom
	 */
	static void followTurns(float[] ink, int w, int x0, int y0, int bw, int bh, boolean[] kept, List<int[]> turns) {
		ArrayDeque<int[]> todo = new ArrayDeque<>(turns);
		while (!todo.isEmpty()) {
			int[] t = todo.poll();
			for (int c = t[0] - 1; c <= t[0] + 1; c += 2) {
				if (c < 0 || c >= bw) continue;
				for (int r = 0; r < bh;) {
					if (!inked(ink, w, x0 + c, y0 + r)) {
						r++;
						continue;
					}
					int end = r;
					while (end < bh && inked(ink, w, x0 + c, y0 + end)) end++;
					int inner = t[2] > 0 ? end - 1 : r;
					boolean atEdge = t[2] > 0 ? inner >= bh - 1 - TURN_PX : inner <= TURN_PX;
					if (Math.abs(inner - t[1]) <= TURN_PX && !atEdge && !kept[inner * bw + c]) {
						for (int y = r; y < end; y++) kept[y * bw + c] = true;
						todo.add(new int[] { c, inner, t[2] });
					}
					r = end;
				}
			}
		}
	}

	/**
	 * The trace's own ink in column x of the letters' rows [y0, y1): a letter lies wholly inside
	 * the word's box, so ink there that goes on from ink outside it is the trace's. A stroke that
	 * crosses the box is kept whole, and so is a steep stroke (at least {@code steepPx} of it
	 * outside) that reaches in from one side: a QRS complex through the name. A level trace that
	 * reaches in from one side is kept as far as the nearer half of the box (a dip into the letters);
	 * beyond that it has run into a letter (the trace on the top of a stem), and the letter's ink is
	 * not told from the trace's there: nothing of it inside is kept.
	 *
	 * @return rows [a, b) kept from the top and [c, d) kept from the bottom (empty ranges when none),
	 *         and whether each is a steep stroke's (1) or not (0)
	 */
	static int[] traceInk(float[] ink, int w, int h, int x, int y0, int y1, double steepPx) {
		int[] kept = { y0, y0, y1, y1, 0, 0 };
		int half = (y1 - y0) / 2;
		if (y0 > 0 && inked(ink, w, x, y0 - 1)) {
			int end = y0;
			while (end < h && inked(ink, w, x, end)) end++;
			if (end >= y1) return new int[] { y0, y1, y1, y1, 1, 0 };
			boolean steep = y0 - strokeEnd(ink, w, h, x, y0 - 1, -1) >= steepPx;
			if (end - y0 <= half || steep) kept[1] = end;
			if (steep) kept[4] = 1;
		}
		if (y1 < h && inked(ink, w, x, y1)) {
			int start = y1;
			while (start > 0 && inked(ink, w, x, start - 1)) start--;
			boolean steep = strokeEnd(ink, w, h, x, y1, 1) - y1 >= steepPx;
			if (y1 - start <= half || steep) kept[2] = start;
			if (steep) kept[5] = 1;
		}
		return kept;
	}

	/**
	 * How far a stroke goes from row y of column x in direction dir (-1 up, +1 down): the last row
	 * of its run there, or of the run of a column beside that goes on from that row (a steep stroke
	 * leans: its runs in neighbouring columns overlap by a row or two).
	 */
	static int strokeEnd(float[] ink, int w, int h, int x, int y, int dir) {
		int end = runEnd(ink, w, h, x, y, dir);
		int far = end;
		for (int c = x - 1; c <= x + 1; c += 2) {
			if (c < 0 || c >= w) continue;
			for (int r = end; r != end - 2 * dir; r -= dir) {
				if (r >= 0 && r < h && inked(ink, w, c, r)) {
					int e = runEnd(ink, w, h, c, r, dir);
					far = dir < 0 ? Math.min(far, e) : Math.max(far, e);
					break;
				}
			}
		}
		return far;
	}

	/** The last inked row of column x from row y (inked) on in direction dir. */
	private static int runEnd(float[] ink, int w, int h, int x, int y, int dir) {
		int end = y;
		while (end + dir >= 0 && end + dir < h && inked(ink, w, x, end + dir)) end += dir;
		return end;
	}

	private static boolean inked(float[] ink, int w, int x, int y) {
		return ink[y * w + x] >= TraceExtractor.RUN;
	}

	/**
	 * The columns from xa whose runs are given where the letters hid the trace: the letters' columns
	 * left without ink (the path may jump across them), or null when no name is printed over the
	 * trace. Where the trace shows beside the letters, the path follows it as anywhere else.
	 */
	static boolean[] hidden(Box name, int xa, TraceExtractor.Run[][] runs) {
		if (name == null) return null;
		Box b = letters(name);
		int n = runs.length;
		boolean[] out = new boolean[n];
		for (int i = Math.max(0, (int) Math.floor(b.x) - xa); i < Math.min(n, (int) Math.ceil(b.maxX()) - xa); i++) {
			out[i] = runs[i].length == 0;
		}
		return out;
	}

	/** The pixels taken out for a name's letters. */
	static Box letters(Box name) {
		return name.grow(EDGE_PX, EDGE_PX);
	}

	/**
	 * How a trace was carried across a name's letters: the columns the letters cover, how many of
	 * them the path followed (the trace's own ink beside the letters), how many empty columns were
	 * bridged between the path on both sides where the letters hid it (those beside the letters
	 * included), how many of those bridges followed the trace's tangents to a hidden corner, and how
	 * many of the letters' columns were left empty at the trace's start or end.
	 */
	static final class Crossing {
		final Box name;
		final int columns;
		final int followed;
		final int bridged;
		final int onTangents;
		final int leftEmpty;

		Crossing(Box name, int columns, int followed, int bridged, int onTangents, int leftEmpty) {
			this.name = name;
			this.columns = columns;
			this.followed = followed;
			this.bridged = bridged;
			this.onTangents = onTangents;
			this.leftEmpty = leftEmpty;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name_box", name.toJson());
			m.put("columns", columns);
			m.put("followed", followed);
			m.put("bridged", bridged);
			m.put("bridges_on_tangents", onTangents);
			m.put("left_empty", leftEmpty);
			return m;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "Crossing[%s columns=%d followed=%d bridged=%d (%d on tangents) left empty=%d]",
				name, columns, followed, bridged, onTangents, leftEmpty);
		}
	}

	/**
	 * The trace with the empty columns under a name filled: each stretch of empty columns that
	 * reaches into the letters' columns is bridged between the path on either side
	 * ({@link #bridge}). One that reaches the trace's start or end stays empty, and so do stretches
	 * beside the name, not under it.
	 */
	static Trace carriedAcross(Trace t, Box name) {
		Box letters = letters(name);
		int n = t.ys.length;
		int a = Math.max(0, (int) Math.floor(letters.x) - t.x0);
		int b = Math.min(n, (int) Math.ceil(letters.maxX()) - t.x0);
		if (b <= a) return t.withCrossing(new Crossing(name, 0, 0, 0, 0, 0));
		int followed = 0;
		for (int i = a; i < b; i++) if (!Double.isNaN(t.ys[i])) followed++;
		double[] ys = t.ys.clone();
		double[] fine = t.fine == null ? null : t.fine.clone();
		int bridged = 0;
		int onTangents = 0;
		int leftEmpty = 0;
		for (int i = a; i < b;) {
			if (!Double.isNaN(ys[i])) {
				i++;
				continue;
			}
			// the stretch of empty columns through i, wherever it starts and ends
			int from = i;
			while (from > 0 && Double.isNaN(ys[from - 1])) from--;
			int to = i;
			while (to + 1 < n && Double.isNaN(ys[to + 1])) to++;
			// at the trace's start or end nothing says where the pen came from or went
			boolean between = from > 0 && to + 1 < n;
			double[] bridgedYs = between ? ys.clone() : null;
			double[] bridgedFine = between && fine != null ? fine.clone() : null;
			boolean tangents = between && bridgeStretch(bridgedYs, bridgedFine, from, to, letters);
			if (between && withinRows(bridgedYs, from, to, letters)) {
				ys = bridgedYs;
				fine = bridgedFine;
				bridged += to - from + 1;
				if (tangents) onTangents++;
			}
			else {
				leftEmpty += Math.min(to + 1, b) - Math.max(from, a);
			}
			i = to + 1;
		}
		Trace out = new Trace(t.region, t.x0, ys, fine, t.confidence);
		return out.withCrossing(new Crossing(name, b - a, followed, bridged, onTangents, leftEmpty));
	}

	/**
	 * Bridges the empty columns from..to in place: on the fine path where there is one, the column
	 * centres then read from it (it is the path the signal is read from).
	 *
	 * @return whether the bridge follows the tangents ({@link #bridge})
	 */
	private static boolean bridgeStretch(double[] ys, double[] fine, int from, int to, Box letters) {
		if (fine == null) return bridge(ys, from, to, 1, letters);
		boolean tangents = bridge(fine, from * Trace.STEPS, (to + 1) * Trace.STEPS - 1, Trace.STEPS, letters);
		for (int c = from; c <= to; c++) {
			ys[c] = (fine[c * Trace.STEPS + Trace.STEPS / 2 - 1] + fine[c * Trace.STEPS + Trace.STEPS / 2]) / 2;
		}
		return tangents;
	}

	/**
	 * Whether a bridge over columns from..to runs behind the letters: the letters can hide only
	 * the trace within their own rows. A bridge that leaves them crosses columns where the trace
	 * was not hidden but missed (a deep S wave beside the name): those stay empty, unknown.
	 */
	static boolean withinRows(double[] ys, int from, int to, Box letters) {
		for (int c = from; c <= to; c++) if (!(ys[c] >= letters.y && ys[c] <= letters.maxY())) return false;
		return true;
	}

	/** Columns on either side of a hidden stretch whose path gives the direction the trace goes in. */
	static final int TANGENT_COLUMNS = 3;

	/**
	 * Fills the empty points from..to (inclusive) of a path ({@code steps} points per column)
	 * between the nearest values on either side (a fine path's stretch may reach a few points beyond
	 * the columns'). The pen went on in the direction it came in and came out in: the path on each
	 * side is carried on along its tangent (over {@link #TANGENT_COLUMNS} columns) to where the two
	 * meet, a corner hidden by the letters (where a QRS stroke leaves the trace at rest). The meeting
	 * point must lie within the letters' rows, or between the two ends' values: the trace hidden by
	 * the letters lies behind them. Otherwise, or where the tangents do not meet within the stretch,
	 * the bridge is straight.
	 *
	 * @return whether the bridge follows the tangents
	 */
	static boolean bridge(double[] path, int from, int to, int steps, Box letters) {
		int before = from - 1;
		while (before >= 0 && Double.isNaN(path[before])) before--;
		int after = to + 1;
		while (after < path.length && Double.isNaN(path[after])) after++;
		if (before < 0 || after >= path.length) return false;
		double left = path[before];
		double right = path[after];
		int k = TANGENT_COLUMNS * steps;
		double slopeLeft = slope(path, before - k, before);
		double slopeRight = slope(path, after, after + k);
		double meet = Double.NaN;
		if (!Double.isNaN(slopeLeft) && !Double.isNaN(slopeRight) && Math.abs(slopeLeft - slopeRight) > 1e-9) {
			meet = (right - left + slopeLeft * before - slopeRight * after) / (slopeLeft - slopeRight);
		}
		boolean tangents = meet > before && meet < after;
		if (tangents) {
			double y = left + slopeLeft * (meet - before);
			boolean behind = y >= letters.y && y <= letters.maxY();
			boolean between = y >= Math.min(left, right) && y <= Math.max(left, right);
			tangents = behind || between;
		}
		for (int j = before + 1; j < after; j++) {
			if (!tangents) path[j] = left + (right - left) * (j - before) / (double) (after - before);
			else if (j < meet) path[j] = left + slopeLeft * (j - before);
			else path[j] = right + slopeRight * (j - after);
		}
		return tangents;
	}

	/** The path's slope from point a to point b, NaN when either is outside it or empty, or any between is. */
	private static double slope(double[] path, int a, int b) {
		if (a < 0 || b >= path.length) return Double.NaN;
		for (int j = a; j <= b; j++) if (Double.isNaN(path[j])) return Double.NaN;
		return (path[b] - path[a]) / (b - a);
	}
}
