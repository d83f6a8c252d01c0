package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TraceImageCorrelationTest {

	@Test
	void weightsAreScipysGaussian() {
		double[] g = TraceImageCorrelation.GAUSS;
		double sum = Math.exp(-8) * 2 + Math.exp(-2) * 2 + 1;
		assertEquals(1 / sum, g[2], 1e-16);
		assertEquals(Math.exp(-2) / sum, g[1], 1e-16);
		assertEquals(Math.exp(-8) / sum, g[0], 1e-16);
		double s = 0;
		for (double v : TraceImageCorrelation.GAUSS2) s += v;
		assertEquals(1, s, 1e-15);
	}

	@Test
	void reflectMirrorsAboutTheEdges() {
		// d c b a | a b c d | d c b a
		int[] expect = { 1, 0, 0, 1, 2, 3, 3, 2 };
		for (int p = -2; p <= 5; p++) assertEquals(expect[p + 2], TraceImageCorrelation.reflect(p, 4));
		assertEquals(0, TraceImageCorrelation.reflect(-2, 1));
		assertEquals(0, TraceImageCorrelation.reflect(3, 2));
	}

	@Test
	void footprintsMatchTheDenseBlurAndKeepTheirMass() {
		for (int n : new int[] { 1, 2, 3, 4, 5, 9, 256 }) {
			for (int c = 0; c < n; c++) {
				double[][] img = new double[1][n];
				img[0][c] = 1;
				double[] line = DenseImageCorrelation.blur(img)[0];
				double[] f = TraceImageCorrelation.footprint(c, n);
				double mass = 0;
				for (int i = 0; i < n; i++) {
					double expect = Math.abs(i - c) <= 2 ? f[i - c + 2] : 0;
					assertEquals(expect, line[i], 1e-16, "n=" + n + " c=" + c + " i=" + i);
					mass += line[i];
				}
				assertEquals(1, mass, 1e-15);
			}
		}
	}

	@Test
	void quantisationRoundsHalfToEvenAfterAddingOne() {
		// 0.5 + 1 = 1.5 rounds to 2 (row 1) and 2.5 + 1 = 3.5 to 4 (row 3); rint(0.5) and rint(2.5)
		// without the +1 would give rows 0 and 2
		int[] rows = TraceImageCorrelation.rows(new double[] { 0, 0.5, 2.5, 255, Double.NaN, 1.5 }, 0, 255);
		assertArrayEquals(new int[] { 0, 1, 3, 255, -1, 1 }, rows);
		// a zero range (NaN quotient) lands in the first row
		assertArrayEquals(new int[] { 0, 0 }, TraceImageCorrelation.rows(new double[] { 3, 3 }, 3, 3));
	}

	@Test
	void columnsEqualTheDenseCorrelation() {
		Random rnd = new Random(7);
		for (int trial = 0; trial < 60; trial++) {
			int width = 1 + rnd.nextInt(trial < 20 ? 8 : 30);
			int[] ref = randomRows(rnd, 1 + rnd.nextInt(width), width);
			int[] est = randomRows(rnd, 1 + rnd.nextInt(width), width);
			if (!has(ref) || !has(est)) continue;
			DenseImageCorrelation dense = new DenseImageCorrelation(width, ref, est);
			for (int dh = -(width - 1); dh <= width - 1; dh++) {
				double[] col = TraceImageCorrelation.column(width, ref, est, dh);
				for (int dv = -255; dv <= 255; dv++) {
					assertEquals(dense.value(dh, dv), col[dv + 255], 1e-13,
						"trial " + trial + " width " + width + " dh " + dh + " dv " + dv);
				}
			}
		}
	}

	@Test
	void peakEqualsTheDenseArgmax() {
		Random rnd = new Random(11);
		int checked = 0;
		for (int trial = 0; trial < 200; trial++) {
			int width = 1 + rnd.nextInt(trial < 50 ? 6 : 40);
			int[] ref = randomRows(rnd, 1 + rnd.nextInt(width), width);
			int[] est;
			if (rnd.nextBoolean()) {
				// a shifted, offset, noisy copy, so that a clear peak exists
				est = new int[width];
				int shift = rnd.nextInt(7) - 3, off = rnd.nextInt(9) - 4;
				for (int i = 0; i < width; i++) {
					int j = i + shift;
					est[i] = j >= 0 && j < ref.length && ref[j] >= 0
						? Math.max(0, Math.min(255, ref[j] + off + (rnd.nextInt(10) == 0 ? rnd.nextInt(5) - 2 : 0)))
						: -1;
				}
			}
			else {
				est = randomRows(rnd, 1 + rnd.nextInt(width), width);
			}
			if (!has(ref) || !has(est)) continue;
			DenseImageCorrelation dense = new DenseImageCorrelation(width, ref, est);
			int[] expect = dense.peak();
			TraceImageCorrelation.Peak peak = TraceImageCorrelation.peak(width, ref, est).first();
			String msg = "trial " + trial + " width " + width;
			assertEquals(expect[0], peak.shift, msg);
			assertEquals(expect[1], peak.offsetRows, msg);
			assertEquals(dense.value(expect[0], expect[1]), peak.value, 1e-12, msg);
			checked++;
		}
		assertTrue(checked > 150);
	}

	@Test
	void manySamplesInBorderRowsMatchTheDenseCorrelation() {
		// A dead lead (every sample in row 0) or a clipped trace puts hundreds of samples in the
		// border rows, which switches the search to its second bound and counted corrections.
		Random rnd = new Random(5);
		int width = 320;
		for (int trial = 0; trial < 4; trial++) {
			int[] ref = new int[width], est = new int[width];
			for (int i = 0; i < width; i++) {
				ref[i] = trial % 2 == 0 ? 0 : (i % 50 < 30 ? 255 : 100 + rnd.nextInt(40));
				est[i] = trial < 2 ? 100 + (int) (60 * Math.sin(i / 9.0)) + rnd.nextInt(5) : (rnd.nextInt(3) == 0 ? 254 : 1);
			}
			if (trial == 3) Arrays.fill(est, 0, 40, -1);
			DenseImageCorrelation dense = new DenseImageCorrelation(width, ref, est);
			TraceImageCorrelation.Peak peak = TraceImageCorrelation.peak(width, ref, est).first();
			int[] expect = dense.peak();
			assertEquals(expect[0], peak.shift, "trial " + trial);
			assertEquals(expect[1], peak.offsetRows, "trial " + trial);
			assertEquals(dense.value(expect[0], expect[1]), peak.value, 1e-10 * peak.value);
			for (int dh : new int[] { -300, -17, 0, 1, 150, 319 }) {
				double[] col = TraceImageCorrelation.column(width, ref, est, dh);
				for (int dv = -255; dv <= 255; dv++) assertEquals(dense.value(dh, dv), col[dv + 255], 1e-10 * peak.value);
			}
		}
	}

	@Test
	void exactTiesGoToTheLargestVerticalThenHorizontalLag() {
		// Two identical constant runs: a flat line against a flat line ties along no axis, but a
		// single pixel against two equal pixels ties between two horizontal lags.
		int width = 12;
		int[] ref = new int[width];
		Arrays.fill(ref, -1);
		ref[6] = 100;
		int[] est = new int[width];
		Arrays.fill(est, -1);
		est[3] = 100;
		est[9] = 100;
		TraceImageCorrelation.Peak peak = TraceImageCorrelation.peak(width, ref, est).first();
		DenseImageCorrelation dense = new DenseImageCorrelation(width, ref, est);
		assertEquals(dense.peak()[0], peak.shift);
		assertEquals(3, peak.shift);
		assertEquals(0, peak.offsetRows);
	}

	private static boolean has(int[] rows) {
		for (int r : rows) if (r >= 0) return true;
		return false;
	}

	/** Rows of a random walk near the borders or anywhere, with gaps, over a random span. */
	private static int[] randomRows(Random rnd, int length, int width) {
		int[] rows = new int[length];
		int mode = rnd.nextInt(4);
		int r = mode == 0 ? rnd.nextInt(4) : mode == 1 ? 252 + rnd.nextInt(4) : rnd.nextInt(256);
		int start = rnd.nextInt(Math.max(1, length / 2)), end = start + rnd.nextInt(length - start + 1);
		for (int i = 0; i < length; i++) {
			r = Math.max(0, Math.min(255, r + rnd.nextInt(7) - 3));
			boolean gap = i < start || i > end || rnd.nextInt(12) == 0;
			rows[i] = gap ? -1 : (mode == 3 && rnd.nextBoolean() ? (rnd.nextBoolean() ? 0 : 255) : r);
		}
		return rows;
	}
}
