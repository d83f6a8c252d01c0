package org.ecgdigitizer.core.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.DataBufferInt;
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

	/** The opacity (of 255) of the white veil over the page, so that what was found stands out. */
	static final int VEIL = 110;

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
		BufferedImage out = fadedPage(page, w, h);
		Graphics2D g = out.createGraphics();
		scale *= shrink;
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

	/**
	 * The page at {@code w} x {@code h} (at most its own size) under the white veil: each review
	 * pixel the area-weighted mean of the page pixels it covers (a thin grid line stays a fainter
	 * line, as on a screen), then veiled. Red and blue are summed together in the two halves of an
	 * int, weights in 256ths; Java2D's scaled drawImage and a translucent fill over it cost several
	 * times as much.
	 */
	static BufferedImage fadedPage(BufferedImage page, int w, int h) {
		int pw = page.getWidth(), ph = page.getHeight();
		if (w > pw || h > ph || w < 1 || h < 1) throw new IllegalArgumentException("the page is only shrunk: " + pw +
			"x" + ph + " to " + w + "x" + h);
		int[] pixels = ImageFiles.packedRgbPixels(page);
		if (pixels == null) pixels = page.getRGB(0, 0, pw, ph, null, 0, pw);
		AreaTaps across = new AreaTaps(pw, w), down = new AreaTaps(ph, h);
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] o = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		int[] veiled = new int[256];
		for (int c = 0; c < 256; c++) veiled[c] = (c * (255 - VEIL) + 255 * VEIL + 127) / 255;
		// every review pixel takes across.most columns, those past its own with weight 0 (past the page: zeros)
		int[] column = new int[pw + across.most];
		int[] redBlue = new int[pw], green = new int[pw];
		// a row at a time in methods of their own: C2 would otherwise compile all of fadedPage, called once a page,
		// once per hot loop (on-stack replacement)
		for (int y = 0; y < h; y++) {
			pageRow(pixels, pw, down, y, column, redBlue, green);
			reviewRow(column, across, veiled, o, y * w, w);
		}
		return out;
	}

	/** Down: the page rows review row y covers, into one row of the page's width (column). */
	private static void pageRow(int[] pixels, int pw, AreaTaps down, int y, int[] column, int[] redBlue, int[] green) {
		int from = down.first[y], count = down.count[y];
		if (count == 1) { // weight 256: the row itself
			for (int x = 0, at = from * pw; x < pw; x++, at++) column[x] = pixels[at] & 0xffffff;
		}
		else if (count == 2) {
			int w0 = down.weights[y * down.most], w1 = down.weights[y * down.most + 1];
			for (int x = 0, at = from * pw; x < pw; x++, at++) {
				int p = pixels[at], q = pixels[at + pw];
				int rb = (p & 0xff00ff) * w0 + (q & 0xff00ff) * w1, g = (p & 0xff00) * w0 + (q & 0xff00) * w1;
				column[x] = meanOfSums(rb, g);
			}
		}
		else {
			java.util.Arrays.fill(redBlue, 0);
			java.util.Arrays.fill(green, 0);
			for (int k = 0; k < count; k++) {
				int weight = down.weights[y * down.most + k];
				for (int x = 0, at = (from + k) * pw; x < pw; x++, at++) {
					int p = pixels[at];
					redBlue[x] += (p & 0xff00ff) * weight;
					green[x] += (p & 0xff00) * weight;
				}
			}
			for (int x = 0; x < pw; x++) {
				column[x] = meanOfSums(redBlue[x], green[x]);
			}
		}
	}

	/** Across: the columns each review pixel of the row covers, veiled, into o from at on. */
	private static void reviewRow(int[] column, AreaTaps across, int[] veiled, int[] o, int at, int w) {
		if (across.most == 3) {
			for (int x = 0, t = 0; x < w; x++, at++, t += 3) {
				int f = across.first[x];
				int w0 = across.weights[t], w1 = across.weights[t + 1], w2 = across.weights[t + 2];
				int p = column[f], q = column[f + 1], r = column[f + 2];
				int rb = (p & 0xff00ff) * w0 + (q & 0xff00ff) * w1 + (r & 0xff00ff) * w2;
				int g = (p & 0xff00) * w0 + (q & 0xff00) * w1 + (r & 0xff00) * w2;
				o[at] = veil(veiled, meanOfSums(rb, g));
			}
		}
		else {
			for (int x = 0; x < w; x++, at++) {
				int rb = 0, g = 0;
				for (int k = 0, f = across.first[x], t = x * across.most; k < across.most; k++) {
					int weight = across.weights[t + k];
					int p = column[f + k];
					rb += (p & 0xff00ff) * weight;
					g += (p & 0xff00) * weight;
				}
				o[at] = veil(veiled, meanOfSums(rb, g));
			}
		}
	}

	/**
	 * The pixel whose channels are the rounded means of weighted sums in 256ths: red and blue summed
	 * together in the two halves of redBlue, green in green's place.
	 */
	private static int meanOfSums(int redBlue, int green) {
		return (redBlue + 0x800080) >>> 8 & 0xff00ff | (green + 0x8000) >>> 8 & 0xff00;
	}

	/** Each channel of an RGB pixel through the veil's table. */
	private static int veil(int[] veiled, int p) {
		return veiled[p >>> 16 & 255] << 16 | veiled[p >>> 8 & 255] << 8 | veiled[p & 255];
	}

	/**
	 * How n page pixels along one axis share out among m &lt;= n review pixels by area: review pixel
	 * j covers page pixels first[j] to first[j] + count[j] - 1, with weights in 256ths that add up
	 * to 256 (so that a sum of 8-bit values stays within 16 bits); weights[j * most + k] for k from
	 * count[j] to most - 1 are 0.
	 */
	static final class AreaTaps {
		final int most;
		final int[] first, count, weights;

		AreaTaps(int n, int m) {
			// review pixel j covers [j n, (j + 1) n) and page pixel i covers [i m, (i + 1) m)
			most = (n + m - 1) / m + 1;
			first = new int[m];
			count = new int[m];
			weights = new int[m * most];
			for (int j = 0; j < m; j++) {
				long from = (long) j * n, to = (long) (j + 1) * n;
				int i0 = (int) (from / m), i1 = (int) ((to - 1) / m);
				first[j] = i0;
				count[j] = i1 - i0 + 1;
				int sum = 0, largest = 0;
				for (int i = i0; i <= i1; i++) {
					long overlap = Math.min(to, (long) (i + 1) * m) - Math.max(from, (long) i * m);
					int weight = (int) Math.round(256.0 * overlap / n);
					weights[j * most + i - i0] = weight;
					sum += weight;
					if (weight > weights[j * most + largest]) largest = i - i0;
				}
				weights[j * most + largest] += 256 - sum;
			}
		}
	}
}
