package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every output pixel of a warp is exactly the bilinear sample of its own source point: the
 * reference for any faster resampling (blocks, shortcuts), which must stay identical to the bit.
 */
class RectifierTest {

	@Test
	void rotationMatchesPixelByPixelSampling() {
		int w = 301;
		int h = 217;
		int[] rgb = noise(w, h, 1);
		check(rgb, w, h, Rectifier.Warp.rotation(3.7, w, h), null);
		check(rgb, w, h, Rectifier.Warp.rotation(-11, w, h), null);
	}

	@Test
	void homographyMatchesPixelByPixelSampling() {
		int w = 290;
		int h = 333;
		int[] rgb = noise(w, h, 2);
		Homography photo = new Homography(new double[] { 1.1, 0.05, -7, -0.03, 0.97, 12, 4e-4, -2e-4, 1 });
		check(rgb, w, h, Rectifier.Warp.homography(photo, w, h, 2, (long) (2.5 * w * h)), null);
	}

	@Test
	void displacedWarpMatchesPixelByPixelSampling() {
		int w = 275;
		int h = 190;
		int[] rgb = noise(w, h, 3);
		int nx = 6;
		int ny = 4;
		Random random = new Random(4);
		float[] dx = new float[nx * ny];
		float[] dy = new float[nx * ny];
		for (int i = 0; i < dx.length; i++) {
			dx[i] = (float) (3 * random.nextGaussian());
			dy[i] = (float) (3 * random.nextGaussian());
		}
		PaperDisplacement.Field field = new PaperDisplacement.Field(nx, ny, 50, dx, dy, 1, 1, 0, 0, 0, 0);
		check(rgb, w, h, Rectifier.Warp.rotation(2.2, w, h), field);
		Homography photo = new Homography(new double[] { 0.9, -0.04, 5, 0.02, 1.05, -3, -3e-4, 1e-4, 1 });
		check(rgb, w, h, Rectifier.Warp.homography(photo, w, h, 1, (long) (2.5 * w * h)), field);
	}

	/**
	 * A page of flat colours (paper, grid lines, ink, alpha set as decoders leave it) with some noise:
	 * where four neighbours share a colour the warp takes it whole, and it must be the blend's.
	 */
	@Test
	void flatColoursMatchPixelByPixelSampling() {
		int w = 263;
		int h = 241;
		int[] colours = { 0xfffdf8f2, 0xfff4b8b0, 0xff202020, 0xffffffff, 0xff000000 };
		Random random = new Random(6);
		int[] rgb = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int c = colours[(x / 7 + 3 * (y / 5)) % colours.length];
				rgb[y * w + x] = random.nextInt(20) == 0 ? 0xff000000 | random.nextInt(1 << 24) : c;
			}
		}
		check(rgb, w, h, Rectifier.Warp.rotation(1.3, w, h), null);
		check(rgb, w, h, Rectifier.Warp.rotation(-0.4, w, h), null);
		Homography photo = new Homography(new double[] { 1.02, 0.03, -4, -0.01, 0.99, 6, 2e-4, -1e-4, 1 });
		check(rgb, w, h, Rectifier.Warp.homography(photo, w, h, 1, (long) (2.5 * w * h)), null);
	}

	/** The blend's rounding is Math.round's on every value a blend gives (none negative), halves and all. */
	@Test
	void roundingIsMathRoundOnValuesThatAreNotNegative() {
		Random random = new Random(5);
		for (int k = 0; k <= 255; k++) {
			for (double v : new double[] { k, k + 0.5, Math.nextDown(k + 0.5), Math.nextUp(k + 0.5), Math.nextDown(
				k + 1.0), k + 0.25, Math.nextUp((double) k) }) {
				assertEquals(Math.round(v), Rectifier.round(v), "v " + v);
			}
		}
		for (int i = 0; i < 100_000; i++) {
			double v = 256 * random.nextDouble();
			assertEquals(Math.round(v), Rectifier.round(v), "v " + v);
		}
	}

	private static void check(int[] rgb, int w, int h, Rectifier.Warp warp, PaperDisplacement.Field field) {
		int fill = 0xf0e8e0;
		int[] out = Rectifier.warp(rgb, warp, fill, field);
		assertEquals(warp.width * warp.height, out.length);
		double[] m = warp.toSource.coefficients();
		double[] d = new double[2];
		for (int y = 0; y < warp.height; y++) {
			for (int x = 0; x < warp.width; x++) {
				double qx = x + 0.5;
				double qy = y + 0.5;
				if (field != null) {
					field.atNodes(field.nodeX(qx), field.nodeY(qy), d);
					qx += d[0];
					qy += d[1];
				}
				double q = m[6] * qx + m[7] * qy + m[8];
				double sx = (m[0] * qx + m[1] * qy + m[2]) / q - 0.5;
				double sy = (m[3] * qx + m[4] * qy + m[5]) / q - 0.5;
				int expected = expected(rgb, w, h, sx, sy, fill);
				if (out[y * warp.width + x] != expected) {
					assertEquals(Integer.toHexString(expected), Integer.toHexString(out[y * warp.width + x]), "pixel " + x
						+ "," + y);
				}
			}
		}
	}

	/** Bilinear sample of each channel, rounded half up. */
	private static int expected(int[] rgb, int w, int h, double sx, double sy, int fill) {
		int x0 = (int) Math.floor(sx);
		int y0 = (int) Math.floor(sy);
		if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) return fill;
		double fx = sx - x0;
		double fy = sy - y0;
		int out = 0;
		for (int shift = 16; shift >= 0; shift -= 8) {
			double v = (1 - fx) * (1 - fy) * channel(rgb, w, h, x0, y0, fill, shift) + fx * (1 - fy) * channel(rgb, w,
				h, x0 + 1, y0, fill, shift) + (1 - fx) * fy * channel(rgb, w, h, x0, y0 + 1, fill, shift) + fx * fy
					* channel(rgb, w, h, x0 + 1, y0 + 1, fill, shift);
			out |= (int) Math.round(v) << shift;
		}
		return out;
	}

	private static int channel(int[] rgb, int w, int h, int x, int y, int fill, int shift) {
		int p = x < 0 || y < 0 || x >= w || y >= h ? fill : rgb[y * w + x];
		return p >> shift & 255;
	}

	private static int[] noise(int w, int h, long seed) {
		Random random = new Random(seed);
		int[] rgb = new int[w * h];
		for (int i = 0; i < rgb.length; i++) rgb[i] = random.nextInt(1 << 24);
		return rgb;
	}
}
