package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
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
}
