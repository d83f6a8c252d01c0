package org.ecgdigitizer.core.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Draws a 12-lead record the way an electrocardiograph prints it: the leads in the cells of a
 * page layout, on 1 mm / 5 mm paper, at 25 mm/s and 10 mm/mV, each row starting with a 1 mV
 * calibration pulse. A reference record can be drawn underneath in another colour to compare.
 */
public final class EcgPlot {

	public static final double SPEED_MM_PER_S = 25;
	public static final double GAIN_MM_PER_MV = 10;

	/** Margins, mm: the pulses and the title sit outside the signal area. */
	static final double LEFT_MM = 15;
	static final double RIGHT_MM = 5;
	static final double TOP_MM = 15;
	static final double BOTTOM_MM = 10;

	static final Color PAPER = Color.WHITE;
	static final Color MINOR_LINE = new Color(250, 205, 205);
	static final Color MAJOR_LINE = new Color(235, 140, 140);
	static final Color TRACE = Color.BLACK;
	static final Color REFERENCE = new Color(0, 110, 255, 170);
	static final Color TEXT = new Color(40, 40, 40);

	private EcgPlot() {}

	/** Height of one row of the layout, mm: whole 5 mm squares, smaller when there are many rows. */
	static double rowPitchMm(int rows) {
		return 5 * Math.max(3, Math.min(8, Math.floor(160 / (5.0 * rows))));
	}

	/** Image size in mm for a layout showing {@code seconds} of signal. */
	public static double widthMm(double seconds) {
		return LEFT_MM + seconds * SPEED_MM_PER_S + RIGHT_MM;
	}

	public static double heightMm(PageLayout layout) {
		return TOP_MM + layout.rowCount() * rowPitchMm(layout.rowCount()) + BOTTOM_MM;
	}

	/**
	 * Renders the plot.
	 *
	 * @param record the digitized record (standard lead names; NaN samples leave gaps)
	 * @param layout where each lead goes, as on the page it came from
	 * @param reference drawn underneath in blue when not null; leads are matched by name and time by
	 *        seconds from the start, whatever its sampling frequency
	 * @param pxPerMm resolution of the image
	 */
	public static BufferedImage render(EcgRecord record, PageLayout layout, EcgRecord reference, double pxPerMm) {
		if (!(pxPerMm > 0 && pxPerMm <= 40)) throw new IllegalArgumentException("pxPerMm must be in (0, 40]: " + pxPerMm);
		double seconds = record.durationSeconds();
		int w = (int) Math.ceil(widthMm(seconds) * pxPerMm);
		int h = (int) Math.ceil(heightMm(layout) * pxPerMm);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(PAPER);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		drawGrid(g, w, h, pxPerMm);

		double pitch = rowPitchMm(layout.rowCount());
		float pen = (float) Math.max(1, 0.25 * pxPerMm);
		for (int row = 0; row < layout.rowCount(); row++) {
			double baseline = baselineMm(row, pitch);
			g.setColor(TRACE);
			g.setStroke(new BasicStroke(pen, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
			drawPulse(g, LEFT_MM - 12, baseline, pxPerMm);
		}
		for (PageLayout.Cell cell : layout.cells()) {
			if (cell.lead == null) continue;
			double baseline = baselineMm(cell.row, pitch);
			double t0 = cell.windowStart * seconds;
			double t1 = cell.windowEnd * seconds;
			// where the cell's window is drawn: its column, whatever window it shows
			double offset = cell.startFraction(layout.columnCount()) * seconds - t0;
			double sign = cell.inverted ? -1 : 1;
			if (reference != null) {
				double[] ref = reference.lead(cell.lead.label());
				if (ref != null) {
					g.setColor(REFERENCE);
					g.setStroke(new BasicStroke(pen * 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
					g.draw(path(ref, reference.samplingFrequency(), t0, t1, offset, sign, baseline, pxPerMm));
				}
			}
			double[] signal = record.lead(cell.lead.label());
			if (signal != null) {
				g.setColor(TRACE);
				g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
				g.draw(path(signal, record.samplingFrequency(), t0, t1, offset, sign, baseline, pxPerMm));
			}
			double x = (LEFT_MM + (t0 + offset) * SPEED_MM_PER_S) * pxPerMm;
			if (cell.column > 0) {
				// the short bar printers put where one lead ends and the next begins
				g.setColor(TRACE);
				g.setStroke(new BasicStroke(pen));
				g.draw(new Line2D.Double(x, (baseline - 3) * pxPerMm, x, (baseline + 3) * pxPerMm));
			}
			g.setColor(TEXT);
			drawText(g, cell.label(), x + 1.5 * pxPerMm, (baseline - pitch * 0.5 + 4.5) * pxPerMm, 3.2 * pxPerMm);
		}
		g.setColor(TEXT);
		String title = String.format(Locale.ROOT, "%s   %s   %.0f mm/s   %.0f mm/mV   %s Hz", record.name(),
			layout.spec(), SPEED_MM_PER_S, GAIN_MM_PER_MV, Json.number(record.samplingFrequency()));
		drawText(g, title, LEFT_MM * pxPerMm, 8 * pxPerMm, 4 * pxPerMm);
		if (reference != null) {
			String legend = "black: digitized   blue: reference " + reference.name();
			drawText(g, legend, LEFT_MM * pxPerMm, (TOP_MM + layout.rowCount() * pitch + 6.5) * pxPerMm, 3.2 *
				pxPerMm);
		}
		g.dispose();
		return image;
	}

	/** Zero line of a row, mm from the top, on a whole millimetre. */
	static double baselineMm(int row, double pitch) {
		return TOP_MM + row * pitch + Math.round(pitch * 0.6);
	}

	private static void drawGrid(Graphics2D g, int w, int h, double pxPerMm) {
		float thin = (float) Math.max(0.5, 0.08 * pxPerMm);
		float thick = (float) Math.max(1, 0.16 * pxPerMm);
		int mmX = (int) Math.floor(w / pxPerMm);
		int mmY = (int) Math.floor(h / pxPerMm);
		for (int pass = 0; pass < 2; pass++) {
			boolean major = pass == 1;
			g.setColor(major ? MAJOR_LINE : MINOR_LINE);
			g.setStroke(new BasicStroke(major ? thick : thin));
			for (int i = 0; i <= mmX; i++) {
				if ((i % 5 == 0) != major) continue;
				g.draw(new Line2D.Double(i * pxPerMm, 0, i * pxPerMm, h));
			}
			for (int i = 0; i <= mmY; i++) {
				if ((i % 5 == 0) != major) continue;
				g.draw(new Line2D.Double(0, i * pxPerMm, w, i * pxPerMm));
			}
		}
	}

	/** The 1 mV, 0.2 s calibration pulse, starting at x mm on the baseline. */
	private static void drawPulse(Graphics2D g, double x, double baseline, double pxPerMm) {
		double up = baseline - GAIN_MM_PER_MV;
		double width = 0.2 * SPEED_MM_PER_S;
		Path2D.Double p = new Path2D.Double();
		p.moveTo(x * pxPerMm, baseline * pxPerMm);
		p.lineTo((x + 2) * pxPerMm, baseline * pxPerMm);
		p.lineTo((x + 2) * pxPerMm, up * pxPerMm);
		p.lineTo((x + 2 + width) * pxPerMm, up * pxPerMm);
		p.lineTo((x + 2 + width) * pxPerMm, baseline * pxPerMm);
		p.lineTo((x + 4 + width) * pxPerMm, baseline * pxPerMm);
		g.draw(p);
	}

	/** The samples of [t0, t1) as a path, drawn offset seconds later; NaN lifts the pen. */
	private static Path2D.Double path(double[] samples, double fs, double t0, double t1, double offset, double sign,
		double baseline, double pxPerMm)
	{
		Path2D.Double p = new Path2D.Double();
		int first = Math.max(0, (int) Math.ceil(t0 * fs - 1e-9));
		int end = Math.min(samples.length, (int) Math.ceil(t1 * fs - 1e-9));
		boolean pen = false;
		for (int k = first; k < end; k++) {
			double v = samples[k];
			if (!Double.isFinite(v)) {
				pen = false;
				continue;
			}
			double x = (LEFT_MM + (k / fs + offset) * SPEED_MM_PER_S) * pxPerMm;
			double y = (baseline - sign * v * GAIN_MM_PER_MV) * pxPerMm;
			if (pen) p.lineTo(x, y);
			else p.moveTo(x, y);
			pen = true;
		}
		return p;
	}

	/** Text with its baseline at y and capitals {@code heightPx} tall, in the project's stroke font (no system fonts). */
	static void drawText(Graphics2D g, String text, double x, double y, double heightPx) {
		StrokeFont.draw(g, text, x, y, heightPx, StrokeFont.REGULAR);
	}
}
