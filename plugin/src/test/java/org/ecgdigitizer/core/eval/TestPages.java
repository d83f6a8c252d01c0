package org.ecgdigitizer.core.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Simple ECG pages drawn with Java2D for tests that must not depend on the page generator: a
 * US-letter 3x4+1 page (rhythm II) at 25 mm/s and 10 mm/mV with a red 1/5 mm grid, calibration
 * pulses and lead labels, and its masked reference.
 */
final class TestPages {

	static final PageLayout LAYOUT = PageLayout.standard3x4Rhythm();
	private static final double PAGE_SECONDS = 10;

	private TestPages() {}

	/** A 10-s, 12-lead record of ECG-like traces, a different one per lead. */
	static EcgRecord record(String name, long seed) {
		double[][] s = new double[12][];
		for (int c = 0; c < 12; c++) {
			s[c] = TestEcg.trace(seed * 31 + c, PAGE_SECONDS, 0, PAGE_SECONDS);
			// some leads upside down, so that leads differ in shape as well as timing
			if (c == 3 || c == 6) s[c] = TestEcg.scaled(s[c], -1);
		}
		return new EcgRecord(name, TestEcg.FS, Lead.standardLabels(), s);
	}

	/** The record with NaN wherever the 3x4+1 page does not show a lead. */
	static EcgRecord masked(EcgRecord full) {
		double[][] out = new double[12][full.length()];
		for (double[] c : out) Arrays.fill(c, Double.NaN);
		for (PageLayout.Cell cell : LAYOUT.cells()) {
			int from = (int) Math.round(cell.startFraction(LAYOUT.columnCount()) * full.length());
			int to = (int) Math.round(cell.endFraction(LAYOUT.columnCount()) * full.length());
			double[] src = full.lead(cell.lead);
			System.arraycopy(src, from, out[cell.lead.ordinal()], from, to - from);
		}
		return new EcgRecord(full.name(), full.samplingFrequency(), full.leadNames(), out);
	}

	/** The page at the given resolution. */
	static BufferedImage draw(EcgRecord full, double dpi) {
		double px = dpi / 25.4;
		int w = (int) Math.round(279.4 * px), h = (int) Math.round(215.9 * px);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		double left = 10, right = 272, top = 30, bottom = 200;
		for (int mm = 0; mm <= right - left; mm++) {
			g.setColor(mm % 5 == 0 ? new Color(240, 140, 140) : new Color(250, 210, 210));
			g.setStroke(new BasicStroke((float) (mm % 5 == 0 ? 0.2 * px : 0.1 * px)));
			g.draw(new Line2D.Double((left + mm) * px, top * px, (left + mm) * px, bottom * px));
		}
		for (int mm = 0; mm <= bottom - top; mm++) {
			g.setColor(mm % 5 == 0 ? new Color(240, 140, 140) : new Color(250, 210, 210));
			g.setStroke(new BasicStroke((float) (mm % 5 == 0 ? 0.2 * px : 0.1 * px)));
			g.draw(new Line2D.Double(left * px, (top + mm) * px, right * px, (top + mm) * px));
		}
		double x0 = 20, mmPerS = 25, mmPerMv = 10;
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke((float) (0.3 * px), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(3.5 * px)));
		for (int row = 0; row < LAYOUT.rowCount(); row++) {
			double baseline = 55 + 40 * row;
			Path2D.Double pulse = new Path2D.Double();
			pulse.moveTo(13 * px, baseline * px);
			pulse.lineTo(14 * px, baseline * px);
			pulse.lineTo(14 * px, (baseline - mmPerMv) * px);
			pulse.lineTo(19 * px, (baseline - mmPerMv) * px);
			pulse.lineTo(19 * px, baseline * px);
			pulse.lineTo(x0 * px, baseline * px);
			g.draw(pulse);
		}
		for (PageLayout.Cell cell : LAYOUT.cells()) {
			double baseline = 55 + 40 * cell.row;
			int from = (int) Math.round(cell.startFraction(LAYOUT.columnCount()) * full.length());
			int to = (int) Math.round(cell.endFraction(LAYOUT.columnCount()) * full.length());
			double[] v = full.lead(cell.lead);
			Path2D.Double path = new Path2D.Double();
			for (int i = from; i < to; i++) {
				double x = (x0 + i / full.samplingFrequency() * mmPerS) * px;
				double y = (baseline - v[i] * mmPerMv) * px;
				if (i == from) path.moveTo(x, y);
				else path.lineTo(x, y);
			}
			g.draw(path);
			double labelX = x0 + cell.startFraction(LAYOUT.columnCount()) * PAGE_SECONDS * mmPerS + 1.5;
			g.drawString(cell.label(), (float) (labelX * px), (float) ((baseline - 9) * px));
		}
		g.dispose();
		return image;
	}
}
