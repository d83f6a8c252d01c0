package org.ecgdigitizer.core.eval;

/** Sample-wise agreement of two signals over the samples finite in both (the shorter is padded with NaN). */
public final class SignalAgreement {

	private SignalAgreement() {}

	/** Pearson's r; NaN with fewer than two shared samples or a constant signal. */
	public static double pearson(double[] x, double[] y) {
		int n = 0;
		double sx = 0, sy = 0;
		int len = Math.min(x.length, y.length);
		for (int i = 0; i < len; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
			n++;
			sx += x[i];
			sy += y[i];
		}
		if (n < 2) return Double.NaN;
		double mx = sx / n, my = sy / n;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i = 0; i < len; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
			double dx = x[i] - mx, dy = y[i] - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		if (!(sxx > 0 && syy > 0)) return Double.NaN;
		return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
	}

	/** Root-mean-square difference, in the signals' unit; NaN with no shared sample. */
	public static double rmse(double[] x, double[] y) {
		int n = 0;
		double ss = 0;
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
			double d = x[i] - y[i];
			ss += d * d;
			n++;
		}
		return n == 0 ? Double.NaN : Math.sqrt(ss / n);
	}
}
