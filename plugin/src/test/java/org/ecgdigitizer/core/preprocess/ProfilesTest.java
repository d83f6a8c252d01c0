package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

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
}
