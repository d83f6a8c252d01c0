package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.eval.BenchmarkMatrix;
import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/** The paper's displacement read from its grid, and undone. */
class PaperDisplacementTest {

	/**
	 * A flat grid: the displacement read is a few hundredths of a millimetre, and the page is left
	 * as it is.
	 */
	@Test
	void aFlatGridReadsAsFlat() {
		double pxPerMm = 7.874;
		int w = (int) (200 * pxPerMm);
		int h = (int) (120 * pxPerMm);
		BufferedImage img = GridAnalysisTest.grid(w, h, pxPerMm, 0, new Color(240, 150, 150), true);
		int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
		PaperDisplacement.Field field = PaperDisplacement.measure(rgb, w, h, pxPerMm, pxPerMm);
		assertNotNull(field);
		assertTrue(field.agreeingX > 0.7 && field.agreeingY > 0.7, field.toString());
		assertTrue(field.maxMm < 0.035, field.toString());
		assertFalse(field.worthUndoing(), field.toString());
	}

	/**
	 * A grid whose right half was shifted by a quarter of a millimetre, as beyond a fold, and whose
	 * lines wave by 0.3 mm: the field reads both, within 0.08 mm away from the fold. The field holds
	 * what the page's scale and tilt do not explain, so it is compared up to a plane. (A sharp step of
	 * half a millimetre is not read yet: the lines on both sides cancel in the windows across it, and
	 * the unseen strip parts the page in two.)
	 */
	@Test
	void aFoldAndAWaveAreRead() {
		double pxPerMm = 8;
		int w = (int) (200 * pxPerMm);
		int h = (int) (120 * pxPerMm);
		double fold = w / 2.0;
		BufferedImage flat = GridAnalysisTest.grid(w + 40, h + 40, pxPerMm, 0, new Color(240, 150, 150), true);
		int[] src = ((DataBufferInt) flat.getRaster().getDataBuffer()).getData();
		int[] rgb = new int[w * h];
		double wave = 0.3 * pxPerMm;
		double wavelength = 60 * pxPerMm;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				// content meant at p is seen at p + d: pixel q shows the flat grid at q - d
				int sx = x - (x + 0.5 > fold ? 2 : 0) + 20;
				int sy = (int) Math.round(y - wave * Math.sin(2 * Math.PI * x / wavelength)) + 20;
				rgb[y * w + x] = src[sy * (w + 40) + sx];
			}
		}
		PaperDisplacement.Field field = PaperDisplacement.measure(rgb, w, h, pxPerMm, pxPerMm);
		assertNotNull(field);
		// read over the whole page; whether it is undone is not asked here: the drawn step scatters
		// the nodes beside it by 0.034 mm, over the 0.03 mm the rectifier accepts (creases-08 below
		// is undone)
		assertTrue(Math.min(field.agreeingX, field.agreeingY) >= 0.9, field.toString());
		java.util.List<double[]> points = new java.util.ArrayList<>();
		double[] d = new double[2];
		for (double y = 20 * pxPerMm; y < h - 20 * pxPerMm; y += 10 * pxPerMm) {
			for (double x = 20 * pxPerMm; x < w - 20 * pxPerMm; x += 5 * pxPerMm) {
				if (Math.abs(x - fold) < 10 * pxPerMm) continue;
				field.at(x, y, d);
				double tx = x > fold ? 2 : 0;
				double ty = wave * Math.sin(2 * Math.PI * x / wavelength);
				points.add(new double[] { x / w, y / h, d[0] - tx, d[1] - ty });
			}
		}
		for (int axis = 0; axis < 2; axis++) {
			double[][] m = new double[3][3];
			double[] r = new double[3];
			for (double[] p : points) {
				double[] f = { 1, p[0], p[1] };
				for (int i = 0; i < 3; i++) {
					r[i] += f[i] * p[2 + axis];
					for (int j = 0; j < 3; j++) m[i][j] += f[i] * f[j];
				}
			}
			double[] c = Perspective.solve(m, r);
			for (double[] p : points) {
				double error = p[2 + axis] - (c[0] + c[1] * p[0] + c[2] * p[1]);
				assertEquals(0, error, 0.08 * pxPerMm, (axis == 0 ? "x" : "y") + " displacement at " + p[0] * w + ", " +
					p[1] * h);
			}
		}
	}

	/**
	 * A generated page with wrinkles (up to 1 mm) and folds (0.25 mm): undoing the displacement its
	 * grid shows raises the page's SNR from 9.66 to 24.75 dB (creases-08 of the benchmark, rules ink
	 * model, measured 2026-12-06); asserted with a margin of 8 dB.
	 */
	@Test
	void undoingTheDisplacementOfACreasedPageRaisesItsScore() {
		BenchmarkMatrix.Rendering how = BenchmarkMatrix.rendering("creases", 7, 1);
		SyntheticPage page = PageGenerator.render(how.signal, how.spec, how.pageSeed);
		ArrayImg<ARGBType, IntArray> img = page.img();
		PreparedPage undone = Stages.preprocess(img, Double.NaN, Progress.NONE);
		PaperDisplacement.Field field = undone.geometry.paperDisplacement;
		assertNotNull(field);
		assertTrue(field.worthUndoing(), field.toString());
		// the same page rectified without undoing the displacement
		int[] source = img.update(null).getCurrentStorageArray();
		int[] flat = Rectifier.warp(source, undone.geometry.warp, Rectifier.paperColour(source));
		PreparedPage kept = Stages.fromRectified(flat, undone.geometry);
		double with = snr(undone, page);
		double without = snr(kept, page);
		assertTrue(with > without + 8, String.format("undone %.2f dB, kept %.2f dB", with, without));
	}

	private static double snr(PreparedPage prepared, SyntheticPage page) {
		DigitizerSettings settings = DigitizerSettings.defaults();
		LeadLayout layout = Stages.detectLeads(prepared, settings);
		LeadIdentification.Result traced = Stages.extractTraces(prepared, layout);
		Digitization d = Stages.digitize(traced.traces, traced.layout, settings, "creased");
		return Evaluation.score(page.maskedReference(), d.record).meanSnr2024();
	}

	/**
	 * Blurring is the kernel's weighted sum of the neighbours along each row, then of those along each
	 * column, cut at the lattice's edges; computed only at the nodes asked for, 0 elsewhere.
	 */
	@Test
	void blurSumsTheNeighboursInsideAtTheNodesAsked() {
		blurAtTheNodesAsked(7, 5, 3, k -> k % 3 != 0);
		// a few nodes asked, rows apart (the rows far from them need no row pass)
		blurAtTheNodesAsked(9, 30, 3, k -> k == 3 * 9 + 4 || k == 4 * 9 + 1 || k == 20 * 9 + 8 || k == 29 * 9);
	}

	private static void blurAtTheNodesAsked(int nx, int ny, int r, java.util.function.IntPredicate asked) {
		double[] kernel = { 0.1, 0.2, 0.6, 1, 0.5, 0.3, 0.05 };
		double[] v = new double[nx * ny];
		boolean[] needed = new boolean[nx * ny];
		for (int k = 0; k < v.length; k++) {
			v[k] = (k * 37 % 11) - 4.5;
			needed[k] = asked.test(k);
		}
		double[] out = PaperDisplacement.blur(v, nx, ny, kernel, r, needed);
		double[] rows = new double[v.length];
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				for (int d = -r; d <= r; d++) if (i + d >= 0 && i + d < nx) rows[j * nx + i] += kernel[d + r] * v[j * nx + i + d];
			}
		}
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				double expected = 0;
				for (int d = -r; d <= r; d++) if (j + d >= 0 && j + d < ny) expected += kernel[d + r] * rows[(j + d) * nx + i];
				int k = j * nx + i;
				assertEquals(needed[k] ? expected : 0, out[k], 1e-12, "node " + i + "," + j);
			}
		}
	}

	/**
	 * The displacement between nodes is bilinear and held at the lattice's edge beyond it; a pixel's
	 * place on the lattice is found per column and per row.
	 */
	@Test
	void theFieldIsBilinearBetweenNodesAndHeldBeyondThem() {
		// nodes 10 px apart at (5, 5), (15, 5), (25, 5) and (5, 15)...; dx grows along x, dy along y
		float[] dx = { 0, 1, 2, 3, 4, 5 };
		float[] dy = { 0, 0, 0, 6, 6, 6 };
		PaperDisplacement.Field field = new PaperDisplacement.Field(3, 2, 10, dx, dy, 1, 1, 0, 0, 0, 0);
		double[] d = new double[2];
		field.at(15, 5, d);
		assertEquals(1, d[0], 1e-12);
		assertEquals(0, d[1], 1e-12);
		field.at(10, 10, d);
		assertEquals((0 + 1 + 3 + 4) / 4.0, d[0], 1e-12);
		assertEquals(3, d[1], 1e-12);
		field.at(-50, -50, d);
		assertEquals(0, d[0], 1e-12);
		field.at(500, 500, d);
		assertEquals(5, d[0], 1e-4);
		assertEquals(6, d[1], 1e-4);
		// a column's place on the lattice, found once for all rows, is clamped to the lattice's span
		assertEquals(0, field.nodeX(-50), 0.0);
		assertEquals(1.5, field.nodeX(20), 1e-12);
		assertEquals(2 - 1e-6, field.nodeX(500), 1e-9);
		assertEquals(1 - 1e-6, field.nodeY(500), 1e-9);
		field.atNodes(1.5, 0.5, d);
		assertEquals((1 + 2 + 4 + 5) / 4.0, d[0], 1e-12);
		assertEquals(3, d[1], 1e-12);
	}

	/**
	 * The bands' profiles made in one pass (a band of rows as the difference of running column sums)
	 * are the sums over each band's own pixels, taken one pixel after another, to the bit.
	 */
	@Test
	void bandProfilesAreEachBandsOwnSums() {
		java.util.Random random = new java.util.Random(11);
		for (int trial = 0; trial < 6; trial++) {
			int w = 40 + random.nextInt(60);
			int h = 30 + random.nextInt(50); // not always a multiple of the four rows summed at once
			int[] rgb = new int[w * h];
			for (int i = 0; i < rgb.length; i++) {
				// paper of every colour, and dark ink of little colour (weight 0)
				rgb[i] = random.nextInt(8) == 0 ? 0x101418 : random.nextInt(1 << 24);
			}
			double step = 5 + 4 * random.nextDouble();
			int half = 3 + random.nextInt(8);
			int nx = (int) Math.floor(w / step);
			int ny = (int) Math.floor(h / step);
			double[][] sumX = new double[ny][];
			int[][] seenX = new int[ny][];
			double[][] sumY = new double[nx][h];
			int[][] seenY = new int[nx][h];
			PaperDisplacement.bandProfiles(rgb, w, h, step, half, sumX, seenX, sumY, seenY);
			// each pixel's visible value and weight, as measure reads them
			float[] value = new float[w * h];
			int[] weight = new int[w * h];
			for (int i = 0; i < rgb.length; i++) {
				int p = rgb[i];
				int r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
				int c = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
				float dark = 1 - Planes.luma(p) / 255f;
				boolean ink = dark > PaperDisplacement.INK_DARKNESS && c / 255f < 0.5f * dark;
				value[i] = ink ? 0 : c / 255f;
				weight[i] = ink ? 0 : 1;
			}
			for (int band = 0; band < ny; band++) {
				int centre = (int) Math.round((band + 0.5) * step);
				for (int x = 0; x < w; x++) {
					double s = 0;
					double n = 0;
					for (int y = Math.max(0, centre - half); y < Math.min(h, centre + half); y++) {
						s += value[y * w + x];
						n += weight[y * w + x];
					}
					assertEquals(s, sumX[band][x], 0.0);
					assertEquals(n, seenX[band][x], 0.0);
				}
			}
			for (int band = 0; band < nx; band++) {
				int centre = (int) Math.round((band + 0.5) * step);
				for (int y = 0; y < h; y++) {
					double s = 0;
					double n = 0;
					for (int x = Math.max(0, centre - half); x < Math.min(w, centre + half); x++) {
						s += value[y * w + x];
						n += weight[y * w + x];
					}
					assertEquals(s, sumY[band][y], 0.0);
					assertEquals(n, seenY[band][y], 0.0);
				}
			}
		}
	}

	/**
	 * Every colour packs to what the ink rule reads from it (weight 0 and value 0 for dark pixels of
	 * little colour; else weight 1 and value c / 255 as a float), and a row's packed running sums and
	 * the columns' are the sums of those floats added one by one in double, to the bit.
	 */
	@Test
	void packedPixelsAreTheInkRulesValuesAndWeights() {
		for (int p = 0; p < 1 << 24; p++) {
			int r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
			int c = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
			float dark = 1 - Planes.luma(p) / 255f;
			boolean ink = dark > PaperDisplacement.INK_DARKNESS && c / 255f < 0.5f * dark;
			long packed = PaperDisplacement.packed(p);
			if (PaperDisplacement.bandWeight(packed) != (ink ? 0 : 1) || PaperDisplacement.bandValue(packed) != (ink ? 0
				: (double) (c / 255f))) fail("colour " + Integer.toHexString(p));
		}
		java.util.Random random = new java.util.Random(5);
		int w = 300;
		int[] rgb = new int[3 * w];
		for (int i = 0; i < rgb.length; i++) rgb[i] = random.nextInt(4) == 0 ? 0x101418 : random.nextInt(1 << 24);
		long[] rowSum = new long[w + 1];
		long[] columnSum = new long[w];
		double[] columnExpected = new double[w];
		int[] columnSeen = new int[w];
		for (int y = 0; y < 3; y++) {
			PaperDisplacement.addRow(rgb, y * w, w, rowSum, columnSum);
			double s = 0;
			int n = 0;
			for (int x = 0; x < w; x++) {
				long k = PaperDisplacement.packed(rgb[y * w + x]);
				s += PaperDisplacement.bandValue(k);
				n += PaperDisplacement.bandWeight(k);
				columnExpected[x] += PaperDisplacement.bandValue(k);
				columnSeen[x] += PaperDisplacement.bandWeight(k);
				assertEquals(s, PaperDisplacement.bandValue(rowSum[x + 1]), 0.0);
				assertEquals(n, PaperDisplacement.bandWeight(rowSum[x + 1]));
			}
		}
		for (int x = 0; x < w; x++) {
			assertEquals(columnExpected[x], PaperDisplacement.bandValue(columnSum[x]), 0.0);
			assertEquals(columnSeen[x], PaperDisplacement.bandWeight(columnSum[x]));
		}
	}

	/** The ten prefix sums are the plain and wave-weighted running sums of the profile and its counts. */
	@Test
	void prefixSumsArePlainAndWaveWeightedRunningSums() {
		int n = 23;
		double[] sum = new double[n];
		int[] seen = new int[n];
		double[][] wave = new double[4][n];
		for (int i = 0; i < n; i++) {
			sum[i] = Math.sin(i * 0.7) * 3;
			seen[i] = i % 5;
			for (int k = 0; k < 4; k++) wave[k][i] = Math.cos(i * (k + 1) * 0.3);
		}
		double[][] prefix = new double[10][n + 1];
		PaperDisplacement.prefixSums(sum, seen, wave, prefix);
		for (int i = 0; i < n; i++) {
			assertEquals(prefix[0][i] + sum[i], prefix[0][i + 1], 0.0);
			assertEquals(prefix[1][i] + seen[i], prefix[1][i + 1], 0.0);
			for (int k = 0; k < 4; k++) {
				assertEquals(prefix[2 + k][i] + sum[i] * wave[k][i], prefix[2 + k][i + 1], 0.0);
				assertEquals(prefix[6 + k][i] + seen[i] * wave[k][i], prefix[6 + k][i + 1], 0.0);
			}
		}
		for (double[] p : prefix) assertEquals(0, p[0], 0.0);
	}

	/** The median of the agreeing nodes within r steps of node (i, j), sorted one by one; NaN when there are none. */
	private static double windowMedian(double[] v, boolean[] ok, int nx, int ny, int r, int i, int j, int[] count) {
		java.util.List<Double> around = new java.util.ArrayList<>();
		for (int b = Math.max(0, j - r); b <= Math.min(ny - 1, j + r); b++) {
			for (int a = Math.max(0, i - r); a <= Math.min(nx - 1, i + r); a++) if (ok[b * nx + a]) around.add(v[b * nx + a]);
		}
		java.util.Collections.sort(around);
		int c = around.size();
		count[0] = c;
		if (c == 0) return Double.NaN;
		return c % 2 == 1 ? around.get(c / 2) : (around.get(c / 2 - 1) + around.get(c / 2)) / 2;
	}

	/** Random lattices: values with ties (whole numbers) or without, some nodes not agreeing. */
	private static double[][] lattices(java.util.Random random, int trial, int nx, int ny, boolean[] ok) {
		double[] v = new double[nx * ny];
		for (int k = 0; k < v.length; k++) {
			v[k] = trial % 2 == 0 ? random.nextInt(4) : random.nextGaussian();
			ok[k] = random.nextDouble() < 0.7;
		}
		return new double[][] { v };
	}

	/** The last number that rounds to a given count of periods is found, and the next one rounds beyond it. */
	@Test
	void lastTurningIsWhereTheRoundedPeriodsStep() {
		java.util.Random random = new java.util.Random(3);
		int found = 0;
		for (int trial = 0; trial < 10000; trial++) {
			double raw = trial % 2 == 0 ? random.nextGaussian() * 4 : random.nextInt(9) * 0.5;
			double period = trial % 3 == 0 ? 7.874015748031496 : 0.5 + 8 * random.nextDouble();
			long turns = random.nextInt(11) - 5;
			double last = PaperDisplacement.lastTurning(raw, period, turns);
			if (Double.isNaN(last)) continue;
			found++;
			assertTrue(Math.round((last - raw) / period) <= turns, "raw " + raw + " period " + period);
			assertTrue(Math.round((Math.nextUp(last) - raw) / period) > turns, "raw " + raw + " period " + period);
		}
		assertTrue(found > 9000, "found " + found);
	}

	/**
	 * Each window's count is how many agreeing nodes it holds, its bounds hold its median, and the
	 * median it gives is the sorted middle of those nodes.
	 */
	@Test
	void theMedianWindowsBoundsHoldTheMiddleOfEachWindow() {
		java.util.Random random = new java.util.Random(7);
		int[] count = new int[1];
		for (int trial = 0; trial < 40; trial++) {
			int nx = 1 + random.nextInt(25);
			int ny = 1 + random.nextInt(25);
			int r = 1 + random.nextInt(4);
			boolean[] ok = new boolean[nx * ny];
			double[] v = lattices(random, trial, nx, ny, ok)[0];
			PaperDisplacement.MedianWindow window = new PaperDisplacement.MedianWindow(v, ok, nx, ny, r);
			for (int j = 0; j < ny; j++) {
				window.row(j);
				for (int i = 0; i < nx; i++) {
					double expected = windowMedian(v, ok, nx, ny, r, i, j, count);
					window.node(i);
					assertEquals(count[0], window.count, "node " + i + "," + j);
					if (count[0] == 0) continue;
					assertTrue(window.lower <= expected && expected <= window.upper, "node " + i + "," + j);
					assertEquals(expected, window.median(), 0.0, "node " + i + "," + j);
				}
			}
		}
	}

	/**
	 * The outliers and the values placed nearest their windows' medians are those of the medians
	 * themselves, with limits and periods about the lattice's spread (so that the bounds often leave
	 * the answer open) and with values on the limit and halfway between whole periods.
	 */
	@Test
	void decisionsFromMedianBoundsAreTheMediansOwn() {
		java.util.Random random = new java.util.Random(17);
		int[] count = new int[1];
		int open = 0;
		for (int trial = 0; trial < 60; trial++) {
			int nx = 1 + random.nextInt(30);
			int ny = 1 + random.nextInt(30);
			int r = 1 + random.nextInt(4);
			boolean[] ok = new boolean[nx * ny];
			double[] v = lattices(random, trial, nx, ny, ok)[0];
			double limit = trial % 3 == 0 ? 1 : 0.2 + random.nextDouble();
			double period = trial % 3 == 0 ? 2 : 0.5 + 2 * random.nextDouble();
			double[] raw = new double[v.length];
			for (int k = 0; k < v.length; k++) raw[k] = trial % 4 == 0 ? random.nextInt(5) * 0.5 : random.nextGaussian() * 2;
			boolean[] outlier = PaperDisplacement.outliers(v, ok, nx, ny, r, limit);
			double[] placed = PaperDisplacement.nearestToMedians(raw, v, ok, nx, ny, r, period);
			PaperDisplacement.MedianWindow window = new PaperDisplacement.MedianWindow(v, ok, nx, ny, r);
			for (int j = 0; j < ny; j++) {
				window.row(j);
				for (int i = 0; i < nx; i++) {
					window.node(i);
					int k = j * nx + i;
					double median = windowMedian(v, ok, nx, ny, r, i, j, count);
					if (!ok[k]) {
						assertFalse(outlier[k]);
						assertEquals(0, placed[k], 0.0);
						continue;
					}
					assertEquals(count[0] < 5 || Math.abs(v[k] - median) > limit, outlier[k], "node " + i + "," + j);
					assertEquals(raw[k] + period * Math.round((median - raw[k]) / period), placed[k], 0.0, "node " + i + ","
						+ j);
					if (Math.round((window.lower - raw[k]) / period) != Math.round((window.upper - raw[k]) / period)) open++;
				}
			}
		}
		// the medians themselves were needed often enough for the test to say something
		assertTrue(open > 100, "bounds left the period open at " + open + " nodes");
	}

	/** Nodes leave the queue largest amplitude first, ties in the order java.util.PriorityQueue gives them. */
	@Test
	void theNodeQueuePollsAsAPriorityQueue() {
		java.util.Random random = new java.util.Random(3);
		for (int trial = 0; trial < 50; trial++) {
			java.util.PriorityQueue<double[]> expected = new java.util.PriorityQueue<>((a, b) -> Double.compare(b[0],
				a[0]));
			PaperDisplacement.NodeQueue queue = new PaperDisplacement.NodeQueue(400);
			for (int step = 0; step < 400; step++) {
				if (!expected.isEmpty() && random.nextInt(3) == 0) {
					assertEquals((int) expected.poll()[1], queue.poll());
				}
				else {
					double amplitude = random.nextInt(5); // many ties
					expected.add(new double[] { amplitude, step });
					queue.add(amplitude, step);
				}
				assertEquals(expected.size(), queue.size);
			}
			while (!expected.isEmpty()) assertEquals((int) expected.poll()[1], queue.poll());
		}
	}
}
