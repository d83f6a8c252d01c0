package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The grid finder on drawn grids of known pitch and tilt (independent of the page generator). */
class GridAnalysisTest {

	/** Draws a 1 mm / 5 mm grid plus a few thick wandering "traces", rotated about the centre. */
	static BufferedImage grid(int w, int h, double pxPerMm, double angleDeg, Color color, boolean minor) {
		return grid(w, h, pxPerMm, angleDeg, color, minor, true);
	}

	static BufferedImage grid(int w, int h, double pxPerMm, double angleDeg, Color color, boolean minor,
		boolean gridLines)
	{
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.rotate(Math.toRadians(angleDeg), w / 2.0, h / 2.0);
		double span = Math.hypot(w, h);
		for (int k = (int) (-span / pxPerMm); gridLines && k * pxPerMm < span; k++) {
			boolean major = Math.floorMod(k, 5) == 0;
			if (!major && !minor) continue;
			g.setColor(major ? color.darker() : color);
			g.setStroke(new BasicStroke(major ? 1.6f : 0.8f));
			double c = k * pxPerMm + 3.3;
			g.draw(new Line2D.Double(c, -span, c, span));
			g.draw(new Line2D.Double(-span, c, span, c));
		}
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke((float) (0.3 * pxPerMm)));
		Random r = new Random(1);
		for (int row = 1; row <= 4; row++) {
			double y0 = row * h / 5.0;
			double px = 0;
			double py = y0;
			for (int x = 4; x < w; x += 2 + r.nextInt(5)) {
				double y = y0 + (r.nextDouble() < 0.02 ? -12 * pxPerMm : r.nextGaussian() * 0.3 * pxPerMm);
				g.draw(new Line2D.Double(px, py, x, y));
				px = x;
				py = y;
			}
		}
		g.dispose();
		return img;
	}

	private static GridEstimate analyze(BufferedImage img) {
		int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
		return GridAnalysis.analyze(Planes.gridPlane(px), img.getWidth(), img.getHeight(), Double.NaN);
	}

	@Test
	void aLonePatternIsReadAsTheLinesThatMakeTheImageAboutAPageWide() {
		// a 72 dpi scan whose 1 mm lines are lost: 5 mm lines every 14.2 px on a 790 px page
		assertEquals(2.84, GridAnalysis.resolveSinglePeriod(14.2, Double.NaN, 790), 1e-9);
		// a phone photo at 90 dpi, the page a little smaller than the frame
		assertEquals(2.96, GridAnalysis.resolveSinglePeriod(14.8, Double.NaN, 1008), 1e-9);
		// 1 mm lines alone at 200 dpi: read as 5 mm they would make the page 1.4 m long
		assertEquals(7.87, GridAnalysis.resolveSinglePeriod(7.87, Double.NaN, 2200), 1e-9);
		// 5 mm lines alone at 100 dpi
		assertEquals(3.94, GridAnalysis.resolveSinglePeriod(19.7, Double.NaN, 1100), 1e-9);
		// a real resolution decides
		assertEquals(14.8, GridAnalysis.resolveSinglePeriod(14.8, 376, 1008), 1e-9);
	}

	/**
	 * Phase refinement stops after a pass that moved a strip's lines by less than SETTLED_PX: from a tilt
	 * up to 0.05 degrees off (what the coarse search leaves), each line family is read within 0.0003
	 * degrees of the drawn tilt (measured: 0.0002 at most, the same as two passes every time).
	 */
	@Test
	void aTiltSettledInOnePassIsTheDrawnTilt() {
		for (double[] c : new double[][] { { 7.874, 0.37 }, { 7.874, -3.1 }, { 5.9, 1.3 }, { 11.81, -0.6 } }) {
			int w = (int) (270 * c[0]);
			int h = (int) (190 * c[0]);
			int[] px = ((DataBufferInt) grid(w, h, c[0], c[1], new Color(240, 150, 150), true).getRaster().getDataBuffer())
				.getData();
			float[] plane = Planes.gridPlane(px);
			for (double off : new double[] { 0, 0.005, -0.05 }) {
				GridEstimate e = GridAnalysis.refine(plane, w, h, Double.NaN, Math.tan(Math.toRadians(c[1] + off)), Math.max(1,
					Math.min(w, h) / 700), 2, true);
				String what = String.format("pitch %.3f, angle %.2f, started %.3f off: %s", c[0], c[1], off, e);
				assertEquals(c[1], e.horizontalAngleDeg, 3e-4, what);
				assertEquals(c[1], e.verticalAngleDeg, 3e-4, what);
			}
		}
	}

	@Test
	void recoversPitchAndTiltOfColouredAndGreyGrids() {
		double[][] cases = { { 7.874, 0 }, { 7.874, 3.7 }, { 5.9, -4.2 }, { 11.81, 1.3 }, { 3.94, -0.6 } };
		for (double[] c : cases) {
			for (Color color : new Color[] { new Color(240, 150, 150), new Color(170, 170, 170) }) {
				int w = (int) (270 * c[0]);
				int h = (int) (190 * c[0]);
				GridEstimate e = analyze(grid(w, h, c[0], c[1], color, true));
				String what = String.format("pitch %.3f angle %.1f colour %s: %s", c[0], c[1], color, e);
				assertTrue(e.found, what);
				assertEquals(c[1], e.horizontalAngleDeg, 0.05, what);
				assertEquals(c[1], e.verticalAngleDeg, 0.05, what);
				assertEquals(c[0], e.pxPerMmX, c[0] * 0.002, what);
				assertEquals(c[0], e.pxPerMmY, c[0] * 0.002, what);
			}
		}
	}

	@Test
	void aGridWithOnlyFiveMillimetreLinesIsReadAsFiveMillimetres() {
		GridEstimate e = analyze(grid(2000, 1500, 7.874, 0.8, new Color(200, 120, 120), false));
		assertTrue(e.found, e.toString());
		assertEquals(7.874, e.pxPerMmX, 0.02, e.toString());
		assertEquals(7.874, e.pxPerMmY, 0.02, e.toString());
	}

	/**
	 * A wrinkled page under a colour cast (ecg-image-kit's wrinkled pages): broad shadows across
	 * the page, at another angle than the grid, outweighed the faint brown grid on blue-tinted
	 * paper in every projection, so the tilt search locked onto the shadows and no grid was found.
	 */
	@Test
	void aGridUnderBroadShadowsAndAColourCastIsFound() {
		double pxPerMm = 7.874;
		BufferedImage img = grid(2200, 1700, pxPerMm, -4, new Color(190, 140, 140), true);
		int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
		int w = img.getWidth();
		for (int i = 0; i < px.length; i++) {
			int x = i % w;
			int y = i / w;
			// a cool cast (blue paper, as under daylight or a cool white balance)...
			double r = (px[i] >> 16 & 255) * 0.72;
			double g = (px[i] >> 8 & 255) * 0.78;
			double b = (px[i] & 255) * 0.95;
			// ...and two soft shadow bands about 40 mm wide, running at -10 degrees
			double across = -Math.sin(Math.toRadians(-10)) * x + Math.cos(Math.toRadians(-10)) * y;
			double shade = 1 - 0.45 * Math.exp(-Math.pow((across - 700) / 160, 2)) - 0.35 * Math.exp(-Math.pow((across -
				1250) / 120, 2));
			px[i] = (int) (r * shade) << 16 | (int) (g * shade) << 8 | (int) (b * shade);
		}
		GridEstimate e = analyze(img);
		assertTrue(e.found, e.toString());
		assertEquals(-4, e.horizontalAngleDeg, 0.05, e.toString());
		assertEquals(-4, e.verticalAngleDeg, 0.05, e.toString());
		assertEquals(pxPerMm, e.pxPerMmX, pxPerMm * 0.002, e.toString());
		assertEquals(pxPerMm, e.pxPerMmY, pxPerMm * 0.002, e.toString());
	}

	@Test
	void tracesWithoutGridAreNotAGrid() {
		BufferedImage img = grid(2000, 1500, 7.874, 0, Color.RED, true, false);
		GridEstimate e = analyze(img);
		assertFalse(e.found, e.toString());
	}
	/**
	 * A tile's reading gives up (null) when an axis shows no period at the searched tilt, and only then
	 * may it differ from the whole analysis, which finds no grid there. Tiles of a grid with traces, of
	 * traces alone (periodic enough to be read, but no grid), of lines in one direction only, and of
	 * blank paper.
	 */
	@Test
	void aTileReadingGivesUpOnlyWhereNoGridIsFound() {
		double pxPerMm = 7.874;
		int w = (int) (45 * pxPerMm);
		int h = (int) (42 * pxPerMm);
		BufferedImage rows = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rows.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(new Color(200, 120, 120));
		for (double y = 2; y < h; y += pxPerMm) g.draw(new Line2D.Double(0, y, w, y));
		g.dispose();
		BufferedImage blank = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		java.util.Arrays.fill(((DataBufferInt) blank.getRaster().getDataBuffer()).getData(), 0xFFFFFF);
		BufferedImage[] tiles = { grid(w, h, pxPerMm, 1.2, new Color(240, 150, 150), true), grid(w, h, pxPerMm, 1.2,
			new Color(240, 150, 150), true, false), rows, blank };
		boolean[] shouldGiveUp = { false, false, true, true };
		for (int i = 0; i < tiles.length; i++) {
			float[] plane = Planes.gridPlane(((DataBufferInt) tiles[i].getRaster().getDataBuffer()).getData());
			GridEstimate whole = GridAnalysis.analyze(plane, w, h, Double.NaN, 0.5, 4, pxPerMm);
			GridEstimate tile = GridAnalysis.analyzeTile(plane, w, h, 0.5, 4, pxPerMm);
			assertEquals(shouldGiveUp[i], tile == null, "tile " + i + ": " + whole);
			if (tile == null) {
				assertFalse(whole.found, whole.toString());
			}
			else {
				assertEquals(whole.toJson(), tile.toJson());
			}
		}
		assertTrue(GridAnalysis.analyzeTile(Planes.gridPlane(((DataBufferInt) tiles[0].getRaster().getDataBuffer())
			.getData()), w, h, 0.5, 4, pxPerMm).found, "the grid is found");
	}
}
