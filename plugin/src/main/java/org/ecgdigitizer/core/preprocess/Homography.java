package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;
import java.util.List;

/**
 * A projective map of the plane, x' = (h0 x + h1 y + h2) / (h6 x + h7 y + h8), y' = (h3 x + h4 y +
 * h5) / (h6 x + h7 y + h8). Rotations, scalings and the perspective of a photographed page are all
 * homographies.
 */
public final class Homography {

	private final double[] h;

	public Homography(double[] h) {
		if (h.length != 9) throw new IllegalArgumentException("a homography has 9 coefficients");
		double s = h[8] != 0 ? h[8] : 1;
		this.h = new double[9];
		for (int i = 0; i < 9; i++) this.h[i] = h[i] / s;
	}

	public static Homography identity() {
		return new Homography(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 });
	}

	/** Rotation by angleDeg (clockwise on screen) about (cx, cy), followed by a shift so (cx, cy) lands on (ox, oy). */
	public static Homography rotation(double angleDeg, double cx, double cy, double ox, double oy) {
		double a = Math.toRadians(angleDeg);
		double c = Math.cos(a);
		double s = Math.sin(a);
		return new Homography(new double[] { c, -s, ox - c * cx + s * cy, s, c, oy - s * cx - c * cy, 0, 0, 1 });
	}

	/** The coefficients h0..h8 (h8 = 1). */
	public double[] coefficients() {
		return h.clone();
	}

	public double[] apply(double x, double y) {
		double d = h[6] * x + h[7] * y + h[8];
		return new double[] { (h[0] * x + h[1] * y + h[2]) / d, (h[3] * x + h[4] * y + h[5]) / d };
	}

	/** The Jacobian at (x, y): {dx'/dx, dx'/dy, dy'/dx, dy'/dy}. */
	public double[] jacobian(double x, double y) {
		double d = h[6] * x + h[7] * y + h[8];
		double nx = h[0] * x + h[1] * y + h[2];
		double ny = h[3] * x + h[4] * y + h[5];
		return new double[] { (h[0] * d - nx * h[6]) / (d * d), (h[1] * d - nx * h[7]) / (d * d), (h[3] * d - ny *
			h[6]) / (d * d), (h[4] * d - ny * h[7]) / (d * d) };
	}

	/** This map followed by {@code next}. */
	public Homography then(Homography next) {
		return new Homography(multiply(next.h, h));
	}

	public Homography inverse() {
		double[] m = h;
		double a = m[4] * m[8] - m[5] * m[7];
		double b = m[5] * m[6] - m[3] * m[8];
		double c = m[3] * m[7] - m[4] * m[6];
		double det = m[0] * a + m[1] * b + m[2] * c;
		if (Math.abs(det) < 1e-15) throw new IllegalStateException("singular homography");
		double[] inv = { a, m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4], b, m[0] * m[8] - m[2] * m[6],
			m[2] * m[3] - m[0] * m[5], c, m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3] };
		for (int i = 0; i < 9; i++) inv[i] /= det;
		return new Homography(inv);
	}

	/** True when the map has no perspective part (the bottom row is 0 0 1). */
	public boolean isAffine() {
		return Math.abs(h[6]) < 1e-12 && Math.abs(h[7]) < 1e-12;
	}

	static double[] multiply(double[] a, double[] b) {
		double[] c = new double[9];
		for (int r = 0; r < 3; r++) {
			for (int k = 0; k < 3; k++) {
				double s = 0;
				for (int j = 0; j < 3; j++) s += a[r * 3 + j] * b[j * 3 + k];
				c[r * 3 + k] = s;
			}
		}
		return c;
	}

	/** The bounding box {minX, minY, maxX, maxY} of the image of a rectangle's corners. */
	public double[] boundsOf(double x0, double y0, double x1, double y1) {
		double[] out = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
			Double.NEGATIVE_INFINITY };
		for (double[] p : List.of(new double[] { x0, y0 }, new double[] { x1, y0 }, new double[] { x0, y1 },
			new double[] { x1, y1 }))
		{
			double[] q = apply(p[0], p[1]);
			out[0] = Math.min(out[0], q[0]);
			out[1] = Math.min(out[1], q[1]);
			out[2] = Math.max(out[2], q[0]);
			out[3] = Math.max(out[3], q[1]);
		}
		return out;
	}

	@Override
	public String toString() {
		return "Homography" + Arrays.toString(h);
	}
}
