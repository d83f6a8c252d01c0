package org.ecgdigitizer.core.preprocess;

/**
 * Resamples a page so that its grid runs along the image axes: a rotation for a tilted scan, a
 * homography for a photographed page. The output is large enough to hold all of the page, and
 * uncovered areas are filled with the paper colour.
 */
public final class Rectifier {

	private Rectifier() {}

	/** The map between rectified and original pixels, and the rectified image size. */
	public static final class Warp {
		/** Rectified continuous coordinates → original continuous coordinates. */
		public final Homography toSource;
		public final Homography fromSource;
		public final int sourceWidth;
		public final int sourceHeight;
		public final int width;
		public final int height;
		/** The tilt removed, degrees clockwise (for a homography: at the page centre). */
		public final double angleDeg;

		private Warp(Homography fromSource, int sourceWidth, int sourceHeight, int width, int height,
			double angleDeg)
		{
			this.fromSource = fromSource;
			this.toSource = fromSource.inverse();
			this.sourceWidth = sourceWidth;
			this.sourceHeight = sourceHeight;
			this.width = width;
			this.height = height;
			this.angleDeg = angleDeg;
		}

		/** Undoes a tilt of angleDeg about the image centre; the output holds the whole rotated image. */
		public static Warp rotation(double angleDeg, int sourceWidth, int sourceHeight) {
			if (angleDeg == 0) {
				return new Warp(Homography.identity(), sourceWidth, sourceHeight, sourceWidth, sourceHeight, 0);
			}
			double a = Math.toRadians(angleDeg);
			int w = (int) Math.ceil(Math.abs(sourceWidth * Math.cos(a)) + Math.abs(sourceHeight * Math.sin(a)) - 1e-9);
			int h = (int) Math.ceil(Math.abs(sourceWidth * Math.sin(a)) + Math.abs(sourceHeight * Math.cos(a)) - 1e-9);
			Homography from = Homography.rotation(-angleDeg, sourceWidth / 2.0, sourceHeight / 2.0, w / 2.0, h / 2.0);
			return new Warp(from, sourceWidth, sourceHeight, w, h, angleDeg);
		}

		/**
		 * Applies {@code fromSource}, shifted so the image of the whole source lands in a rectified
		 * image that holds it (at most {@code maxPixels}; larger outputs are cropped around the centre).
		 */
		public static Warp homography(Homography fromSource, int sourceWidth, int sourceHeight, double angleDeg,
			long maxPixels)
		{
			double[] b = fromSource.boundsOf(0, 0, sourceWidth, sourceHeight);
			double w = b[2] - b[0];
			double h = b[3] - b[1];
			double shrink = Math.min(1, Math.sqrt(maxPixels / (w * h)));
			int ow = (int) Math.ceil(w * shrink);
			int oh = (int) Math.ceil(h * shrink);
			double cx = (b[0] + b[2]) / 2;
			double cy = (b[1] + b[3]) / 2;
			Homography shift = new Homography(new double[] { 1, 0, ow / 2.0 - cx, 0, 1, oh / 2.0 - cy, 0, 0, 1 });
			return new Warp(fromSource.then(shift), sourceWidth, sourceHeight, ow, oh, angleDeg);
		}

		/** This warp followed by a quarter turn clockwise of the rectified image. */
		public Warp turnedClockwise() {
			Homography quarter = new Homography(new double[] { 0, -1, height, 1, 0, 0, 0, 0, 1 });
			return new Warp(fromSource.then(quarter), sourceWidth, sourceHeight, height, width, angleDeg + 90);
		}

		/** This warp followed by a half turn of the rectified image. */
		public Warp turnedHalf() {
			Homography half = new Homography(new double[] { -1, 0, width, 0, -1, height, 0, 0, 1 });
			return new Warp(fromSource.then(half), sourceWidth, sourceHeight, width, height, angleDeg + 180);
		}

		public java.util.Map<String, Object> toJson() {
			java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("from_source", fromSource.coefficients());
			m.put("source_width", sourceWidth);
			m.put("source_height", sourceHeight);
			m.put("width", width);
			m.put("height", height);
			m.put("angle_deg", angleDeg);
			return m;
		}

		public static Warp fromJson(Object json) {
			java.util.Map<String, Object> m = org.ecgdigitizer.core.io.Json.object(json);
			return new Warp(new Homography(org.ecgdigitizer.core.io.Json.doubles(m.get("from_source"))), (int) org
				.ecgdigitizer.core.io.Json.number(m.get("source_width"), 0), (int) org.ecgdigitizer.core.io.Json.number(m
					.get("source_height"), 0), (int) org.ecgdigitizer.core.io.Json.number(m.get("width"), 0), (int) org
						.ecgdigitizer.core.io.Json.number(m.get("height"), 0), org.ecgdigitizer.core.io.Json.number(m.get(
							"angle_deg"), 0));
		}

		public double[] toSource(double x, double y) {
			return toSource.apply(x, y);
		}

		public double[] fromSource(double x, double y) {
			return fromSource.apply(x, y);
		}

		public boolean isIdentity() {
			return width == sourceWidth && height == sourceHeight && fromSource.isAffine() && fromSource.apply(0, 0)[0] ==
				0 && fromSource.apply(0, 0)[1] == 0 && fromSource.apply(1, 1)[0] == 1 && fromSource.apply(1, 1)[1] == 1;
		}
	}

	/** Resamples packed RGB pixels through the warp, bilinearly. */
	public static int[] warp(int[] rgb, Warp warp, int fill) {
		return warp(rgb, warp, fill, null);
	}

	/**
	 * Resamples packed RGB pixels through the warp, bilinearly, after moving each rectified point by
	 * the paper's displacement there (null: none), so the displaced paper comes out flat.
	 */
	public static int[] warp(int[] rgb, Warp warp, int fill, PaperDisplacement.Field displacement) {
		if (warp.isIdentity() && displacement == null) return rgb;
		int w = warp.sourceWidth;
		int h = warp.sourceHeight;
		int width = warp.width;
		int[] out = new int[width * warp.height];
		double[] m = warp.toSource.coefficients();
		// the terms that depend on the column alone, computed once
		double[] xx = new double[width];
		double[] yx = new double[width];
		double[] dx = new double[width];
		for (int x = 0; x < width; x++) {
			double px = x + 0.5;
			xx[x] = m[0] * px;
			yx[x] = m[3] * px;
			dx[x] = m[6] * px;
		}
		// a rotation has no perspective: the divisor is exactly 1 and dividing by it changes nothing
		boolean affine = m[6] == 0 && m[7] == 0 && m[8] == 1;
		// where each column falls on the displacement's lattice (its node and the weights of it and
		// the next), found once for all rows; the weights are PaperDisplacement.Field.atNodes' own
		int[] nodeCol = new int[displacement == null ? 0 : width];
		double[] nextWeight = new double[nodeCol.length];
		double[] nodeWeight = new double[nodeCol.length];
		for (int x = 0; x < nodeCol.length; x++) {
			double fx = displacement.nodeX(x + 0.5);
			nodeCol[x] = (int) fx;
			nextWeight[x] = fx - nodeCol[x];
			nodeWeight[x] = 1 - nextWeight[x];
		}
		int nx = displacement == null ? 0 : displacement.nx;
		// each row's source points first (one small loop per kind of map), then its samples
		double[] sxRow = new double[width];
		double[] syRow = new double[width];
		for (int y = 0; y < warp.height; y++) {
			double py = y + 0.5;
			double xy = m[1] * py;
			double yy = m[4] * py;
			double dy = m[7] * py;
			// continuous source points, then to pixel-index space (centres at integers)
			if (displacement != null) {
				double nodeY = displacement.nodeY(py);
				int nodeRow = (int) nodeY * nx;
				double ay = nodeY - (int) nodeY;
				double ry = 1 - ay;
				for (int x = 0; x < width; x++) {
					// the displacement bilinear between nodes, as PaperDisplacement.Field.atNodes gives it
					double ax = nextWeight[x];
					double rx = nodeWeight[x];
					double w00 = rx * ry, w10 = ax * ry, w01 = rx * ay, w11 = ax * ay;
					int k = nodeRow + nodeCol[x];
					double d0 = displacement.between(displacement.dx, k, w00, w10, w01, w11);
					double d1 = displacement.between(displacement.dy, k, w00, w10, w01, w11);
					double qx = x + 0.5 + d0;
					double qy = py + d1;
					if (affine) {
						sxRow[x] = m[0] * qx + m[1] * qy + m[2] - 0.5;
						syRow[x] = m[3] * qx + m[4] * qy + m[5] - 0.5;
					}
					else {
						double q = m[6] * qx + m[7] * qy + m[8];
						sxRow[x] = (m[0] * qx + m[1] * qy + m[2]) / q - 0.5;
						syRow[x] = (m[3] * qx + m[4] * qy + m[5]) / q - 0.5;
					}
				}
			}
			else if (affine) {
				for (int x = 0; x < width; x++) {
					sxRow[x] = xx[x] + xy + m[2] - 0.5;
					syRow[x] = yx[x] + yy + m[5] - 0.5;
				}
			}
			else {
				for (int x = 0; x < width; x++) {
					double q = dx[x] + dy + m[8];
					sxRow[x] = (xx[x] + xy + m[2]) / q - 0.5;
					syRow[x] = (yx[x] + yy + m[5]) / q - 0.5;
				}
			}
			sampleRow(rgb, w, h, sxRow, syRow, fill, out, y * width);
		}
		return out;
	}

	/** Samples the source bilinearly at each of a row's points (pixel-index space) into out from {@code row}. */
	private static void sampleRow(int[] rgb, int w, int h, double[] sxRow, double[] syRow, int fill, int[] out,
		int row)
	{
		for (int x = 0; x < sxRow.length; x++) {
			double sx = sxRow[x];
			double sy = syRow[x];
			int x0 = floor(sx);
			int y0 = floor(sy);
			if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
				out[row + x] = fill;
				continue;
			}
			double fx = sx - x0;
			double fy = sy - y0;
			if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
				int i = y0 * w + x0;
				int p00 = rgb[i];
				int p10 = rgb[i + 1];
				int p01 = rgb[i + w];
				int p11 = rgb[i + w + 1];
				// four pixels of one colour (most of a page's paper) blend to that colour: weights that sum to 1
				// within a few ulps keep a channel within far less than half a level of its value
				out[row + x] = p00 == p10 && p00 == p01 && p00 == p11 ? p00 & 0xffffff : blend(p00, p10, p01, p11, fx,
					fy);
			}
			else {
				out[row + x] = blend(pixel(rgb, w, h, x0, y0, fill), pixel(rgb, w, h, x0 + 1, y0, fill), pixel(rgb, w, h,
					x0, y0 + 1, fill), pixel(rgb, w, h, x0 + 1, y0 + 1, fill), fx, fy);
			}
		}
	}

	/** Math.floor as an int, for values well inside the int range. */
	private static int floor(double v) {
		int i = (int) v;
		return v < i ? i - 1 : i;
	}

	private static int pixel(int[] rgb, int w, int h, int x, int y, int fill) {
		return x < 0 || y < 0 || x >= w || y >= h ? fill : rgb[y * w + x];
	}

	private static int blend(int p00, int p10, int p01, int p11, double fx, double fy) {
		double w00 = (1 - fx) * (1 - fy);
		double w10 = fx * (1 - fy);
		double w01 = (1 - fx) * fy;
		double w11 = fx * fy;
		int r = round(w00 * (p00 >> 16 & 255) + w10 * (p10 >> 16 & 255) + w01 * (p01 >> 16 & 255) + w11 * (p11 >> 16
			& 255));
		int g = round(w00 * (p00 >> 8 & 255) + w10 * (p10 >> 8 & 255) + w01 * (p01 >> 8 & 255) + w11 * (p11 >> 8
			& 255));
		int b = round(w00 * (p00 & 255) + w10 * (p10 & 255) + w01 * (p01 & 255) + w11 * (p11 & 255));
		return r << 16 | g << 8 | b;
	}

	/**
	 * Math.round of a value that is not negative (a blend of channels with weights that are not):
	 * its whole part and fraction are exact, and a fraction of a half rounds up as Math.round does.
	 */
	static int round(double v) {
		int whole = (int) v;
		return v - whole >= 0.5 ? whole + 1 : whole;
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
