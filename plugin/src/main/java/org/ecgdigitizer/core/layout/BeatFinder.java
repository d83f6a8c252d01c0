package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the QRS complexes of a row from its ink, before any trace is followed: the QRS is the
 * steepest part of every beat, a stroke that crosses the row's line and reaches far from it within
 * a few hundredths of a second. All leads are recorded at once, so beats line up across leads
 * shown over the same time.
 */
final class BeatFinder {

	/** A QRS complex is at most this long; strokes closer than this are one complex. */
	static final double QRS_SECONDS = 0.12;

	private BeatFinder() {}

	/** Image columns of the QRS complexes between columns a and b of a row, left to right. */
	static double[] beats(TraceRow r, PageInk ink, double a, double b, double pxPerSecond) {
		int xa = (int) Math.max(0, Math.ceil(a));
		int xb = (int) Math.min(ink.w, Math.floor(b));
		if (xb - xa < 2) return new double[0];
		int slack = (int) Math.max(1, Math.round(0.5 * ink.mmY));
		double[] length = new double[xb - xa];
		for (int x = xa; x < xb; x++) {
			int[] run = ink.verticalRunThrough(x, (int) Math.round(r.lineAt(x)), slack);
			length[x - xa] = run == null ? 0 : Math.min(run[1], r.bottom) - Math.max(run[0], r.top) + 1;
		}
		double[] sorted = length.clone();
		Arrays.sort(sorted);
		double tall = sorted[(int) (0.98 * (sorted.length - 1))];
		// strokes at least 2 mm and half as tall as the row's tallest are complexes
		double threshold = Math.max(2 * ink.mmY, 0.5 * tall);
		int merge = (int) Math.max(2, Math.round(QRS_SECONDS * pxPerSecond));
		List<Double> out = new ArrayList<>();
		int i = 0;
		while (i < length.length) {
			if (length[i] < threshold) {
				i++;
				continue;
			}
			int first = i;
			int last = i;
			for (int j = i + 1; j < length.length && j - last <= merge; j++) if (length[j] >= threshold) last = j;
			out.add(xa + (first + last) / 2.0 + 0.5);
			i = last + 1;
		}
		double[] v = new double[out.size()];
		for (int k = 0; k < v.length; k++) v[k] = out.get(k);
		return v;
	}
}
