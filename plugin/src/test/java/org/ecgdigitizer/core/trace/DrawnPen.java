package org.ecgdigitizer.core.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Traces drawn for the tracer's tests: a polyline inked by an anti-aliased round pen, as ink density. */
public final class DrawnPen {

	/** The pen's width, px. */
	public static final float WIDTH = 1.4f;

	private DrawnPen() {}

	/**
	 * The ink density (1 where the pen covers a pixel fully) of a w x h strip with the polyline
	 * through the points x0, y0, x1, y1, ...
	 */
	public static float[] density(int w, int h, double... xy) {
		return drawnBy(WIDTH, w, h, xy);
	}

	/** The same drawn by a pen {@code width} px wide. */
	public static float[] drawnBy(float width, int w, int h, double... xy) {
		BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		Path2D line = new Path2D.Double();
		line.moveTo(xy[0], xy[1]);
		for (int i = 2; i + 1 < xy.length; i += 2) line.lineTo(xy[i], xy[i + 1]);
		g.draw(line);
		g.dispose();
		float[] density = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) density[y * w + x] = 1 - page.getRaster().getSample(x, y, 0) / 255f;
		}
		return density;
	}
}
