package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * Tells whether a rectified page lies on its side. An ECG trace is a function of time: every
 * line across the time axis crosses each row's trace once, so along such lines the number of
 * separate ink runs is nearly the same everywhere (the number of rows). Along the time axis it
 * varies from none (between rows) to dozens (where a line follows a baseline through its
 * beats). Long straight strokes are no evidence either way: the tall QRS complexes of
 * simultaneous leads line up across rows and can cover a whole column.
 */
public final class Orientation {

	/** The steadier axis must vary at most this fraction as much as the other to turn the page. */
	static final double STEADIER = 0.5;
	/** A sideways page's traces cross at least this share of the page's rows. */
	static final double MIN_TRACE_COVER = 0.25;

	private Orientation() {}

	/** What the orientation decision saw: how much the run count varies along each axis. */
	public static final class Reading {
		/** Coefficient of variation of the number of ink runs down each inked column. */
		public final double runCountCvDownColumns;
		/** The same along each inked row. */
		public final double runCountCvAlongRows;
		/** Share of the page's rows that hold ink. */
		public final double inkedRowShare;
		public final boolean sideways;

		Reading(double runCountCvDownColumns, double runCountCvAlongRows, double inkedRowShare) {
			this.runCountCvDownColumns = runCountCvDownColumns;
			this.runCountCvAlongRows = runCountCvAlongRows;
			this.inkedRowShare = inkedRowShare;
			// rows that cross the traces once each, where columns do not: the time axis runs down the page
			this.sideways = runCountCvAlongRows < STEADIER * runCountCvDownColumns && inkedRowShare >= MIN_TRACE_COVER;
		}

		public Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("run_count_cv_down_columns", runCountCvDownColumns);
			m.put("run_count_cv_along_rows", runCountCvAlongRows);
			m.put("inked_row_share", inkedRowShare);
			m.put("sideways", sideways);
			return m;
		}

		public static Reading fromJson(Object json) {
			Map<String, Object> m = Json.object(json);
			return new Reading(Json.number(m.get("run_count_cv_down_columns"), Double.NaN), Json.number(m.get(
				"run_count_cv_along_rows"), Double.NaN), Json.number(m.get("inked_row_share"), Double.NaN));
		}
	}

	/**
	 * Reads the page's orientation from its ink; runs separated by less than a millimetre of paper
	 * (a pen's gaps, a grid line erased across a stroke) count as one.
	 */
	public static Reading read(float[] ink, int w, int h, double pxPerMm) {
		int gap = (int) Math.max(1, Math.round(pxPerMm));
		int[] downColumns = new int[w];
		int[] lastInColumn = new int[w];
		Arrays.fill(lastInColumn, Integer.MIN_VALUE / 2);
		int[] alongRows = new int[h];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int lastInRow = Integer.MIN_VALUE / 2;
			int runs = 0;
			for (int x = 0; x < w; x++) {
				if (ink[row + x] <= InkModel.MASK_THRESHOLD) continue;
				if (x - lastInRow > gap) runs++;
				lastInRow = x;
				if (y - lastInColumn[x] > gap) downColumns[x]++;
				lastInColumn[x] = y;
			}
			alongRows[y] = runs;
		}
		int inkedRows = 0;
		for (int r : alongRows) if (r > 0) inkedRows++;
		return new Reading(variation(downColumns), variation(alongRows), inkedRows / (double) h);
	}

	/** Coefficient of variation of the positive counts (0 when there are none). */
	static double variation(int[] counts) {
		double n = 0;
		double sum = 0;
		double squares = 0;
		for (int c : counts) {
			if (c == 0) continue;
			n++;
			sum += c;
			squares += (double) c * c;
		}
		if (n == 0) return 0;
		double mean = sum / n;
		return Math.sqrt(Math.max(0, squares / n - mean * mean)) / mean;
	}

	/** Packed RGB (or any int plane) turned 90 degrees clockwise: the result is h wide and w high. */
	public static int[] turnClockwise(int[] p, int w, int h) {
		int[] out = new int[p.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = p[y * w + x];
		}
		return out;
	}

	/** A float plane turned 90 degrees clockwise. */
	public static float[] turnClockwise(float[] p, int w, int h) {
		float[] out = new float[p.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = p[y * w + x];
		}
		return out;
	}
}
