package org.ecgdigitizer.core.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The geometric distortion of a page, as one map between the clean page (p) and the output
 * image (q), both in continuous pixel coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)).
 *
 * <p>The chain from page to image is: paper displacement (wrinkles, curl, creases), rotation
 * about the page centre, then a homography (phone perspective). The displacement field D is
 * defined on the displaced sheet: a sheet point u shows page content p = u + D(u). Resampling
 * therefore evaluates the inverse map directly (q to u to p), and the forward map used for the
 * ground truth solves u + D(u) = p by fixed-point iteration.</p>
 */
final class PageWarp {

	/** Lattice spacing of the smooth wrinkle field, in output pixels. */
	private static final double LATTICE = 8;

	final int pageWidth;
	final int pageHeight;
	final int outWidth;
	final int outHeight;

	/** Rotation in degrees, positive = clockwise on screen (image y points down). */
	final double angleDegrees;
	private final double cos;
	private final double sin;
	private final double cx;
	private final double cy;

	/** Page-to-image homography after rotation (row-major 3 x 3), identity without perspective. */
	final double[] homography;
	/** Whether the homography is not the identity; asked once per pixel when a page is rendered. */
	private final boolean perspective;
	private final double[] inverseHomography;

	private final Lattice wrinkle;
	private final Map<String, Object> wrinkleParameters;
	private final List<Crease> creases = new ArrayList<>();

	/** A straight fold: unit normal (nx, ny), offset c (points with nx*x + ny*y = c lie on it), shift and width in px. */
	static final class Crease {
		final double nx;
		final double ny;
		final double c;
		final double shift;
		final double width;
		/** Darkening of the shadowed side and brightening of the lit side. */
		final double dark;
		final double light;

		Crease(double nx, double ny, double c, double shift, double width, double dark, double light) {
			this.nx = nx;
			this.ny = ny;
			this.c = c;
			this.shift = shift;
			this.width = width;
			this.dark = dark;
			this.light = light;
		}

		Map<String, Object> toJson() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("normal", new double[] { nx, ny });
			m.put("offset_px", c);
			m.put("shift_px", shift);
			m.put("width_px", width);
			m.put("dark", dark);
			m.put("light", light);
			return m;
		}
	}

	/** Displacement (dx, dy) and shading on a regular lattice, interpolated bilinearly. */
	private static final class Lattice {
		final double x0;
		final double y0;
		final int nx;
		final int ny;
		final float[] dx;
		final float[] dy;
		final float[] shade;

		Lattice(double x0, double y0, int nx, int ny) {
			this.x0 = x0;
			this.y0 = y0;
			this.nx = nx;
			this.ny = ny;
			dx = new float[nx * ny];
			dy = new float[nx * ny];
			shade = new float[nx * ny];
		}

		/** Writes displacement into out[0..1] and returns the shading factor at u. */
		double sample(double ux, double uy, double[] out) {
			double fx = (ux - x0) / LATTICE;
			double fy = (uy - y0) / LATTICE;
			fx = Math.max(0, Math.min(nx - 1.000001, fx));
			fy = Math.max(0, Math.min(ny - 1.000001, fy));
			int ix = (int) fx;
			int iy = (int) fy;
			double ax = fx - ix;
			double ay = fy - iy;
			int k = iy * nx + ix;
			double w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
			out[0] += w00 * dx[k] + w10 * dx[k + 1] + w01 * dx[k + nx] + w11 * dx[k + nx + 1];
			out[1] += w00 * dy[k] + w10 * dy[k + 1] + w01 * dy[k + nx] + w11 * dy[k + nx + 1];
			return w00 * shade[k] + w10 * shade[k + 1] + w01 * shade[k + nx] + w11 * shade[k + nx + 1];
		}
	}

	private PageWarp(int pageWidth, int pageHeight, double angleDegrees, double[] homography, Lattice wrinkle,
		Map<String, Object> wrinkleParameters)
	{
		this.pageWidth = pageWidth;
		this.pageHeight = pageHeight;
		this.outWidth = pageWidth;
		this.outHeight = pageHeight;
		this.angleDegrees = angleDegrees;
		double a = Math.toRadians(angleDegrees);
		this.cos = StrictMath.cos(a);
		this.sin = StrictMath.sin(a);
		this.cx = pageWidth / 2.0;
		this.cy = pageHeight / 2.0;
		this.homography = homography;
		this.inverseHomography = invert3(homography);
		this.perspective = !isIdentity3(homography);
		this.wrinkle = wrinkle;
		this.wrinkleParameters = wrinkleParameters;
	}

	/** The identity map of a page. */
	static PageWarp identity(int width, int height) {
		return new PageWarp(width, height, 0, identity3(), null, null);
	}

	/**
	 * The warp for a page's geometric distortions, drawn from one random stream per kind.
	 *
	 * @param pxPerMm scale of the clean page
	 */
	static PageWarp create(int width, int height, double pxPerMm, Distortions d, long seed) {
		double angle = 0;
		if (d.has(Distortions.Kind.ROTATE)) {
			Random r = PageGenerator.stream(seed, Distortions.Kind.ROTATE);
			angle = (2 * r.nextDouble() - 1) * d.strength(Distortions.Kind.ROTATE);
		}
		double[] h = identity3();
		if (d.has(Distortions.Kind.PERSPECTIVE)) {
			h = perspective(width, height, d.strength(Distortions.Kind.PERSPECTIVE), PageGenerator.stream(seed,
				Distortions.Kind.PERSPECTIVE));
		}
		Lattice lattice = null;
		Map<String, Object> wrinkleParameters = null;
		if (d.has(Distortions.Kind.WRINKLE)) {
			wrinkleParameters = new LinkedHashMap<>();
			lattice = wrinkleLattice(width, height, pxPerMm, d.strength(Distortions.Kind.WRINKLE), PageGenerator.stream(
				seed, Distortions.Kind.WRINKLE), wrinkleParameters);
		}
		PageWarp warp = new PageWarp(width, height, angle, h, lattice, wrinkleParameters);
		if (d.has(Distortions.Kind.CREASE)) {
			warp.addCreases(pxPerMm, d.strength(Distortions.Kind.CREASE), PageGenerator.stream(seed,
				Distortions.Kind.CREASE));
		}
		return warp;
	}

	boolean isIdentity() {
		return angleDegrees == 0 && !hasShading() && !perspective;
	}

	boolean hasPerspective() {
		return perspective;
	}

	boolean hasShading() {
		return wrinkle != null || !creases.isEmpty();
	}

	// ------------------------------------------------------------------ maps

	/**
	 * Output point to page point; returns the paper shading factor there (1 = unchanged).
	 * The page point is written to out[0..1].
	 */
	double inverse(double qx, double qy, double[] out) {
		double rx = qx;
		double ry = qy;
		if (hasPerspective()) {
			double[] m = inverseHomography;
			double w = m[6] * qx + m[7] * qy + m[8];
			rx = (m[0] * qx + m[1] * qy + m[2]) / w;
			ry = (m[3] * qx + m[4] * qy + m[5]) / w;
		}
		// inverse rotation
		double ux = cx + cos * (rx - cx) + sin * (ry - cy);
		double uy = cy - sin * (rx - cx) + cos * (ry - cy);
		out[0] = ux;
		out[1] = uy;
		return displace(ux, uy, out);
	}

	/** Adds D(u) to out and returns the shading at u. */
	private double displace(double ux, double uy, double[] out) {
		double shade = 1;
		if (wrinkle != null) shade = wrinkle.sample(ux, uy, out);
		for (Crease k : creases) {
			double s = k.nx * ux + k.ny * uy - k.c;
			double t = s / k.width;
			double step = t > 8 ? 1 : t < -8 ? -1 : StrictMath.tanh(t);
			out[0] += k.nx * k.shift * step;
			out[1] += k.ny * k.shift * step;
			if (t > -8 && t < 8) {
				double bump = StrictMath.exp(-t * t * 0.25);
				shade *= 1 + (t > 0 ? -k.dark : k.light) * bump - 0.5 * k.dark * StrictMath.exp(-t * t * 4);
			}
		}
		return shade;
	}

	/** Page point to output point, written to out[0..1]. */
	void forward(double px, double py, double[] out) {
		double ux = px;
		double uy = py;
		if (hasShading()) {
			double[] d = new double[2];
			for (int it = 0; it < 100; it++) {
				d[0] = 0;
				d[1] = 0;
				displace(ux, uy, d);
				double nx = px - d[0];
				double ny = py - d[1];
				double change = Math.abs(nx - ux) + Math.abs(ny - uy);
				ux = nx;
				uy = ny;
				if (change < 1e-7) break;
			}
		}
		double rx = cx + cos * (ux - cx) - sin * (uy - cy);
		double ry = cy + sin * (ux - cx) + cos * (uy - cy);
		if (hasPerspective()) {
			double[] m = homography;
			double w = m[6] * rx + m[7] * ry + m[8];
			out[0] = (m[0] * rx + m[1] * ry + m[2]) / w;
			out[1] = (m[3] * rx + m[4] * ry + m[5]) / w;
		}
		else {
			out[0] = rx;
			out[1] = ry;
		}
	}

	/** Local scale of the forward map at a page point, in output px per page px along x and y. */
	double[] scaleAt(double px, double py) {
		double[] a = new double[2], b = new double[2], c = new double[2];
		forward(px, py, a);
		forward(px + 1, py, b);
		forward(px, py + 1, c);
		return new double[] { StrictMath.hypot(b[0] - a[0], b[1] - a[1]), StrictMath.hypot(c[0] - a[0], c[1] - a[1]) };
	}

	/** The transform parameters for the ground truth. */
	Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("rotation_deg", angleDegrees);
		m.put("rotation_center", new double[] { cx, cy });
		m.put("homography", homography.clone());
		m.put("wrinkle", wrinkleParameters);
		List<Object> list = new ArrayList<>();
		for (Crease k : creases) list.add(k.toJson());
		m.put("creases", list);
		double[] corners = new double[8];
		double[] q = new double[2];
		double[][] page = { { 0, 0 }, { pageWidth, 0 }, { pageWidth, pageHeight }, { 0, pageHeight } };
		for (int i = 0; i < 4; i++) {
			forward(page[i][0], page[i][1], q);
			corners[2 * i] = q[0];
			corners[2 * i + 1] = q[1];
		}
		m.put("page_corners", corners);
		return m;
	}

	// ------------------------------------------------------------------ construction

	/** The page shrunk into the frame with jittered corners, as a phone sees it. */
	private static double[] perspective(int w, int h, double strength, Random r) {
		double scale = 0.78 + 0.1 * r.nextDouble();
		double ox = (w * (1 - scale)) * (0.3 + 0.4 * r.nextDouble());
		double oy = (h * (1 - scale)) * (0.3 + 0.4 * r.nextDouble());
		double jitter = strength * Math.min(w, h);
		// a keystone (one edge nearer the camera) plus independent corner jitter
		double keystone = jitter * (2 * r.nextDouble() - 1);
		double[] src = { 0, 0, w, 0, w, h, 0, h };
		double[] dst = new double[8];
		for (int i = 0; i < 4; i++) {
			double x = ox + src[2 * i] * scale;
			double y = oy + src[2 * i + 1] * scale;
			double inward = (i < 2 ? 1 : -1) * keystone * (src[2 * i] == 0 ? 1 : -1);
			dst[2 * i] = x + inward + jitter * 0.5 * (2 * r.nextDouble() - 1);
			dst[2 * i + 1] = y + jitter * 0.5 * (2 * r.nextDouble() - 1);
		}
		return homographyFromCorners(src, dst);
	}

	/** Smooth waves of the paper surface: displacement along the surface slope and Lambertian-like shading. */
	private static Lattice wrinkleLattice(int w, int h, double pxPerMm, double strengthMm, Random r,
		Map<String, Object> parameters)
	{
		double margin = 0.15 * Math.max(w, h);
		int nx = (int) Math.ceil((w + 2 * margin) / LATTICE) + 2;
		int ny = (int) Math.ceil((h + 2 * margin) / LATTICE) + 2;
		Lattice lattice = new Lattice(-margin, -margin, nx, ny);
		int waves = 4 + r.nextInt(3);
		double[][] wave = new double[waves][];
		List<Object> waveJson = new ArrayList<>();
		for (int k = 0; k < waves; k++) {
			double wavelengthMm = 35 + 110 * r.nextDouble();
			double dir = Math.PI * r.nextDouble();
			double kx = 2 * Math.PI / (wavelengthMm * pxPerMm) * StrictMath.cos(dir);
			double ky = 2 * Math.PI / (wavelengthMm * pxPerMm) * StrictMath.sin(dir);
			double amp = 0.4 + 0.6 * r.nextDouble();
			double phase = 2 * Math.PI * r.nextDouble();
			wave[k] = new double[] { kx, ky, amp, phase };
			Map<String, Object> wj = new LinkedHashMap<>();
			wj.put("wavelength_mm", wavelengthMm);
			wj.put("direction_deg", Math.toDegrees(dir));
			wj.put("amplitude", amp);
			wj.put("phase", phase);
			waveJson.add(wj);
		}
		// a curl lifting one edge: slope growing quadratically toward it
		int curlEdge = r.nextInt(4);
		double curlAmp = 0.5 + r.nextDouble();
		double lightAngle = 2 * Math.PI * r.nextDouble();
		double lx = StrictMath.cos(lightAngle), ly = StrictMath.sin(lightAngle);
		double[] slopeX = new double[nx * ny], slopeY = new double[nx * ny];
		double maxSlope = 1e-12;
		for (int j = 0; j < ny; j++) {
			for (int i = 0; i < nx; i++) {
				double x = lattice.x0 + i * LATTICE, y = lattice.y0 + j * LATTICE;
				double gx = 0, gy = 0;
				for (double[] v : wave) {
					double c = v[2] * StrictMath.cos(v[0] * x + v[1] * y + v[3]);
					gx += c * v[0];
					gy += c * v[1];
				}
				// normalise the wave slopes to wavenumber units so the curl adds on the same scale
				double norm = 2 * Math.PI / (60 * pxPerMm);
				gx /= norm;
				gy /= norm;
				double e;
				switch (curlEdge) {
					case 0: e = Math.max(0, 1 - x / (0.25 * w)); gx -= curlAmp * 2 * e; break;
					case 1: e = Math.max(0, 1 - (w - x) / (0.25 * w)); gx += curlAmp * 2 * e; break;
					case 2: e = Math.max(0, 1 - y / (0.25 * h)); gy -= curlAmp * 2 * e; break;
					default: e = Math.max(0, 1 - (h - y) / (0.25 * h)); gy += curlAmp * 2 * e; break;
				}
				slopeX[j * nx + i] = gx;
				slopeY[j * nx + i] = gy;
				maxSlope = Math.max(maxSlope, StrictMath.hypot(gx, gy));
			}
		}
		double amplitudePx = strengthMm * pxPerMm;
		for (int k = 0; k < nx * ny; k++) {
			double sx = slopeX[k] / maxSlope, sy = slopeY[k] / maxSlope;
			lattice.dx[k] = (float) (amplitudePx * sx);
			lattice.dy[k] = (float) (amplitudePx * sy);
			lattice.shade[k] = (float) (1 + 0.12 * (sx * lx + sy * ly) - 0.03 * (sx * sx + sy * sy));
		}
		parameters.put("amplitude_mm", strengthMm);
		parameters.put("lattice_px", LATTICE);
		parameters.put("waves", waveJson);
		parameters.put("curl_edge", new String[] { "left", "right", "top", "bottom" }[curlEdge]);
		parameters.put("curl_amplitude", curlAmp);
		parameters.put("light_direction_deg", Math.toDegrees(lightAngle));
		return lattice;
	}

	/** One to three folds, mostly near the halves and thirds of the page, as when a page is folded to post. */
	private void addCreases(double pxPerMm, double shiftMm, Random r) {
		int count = 1 + r.nextInt(3);
		for (int i = 0; i < count; i++) {
			boolean vertical = r.nextBoolean();
			double tilt = Math.toRadians(2 * (2 * r.nextDouble() - 1));
			double[] fractions = { 1 / 3.0, 0.5, 2 / 3.0 };
			double f = fractions[r.nextInt(3)] + 0.06 * (2 * r.nextDouble() - 1);
			double nx = vertical ? StrictMath.cos(tilt) : StrictMath.sin(tilt);
			double ny = vertical ? StrictMath.sin(tilt) : StrictMath.cos(tilt);
			double c = vertical ? nx * f * pageWidth + ny * pageHeight / 2.0 : nx * pageWidth / 2.0 + ny * f * pageHeight;
			double shift = shiftMm * pxPerMm * (r.nextBoolean() ? 1 : -1);
			// wide enough that the map stays invertible (slope of the shift well below 1)
			double width = Math.max(0.6 * pxPerMm, 2.5 * Math.abs(shift));
			creases.add(new Crease(nx, ny, c, shift, width, 0.10 + 0.12 * r.nextDouble(), 0.04 + 0.05 * r.nextDouble()));
		}
	}

	// ------------------------------------------------------------------ 3x3 algebra

	static double[] identity3() {
		return new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
	}

	private static boolean isIdentity3(double[] m) {
		double[] id = identity3();
		for (int i = 0; i < 9; i++) if (m[i] != id[i]) return false;
		return true;
	}

	static double[] invert3(double[] m) {
		double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
		double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
		double det = a * A + b * B + c * C;
		double[] inv = { A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g),
			a * e - b * d };
		for (int k = 0; k < 9; k++) inv[k] /= det;
		return inv;
	}

	/** The homography taking four source corners to four destination corners (x, y pairs). */
	static double[] homographyFromCorners(double[] src, double[] dst) {
		double[][] a = new double[8][9];
		for (int i = 0; i < 4; i++) {
			double x = src[2 * i], y = src[2 * i + 1], u = dst[2 * i], v = dst[2 * i + 1];
			a[2 * i] = new double[] { x, y, 1, 0, 0, 0, -u * x, -u * y, u };
			a[2 * i + 1] = new double[] { 0, 0, 0, x, y, 1, -v * x, -v * y, v };
		}
		// Gaussian elimination with partial pivoting on the 8 x 8 system
		for (int col = 0; col < 8; col++) {
			int pivot = col;
			for (int row = col + 1; row < 8; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
			double[] t = a[col];
			a[col] = a[pivot];
			a[pivot] = t;
			for (int row = 0; row < 8; row++) {
				if (row == col) continue;
				double k = a[row][col] / a[col][col];
				for (int c = col; c < 9; c++) a[row][c] -= k * a[col][c];
			}
		}
		double[] h = new double[9];
		for (int i = 0; i < 8; i++) h[i] = a[i][8] / a[i][i];
		h[8] = 1;
		return h;
	}
}
