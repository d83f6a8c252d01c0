package org.ecgdigitizer.core.eval;

/**
 * The Challenge's alignment done literally, for small images: build both 256 x T binary images,
 * blur them with a separable Gaussian that mirrors at the borders (scipy.ndimage's 'reflect'),
 * and sum the full 2-D cross-correlation directly. Slow; only for checking the fast path.
 */
final class DenseImageCorrelation {

	final double[][] cross;
	final int width;

	DenseImageCorrelation(int width, int[] refRows, int[] estRows) {
		this.width = width;
		double[][] a = blur(image(width, refRows));
		double[][] b = blur(image(width, estRows));
		int rows = TraceImageCorrelation.LEVELS;
		// cross[255 - dv][T - 1 - dh] = Σ a[i][c] b[i + dv][c + dh]
		cross = new double[2 * rows - 1][2 * width - 1];
		int[][] nb = nonZero(b);
		for (int i = 0; i < rows; i++) {
			for (int c = 0; c < width; c++) {
				double va = a[i][c];
				if (va == 0) continue;
				for (int[] p : nb) cross[rows - 1 - (p[0] - i)][width - 1 - (p[1] - c)] += va * b[p[0]][p[1]];
			}
		}
	}

	private static int[][] nonZero(double[][] img) {
		java.util.List<int[]> out = new java.util.ArrayList<>();
		for (int r = 0; r < img.length; r++) for (int c = 0; c < img[r].length; c++) if (img[r][c] != 0) out.add(new int[] { r, c });
		return out.toArray(new int[0][]);
	}

	/** The first maximum in row-major order, with the same tie tolerance as the fast path: {dh, dv}. */
	int[] peak() {
		double max = Double.NEGATIVE_INFINITY;
		for (double[] row : cross) for (double v : row) max = Math.max(max, v);
		double threshold = max - Math.abs(max) * TraceImageCorrelation.TIE_TOLERANCE;
		for (int r = 0; r < cross.length; r++) {
			for (int c = 0; c < cross[r].length; c++) {
				if (cross[r][c] >= threshold) {
					return new int[] { width - 1 - c, TraceImageCorrelation.LEVELS - 1 - r };
				}
			}
		}
		throw new AssertionError();
	}

	double value(int dh, int dv) {
		return cross[TraceImageCorrelation.LEVELS - 1 - dv][width - 1 - dh];
	}

	private static double[][] image(int width, int[] rows) {
		double[][] img = new double[TraceImageCorrelation.LEVELS][width];
		for (int c = 0; c < rows.length; c++) if (rows[c] >= 0) img[rows[c]][c] = 1;
		return img;
	}

	/** gaussian_filter(sigma 0.5): axis 0, then axis 1, each a 5-tap correlation with mirrored borders. */
	static double[][] blur(double[][] img) {
		double[] w = TraceImageCorrelation.GAUSS;
		int rows = img.length, cols = img[0].length;
		double[][] tmp = new double[rows][cols];
		for (int c = 0; c < cols; c++) {
			for (int r = 0; r < rows; r++) {
				double s = 0;
				for (int k = -2; k <= 2; k++) s += w[k + 2] * img[TraceImageCorrelation.reflect(r + k, rows)][c];
				tmp[r][c] = s;
			}
		}
		double[][] out = new double[rows][cols];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				double s = 0;
				for (int k = -2; k <= 2; k++) s += w[k + 2] * tmp[r][TraceImageCorrelation.reflect(c + k, cols)];
				out[r][c] = s;
			}
		}
		return out;
	}
}
