package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

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
}
