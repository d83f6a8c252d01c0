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
	/** A row of a tile with more than 1 / DENSE of its pixels above level 0 predicts that the next has many too. */
	static final int DENSE = 8;
	/** The largest float below level 1: a pixel is at level 1 or above exactly when it is above this. */
	static final float JUST_BELOW_LEVEL_1 = Math.nextDown(1f / LEVELS);
	/**
	 * Its bits: {@code (BELOW_LEVEL_1 - floatToRawIntBits(v)) >>> 31} is 1 exactly when v >= 1 / LEVELS (the
	 * bits of values of 0 or more order as the values do), without a branch.
	 */
	static final int BELOW_LEVEL_1 = Float.floatToRawIntBits(JUST_BELOW_LEVEL_1);
	/** A word of 64 pixels with more than this many at level 1 or above is listed pixel by pixel. */
	static final int FEW_IN_A_WORD = 12;

	/**
	 * Lists the x in [from, to) whose pixel v[offset + x] is at level 1 or above (of LEVELS; the
	 * pixels are 0 or more) into out; returns how many. Mostly few are: 64 pixels at a time are
	 * compared, and only those found are listed; a word with many is listed without a branch.
	 */
	static int atLevel1OrAbove(float[] v, int offset, int from, int to, int[] out) {
		int n = 0;
		int x = from;
		for (; x + 64 <= to; x += 64) {
			long found = Bits.wordAbove(v, offset + x, JUST_BELOW_LEVEL_1);
			if (Long.bitCount(found) > FEW_IN_A_WORD) n = listAtLevel1OrAbove(v, offset, x, x + 64, out, n);
			else for (; found != 0; found &= found - 1) out[n++] = x + Long.numberOfTrailingZeros(found);
		}
		return listAtLevel1OrAbove(v, offset, x, to, out, n);
	}

	/** Appends the x in [from, to) at level 1 or above to out[n ..], without a branch; returns the new count. */
	private static int listAtLevel1OrAbove(float[] v, int offset, int from, int to, int[] out, int n) {
		for (int x = from; x < to; x++) {
			out[n] = x;
			n += (BELOW_LEVEL_1 - Float.floatToRawIntBits(v[offset + x])) >>> 31;
		}
		return n;
	}

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
		int tileW = (int) Math.round(cellsPerTile * periodX);
		int tileH = (int) Math.round(cellsPerTile * periodY);
		// a tile's steps in methods of their own, called once per tile: a method called a few times with several
		// hot loops is compiled by C2 once per loop (on-stack replacement), each time with all that follows it
		TileBins bins = new TileBins((int) Math.ceil(OVERSAMPLE * periodX), (int) Math.ceil(OVERSAMPLE * periodY));
		List<Float> contrasts = new ArrayList<>();
		for (int ty = 0; ty < h; ty += tileH) {
			for (int tx = 0; tx < w; tx += tileW) {
				int x1 = Math.min(w, tx + tileW);
				int y1 = Math.min(h, ty + tileH);
				// a narrow remainder tile would have too few samples per bin: merge it into this one
				if (w - x1 < tileW / 2) x1 = w;
				if (h - y1 < tileH / 2) y1 = h;
				int[] binX = phaseBins(tx, x1, periodX, bins.bx);
				int[] binY = phaseBins(ty, y1, periodY, bins.by);
				bins.count(v, w, tx, x1, ty, y1, binX, binY);
				float[] pattern = bins.medians();
				dilateCyclic(pattern, bins.bx, bins.by);
				float peak = 0;
				float floor = 1;
				for (float p : pattern) {
					peak = Math.max(peak, p);
					floor = Math.min(floor, p);
				}
				contrasts.add(peak - floor);
				bins.subtract(v, w, tx, x1, ty, y1, binX, binY);
				if (x1 == w) break;
			}
			if (h - Math.min(h, ty + tileH) < tileH / 2) break;
		}
		Collections.sort(contrasts);
		return contrasts.get(contrasts.size() / 2);
	}

	/** The phase bins' level histograms of one tile at a time, and the arrays the steps reuse from tile to tile. */
	private static final class TileBins {
		final int bx;
		final int by;
		final int nb;
		// level by level: neighbouring pixels fall in neighbouring bins; most pixels are paper at level 0, counted
		// as what the other levels leave
		final int[] hist;
		final int[] count;
		final int[] counted;
		final int[] alongX;
		final int[] alongY;
		final int[] denseRows;
		final int[] half;
		final int[] below;
		final int[] levelCounts;
		final float[] pattern;
		// the pattern along each phase row, laid out along the tile's columns, so the subtraction reads it in order
		float[][] patternRows;
		float[] rowBuffer;
		int[] levels;
		int[] touched;
		int touches;
		boolean anyDense;

		TileBins(int bx, int by) {
			this.bx = bx;
			this.by = by;
			nb = bx * by;
			hist = new int[nb * LEVELS];
			count = new int[nb];
			counted = new int[nb];
			alongX = new int[bx];
			alongY = new int[by];
			denseRows = new int[by];
			half = new int[nb];
			below = new int[nb];
			levelCounts = new int[nb];
			pattern = new float[nb];
		}

		/** Counts the tile's pixels into the histograms (which start empty). */
		void count(float[] v, int w, int tx, int x1, int ty, int y1, int[] binX, int[] binY) {
			int tw = x1 - tx;
			if (levels == null || levels.length < tw) levels = new int[tw];
			if (touched == null || touched.length < tw * (y1 - ty)) touched = new int[tw * (y1 - ty)];
			// in locals while counting: the loops then keep them in registers
			int[] levels = this.levels;
			int[] touched = this.touched;
			int touches = 0;
			boolean anyDense = false;
			Arrays.fill(counted, 0);
			Arrays.fill(denseRows, 0);
			int lit = 0;
			for (int y = ty; y < y1; y++) {
				int rowBin = binY[y - ty] * bx;
				int row = y * w;
				if (lit > tw / DENSE) {
					// many pixels above level 0 (the grid, or noise): every pixel counted, as they come
					anyDense = true;
					denseRows[binY[y - ty]]++;
					for (int x = tx; x < x1; x++) levels[x - tx] = Math.min(LEVELS - 1, (int) (v[row + x] * LEVELS));
					lit = 0;
					for (int x = 0; x < tw; x++) {
						hist[levels[x] * nb + rowBin + binX[x]]++;
						lit += -levels[x] >>> 31;
					}
				}
				else {
					// few: those at level 0 are counted from the rest below
					lit = atLevel1OrAbove(v, row, tx, x1, levels);
					for (int k = 0; k < lit; k++) {
						int x = levels[k];
						int b = rowBin + binX[x - tx];
						int at = Math.min(LEVELS - 1, (int) (v[row + x] * LEVELS)) * nb + b;
						hist[at]++;
						counted[b]++;
						touched[touches++] = at;
					}
				}
			}
			this.touches = touches;
			this.anyDense = anyDense;
			Arrays.fill(alongX, 0);
			Arrays.fill(alongY, 0);
			for (int b : binX) alongX[b]++;
			for (int b : binY) alongY[b]++;
			for (int y = 0; y < by; y++) {
				for (int x = 0; x < bx; x++) {
					// how many pixels of the tile fall in the bin: the product of the counts along x and along y
					count[y * bx + x] = alongY[y] * alongX[x];
					// the pixels of the bin not counted are at level 0
					hist[y * bx + x] += count[y * bx + x] - denseRows[y] * alongX[x] - counted[y * bx + x];
				}
			}
		}

		/** Each bin's median level as the pattern (0 in an empty bin), leaving the histograms empty. */
		float[] medians() {
			// a bin's median level: how many of the levels 0..62 leave at most half of its pixels up to them (the
			// first level past half of them, or 63), all bins a level at a time, which the JIT does several bins at a
			// time; an empty bin's pattern is 0 whatever its level: it counts as found at once
			for (int b = 0; b < nb; b++) half[b] = count[b] == 0 ? -1 : count[b] / 2;
			Arrays.fill(below, 0);
			Arrays.fill(counted, 0);
			for (int level = 0; level < LEVELS - 1; level++) {
				System.arraycopy(hist, level * nb, levelCounts, 0, nb);
				int open = 0;
				for (int b = 0; b < nb; b++) {
					counted[b] += levelCounts[b];
					int notYet = (counted[b] - half[b] - 1) >>> 31;
					below[b] += notYet;
					open += notYet;
				}
				if (open == 0) break;
			}
			for (int b = 0; b < nb; b++) pattern[b] = count[b] == 0 ? 0 : below[b] / (float) LEVELS;
			if (anyDense) Arrays.fill(hist, 0);
			else {
				Arrays.fill(hist, 0, nb, 0);
				for (int k = 0; k < touches; k++) hist[touched[k]] = 0;
			}
			return pattern;
		}

		/** Subtracts the pattern (the medians, as the caller left them) from the tile's pixels, clamped at 0. */
		void subtract(float[] v, int w, int tx, int x1, int ty, int y1, int[] binX, int[] binY) {
			int tw = x1 - tx;
			if (patternRows == null || patternRows.length < by || patternRows[0].length < tw) patternRows = new float[by][tw];
			for (int b = 0; b < by; b++) {
				for (int x = 0; x < tw; x++) patternRows[b][x] = pattern[b * bx + binX[x]];
			}
			if (rowBuffer == null || rowBuffer.length < tw) rowBuffer = new float[tw];
			// a row at a time in an array of its own, sharing its index with the pattern's (several pixels at a time)
			for (int y = ty; y < y1; y++) {
				float[] patternRow = patternRows[binY[y - ty]];
				System.arraycopy(v, y * w + tx, rowBuffer, 0, tw);
				for (int x = 0; x < tw; x++) rowBuffer[x] = Math.max(0, rowBuffer[x] - patternRow[x]);
				System.arraycopy(rowBuffer, 0, v, y * w + tx, tw);
			}
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
