package org.ecgdigitizer.core.trace;

import java.util.LinkedHashMap;
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
	 */
	static void takeOut(Box name, float[] ink, int w, int h, float[]... planes) {
		Box b = letters(name);
		int x0 = Math.max(0, (int) Math.floor(b.x));
		int x1 = Math.min(w, (int) Math.ceil(b.maxX()));
		int y0 = Math.max(0, (int) Math.floor(b.y));
		int y1 = Math.min(h, (int) Math.ceil(b.maxY()));
		for (int x = x0; x < x1; x++) {
			int[] kept = traceInk(ink, w, h, x, y0, y1);
			for (int y = y0; y < y1; y++) {
				if (y >= kept[0] && y < kept[1] || y >= kept[2] && y < kept[3]) continue;
				for (float[] plane : planes) plane[y * w + x] = 0f;
			}
		}
	}

	/**
	 * The trace's own ink in column x of the letters' rows [y0, y1): a letter lies wholly inside
	 * the word's box, so ink there that goes on from ink outside it is the trace's. A stroke that
	 * crosses the box (a QRS complex through the name) is kept whole. A stroke that reaches in from
	 * one side and ends in the nearer half is the trace's (a peak or a dip into the letters); one
	 * that reaches the far half has run into a letter (the trace touching the top of a stem), and the
	 * letter's ink is not told from the trace's there: nothing of it inside is kept.
	 *
	 * @return rows [a, b) kept from the top and [c, d) kept from the bottom (empty ranges when none)
	 */
	static int[] traceInk(float[] ink, int w, int h, int x, int y0, int y1) {
		int[] kept = { y0, y0, y1, y1 };
		int half = (y1 - y0) / 2;
		if (y0 > 0 && inked(ink, w, x, y0 - 1)) {
			int end = y0;
			while (end < h && inked(ink, w, x, end)) end++;
			if (end >= y1) return new int[] { y0, y1, y1, y1 };
			if (end - y0 <= half) kept[1] = end;
		}
		if (y1 < h && inked(ink, w, x, y1)) {
			int start = y1;
			while (start > 0 && inked(ink, w, x, start - 1)) start--;
			if (y1 - start <= half) kept[2] = start;
		}
		return kept;
	}

	private static boolean inked(float[] ink, int w, int x, int y) {
		return ink[y * w + x] >= TraceExtractor.RUN;
	}

	/** The pixels taken out for a name's letters. */
	static Box letters(Box name) {
		return name.grow(EDGE_PX, EDGE_PX);
	}

	/**
	 * How a trace was carried across a name's letters: the columns the letters cover, how many of
	 * them the path followed (the trace's own ink beside the letters), how many empty columns were
	 * bridged between the path on both sides where the letters hid it (those beside the letters
	 * included), and how many of the letters' columns were left empty at the trace's start or end.
	 */
	static final class Crossing {
		final Box name;
		final int columns;
		final int followed;
		final int bridged;
		final int leftEmpty;

		Crossing(Box name, int columns, int followed, int bridged, int leftEmpty) {
			this.name = name;
			this.columns = columns;
			this.followed = followed;
			this.bridged = bridged;
			this.leftEmpty = leftEmpty;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name_box", name.toJson());
			m.put("columns", columns);
			m.put("followed", followed);
			m.put("bridged", bridged);
			m.put("left_empty", leftEmpty);
			return m;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "Crossing[%s columns=%d followed=%d bridged=%d left empty=%d]", name,
				columns, followed, bridged, leftEmpty);
		}
	}

	/**
	 * The trace with the empty columns under a name filled: each stretch of empty columns that
	 * reaches into the letters' columns is bridged linearly between the path's values on either side
	 * (fine path too). One that reaches the trace's start or end stays empty, and so do stretches
	 * beside the name, not under it.
	 */
	static Trace carriedAcross(Trace t, Box name) {
		Box letters = letters(name);
		int n = t.ys.length;
		int a = Math.max(0, (int) Math.floor(letters.x) - t.x0);
		int b = Math.min(n, (int) Math.ceil(letters.maxX()) - t.x0);
		if (b <= a) return t.withCrossing(new Crossing(name, 0, 0, 0, 0));
		int followed = 0;
		for (int i = a; i < b; i++) if (!Double.isNaN(t.ys[i])) followed++;
		double[] ys = t.ys.clone();
		double[] fine = t.fine == null ? null : t.fine.clone();
		int bridged = 0;
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
			if (from > 0 && to + 1 < n) {
				bridge(ys, from, to);
				if (fine != null) bridge(fine, from * Trace.STEPS, (to + 1) * Trace.STEPS - 1);
				bridged += to - from + 1;
			}
			else {
				leftEmpty += Math.min(to + 1, b) - Math.max(from, a);
			}
			i = to + 1;
		}
		Trace out = new Trace(t.region, t.x0, ys, fine, t.confidence);
		return out.withCrossing(new Crossing(name, b - a, followed, bridged, leftEmpty));
	}

	/**
	 * Fills the empty points from..to (inclusive) of a path linearly between the nearest values on
	 * either side (a fine path's stretch may reach a few points beyond the columns').
	 */
	private static void bridge(double[] path, int from, int to) {
		int before = from - 1;
		while (before >= 0 && Double.isNaN(path[before])) before--;
		int after = to + 1;
		while (after < path.length && Double.isNaN(path[after])) after++;
		if (before < 0 || after >= path.length) return;
		for (int j = before + 1; j < after; j++) {
			path[j] = path[before] + (path[after] - path[before]) * (j - before) / (double) (after - before);
		}
	}
}
