package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * A rendered page whose grid is printed in one flat, dark colour (ecg-image-kit's brown grid, 1 mm
 * lines as dark as its 5 mm lines): so many pixels share the grid's one level that the band of
 * darkness the grid colour is measured in holds nothing but that level. The grid must still be told
 * from the grey trace by colour, and the trace must stay whole where it crosses a line.
 */
class FlatColourGridTest {

	static final int W = 600;
	static final int H = 400;
	/** 200 dpi. */
	static final double MM = 7.874;

	/** White paper, a brown line every millimetre, a dark grey trace with tall steep strokes. */
	static int[] page() {
		BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		g.setColor(new Color(0x9E5D11));
		for (int k = 0; k * MM < W; k++) g.fillRect((int) Math.round(k * MM), 0, 1, H);
		for (int k = 0; k * MM < H; k++) g.fillRect(0, (int) Math.round(k * MM), W, 1);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(new Color(0x2D2D2D));
		g.setStroke(new BasicStroke((float) (0.3 * MM), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		Path2D trace = new Path2D.Double();
		trace.moveTo(20, 250);
		for (int beat = 0; beat < 5; beat++) {
			double x = 60 + beat * 110;
			trace.lineTo(x, 250);
			trace.lineTo(x + 4, 60); // an R wave 24 mm tall: it crosses two dozen lines
			trace.lineTo(x + 8, 290);
			trace.lineTo(x + 12, 250);
		}
		trace.lineTo(W - 20, 250);
		g.draw(trace);
		g.dispose();
		return img.getRGB(0, 0, W, H, null, 0, W);
	}

	@Test
	void aGreyTraceCrossingAFlatDarkGridIsInkAllTheWay() {
		InkModel.Result r = InkModel.compute(page(), W, H, MM, MM);
		assertTrue(r.colourSeparated, "the brown grid is told from the grey trace by colour");
		// every row of each R wave's upstroke holds ink, lines crossed included
		int cut = 0;
		int rows = 0;
		for (int beat = 0; beat < 5; beat++) {
			double x0 = 60 + beat * 110;
			for (int y = 70; y < 240; y++) {
				double x = x0 + 4 * (250 - y) / 190.0;
				float best = 0;
				for (int xx = (int) x - 3; xx <= (int) x + 3; xx++) best = Math.max(best, r.ink[y * W + xx]);
				rows++;
				if (best <= InkModel.MASK_THRESHOLD) cut++;
			}
		}
		// measured: 0 of 850 rows cut; 21 when the grid went unmeasured and was removed by its template only
		assertTrue(cut <= rows / 100, "upstroke rows without ink: " + cut + " of " + rows);
		// and the grid itself is not ink, away from the trace
		int gridInk = 0;
		int gridPixels = 0;
		for (int k = 2; k * MM < 40; k++) {
			int y = (int) Math.round(k * MM);
			for (int x = 0; x < W; x++) {
				gridPixels++;
				if (r.ink[y * W + x] > InkModel.MASK_THRESHOLD) gridInk++;
			}
		}
		assertTrue(gridInk == 0, "grid line pixels taken as ink: " + gridInk + " of " + gridPixels);
	}
}
