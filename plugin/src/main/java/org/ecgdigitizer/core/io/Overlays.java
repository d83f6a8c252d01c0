package org.ecgdigitizer.core.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.trace.Trace;

/** Draws what the digitizer found over the rectified page, for review. */
public final class Overlays {

	/** One colour per standard lead, in lead order; the Fiji ROIs use the same ones. */
	public static final Color[] LEAD_COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2),
		new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x393b79), new Color(0xad494a) };

	/** Width of a review overlay by default, px: a screen's width, enough to see every trace. */
	public static final int REVIEW_WIDTH = 1600;

	private Overlays() {}

	/** A copy of the page with lead boxes, baselines, pulses and traced paths drawn on it. */
	public static BufferedImage render(BufferedImage page, LeadLayout layout, Iterable<Trace> traces) {
		return render(page, 1, layout, traces);
	}

	/**
	 * The same for a page image at {@code scale} times the layout's pixels (a vector page's layout
	 * is on a finer frame than the image it is shown on).
	 */
	public static BufferedImage render(BufferedImage page, double scale, LeadLayout layout, Iterable<Trace> traces) {
		return render(page, scale, layout, traces, 0);
	}

	/**
	 * The same, at most {@code maxWidth} pixels wide (the page scaled down, its height in
	 * proportion); 0 for the page's own size.
	 */
	public static BufferedImage render(BufferedImage page, double scale, LeadLayout layout, Iterable<Trace> traces,
		int maxWidth)
	{
		double shrink = maxWidth > 0 && page.getWidth() > maxWidth ? maxWidth / (double) page.getWidth() : 1;
		int w = Math.max(1, (int) Math.round(page.getWidth() * shrink));
		int h = Math.max(1, (int) Math.round(page.getHeight() * shrink));
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		if (shrink < 1) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(page, 0, 0, w, h, null);
		scale *= shrink;
		// fade the page so the overlay stands out
		g.setColor(new Color(255, 255, 255, 110));
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.scale(scale, scale);
		float unit = (float) Math.max(1, layout.geometry.pxPerMmX / 4);
		for (LeadRegion r : layout.regions) {
			Color c = LEAD_COLOURS[r.lead.ordinal()];
			g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
			g.setStroke(new BasicStroke(unit));
			g.draw(new Rectangle2D.Double(r.box.x, r.box.y, r.box.width, r.box.height));
			g.setStroke(new BasicStroke(unit / 2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 4 *
				unit, 4 * unit }, 0));
			g.draw(new java.awt.geom.Line2D.Double(r.box.x, r.baselineY, r.box.maxX(), r.baselineY));
			if (r.labelBox != null) {
				g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 160));
				g.setStroke(new BasicStroke(unit / 2));
				g.draw(new Rectangle2D.Double(r.labelBox.x, r.labelBox.y, r.labelBox.width, r.labelBox.height));
			}
		}
		g.setColor(new Color(0, 160, 0));
		g.setStroke(new BasicStroke(unit));
		for (CalibrationPulse p : layout.pulses) g.draw(new Rectangle2D.Double(p.box.x, p.box.y, p.box.width, p.box
			.height));
		for (Trace t : traces) {
			g.setColor(LEAD_COLOURS[t.region.lead.ordinal()]);
			g.setStroke(new BasicStroke(Math.max(1.5f, unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			Path2D.Double path = new Path2D.Double();
			boolean pen = false;
			// the finest path known: the signal is read from it, and a QRS peak may lie between column centres
			double[] ys = t.path();
			int steps = t.stepsPerColumn();
			for (int i = 0; i < ys.length; i++) {
				double y = ys[i];
				if (Double.isNaN(y)) {
					pen = false;
					continue;
				}
				double x = t.x0 + (i + 0.5) / steps;
				if (pen) path.lineTo(x, y);
				else path.moveTo(x, y);
				pen = true;
			}
			g.draw(path);
			StrokeFont.draw(g, t.region.label(), t.region.box.x + 3 * unit, t.region.box.y + 4 * layout.geometry.pxPerMmY,
				Math.max(8, 2.5 * layout.geometry.pxPerMmY), StrokeFont.BOLD);
		}
		g.dispose();
		return out;
	}
}
