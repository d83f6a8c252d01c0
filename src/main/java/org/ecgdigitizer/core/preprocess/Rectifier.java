package org.ecgdigitizer.core.preprocess;

/**
 * Rotates a page so that its grid runs along the image axes. The rotated page is enlarged to
 * hold all of the original, and the uncovered corners are filled with the paper colour.
 */
public final class Rectifier {

	private Rectifier() {}

	/** The rotation that maps rectified pixel coordinates back into the original image. */
	public static final class Rotation {
		public final double angleDeg;
		public final int sourceWidth;
		public final int sourceHeight;
		public final int width;
		public final int height;
		private final double cos;
		private final double sin;

		public Rotation(double angleDeg, int sourceWidth, int sourceHeight) {
			this.angleDeg = angleDeg;
			this.sourceWidth = sourceWidth;
			this.sourceHeight = sourceHeight;
			double a = Math.toRadians(angleDeg);
			cos = Math.cos(a);
			sin = Math.sin(a);
			width = (int) Math.ceil(Math.abs(sourceWidth * cos) + Math.abs(sourceHeight * sin) - 1e-9);
			height = (int) Math.ceil(Math.abs(sourceWidth * sin) + Math.abs(sourceHeight * cos) - 1e-9);
		}

		/** Original image coordinates {x, y} of a rectified point. */
		public double[] toSource(double x, double y) {
			double dx = x - width / 2.0;
			double dy = y - height / 2.0;
			return new double[] { sourceWidth / 2.0 + cos * dx - sin * dy, sourceHeight / 2.0 + sin * dx + cos * dy };
		}

		/** Rectified coordinates {x, y} of an original point. */
		public double[] fromSource(double x, double y) {
			double dx = x - sourceWidth / 2.0;
			double dy = y - sourceHeight / 2.0;
			return new double[] { width / 2.0 + cos * dx + sin * dy, height / 2.0 - sin * dx + cos * dy };
		}

		public boolean isIdentity() {
			return angleDeg == 0 && width == sourceWidth && height == sourceHeight;
		}
	}

	/** Rotates packed RGB pixels by -angle (undoing a page tilt of +angle) with bilinear interpolation. */
	public static int[] rotate(int[] rgb, Rotation r, int fill) {
		if (r.isIdentity()) return rgb;
		int w = r.sourceWidth;
		int h = r.sourceHeight;
		int[] out = new int[r.width * r.height];
		double cos = r.cos;
		double sin = r.sin;
		double cx = r.width / 2.0;
		double cy = r.height / 2.0;
		for (int y = 0; y < r.height; y++) {
			double dy = y + 0.5 - cy;
			// source position of pixel centre (x + 0.5, y + 0.5), minus 0.5 to index pixel centres
			double sx = w / 2.0 + cos * (0.5 - cx) - sin * dy - 0.5;
			double sy = h / 2.0 + sin * (0.5 - cx) + cos * dy - 0.5;
			int row = y * r.width;
			for (int x = 0; x < r.width; x++, sx += cos, sy += sin) {
				int x0 = (int) Math.floor(sx);
				int y0 = (int) Math.floor(sy);
				if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
					out[row + x] = fill;
					continue;
				}
				double fx = sx - x0;
				double fy = sy - y0;
				int p00 = pixel(rgb, w, h, x0, y0, fill);
				int p10 = pixel(rgb, w, h, x0 + 1, y0, fill);
				int p01 = pixel(rgb, w, h, x0, y0 + 1, fill);
				int p11 = pixel(rgb, w, h, x0 + 1, y0 + 1, fill);
				out[row + x] = blend(p00, p10, p01, p11, fx, fy);
			}
		}
		return out;
	}

	private static int pixel(int[] rgb, int w, int h, int x, int y, int fill) {
		return x < 0 || y < 0 || x >= w || y >= h ? fill : rgb[y * w + x];
	}

	private static int blend(int p00, int p10, int p01, int p11, double fx, double fy) {
		double w00 = (1 - fx) * (1 - fy);
		double w10 = fx * (1 - fy);
		double w01 = (1 - fx) * fy;
		double w11 = fx * fy;
		int r = (int) Math.round(w00 * (p00 >> 16 & 255) + w10 * (p10 >> 16 & 255) + w01 * (p01 >> 16 & 255) +
			w11 * (p11 >> 16 & 255));
		int g = (int) Math.round(w00 * (p00 >> 8 & 255) + w10 * (p10 >> 8 & 255) + w01 * (p01 >> 8 & 255) + w11 *
			(p11 >> 8 & 255));
		int b = (int) Math.round(w00 * (p00 & 255) + w10 * (p10 & 255) + w01 * (p01 & 255) + w11 * (p11 & 255));
		return r << 16 | g << 8 | b;
	}

	/** The brightest common colour of a page: its paper. */
	public static int paperColour(int[] rgb) {
		int[] hist = new int[4096];
		for (int i = 0; i < rgb.length; i += 7) {
			int p = rgb[i];
			hist[(p >> 20 & 15) << 8 | (p >> 12 & 15) << 4 | (p >> 4 & 15)]++;
		}
		// among bins holding at least 5% of the sample, the brightest
		int total = (rgb.length + 6) / 7;
		int best = -1;
		double bestLuma = -1;
		for (int b = 0; b < hist.length; b++) {
			if (hist[b] < 0.05 * total) continue;
			double luma = 0.299 * (b >> 8) + 0.587 * (b >> 4 & 15) + 0.114 * (b & 15);
			if (luma > bestLuma) {
				bestLuma = luma;
				best = b;
			}
		}
		if (best < 0) return 0xffffff;
		return ((best >> 8) * 17) << 16 | ((best >> 4 & 15) * 17) << 8 | (best & 15) * 17;
	}
}
