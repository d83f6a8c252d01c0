package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;

/** The fast projection profile against the plain per-pixel one it replaced, on a drawn page. */
class ProfilesTest {

	/** The profile as first written: every pixel splatted on its own, walking the plane column by column. */
	static double[] reference(float[] p, int w, int x0, int y0, int x1, int y1, double tan, boolean across,
		int stride, double[] offset)
	{
		double cx = (x0 + x1) / 2.0;
		double cy = (y0 + y1) / 2.0;
		double spread = across ? Math.abs(tan) * (x1 - x0) / 2 : Math.abs(tan) * (y1 - y0) / 2;
		double lo = (across ? y0 : x0) - spread - 1;
		double hi = (across ? y1 : x1) + spread + 1;
		int n = (int) Math.ceil(hi - lo) + 2;
		double[] sum = new double[n];
		double[] cnt = new double[n];
		for (int a = across ? x0 : y0; a < (across ? x1 : y1); a += stride) {
			for (int b = across ? y0 : x0; b < (across ? y1 : x1); b++) {
				int x = across ? a : b;
				int y = across ? b : a;
				double c = across ? y - (x - cx) * tan - lo : x + (y - cy) * tan - lo;
				int i = (int) c;
				double f = c - i;
				float v = p[y * w + x];
				sum[i] += v * (1 - f);
				cnt[i] += 1 - f;
				sum[i + 1] += v * f;
				cnt[i + 1] += f;
			}
		}
		double maxCnt = 0;
		for (double c : cnt) maxCnt = Math.max(maxCnt, c);
		int first = 0;
		while (first < n && cnt[first] < 0.5 * maxCnt) first++;
		int last = n - 1;
		while (last > first && cnt[last] < 0.5 * maxCnt) last--;
		double[] out = new double[Math.max(0, last - first + 1)];
		for (int i = first; i <= last; i++) out[i - first] = sum[i] / cnt[i];
		if (offset != null) offset[0] = lo + first;
		return out;
	}

	static float[] drawnPlane(int w, int h, double angleDeg) {
		BufferedImage img = GridAnalysisTest.grid(w, h, 7.87, angleDeg, new Color(240, 140, 140), true);
		return Planes.gridPlane(((DataBufferInt) img.getRaster().getDataBuffer()).getData());
	}

	@Test
	void equalsThePerPixelProfileOnADrawnPage() {
		int w = 613;
		int h = 421;
		for (double angle : new double[] { 0, 0.37, -3.1, 11 }) {
			float[] p = drawnPlane(w, h, angle);
			for (double deg : new double[] { angle, angle + 0.8, -14.2 }) {
				double tan = Math.tan(Math.toRadians(deg));
				for (boolean across : new boolean[] { true, false }) {
					for (int stride : new int[] { 1, 2, 3 }) {
						for (int[] box : new int[][] { { 0, 0, w, h }, { 37, 11, 290, 400 }, { 300, 200, 613, 421 } }) {
							double[] o1 = new double[1];
							double[] o2 = new double[1];
							double[] expected = reference(p, w, box[0], box[1], box[2], box[3], tan, across, stride, o1);
							for (boolean byColumns : new boolean[] { true, false }) {
								double[] actual = new Profiles.Projector(p, w, h, byColumns).profile(box[0], box[1], box[2],
									box[3], tan, across, stride, o2);
								String what = "angle " + deg + (across ? " across rows" : " across columns") + " stride " +
									stride + (byColumns ? ", by columns" : "");
								assertEquals(o1[0], o2[0], 0, what);
								assertArrayEquals(expected, actual, 1e-9, what);
							}
						}
					}
				}
			}
		}
	}

	@Test
	void oneProjectorGivesProfilesAtManyTiltsAndStrides() {
		int w = 509;
		int h = 377;
		float[] p = drawnPlane(w, h, 2.4);
		for (int stride : new int[] { 1, 2, 3 }) {
			Profiles.Projector sweep = new Profiles.Projector(p, w, h, true);
			for (double deg : new double[] { -15, -2.2, 0, 2.4, 9.7 }) {
				double tan = Math.tan(Math.toRadians(deg));
				for (boolean across : new boolean[] { true, false }) {
					assertArrayEquals(reference(p, w, 0, 0, w, h, tan, across, stride, null), sweep.profile(tan, across, stride), 1e-9,
						"angle " + deg + (across ? " across rows" : " across columns") + " stride " + stride);
				}
			}
		}
	}

	@Test
	void stripsOfOneLineShiftedAndAddedEqualTheProfile() {
		int w = 509;
		int h = 377;
		float[] p = drawnPlane(w, h, 2.4);
		Profiles.Projector projector = new Profiles.Projector(p, w, h, true);
		for (int stride : new int[] { 1, 2, 3 }) {
			for (boolean across : new boolean[] { true, false }) {
				for (double baseDeg : new double[] { 0, 2.4, -9 }) {
					Profiles.Sweep sweep = new Profiles.Sweep(projector, Math.tan(Math.toRadians(baseDeg)), across, stride, 1);
					for (double deg : new double[] { baseDeg, baseDeg + 0.3, -14.5, 0.01 }) {
						double tan = Math.tan(Math.toRadians(deg));
						double[] o1 = new double[1];
						double[] o2 = new double[1];
						double[] expected = projector.profile(0, 0, w, h, tan, across, stride, o1);
						double[] actual = sweep.profile(tan, o2);
						String what = "base " + baseDeg + ", angle " + deg + (across ? " across rows" : " across columns") +
							" stride " + stride;
						assertEquals(o1[0], o2[0], 1e-9, what);
						assertArrayEquals(expected, actual, 1e-9, what);
					}
				}
			}
		}
	}

	@Test
	void stripsOfManyLinesSmoothTheProfileALittle() {
		int w = 509;
		int h = 377;
		float[] p = drawnPlane(w, h, 1.3);
		Profiles.Projector projector = new Profiles.Projector(p, w, h, true);
		double base = Math.tan(Math.toRadians(1.3));
		for (boolean across : new boolean[] { true, false }) {
			// 8 lines at stride 2 span 14 px: 0.5 degrees off the base puts their ends 0.12 px apart; the
			// strips' own splatting smooths a little more
			Profiles.Sweep sweep = new Profiles.Sweep(projector, base, across, 2, 8);
			for (double deg : new double[] { 0.8, 1.3, 1.8 }) {
				double tan = Math.tan(Math.toRadians(deg));
				double direct = Profiles.variance(projector.profile(tan, across, 2));
				double strips = Profiles.variance(sweep.profile(tan));
				assertEquals(direct, strips, 0.25 * direct, "angle " + deg + (across ? " across rows" : " across columns"));
			}
		}
	}

	/** Where the scores peak, between samples by a parabola through the best and its neighbours (in samples). */
	static double peak(double[] scores) {
		int best = 0;
		for (int i = 0; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
		if (best == 0 || best == scores.length - 1) return best;
		double a = scores[best - 1];
		double b = scores[best];
		double c = scores[best + 1];
		return best + 0.5 * (a - c) / (a - 2 * b + c);
	}

	@Test
	void sharpnessPeaksAtTheTiltTheProfilesDo() {
		int w = 613;
		int h = 421;
		for (double angle : new double[] { -6.2, 0.37, 11 }) {
			Profiles.Projector projector = new Profiles.Projector(drawnPlane(w, h, angle), w, h, true);
			// a wide coarse search (every tilt projected) and a narrow fine one (strips)
			for (double[] search : new double[][] { { -15, 15, 0.5 }, { angle - 0.4, angle + 0.4, 0.05 } }) {
				int n = (int) Math.round((search[1] - search[0]) / search[2]);
				double[] tans = new double[n + 1];
				double[] direct = new double[n + 1];
				for (int i = 0; i <= n; i++) {
					tans[i] = Math.tan(Math.toRadians(search[0] + i * search[2]));
					direct[i] = Profiles.variance(projector.profile(tans[i], true, 2)) + Profiles.variance(projector.profile(
						tans[i], false, 2));
				}
				double found = search[0] + peak(Profiles.sharpness(projector, tans, 2)) * search[2];
				assertEquals(search[0] + peak(direct) * search[2], found, 0.02, "angle " + angle + ", search from " +
					search[0] + " by " + search[2]);
				assertEquals(angle, found, 0.3 * search[2], "angle " + angle);
			}
		}
	}

	/** The plane coarseTan searches: the page's grid plane shrunk to about 500 px and flattened. */
	static float[] searchedPlane(int[] rgb, int w, int h, int[] size) {
		int f = Math.max(1, Math.round(Math.max(w, h) / 500f));
		size[0] = w / f;
		size[1] = h / f;
		double pxPerMm = Math.max(w, h) / GridAnalysis.PAGE_MM / f;
		return Planes.aboveLocalMean(Planes.downsampleSmooth(Planes.gridPlane(rgb), w, h, f), size[0], size[1], (int) Math
			.max(1, Math.round(pxPerMm * GridAnalysis.SHADING_RADIUS_MM)));
	}

	static int argmax(double[] scores) {
		int best = 0;
		for (int i = 0; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
		return best;
	}

	/** The search on strips and climbs reads the best tilt and its neighbours as projecting every tilt does. */
	static void assertSharpestAsEveryTilt(Profiles.Projector projector, double from, double to, double step, String what) {
		int n = (int) Math.ceil((to - from) / step);
		double[] tans = new double[n + 1];
		for (int i = 0; i <= n; i++) tans[i] = Math.tan(Math.toRadians(from + i * step));
		double[] every = Profiles.sharpness(projector, tans, 2);
		double[] sharpest = Profiles.sharpest(projector, tans, 2);
		int best = argmax(every);
		assertEquals(best, argmax(sharpest), what);
		for (int i = Math.max(0, best - 1); i <= Math.min(n, best + 1); i++) {
			assertEquals(Double.doubleToLongBits(every[i]), Double.doubleToLongBits(sharpest[i]), what + ", tilt " + i);
		}
	}

	@Test
	void theSharpestTiltIsTheOneProjectingEveryTiltFinds() {
		// drawn grids and generated pages (rotated within 12 degrees, a photocopy, a page without grid),
		// searched as coarseTan searches a page (+-15 degrees) and perspective a tile (+-4 degrees)
		List<Object[]> planes = new ArrayList<>();
		for (double angle : new double[] { -13.7, -4.2, 0, 0.37, 2.6, 9.9 }) {
			planes.add(new Object[] { drawnPlane(613, 421, angle), 613, 421, "drawn grid at " + angle });
		}
		PageSpec rotated = PageSpec.defaults().withDistortions("rotate:12");
		for (Object[] page : new Object[][] { { rotated, 3L }, { rotated, 4L }, { rotated, 5L }, { PageSpec.defaults()
			.withDistortions("bw"), 6L }, { PageSpec.defaults().withGridStyle(PageSpec.GridStyle.NONE), 7L } })
		{
			long seed = (Long) page[1];
			BufferedImage img = PageGenerator.render(PageGenerator.synthesize(seed, 500, "s" + seed), (PageSpec) page[0],
				seed).image();
			int w = img.getWidth();
			int h = img.getHeight();
			int[] size = new int[2];
			float[] plane = searchedPlane(img.getRGB(0, 0, w, h, null, 0, w), w, h, size);
			planes.add(new Object[] { plane, size[0], size[1], "generated page " + seed });
		}
		for (Object[] plane : planes) {
			Profiles.Projector projector = new Profiles.Projector((float[]) plane[0], (Integer) plane[1], (Integer) plane[2],
				true);
			assertSharpestAsEveryTilt(projector, -15, 15, 0.5, plane[3] + ", +-15 degrees");
			assertSharpestAsEveryTilt(projector, -1.3, 6.7, 0.5, plane[3] + ", -1.3 to 6.7 degrees");
		}
	}

	@Test
	void fourierTransformEqualsTheDirectSum() {
		java.util.Random random = new java.util.Random(3);
		for (int n : new int[] { 1, 3, 4, 5, 255, 1000, 2049, 7001 }) {
			double[] q = new double[n];
			for (int i = 0; i < n; i++) q[i] = random.nextGaussian();
			for (double f : new double[] { 0, 0.013, 0.127, 0.49 }) {
				double re = 0;
				double im = 0;
				for (int i = 0; i < n; i++) {
					re += q[i] * Math.cos(-2 * Math.PI * f * i);
					im += q[i] * Math.sin(-2 * Math.PI * f * i);
				}
				double[] c = Profiles.dtft(q, f);
				assertEquals(re, c[0], 1e-9 * n, "n " + n + ", f " + f);
				assertEquals(im, c[1], 1e-9 * n, "n " + n + ", f " + f);
			}
		}
	}

	/**
	 * A rectangle of a plane projected in place gives, bit for bit, the profiles, strips and sweeps of a
	 * copy of it, and a quick look at it the reading of the copy.
	 */
	@Test
	void aRectangleReadInPlaceIsReadAsItsCopy() throws Exception {
		int w = 900;
		int h = 700;
		float[] p = drawnPlane(w, h, 0.7);
		int x0 = 137;
		int y0 = 91;
		int tw = 500;
		int th = 420;
		float[] copy = new float[tw * th];
		for (int y = 0; y < th; y++) System.arraycopy(p, (y0 + y) * w + x0, copy, y * tw, tw);
		for (boolean byColumns : new boolean[] { false, true }) {
			Profiles.Projector inPlace = new Profiles.Projector(p, y0 * w + x0, w, tw, th, byColumns);
			Profiles.Projector copied = new Profiles.Projector(copy, tw, th, byColumns);
			for (double tan : new double[] { -0.03, 0.0121, 0.05 }) {
				for (boolean across : new boolean[] { true, false }) {
					for (int stride : new int[] { 1, 2 }) {
						assertArrayEquals(copied.profile(tan, across, stride), inPlace.profile(tan, across, stride));
						double[] a = new double[1];
						double[] b = new double[1];
						assertArrayEquals(copied.profile(40, 30, 300, 400, tan, across, stride, a), inPlace.profile(40, 30,
							300, 400, tan, across, stride, b));
						assertEquals(a[0], b[0]);
					}
					assertArrayEquals(new Profiles.Sweep(copied, tan, across, 2, 7).profile(tan + 0.001),
						new Profiles.Sweep(inPlace, tan, across, 2, 7).profile(tan + 0.001));
				}
			}
		}
		double tan = Math.tan(Math.toRadians(0.7));
		GridEstimate a = GridAnalysis.quickLook(copy, tw, th, tan);
		GridEstimate b = GridAnalysis.quickLook(p, y0 * w + x0, w, tw, th, tan);
		assertArrayEquals(new double[] { a.horizontalAngleDeg, a.verticalAngleDeg, a.pxPerMmX, a.pxPerMmY, a.strengthX,
			a.strengthY }, new double[] { b.horizontalAngleDeg, b.verticalAngleDeg, b.pxPerMmX, b.pxPerMmY, b.strengthX,
				b.strengthY });
		assertEquals(a.found, b.found);
	}

	/** Bands of columns read together, row by row, give each band's profile bit for bit, and its offset. */
	@Test
	void bandsReadTogetherAreEachBandsProfile() {
		int w = 801;
		int h = 533;
		float[] p = drawnPlane(w, h, -1.3);
		int[] edges = { 0, 97, 100, 340, 341, 800 };
		for (boolean byColumns : new boolean[] { false, true }) {
			Profiles.Projector projector = new Profiles.Projector(p, w, h, byColumns);
			for (double tan : new double[] { -0.0227, 0, 0.004 }) {
				for (int stride : new int[] { 1, 2, 3 }) {
					double[][] offsets = new double[edges.length - 1][1];
					double[][] bands = projector.acrossBands(edges, tan, stride, offsets);
					for (int s = 0; s + 1 < edges.length; s++) {
						double[] offset = new double[1];
						assertArrayEquals(projector.profile(edges[s], 0, edges[s + 1], h, tan, true, stride, offset),
							bands[s]);
						assertEquals(offset[0], offsets[s][0]);
					}
				}
			}
		}
	}
}
