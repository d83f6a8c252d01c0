package org.ecgdigitizer.core.preprocess;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Median;

/**
 * Measures the grid locally, tile by tile, and fits the homography from image pixels to paper
 * millimetres that explains those local measurements. On a flat scan every tile agrees and the
 * result is a rotation and a scale; on a phone photo the tilt and pitch drift across the page
 * and the fit captures the perspective.
 *
 * <p>For a map G from image (x, y) to paper (u, v) in mm with Jacobian [[ux, uy], [vx, vy]], a
 * tile shows horizontal lines with tilt -vx/vy, vertical lines with tilt uy/ux (the convention
 * of {@link Profiles#profile}), horizontal lines 1/|vy| pixels apart at a fixed column and
 * vertical lines 1/|ux| pixels apart along a row. The fit is Levenberg-Marquardt on the six
 * coefficients of G that are not fixed by pinning the image centre to paper (0, 0).</p>
 */
public final class Perspective {

	/** One tile's reading of the local grid. */
	static final class Tile {
		final double x;
		final double y;
		final double tanH;
		final double tanV;
		final double pitchY;
		final double pitchX;
		double weight = 1;

		Tile(double x, double y, double tanH, double tanV, double pitchY, double pitchX) {
			this.x = x;
			this.y = y;
			this.tanH = tanH;
			this.tanV = tanV;
			this.pitchY = pitchY;
			this.pitchX = pitchX;
		}
	}

	/** The fitted map and how well it explains the tiles. */
	public static final class Fit {
		/** Image pixels (continuous) to paper mm. */
		public final Homography imageToPaper;
		public final int tiles;
		/** How much the local scale varies across the image, as the ratio of the largest to the smallest. */
		public final double scaleSpread;
		/** Range of the local tilt of horizontal lines across the image, degrees. */
		public final double tiltSpread;
		/** Root-mean-square relative misfit of the tile pitches. */
		public final double rmsPitchError;
		/** Tiles looked at, and of them the tiles whose grid the fit explains. */
		public final int tilesMeasured;
		public final int tilesAgreeing;

		Fit(Homography imageToPaper, int tiles, double scaleSpread, double tiltSpread, double rmsPitchError,
			int tilesMeasured, int tilesAgreeing)
		{
			this.imageToPaper = imageToPaper;
			this.tiles = tiles;
			this.scaleSpread = scaleSpread;
			this.tiltSpread = tiltSpread;
			this.rmsPitchError = rmsPitchError;
			this.tilesMeasured = tilesMeasured;
			this.tilesAgreeing = tilesAgreeing;
		}

		/** The share of the image whose grid agrees with the fit: low on creased, stained or photographed pages. */
		public double coverage() {
			return tilesAgreeing / (double) tilesMeasured;
		}

		/** True when the page is far enough from a flat, uniformly scaled scan to need the homography. */
		public boolean needsPerspective() {
			return scaleSpread > 1.01 || tiltSpread > 0.3;
		}
	}

	/** Tiles with a clear grid that a fit needs: fewer leave the perspective unknown. */
	static final int MIN_TILES = 6;
	/** A perspective found without the quick check's support must spread the scale this much... */
	static final double CLEAR_SCALE_SPREAD = 1.05;
	/** ...and the tilt this much (degrees): a camera's perspective does both at once. */
	static final double CLEAR_TILT_SPREAD = 0.3;

	private Perspective() {}

	/**
	 * Fits the page's perspective from tiles about 40 mm across, or returns null when fewer than
	 * MIN_TILES tiles show a clear grid.
	 *
	 * @param pxPerMmGuess the global grid pitch, or NaN (then the page is assumed about 280 mm wide)
	 * @param angleGuessDeg the page's overall tilt
	 * @param gridFound whether the whole-page analysis found the grid; then only a quick check is made
	 *            unless it shows perspective
	 */
	public static Fit estimate(float[] plane, int w, int h, double pxPerMmGuess, double angleGuessDeg,
		boolean gridFound)
	{
		double mm = Double.isNaN(pxPerMmGuess) ? Math.max(w, h) / 280.0 : pxPerMmGuess;
		if (gridFound) {
			// A quick look first, starting from the page's tilt: a flat scan shows the same grid in nine
			// tiles. Too few clear tiles (a photo with a desk around the page) call for the full fit.
			Tile[] look = quickLook(plane, w, h, mm, angleGuessDeg);
			Fit quick = fitQuickLook(look, w, h);
			if (quick != null && !quick.needsPerspective()) return quick;
			// A full fit without the quick check's support counts only as a clear perspective (below),
			// which corners reading one lattice rule out: no need to fit it.
			if (quick == null && cornersAgree(look)) return null;
			Fit full = fullFit(plane, w, h, mm, angleGuessDeg);
			// Without the quick check's support (a faint grid), only a clear perspective counts: a
			// flat page read from a few faint tiles shows a spread of a percent or two, or a few
			// tenths of a degree, but not both as a camera's foreshortening does.
			if (quick == null && full != null && (full.scaleSpread < CLEAR_SCALE_SPREAD || full.tiltSpread
				< CLEAR_TILT_SPREAD)) return null;
			return full;
		}
		return fullFit(plane, w, h, mm, angleGuessDeg);
	}

	/**
	 * Fits tiles at least 40 mm across, each searched within 4 degrees of the page's tilt. A tile
	 * must hold eight 5 mm periods for its grid to count as periodic, so tiles are never cut
	 * smaller than that: a guess a percent off must not change which tiles can show a grid.
	 */
	private static Fit fullFit(float[] plane, int w, int h, double mm, double angleGuessDeg) {
		int tile = (int) Math.max(96, Math.ceil(40 * mm));
		int nx = Math.max(1, w / tile);
		int ny = Math.max(1, h / tile);
		return fitTiles(plane, w, h, nx, ny, mm, angleGuessDeg, 4);
	}

	/** The quick look's tiles, three by three. */
	static final int QUICK_TILES = 3;
	/**
	 * Four corner tiles of the quick look whose pitches, on each axis, agree within this ratio read one
	 * lattice. The page's local scale under a camera's perspective goes as a power (3/2) of a linear
	 * function of the position, so between the image's corners, 1.5 times as far apart as the corner
	 * tiles' centres, it spreads about 1.5 times as much: 3 %, short of CLEAR_SCALE_SPREAD.
	 */
	static final double CORNERS_AGREE = 1.02;

	/**
	 * The quick look's tiles in raster order, null where a tile shows no clear grid. Once the clear
	 * tiles cannot make up MIN_TILES (no fit can come of them), only the corners are still read:
	 * {@link #cornersAgree} needs them.
	 */
	static Tile[] quickLook(float[] plane, int w, int h, double mm, double angleDeg) {
		int n = QUICK_TILES;
		Tile[] tiles = new Tile[n * n];
		int clear = 0;
		for (int i = 0; i < n * n; i++) {
			if (clear + n * n - i < MIN_TILES && !isCorner(i, n)) continue;
			int tx = i % n;
			int ty = i / n;
			tiles[i] = measure(plane, w, tx * w / n, ty * h / n, (tx + 1) * w / n, (ty + 1) * h / n, mm, angleDeg, 0);
			if (tiles[i] != null) clear++;
		}
		return tiles;
	}

	private static boolean isCorner(int i, int n) {
		int tx = i % n;
		int ty = i / n;
		return (tx == 0 || tx == n - 1) && (ty == 0 || ty == n - 1);
	}

	/** The fit of the quick look's clear tiles, in raster order, or null when fewer than MIN_TILES. */
	static Fit fitQuickLook(Tile[] look, int w, int h) {
		List<Tile> tiles = new ArrayList<>();
		for (Tile t : look) if (t != null) tiles.add(t);
		return tiles.size() < MIN_TILES ? null : fit(tiles, w, h, look.length);
	}

	/**
	 * Whether the quick look's four corner tiles all show a clear grid and read one lattice: their pitches
	 * agree within CORNERS_AGREE on each axis. A flat scan's grid is one straight lattice; a camera's
	 * perspective that a fit could tell (CLEAR_SCALE_SPREAD) shows in the corners' pitches.
	 */
	static boolean cornersAgree(Tile[] look) {
		int n = QUICK_TILES;
		double minX = Double.POSITIVE_INFINITY;
		double maxX = 0;
		double minY = Double.POSITIVE_INFINITY;
		double maxY = 0;
		for (int i = 0; i < look.length; i++) {
			if (!isCorner(i, n)) continue;
			Tile t = look[i];
			if (t == null) return false;
			minX = Math.min(minX, t.pitchX);
			maxX = Math.max(maxX, t.pitchX);
			minY = Math.min(minY, t.pitchY);
			maxY = Math.max(maxY, t.pitchY);
		}
		return maxX <= CORNERS_AGREE * minX && maxY <= CORNERS_AGREE * minY;
	}

	private static Fit fitTiles(float[] plane, int w, int h, int nx, int ny, double mm, double angleDeg,
		double rangeDeg)
	{
		List<Tile> tiles = new ArrayList<>();
		for (int i = 0; i < nx * ny; i++) {
			// once the tiles left cannot make up MIN_TILES, no fit can come of them
			if (tiles.size() + nx * ny - i < MIN_TILES) return null;
			int tx = i % nx;
			int ty = i / nx;
			Tile t = measure(plane, w, tx * w / nx, ty * h / ny, (tx + 1) * w / nx, (ty + 1) * h / ny, mm, angleDeg,
				rangeDeg);
			if (t != null) tiles.add(t);
		}
		if (tiles.size() < MIN_TILES) return null;
		return fit(tiles, w, h, nx * ny);
	}

	/** The local grid of one tile, or null when the tile shows no clear grid of plausible pitch. */
	static Tile measure(float[] plane, int w, int x0, int y0, int x1, int y1, double mm, double angleDeg,
		double rangeDeg)
	{
		int tw = x1 - x0;
		int th = y1 - y0;
		// perspective tilts a tile's lines by a few degrees at most relative to the page's overall tilt; a
		// quick look only projects the tile, which it reads in place
		GridEstimate local = rangeDeg > 0 ? GridAnalysis.analyzeTile(copy(plane, w, x0, y0, tw, th), tw, th, angleDeg,
			rangeDeg, mm) : GridAnalysis.quickLook(plane, y0 * w + x0, w, tw, th, Math.tan(Math.toRadians(angleDeg)));
		if (local == null || !local.found) return null;
		double pY = local.pxPerMmY / Math.cos(Math.toRadians(local.horizontalAngleDeg));
		double pX = local.pxPerMmX / Math.cos(Math.toRadians(local.verticalAngleDeg));
		// a tile read five times off (a lone 5 mm pattern) would poison the fit: keep it near the guess
		pY = GridAnalysis.matchScale(pY, mm);
		pX = GridAnalysis.matchScale(pX, mm);
		if (Math.abs(Math.log(pY / mm)) > 0.4 || Math.abs(Math.log(pX / mm)) > 0.4) return null;
		return new Tile((x0 + x1) / 2.0, (y0 + y1) / 2.0, Math.tan(Math.toRadians(local.horizontalAngleDeg)), Math.tan(
			Math.toRadians(local.verticalAngleDeg)), pY, pX);
	}

	/** The tw x th rectangle of a plane w wide whose top left pixel is (x0, y0). */
	private static float[] copy(float[] plane, int w, int x0, int y0, int tw, int th) {
		float[] sub = new float[tw * th];
		for (int y = 0; y < th; y++) System.arraycopy(plane, (y0 + y) * w + x0, sub, y * tw, tw);
		return sub;
	}

	/** Levenberg-Marquardt on G's free coefficients, with one round of outlier down-weighting. */
	static Fit fit(List<Tile> tiles, int w, int h, int tilesMeasured) {
		double cx = w / 2.0;
		double cy = h / 2.0;
		double s = Math.max(w, h) / 2.0;
		// initial guess: the median tile as an affine map
		double[] tanH = new double[tiles.size()];
		double[] tanV = new double[tiles.size()];
		double[] pY = new double[tiles.size()];
		double[] pX = new double[tiles.size()];
		for (int i = 0; i < tiles.size(); i++) {
			tanH[i] = tiles.get(i).tanH;
			tanV[i] = tiles.get(i).tanV;
			pY[i] = tiles.get(i).pitchY;
			pX[i] = tiles.get(i).pitchX;
		}
		double th = Median.of(tanH);
		double tv = Median.of(tanV);
		double py = Median.of(pY);
		double px = Median.of(pX);
		// in normalised coordinates (x - cx)/s: ux = s/px... with tilts uy = tv*ux, vx = -th*vy
		double ux = s / px;
		double vy = s / py;
		double[] p = { ux, tv * ux, -th * vy, vy, 0, 0 };
		for (int round = 0; round < 2; round++) {
			p = levenbergMarquardt(p, tiles, cx, cy, s);
			// down-weight tiles that disagree strongly with the fit (text blocks, stains, page edges)
			double[] err = new double[tiles.size()];
			for (int i = 0; i < tiles.size(); i++) err[i] = tileError(p, tiles.get(i), cx, cy, s);
			double mad = Median.of(err) * 1.4826 + 1e-9;
			for (int i = 0; i < tiles.size(); i++) tiles.get(i).weight = err[i] > 3 * mad ? 0 : 1;
		}
		Homography normalised = fromParams(p);
		Homography toNormalised = new Homography(new double[] { 1 / s, 0, -cx / s, 0, 1 / s, -cy / s, 0, 0, 1 });
		Homography imageToPaper = toNormalised.then(normalised);
		// spread of local scale and tilt over the image corners
		double minScale = Double.POSITIVE_INFINITY;
		double maxScale = 0;
		double minTilt = Double.POSITIVE_INFINITY;
		double maxTilt = Double.NEGATIVE_INFINITY;
		for (double[] q : new double[][] { { 0, 0 }, { w, 0 }, { 0, h }, { w, h }, { cx, cy } }) {
			double[] j = imageToPaper.jacobian(q[0], q[1]);
			double scale = 1 / Math.sqrt(Math.abs(j[0] * j[3] - j[1] * j[2]));
			minScale = Math.min(minScale, scale);
			maxScale = Math.max(maxScale, scale);
			double tilt = Math.toDegrees(Math.atan(-j[2] / j[3]));
			minTilt = Math.min(minTilt, tilt);
			maxTilt = Math.max(maxTilt, tilt);
		}
		double sq = 0;
		int n = 0;
		for (Tile t : tiles) {
			if (t.weight == 0) continue;
			double[] r = residuals(p, t, cx, cy, s);
			sq += r[2] * r[2] + r[3] * r[3];
			n += 2;
		}
		return new Fit(imageToPaper, tiles.size(), maxScale / minScale, maxTilt - minTilt, Math.sqrt(sq / Math.max(1,
			n)), tilesMeasured, n / 2);
	}

	/** G in normalised coordinates from the free parameters {g0, g1, g3, g4, g6, g7}. */
	static Homography fromParams(double[] p) {
		return new Homography(new double[] { p[0], p[1], 0, p[2], p[3], 0, p[4], p[5], 1 });
	}

	/** {tilt of horizontal lines, tilt of vertical lines, relative pitch errors in y and x} for one tile. */
	static double[] residuals(double[] p, Tile t, double cx, double cy, double s) {
		Homography g = fromParams(p);
		double[] j = g.jacobian((t.x - cx) / s, (t.y - cy) / s);
		// derivatives with respect to pixels
		double ux = j[0] / s;
		double uy = j[1] / s;
		double vx = j[2] / s;
		double vy = j[3] / s;
		double modelTanH = -vx / vy;
		double modelTanV = uy / ux;
		double modelPY = 1 / Math.abs(vy);
		double modelPX = 1 / Math.abs(ux);
		return new double[] { modelTanH - t.tanH, modelTanV - t.tanV, modelPY / t.pitchY - 1, modelPX / t.pitchX -
			1 };
	}

	static double tileError(double[] p, Tile t, double cx, double cy, double s) {
		double[] r = residuals(p, t, cx, cy, s);
		return Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3]);
	}

	static double[] levenbergMarquardt(double[] start, List<Tile> tiles, double cx, double cy, double s) {
		double[] p = start.clone();
		double lambda = 1e-3;
		double cost = cost(p, tiles, cx, cy, s);
		for (int iteration = 0; iteration < 50; iteration++) {
			int m = p.length;
			double[][] jtj = new double[m][m];
			double[] jtr = new double[m];
			for (Tile t : tiles) {
				if (t.weight == 0) continue;
				double[] r0 = residuals(p, t, cx, cy, s);
				double[][] d = new double[m][];
				for (int k = 0; k < m; k++) {
					double step = 1e-6 * Math.max(1e-3, Math.abs(p[k]));
					double[] q = p.clone();
					q[k] += step;
					double[] r1 = residuals(q, t, cx, cy, s);
					d[k] = new double[r0.length];
					for (int i = 0; i < r0.length; i++) d[k][i] = (r1[i] - r0[i]) / step;
				}
				for (int a = 0; a < m; a++) {
					for (int i = 0; i < r0.length; i++) jtr[a] += d[a][i] * r0[i] * t.weight;
					for (int b = 0; b < m; b++) {
						for (int i = 0; i < r0.length; i++) jtj[a][b] += d[a][i] * d[b][i] * t.weight;
					}
				}
			}
			boolean improved = false;
			for (int attempt = 0; attempt < 10 && !improved; attempt++) {
				double[][] a = new double[m][m];
				for (int i = 0; i < m; i++) {
					a[i] = jtj[i].clone();
					a[i][i] += lambda * (jtj[i][i] + 1e-12);
				}
				double[] delta = solve(a, jtr);
				if (delta == null) break;
				double[] q = p.clone();
				for (int i = 0; i < m; i++) q[i] -= delta[i];
				double c = cost(q, tiles, cx, cy, s);
				if (c < cost) {
					p = q;
					improved = cost - c > 1e-14 * cost;
					cost = c;
					lambda = Math.max(1e-9, lambda / 5);
					if (!improved) return p;
				}
				else {
					lambda *= 10;
				}
			}
			if (!improved) break;
		}
		return p;
	}

	static double cost(double[] p, List<Tile> tiles, double cx, double cy, double s) {
		double c = 0;
		for (Tile t : tiles) {
			if (t.weight == 0) continue;
			for (double r : residuals(p, t, cx, cy, s)) c += r * r;
		}
		return c;
	}

	/** Solves a small linear system by Gaussian elimination with partial pivoting; null if singular. */
	static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
			if (Math.abs(m[pivot][col]) < 1e-300) return null;
			double[] tmp = m[col];
			m[col] = m[pivot];
			m[pivot] = tmp;
			for (int r = 0; r < n; r++) {
				if (r == col) continue;
				double f = m[r][col] / m[col][col];
				for (int k = col; k <= n; k++) m[r][k] -= f * m[col][k];
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = m[i][n] / m[i][i];
		return x;
	}

}
