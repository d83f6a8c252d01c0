package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;
import org.junit.jupiter.api.Test;

/**
 * Rows as real prints show them: a grid left in the ink makes cells shaped like calibration pulses
 * (they are not pulses, and make no rows), and a lead with a low voltage is a row all the same.
 */
class RowsOnRealPrintsTest {

	static final double MM = 8;

	private static void line(float[] ink, int w, int x0, int y0, int x1, int y1) {
		for (int x = Math.min(x0, x1); x <= Math.max(x0, x1); x++) {
			for (int y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) {
				ink[y * w + x] = 1;
				if (x0 == x1 && x + 1 < w) ink[y * w + x + 1] = 1;
				if (y0 == y1) ink[(y + 1) * w + x] = 1;
			}
		}
	}

	/** A row: a 10 mm by 5 mm pulse at x0 standing on the baseline, then a trace with spikes. */
	private static void row(float[] ink, int w, int baseline, int x0, int x1) {
		int top = (int) (baseline - 10 * MM);
		int fall = (int) (x0 + 5 * MM);
		line(ink, w, x0 - 16, baseline, x0, baseline);
		line(ink, w, x0, top, x0, baseline);
		line(ink, w, x0, top, fall, top);
		line(ink, w, fall, top, fall, baseline);
		int x = fall;
		while (x + 60 < x1) {
			line(ink, w, x, baseline, x + 40, baseline);
			line(ink, w, x + 40, baseline - 70, x + 40, baseline + 10);
			line(ink, w, x + 41, baseline, x + 60, baseline);
			x += 60;
		}
	}

	/**
	 * Two rows with their pulses, and beside them a column of grid cells left in the ink (each cell
	 * closed, 5 mm square, its strokes cut where the grid's lines cross, as a photographed grey grid
	 * leaves them): the cells are many and alike, but they are not the page's pulses.
	 */
	@Test
	void gridCellsLeftInTheInkAreNotPulses() {
		int w = 900;
		int h = 700;
		float[] ink = new float[w * h];
		row(ink, w, 200, 40, 860);
		row(ink, w, 450, 40, 860);
		int cell = (int) (5 * MM);
		int gap = 2 * PageInk.BRIDGE + 3;
		for (int y = 20; y + cell < h - 10; y += cell + gap) {
			int x = 820;
			line(ink, w, x, y, x + cell, y);
			line(ink, w, x, y + cell, x + cell, y + cell);
			line(ink, w, x, y, x, y + cell);
			line(ink, w, x + cell, y, x + cell, y + cell);
		}
		PageInk page = PageInk.of(ink, w, h, MM, MM, false);
		List<CalibrationPulse> pulses = PulseFinder.search(page);
		assertEquals(2, pulses.size(), pulses.toString());
		for (CalibrationPulse p : pulses) assertEquals(40, p.box.x, 2, p.toString());
		List<TraceRow> rows = RowFinder.find(page);
		assertEquals(2, rows.size(), rows.toString());
	}

	/** A pulse-like shape far from where the rows begin and end does not start a row. */
	@Test
	void pulsesStartRowsOnlyAtTheirEnds() {
		List<TraceRow> lines = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			TraceRow t = new TraceRow(100 + 100 * i, 200, 40, 1800, "ink");
			t.start = 40 + i;
			t.end = 1800 - i;
			lines.add(t);
		}
		lines.add(new TraceRow(500, 10, 900, 1000, "ink"));
		RowEnds ends = RowEnds.of(lines, 200);
		assertTrue(ends.holds(50, 90, MM), "at the start");
		assertTrue(ends.holds(1700, 1790, MM), "at the end (printers that put the pulse after the signal)");
		assertFalse(ends.holds(900, 940, MM), "in the middle");
	}

	/** A line as long as the rows, one row spacing above them, but without a tall complex: a low-voltage lead. */
	@Test
	void aLowVoltageLeadAtTheRowsSpacingIsARow() {
		TraceRow low = new TraceRow(100, 200, 0, 1800, "ink");
		TraceRow a = new TraceRow(300, 195, 0, 1800, "ink");
		TraceRow b = new TraceRow(500, 190, 0, 1800, "ink");
		TraceRow text = new TraceRow(20, 200, 0, 1800, "ink");
		TraceRow weak = new TraceRow(700, 50, 0, 1800, "ink");
		List<TraceRow> found = List.of(text, low, a, b, weak);
		List<TraceRow> kept = new ArrayList<>(List.of(a, b));
		List<Boolean> pulsed = new ArrayList<>(List.of(true, false));
		RowFinder.lowVoltageRows(found, kept, pulsed, 190, MM);
		assertEquals(List.of(low, a, b), kept);
		assertEquals(List.of(false, true, false), pulsed);
	}

	private static List<TraceRow> rowsOf(Path image) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(image);
		PreparedPage page = Preprocessor.run(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		return InkRows.of(page).rows();
	}

	/** eik_ecg00005: six rows of limb leads on a photographed grey grid whose cells the ink kept. */
	@Test
	void sixLimbLeadRowsOnAGreyGrid() {
		Path page = SharedData.require("real-images").resolve("eik_ecg00005.jpg");
		List<TraceRow> rows = rowsOf(page);
		assertEquals(6, rows.size(), rows.toString());
		for (int i = 1; i < rows.size(); i++) {
			double gap = rows.get(i).baseline - rows.get(i - 1).baseline;
			assertEquals(467, gap, 40, rows.toString());
		}
	}

	/** p01: a phone photo of a 3x4 page whose lead I row has small complexes: three rows. */
	@Test
	void threeRowsOnAPhotoWithALowVoltageLeadI() {
		Path page = SharedData.require("seed-images").resolve("p01_openecg_fork_phone_photo_3x4.jpg");
		List<TraceRow> rows = rowsOf(page);
		assertEquals(3, rows.size(), rows.toString());
	}
}
