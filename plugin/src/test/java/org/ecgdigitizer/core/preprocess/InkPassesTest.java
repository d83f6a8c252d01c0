package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The ink model's passes that count levels give, bit for bit, what the straightforward passes they replaced gave
 * (kept here as the reference): the periodic and line templates count only the pixels above level 0, and the
 * mean colours compare sums instead of means.
 */
class InkPassesTest {

	/**
	 * A plane with a grid, strokes and noise, sparse in some tiles and bands (paper) and dense in others (noise), with
	 * bins and columns whose level is set by pixels at level 1.
	 */
	private static float[] page(Random r, int w, int h, double period) {
		float[] v = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				boolean noisy = (x / 97 + y / 61) % 3 == 0;
				boolean line = (x + 0.5) % period < 1.2 || (y + 0.5) % period < 1.2;
				float grid = line && x < w / 3 ? 0.3f + 0.05f * r.nextFloat() : 0f;
				float ink = r.nextInt(100) == 0 ? r.nextFloat() : 0f;
				float noise = noisy ? 0.08f * r.nextFloat() : r.nextInt(200) == 0 ? 0.02f * r.nextFloat() : 0f;
				// a faint grid at level 1, a pixel wide: few pixels of a row, but all of their phase and column
				float faint = (x + 0.5) % period < 1 ? 0.016f + 0.01f * r.nextFloat() : 0f;
				v[y * w + x] = Math.min(1f, grid + ink + noise + faint);
			}
		}
		return v;
	}

	@Test
	void thePeriodicTemplateIsTheStraightforwardOne() {
		Random r = new Random(5);
		for (int trial = 0; trial < 6; trial++) {
			int w = 200 + r.nextInt(500);
			int h = 150 + r.nextInt(400);
			double period = 12 + 8 * r.nextDouble();
			float[] v = page(r, w, h, period);
			float[] expected = v.clone();
			float expectedContrast = formerPeriodicSubtract(expected, w, h, period, period * 1.01, 4);
			float contrast = PeriodicTemplate.subtract(v, w, h, period, period * 1.01, 4);
			assertEquals(expectedContrast, contrast);
			assertArrayEquals(expected, v, "trial " + trial);
		}
	}

	@Test
	void theLineTemplateIsTheStraightforwardOne() {
		Random r = new Random(7);
		for (int trial = 0; trial < 6; trial++) {
			int w = 100 + r.nextInt(600);
			int h = 150 + r.nextInt(900);
			float[] v = page(r, w, h, 12 + 8 * r.nextDouble());
			float[] expected = v.clone();
			formerRemoveLineTemplate(expected, w, h);
			Bits positive = InkModel.removeLineTemplate(v, w, h);
			assertArrayEquals(expected, v, "trial " + trial);
			assertArrayEquals(Bits.above(v, w, h, 0f).bits, positive.bits);
		}
	}

	@Test
	void aSumReachesALevelExactlyWhenItsMeanDoes() {
		Random r = new Random(11);
		for (int trial = 0; trial < 2000; trial++) {
			float level = trial < 1024 ? trial / 1023f : trial % 2 == 0 ? r.nextFloat() : 2f;
			float least = InkModel.leastSumReaching(level);
			assertTrue(least / 3 >= level && Math.nextDown(least) / 3 < level, "level " + level);
			for (int k = 0; k < 50; k++) {
				float sum = k < 20 ? least + (k - 10) * Math.ulp(least) : 3 * r.nextFloat();
				assertEquals(sum / 3 >= level, sum >= least, "sum " + sum + " level " + level);
			}
		}
	}

	/** PeriodicTemplate.subtract as it was before it counted only the pixels above level 0. */
	static float formerPeriodicSubtract(float[] v, int w, int h, double periodX, double periodY, int cellsPerTile) {
		int levelsCount = PeriodicTemplate.LEVELS;
		int bx = (int) Math.ceil(PeriodicTemplate.OVERSAMPLE * periodX);
		int by = (int) Math.ceil(PeriodicTemplate.OVERSAMPLE * periodY);
		int tileW = (int) Math.round(cellsPerTile * periodX);
		int tileH = (int) Math.round(cellsPerTile * periodY);
		int nb = bx * by;
		int[] hist = new int[nb * levelsCount];
		int[] count = new int[nb];
		float[] pattern = new float[nb];
		List<Float> contrasts = new ArrayList<>();
		for (int ty = 0; ty < h; ty += tileH) {
			for (int tx = 0; tx < w; tx += tileW) {
				int x1 = Math.min(w, tx + tileW);
				int y1 = Math.min(h, ty + tileH);
				if (w - x1 < tileW / 2) x1 = w;
				if (h - y1 < tileH / 2) y1 = h;
				int[] binX = PeriodicTemplate.phaseBins(tx, x1, periodX, bx);
				int[] binY = PeriodicTemplate.phaseBins(ty, y1, periodY, by);
				Arrays.fill(hist, 0);
				for (int y = ty; y < y1; y++) {
					for (int x = tx; x < x1; x++) {
						int level = Math.min(levelsCount - 1, (int) (v[y * w + x] * levelsCount));
						hist[level * nb + binY[y - ty] * bx + binX[x - tx]]++;
					}
				}
				int[] alongX = new int[bx];
				int[] alongY = new int[by];
				for (int b : binX) alongX[b]++;
				for (int b : binY) alongY[b]++;
				for (int y = 0; y < by; y++) for (int x = 0; x < bx; x++) count[y * bx + x] = alongY[y] * alongX[x];
				for (int b = 0; b < nb; b++) {
					int half = count[b] / 2;
					int acc = 0;
					int level = 0;
					while (level < levelsCount - 1 && (acc += hist[level * nb + b]) <= half) level++;
					pattern[b] = count[b] == 0 ? 0 : level / (float) levelsCount;
				}
				PeriodicTemplate.dilateCyclic(pattern, bx, by);
				float peak = 0;
				float floor = 1;
				for (float p : pattern) {
					peak = Math.max(peak, p);
					floor = Math.min(floor, p);
				}
				contrasts.add(peak - floor);
				for (int y = ty; y < y1; y++) {
					for (int x = tx; x < x1; x++) {
						v[y * w + x] = Math.max(0, v[y * w + x] - pattern[binY[y - ty] * bx + binX[x - tx]]);
					}
				}
				if (x1 == w) break;
			}
			if (h - Math.min(h, ty + tileH) < tileH / 2) break;
		}
		Collections.sort(contrasts);
		return contrasts.get(contrasts.size() / 2);
	}

	/** InkModel.removeLineTemplate as it was before it counted only the pixels above level 0. */
	static void formerRemoveLineTemplate(float[] v, int w, int h) {
		int bands = Math.max(1, Math.min(6, h / 150));
		float[] colLevel = new float[bands * w];
		int bins = 64;
		float[] rowLevel = new float[h];
		for (int band = 0; band < bands; band++) {
			int y0 = band * h / bands;
			int y1 = (band + 1) * h / bands;
			int[] columnHist = new int[w * bins];
			for (int y = y0; y < y1; y++) {
				int[] rowHist = new int[bins];
				for (int x = 0; x < w; x++) {
					int level = Math.min(bins - 1, (int) (v[y * w + x] * bins));
					columnHist[level * w + x]++;
					rowHist[level]++;
				}
				rowLevel[y] = percentile(rowHist, 0, 1, w * 0.25, bins);
			}
			for (int x = 0; x < w; x++) colLevel[band * w + x] = percentile(columnHist, x, w, (y1 - y0) * 0.25, bins);
		}
		for (int y = 0; y < h; y++) {
			double bandPos = (y + 0.5) * bands / (double) h - 0.5;
			int b0 = Math.max(0, Math.min(bands - 1, (int) Math.floor(bandPos)));
			int b1 = Math.min(bands - 1, b0 + 1);
			float t = (float) Math.max(0, Math.min(1, bandPos - b0));
			for (int x = 0; x < w; x++) {
				float col = colLevel[b0 * w + x] * (1 - t) + colLevel[b1 * w + x] * t;
				v[y * w + x] = Math.max(0, v[y * w + x] - Math.max(col, rowLevel[y]));
			}
		}
	}

	private static float percentile(int[] hist, int from, int stride, double rank, int bins) {
		double acc = 0;
		for (int b = 0; b < bins; b++) {
			acc += hist[from + b * stride];
			if (acc > rank) return (b + 0.5f) / bins;
		}
		return 1;
	}
}
