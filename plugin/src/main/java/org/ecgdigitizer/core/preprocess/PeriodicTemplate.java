package org.ecgdigitizer.core.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Removes a pattern that repeats with a known period in x and y: the 5 mm cell of ECG paper,
 * whatever it contains (solid lines, dotted lines, dots at the 1 mm crossings). In each tile of
 * the page, every pixel's position within the cell (its phase) is binned, and the median value
 * of each phase bin is the pattern there. A trace covers few pixels of any phase, so it survives.
 */
public final class PeriodicTemplate {

	/** Phase bins per pixel of period. */
	static final int OVERSAMPLE = 2;
	/** Levels of the per-bin histograms used for the median. */
	static final int LEVELS = 64;

	private PeriodicTemplate() {}

	/**
	 * @param v plane with values in 0..1, modified in place: the pattern is subtracted (clamped at 0)
	 * @param periodX cell width in pixels (5 mm)
	 * @param periodY cell height in pixels
	 * @param cellsPerTile tile size in cells; smaller tiles follow a slightly warped grid better
	 * @return how much darker than its paper the pattern's darkest part is, in the median tile:
	 *         about 1 where the grid lines are as black as ink
	 */
	public static float subtract(float[] v, int w, int h, double periodX, double periodY, int cellsPerTile) {
		int bx = (int) Math.ceil(OVERSAMPLE * periodX);
		int by = (int) Math.ceil(OVERSAMPLE * periodY);
		int tileW = (int) Math.round(cellsPerTile * periodX);
		int tileH = (int) Math.round(cellsPerTile * periodY);
		// level by level: most pixels are paper at level 0, and neighbouring pixels fall in neighbouring bins
		int nb = bx * by;
		int[] hist = new int[nb * LEVELS];
		int[] count = new int[bx * by];
		float[] pattern = new float[bx * by];
		// the pattern along each phase row, laid out along the tile's columns, so the subtraction reads it in order
		float[] patternRows = null;
		int[] levels = null;
		List<Float> contrasts = new ArrayList<>();
		for (int ty = 0; ty < h; ty += tileH) {
			for (int tx = 0; tx < w; tx += tileW) {
				int x1 = Math.min(w, tx + tileW);
				int y1 = Math.min(h, ty + tileH);
				// a narrow remainder tile would have too few samples per bin: merge it into this one
				if (w - x1 < tileW / 2) x1 = w;
				if (h - y1 < tileH / 2) y1 = h;
				int[] binX = phaseBins(tx, x1, periodX, bx);
				int[] binY = phaseBins(ty, y1, periodY, by);
				Arrays.fill(hist, 0);
				if (levels == null || levels.length < x1 - tx) levels = new int[x1 - tx];
				for (int y = ty; y < y1; y++) {
					int rowBin = binY[y - ty] * bx;
					int row = y * w;
					// the levels in a loop of their own, which the processor does several pixels at a time
					for (int x = tx; x < x1; x++) levels[x - tx] = Math.min(LEVELS - 1, (int) (v[row + x] * LEVELS));
					for (int x = tx; x < x1; x++) hist[levels[x - tx] * nb + rowBin + binX[x - tx]]++;
				}
				binCounts(binX, binY, bx, by, count);
				for (int b = 0; b < pattern.length; b++) {
					int half = count[b] / 2;
					int acc = 0;
					int level = 0;
					while (level < LEVELS - 1 && (acc += hist[level * nb + b]) <= half) level++;
					pattern[b] = count[b] == 0 ? 0 : level / (float) LEVELS;
				}
				dilateCyclic(pattern, bx, by);
				float peak = 0;
				float floor = 1;
				for (float p : pattern) {
					peak = Math.max(peak, p);
					floor = Math.min(floor, p);
				}
				contrasts.add(peak - floor);
				int tw = x1 - tx;
				if (patternRows == null || patternRows.length < by * tw) patternRows = new float[by * tw];
				for (int b = 0; b < by; b++) {
					for (int x = 0; x < tw; x++) patternRows[b * tw + x] = pattern[b * bx + binX[x]];
				}
				for (int y = ty; y < y1; y++) {
					int patternRow = binY[y - ty] * tw - tx;
					int row = y * w;
					for (int x = tx; x < x1; x++) v[row + x] = Math.max(0, v[row + x] - patternRows[patternRow + x]);
				}
				if (x1 == w) break;
			}
			if (h - Math.min(h, ty + tileH) < tileH / 2) break;
		}
		Collections.sort(contrasts);
		return contrasts.get(contrasts.size() / 2);
	}

	/** How many pixels of the tile fall in each phase bin: the product of the counts along x and along y. */
	private static void binCounts(int[] binX, int[] binY, int bx, int by, int[] count) {
		int[] alongX = new int[bx];
		int[] alongY = new int[by];
		for (int b : binX) alongX[b]++;
		for (int b : binY) alongY[b]++;
		for (int y = 0; y < by; y++) {
			for (int x = 0; x < bx; x++) count[y * bx + x] = alongY[y] * alongX[x];
		}
	}

	/**
	 * Each bin takes the maximum of its 3x3 neighbourhood (wrapping around the cell), half a pixel
	 * either way: a thin line at a fractional phase falls in neighbouring bins from cell to cell, and
	 * this removes all of it without eating into ink beside the line.
	 */
	static void dilateCyclic(float[] p, int bx, int by) {
		float[] rows = new float[p.length];
		for (int y = 0; y < by; y++) {
			for (int x = 0; x < bx; x++) {
				rows[y * bx + x] = Math.max(p[y * bx + x], Math.max(p[y * bx + (x + 1) % bx], p[y * bx + (x + bx - 1) %
					bx]));
			}
		}
		for (int y = 0; y < by; y++) {
			for (int x = 0; x < bx; x++) {
				p[y * bx + x] = Math.max(rows[y * bx + x], Math.max(rows[((y + 1) % by) * bx + x], rows[((y + by - 1) %
					by) * bx + x]));
			}
		}
	}

	/**
	 * The phase bin of each position from..to-1 along one axis. When the period is close to a whole
	 * number of pixels, some half-pixel phases occur in only one or two cells of the tile, and a
	 * median over so few cells would be whatever lies there, such as a flat stretch of trace along
	 * a row. Such thin bins are merged into their better-filled neighbour.
	 */
	static int[] phaseBins(int from, int to, double period, int bins) {
		int[] bin = new int[to - from];
		int[] filled = new int[bins];
		for (int i = from; i < to; i++) filled[bin[i - from] = phaseBin(i, period)]++;
		int cells = (int) Math.max(1, Math.floor((to - from) / period));
		int enough = Math.max(1, (int) Math.ceil(0.4 * cells));
		int[] target = new int[bins];
		for (int b = 0; b < bins; b++) {
			target[b] = b;
			if (filled[b] >= enough || filled[b] == 0) continue;
			int before = (b + bins - 1) % bins;
			int after = (b + 1) % bins;
			target[b] = filled[before] >= filled[after] ? before : after;
		}
		for (int k = 0; k < bin.length; k++) bin[k] = target[bin[k]];
		return bin;
	}

	/** Half-pixel phase bins: a thin line at a fractional phase is then split less across bins. */
	private static int phaseBin(int i, double period) {
		return (int) (OVERSAMPLE * ((i + 0.5) % period));
	}
}
