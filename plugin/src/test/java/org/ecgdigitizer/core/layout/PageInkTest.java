package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ecgdigitizer.core.preprocess.InkModel;
import org.junit.jupiter.api.Test;

/**
 * The questions lead detection asks of the ink, read from bits, give what reading the mask pixel by
 * pixel gives: each is checked here against the plain loop over the mask.
 */
class PageInkTest {

	private static final int W = 150;
	private static final int H = 130;
	private static final double MM = 4;

	/** Specks, and vertical strokes with short breaks, on an otherwise empty page. */
	private static float[] page(long seed) {
		Random random = new Random(seed);
		float[] ink = new float[W * H];
		for (int i = 0; i < ink.length; i++) if (random.nextDouble() < 0.04) ink[i] = 0.9f;
		for (int k = 0; k < 60; k++) {
			int x = random.nextInt(W);
			int top = random.nextInt(H);
			int bottom = Math.min(H, top + 5 + random.nextInt(100));
			for (int y = top; y < bottom; y++) if (random.nextDouble() < 0.85) ink[y * W + x] = 0.8f;
		}
		return ink;
	}

	@Test
	void maskIsTheThresholdedInkUprightAndTurned() {
		float[] ink = page(1);
		boolean[] plain = InkModel.mask(ink);
		assertArrayEquals(plain, PageInk.of(ink, W, H, MM, MM, false).mask);
		boolean[] turned = new boolean[plain.length];
		for (int i = 0; i < plain.length; i++) turned[plain.length - 1 - i] = plain[i];
		assertArrayEquals(turned, PageInk.of(ink, W, H, MM, MM, true).mask);
	}

	@Test
	void columnQuestionsMatchTheMask() {
		PageInk ink = PageInk.of(page(2), W, H, MM, MM, false);
		for (int x = 0; x < W; x++) {
			for (int y = 0; y < H; y++) {
				for (int slack = 0; slack <= 3; slack++) {
					assertArrayEquals(plainRunThrough(ink, x, y, slack), ink.verticalRunThrough(x, y, slack), "run through "
						+ x + "," + y);
				}
				for (int y1 = y - 1; y1 <= H + 2; y1 += 3) {
					boolean any = false;
					for (int yy = Math.max(0, y); yy < Math.min(H, y1); yy++) any |= ink.mask[yy * W + x];
					assertEquals(any, ink.inkBetween(x, y, y1), "ink between " + x + ": " + y + ".." + y1);
					if (y1 > y && y1 <= H) {
						int n = 0;
						for (int yy = y; yy < y1; yy++) if (ink.mask[yy * W + x]) n++;
						assertEquals(n / (double) (y1 - y), ink.inkedOver(x, y, y1 - 1), "inked over");
					}
				}
			}
		}
	}

	/** PageInk.verticalRunThrough pixel by pixel. */
	private static int[] plainRunThrough(PageInk ink, int x, int y, int slack) {
		for (int d = 0; d <= slack; d++) {
			for (int yy : new int[] { y - d, y + d }) {
				if (yy < 0 || yy >= H || !ink.mask[yy * W + x]) continue;
				int top = yy;
				int bottom = yy;
				for (int up = top - 1; up >= 0 && top - up <= 2 * PageInk.BRIDGE + 1; up--) if (ink.mask[up * W + x]) top = up;
				for (int down = bottom + 1; down < H && down - bottom <= 2 * PageInk.BRIDGE + 1; down++) {
					if (ink.mask[down * W + x]) bottom = down;
				}
				return new int[] { top, bottom };
			}
		}
		return null;
	}

	@Test
	void strokesAreTheColumnsRunsWithShortBreaksBridged() {
		PageInk ink = PageInk.of(page(3), W, H, MM, MM, false);
		for (int[] limits : new int[][] { { 1, H }, { 12, 100 } }) {
			PulseFinder.Strokes strokes = new PulseFinder.Strokes(ink, limits[0], limits[1]);
			for (int x = 0; x < W; x++) {
				List<int[]> found = new ArrayList<>();
				for (int k = strokes.first[x]; k < strokes.first[x + 1]; k++) found.add(new int[] { strokes.top[k],
					strokes.bottom[k] });
				List<int[]> plain = plainStrokes(ink, x, limits[0], limits[1]);
				assertEquals(plain.size(), found.size(), "strokes in column " + x);
				for (int k = 0; k < plain.size(); k++) assertArrayEquals(plain.get(k), found.get(k));
			}
		}
	}

	/** The strokes of column x pixel by pixel: runs with gaps up to 2 BRIDGE bridged, minH to maxH long. */
	private static List<int[]> plainStrokes(PageInk ink, int x, int minH, int maxH) {
		List<int[]> out = new ArrayList<>();
		int gap = 2 * PageInk.BRIDGE + 1;
		int y = 0;
		while (y < H) {
			if (!ink.at(x, y)) {
				y++;
				continue;
			}
			int top = y;
			int last = y;
			while (y < H && y - last <= gap) {
				if (ink.at(x, y)) last = y;
				y++;
			}
			if (last - top + 1 >= minH && last - top + 1 <= maxH) out.add(new int[] { top, last });
			y = last + 1;
		}
		return out;
	}

	@Test
	void coverageCountsLongRunsOfInkedColumnsNearEachRow() {
		PageInk ink = PageInk.of(page(4), W, H, MM, MM, false);
		for (int halfWindow : new int[] { 0, 2, 6 }) {
			for (int minRun : new int[] { 1, 8 }) {
				float[][] cover = RowFinder.coverage(ink, halfWindow, minRun, 40);
				float[][] plain = plainCoverage(ink, halfWindow, minRun, 40);
				for (int s = 0; s < plain.length; s++) assertArrayEquals(plain[s], cover[s], "strip " + s);
			}
		}
	}

	/** RowFinder.coverage column by column: counts of ink within halfWindow rows, runs with 1- or 2-column gaps bridged. */
	private static float[][] plainCoverage(PageInk ink, int halfWindow, int minRun, int strip) {
		int strips = (W + strip - 1) / strip;
		float[][] cover = new float[strips][H];
		for (int y = 0; y < H; y++) {
			boolean[] covered = new boolean[W];
			for (int x = 0; x < W; x++) {
				for (int yy = Math.max(0, y - halfWindow); yy <= Math.min(H - 1, y + halfWindow); yy++) covered[x] |= ink.at(x,
					yy);
			}
			int x = 0;
			while (x < W) {
				if (!covered[x]) {
					x++;
					continue;
				}
				int start = x;
				while (x < W && (covered[x] || x + 2 < W && (covered[x + 1] || covered[x + 2]))) x++;
				if (x - start < minRun) continue;
				for (int s = start / strip; s <= (x - 1) / strip; s++) {
					cover[s][y] += Math.min(x, Math.min(W, (s + 1) * strip)) - Math.max(start, s * strip);
				}
			}
		}
		for (int s = 0; s < strips; s++) {
			int width = Math.min(W, (s + 1) * strip) - s * strip;
			for (int y = 0; y < H; y++) cover[s][y] /= width;
		}
		return cover;
	}
}
