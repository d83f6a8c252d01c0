package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 12-lead plot puts each lead's millivolts where a 25 mm/s, 10 mm/mV printout would. */
class EcgPlotTest {

	static final double PX = 5;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** Every lead constant at its own level; lead II has a gap from 0.5 to 1.5 s. */
	static EcgRecord record() {
		EcgRecord r = EcgRecord.emptyStandard("rec", 500, 5000);
		for (Lead lead : Lead.values()) Arrays.fill(r.channel(lead.ordinal()), 0.2 + 0.1 * lead.ordinal());
		Arrays.fill(r.lead(Lead.II), 250, 750, Double.NaN);
		return r;
	}

	static boolean black(BufferedImage img, double xMm, double yMm) {
		// the pen is a little wider than a pixel; look at the pixel and its vertical neighbours
		int x = (int) Math.floor(xMm * PX);
		for (int dy = -1; dy <= 1; dy++) {
			int y = (int) Math.floor(yMm * PX) + dy;
			Color c = new Color(img.getRGB(x, y));
			if (c.getRed() < 128 && c.getGreen() < 128 && c.getBlue() < 128) return true;
		}
		return false;
	}

	static double x(double seconds) {
		return EcgPlot.LEFT_MM + seconds * EcgPlot.SPEED_MM_PER_S;
	}

	@Test
	void leadsSitInTheirCellsAtTenMillimetresPerMillivolt() {
		PageLayout layout = PageLayout.parse("3x4+1");
		BufferedImage img = EcgPlot.render(record(), layout, null, PX);
		assertEquals((int) Math.ceil(EcgPlot.widthMm(10) * PX), img.getWidth());
		assertEquals((int) Math.ceil(EcgPlot.heightMm(layout) * PX), img.getHeight());
		double pitch = EcgPlot.rowPitchMm(layout.rowCount());
		for (PageLayout.Cell cell : layout.cells()) {
			double mv = 0.2 + 0.1 * cell.lead.ordinal();
			double baseline = EcgPlot.baselineMm(cell.row, pitch);
			double t = (cell.startFraction(4) + cell.endFraction(4)) / 2 * 10 + 0.05;
			if (cell.lead == Lead.II && t > 0.5 && t < 1.5) continue;
			assertTrue(black(img, x(t), baseline - 10 * mv), cell.toString());
			assertFalse(black(img, x(t), baseline - 10 * mv + 2), cell + " two millimetres below");
		}
		// the gap in II leaves the paper blank, in its short cell and in the rhythm strip
		assertFalse(black(img, x(1.0), EcgPlot.baselineMm(1, pitch) - 10 * 0.3));
		assertFalse(black(img, x(1.0), EcgPlot.baselineMm(3, pitch) - 10 * 0.3));
		assertTrue(black(img, x(1.6), EcgPlot.baselineMm(3, pitch) - 10 * 0.3));
	}

	@Test
	void cabreraShowsMinusAvrBelowTheLine() {
		PageLayout layout = PageLayout.parse("6x2/cabrera");
		BufferedImage img = EcgPlot.render(record(), layout, null, PX);
		double pitch = EcgPlot.rowPitchMm(layout.rowCount());
		PageLayout.Cell avr = layout.cells().stream().filter(c -> c.lead == Lead.AVR).findFirst().get();
		assertTrue(avr.inverted);
		double mv = 0.2 + 0.1 * Lead.AVR.ordinal();
		assertTrue(black(img, x(2.5), EcgPlot.baselineMm(avr.row, pitch) + 10 * mv));
		assertFalse(black(img, x(2.5), EcgPlot.baselineMm(avr.row, pitch) - 10 * mv));
	}

	@Test
	void aReferenceIsDrawnUnderneathInBlue() {
		PageLayout layout = PageLayout.parse("3x4");
		EcgRecord ref = EcgRecord.emptyStandard("truth", 250, 2500);
		Arrays.fill(ref.lead(Lead.I), -0.5);
		BufferedImage img = EcgPlot.render(record(), layout, ref, PX);
		double baseline = EcgPlot.baselineMm(0, EcgPlot.rowPitchMm(layout.rowCount()));
		Color c = new Color(img.getRGB((int) (x(1.0) * PX), (int) Math.floor((baseline + 5) * PX)));
		assertTrue(c.getBlue() > 150 && c.getRed() < 150, c.toString());
		// leads the reference lacks are not drawn for it
		Color v1 = new Color(img.getRGB((int) (x(6.0) * PX), (int) Math.floor((baseline + 5) * PX)));
		assertFalse(v1.getBlue() > 150 && v1.getRed() < 150, v1.toString());
	}
}
