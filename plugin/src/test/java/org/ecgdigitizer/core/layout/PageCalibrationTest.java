package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageCalibrationTest {

	private static final double MM = 7.874;
	private static final int WIDTH = 2200;
	/** 10 s at 25 mm/s less one sample at 500 Hz. */
	private static final double SPAN = (10 - 1 / 500.0) * 25 * MM;

	private static TraceRow row(double capStart, double capEnd) {
		TraceRow r = new TraceRow(300, 1, 120, 2110, "ink");
		r.start = (int) Math.floor(capStart) - 2;
		r.end = (int) Math.ceil(capEnd) + 2;
		r.capStart = capStart;
		r.capEnd = capEnd;
		return r;
	}

	@Test
	void timeZeroIsTheMiddleOfBothCapsLessHalfTheSpanOverTheRowsThatShowAFullRow() {
		double x0 = 133.81;
		List<TraceRow> rows = new ArrayList<>();
		// caps read a quarter pixel too far in or out: the same at both ends of a row
		for (double bias : new double[] { 0.3, -0.2, 0.25 }) rows.add(row(x0 + bias, x0 + SPAN - bias));
		assertEquals(x0, PageCalibration.capsTimeZero(rows, 134, SPAN, MM, WIDTH), 1e-9);

		// rows that do not show a full row's time both ends are not read
		List<TraceRow> others = new ArrayList<>();
		others.add(row(x0 + 0.1, x0 + SPAN - 0.1));
		others.add(row(x0 + 0.5, x0 + SPAN - 0.5 - 5 * MM)); // a strip 5 mm shorter
		others.add(row(x0 + 9, x0 + SPAN + 9)); // a row that starts elsewhere
		TraceRow cut = row(x0 - 3, x0 + SPAN - 3); // cut at the image's right edge
		cut.end = WIDTH;
		others.add(cut);
		others.add(row(Double.NaN, x0 + SPAN)); // drawn on from the pulse: no cap of its own
		assertEquals(x0, PageCalibration.capsTimeZero(others, 134, SPAN, MM, WIDTH), 1e-9);
		assertTrue(Double.isNaN(PageCalibration.capsTimeZero(others.subList(1, 5), 134, SPAN, MM, WIDTH)));
	}

	@Test
	void capsFarFromTheMasksReadingAreNotCaps() {
		// a trace cut at the paper's edge reads as a cap 2.5 px before the mask's time 0 (134): the full
		// row's length still agrees, so only the mask's reading tells it from a cap
		double x0 = 131.5;
		List<TraceRow> rows = new ArrayList<>();
		rows.add(row(x0, x0 + SPAN));
		rows.add(row(x0 + 0.1, x0 + SPAN + 0.1));
		assertTrue(Double.isNaN(PageCalibration.capsTimeZero(rows, 134, SPAN, MM, WIDTH)));
		assertEquals(x0 + 0.05, PageCalibration.capsTimeZero(rows, 132.5, SPAN, MM, WIDTH), 1e-9);
	}

	@Test
	void rowsWhoseCapsAreLevelDecideWhenThereAreAny() {
		double x0 = 133.81;
		List<TraceRow> rows = new ArrayList<>();
		rows.add(row(x0 - 0.6, x0 + SPAN - 0.6));
		rows.add(row(x0 - 0.5, x0 + SPAN - 0.5));
		assertEquals(x0 - 0.55, PageCalibration.capsTimeZero(rows, 134, SPAN, MM, WIDTH), 1e-9);
		TraceRow level = row(x0 + 0.1, x0 + SPAN - 0.1);
		level.capsLevel = true;
		rows.add(level);
		assertEquals(x0, PageCalibration.capsTimeZero(rows, 134, SPAN, MM, WIDTH), 1e-9);
	}
}
