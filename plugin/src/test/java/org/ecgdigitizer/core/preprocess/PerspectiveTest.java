package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ecgdigitizer.SharedData;
import org.junit.jupiter.api.Test;

/** The tile-wise grid fit on drawn grids. */
class PerspectiveTest {

	/**
	 * A page 6.6 tiles of 40 mm tall, its grid only 5 mm lines (what blur leaves of a photographed
	 * grid): rounding the tile count up cut tiles to 37 mm, fewer than
	 * the eight 5 mm periods a tile needs to show a periodic grid, and every tile was lost (a
	 * phone photo then went unrectified when its pitch guess moved by a percent).
	 */
	@Test
	void tilesAreNeverCutBelowEightGridPeriods() {
		double pxPerMm = 6.55;
		int w = (int) (270 * pxPerMm);
		int h = (int) (6.6 * 40 * pxPerMm);
		BufferedImage img = GridAnalysisTest.grid(w, h, pxPerMm, 0.8, new Color(235, 160, 160), false);
		float[] plane = Planes.gridPlane(((DataBufferInt) img.getRaster().getDataBuffer()).getData());
		for (double guess : new double[] { 0.98 * pxPerMm, pxPerMm, 1.02 * pxPerMm }) {
			Perspective.Fit fit = Perspective.estimate(plane, w, h, guess, 0.5, false);
			assertNotNull(fit, "no tile fit with a guess of " + guess + " px/mm");
			assertTrue(fit.tilesAgreeing >= 0.8 * fit.tilesMeasured, fit.tilesAgreeing + " of " + fit.tilesMeasured +
				" tiles agree");
			assertEquals(1, fit.coverage(), 0.2);
			assertTrue(!fit.needsPerspective(), "a flat page fitted with perspective");
		}
	}

	/**
	 * A flat 200 dpi scan of one printer's dotted grid (a dot every millimetre along each line): the
	 * nine-tile quick look shows a clear grid in at most five tiles (the header and the left column of
	 * labels and pulses take the rest) and the full fit reads a scale spread of 1.04 and a tilt spread
	 * of 0.67 degrees from the dots, which falls short of a clear perspective. A quick look that read a
	 * sixth tile (grid7's every third pixel along a tile's lines) let that fit through, rectified the
	 * page with a warp tilted by half a degree and named it from labels one row off.
	 */
	@Test
	void aFlatScanOfADottedGridIsNoPhoto() throws Exception {
		Path file = SharedData.require("seed-images").resolve("a01_rafaloga_Normal_1.jpg");
		BufferedImage img = ImageIO.read(file.toFile());
		int w = img.getWidth();
		int h = img.getHeight();
		float[] plane = Planes.gridPlane(img.getRGB(0, 0, w, h, null, 0, w));
		GridEstimate grid = GridAnalysis.analyze(plane, w, h, 200);
		assertTrue(grid.found, grid.toString());
		Perspective.Fit fit = Perspective.estimate(plane, w, h, Math.sqrt(grid.pxPerMmX * grid.pxPerMmY), grid
			.angleDeg(), true);
		assertTrue(fit == null || !fit.needsPerspective(), () -> "taken for a photo: tiles " + fit.tilesMeasured +
			", scale spread " + fit.scaleSpread + ", tilt spread " + fit.tiltSpread);
	}

	/** Corners agree only when all four show a grid and their pitches, axis by axis, are within CORNERS_AGREE. */
	@Test
	void cornersAgreeOnlyWhenAllFourReadOneLattice() {
		Perspective.Tile[] look = new Perspective.Tile[9];
		for (int i : new int[] { 0, 2, 6, 8 }) look[i] = new Perspective.Tile(i, i, 0, 0, 7.87, 7.87);
		assertTrue(Perspective.cornersAgree(look));
		look[8] = new Perspective.Tile(8, 8, 0, 0, 7.87 * 1.01, 7.87);
		assertTrue(Perspective.cornersAgree(look), "1 % apart");
		look[8] = new Perspective.Tile(8, 8, 0, 0, 7.87, 7.87 * 1.03);
		assertFalse(Perspective.cornersAgree(look), "3 % apart across the vertical lines");
		look[8] = null;
		look[4] = new Perspective.Tile(4, 4, 0, 0, 7.87, 7.87);
		assertFalse(Perspective.cornersAgree(look), "a corner without a clear grid");
	}

	/**
	 * A flat page whose grid shows only in its four corners (the rest covered): the quick look has too
	 * few clear tiles for a fit, still reads the corners it would have skipped, finds them one lattice,
	 * and no fit is made. With the right half's grid 4 % finer (as a camera's foreshortening makes it),
	 * the corners disagree and the full fit is made.
	 */
	@Test
	void aQuickLookReadsItsCornersAndSkipsTheFullFitOnOneLattice() {
		double pxPerMm = 6.0;
		int w = (int) (280 * pxPerMm);
		int h = (int) (200 * pxPerMm);
		float[] flat = cornersOnly(GridAnalysisTest.grid(w, h, pxPerMm, 0, new Color(235, 160, 160), true), w, h);
		Perspective.Tile[] look = Perspective.quickLook(flat, w, h, pxPerMm, 0);
		for (int i : new int[] { 0, 2, 6, 8 }) assertNotNull(look[i], "corner tile " + i);
		assertNull(Perspective.fitQuickLook(look, w, h));
		assertTrue(Perspective.cornersAgree(look));
		assertNull(Perspective.estimate(flat, w, h, pxPerMm, 0, true));

		BufferedImage img = GridAnalysisTest.grid(w, h, pxPerMm, 0, new Color(235, 160, 160), true);
		BufferedImage finer = GridAnalysisTest.grid(w, h, pxPerMm * 1.04, 0, new Color(235, 160, 160), true);
		img.createGraphics().drawImage(finer.getSubimage(w / 2, 0, w - w / 2, h), w / 2, 0, null);
		float[] two = cornersOnly(img, w, h);
		Perspective.Tile[] twoLook = Perspective.quickLook(two, w, h, pxPerMm, 0);
		for (int i : new int[] { 0, 2, 6, 8 }) assertNotNull(twoLook[i], "corner tile " + i);
		assertFalse(Perspective.cornersAgree(twoLook));
	}

	/** A page's grid plane with everything but the four corner tiles of a 3 x 3 look painted white. */
	private static float[] cornersOnly(BufferedImage img, int w, int h) {
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(w / 3, 0, 2 * w / 3 - w / 3, h);
		g.fillRect(0, h / 3, w, 2 * h / 3 - h / 3);
		return Planes.gridPlane(((DataBufferInt) img.getRaster().getDataBuffer()).getData());
	}
}
