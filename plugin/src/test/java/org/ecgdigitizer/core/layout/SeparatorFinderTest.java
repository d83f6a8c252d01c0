package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.trace.DrawnPen;
import org.junit.jupiter.api.Test;

/** Which words read along a row say that a new lead starts there. */
class SeparatorFinderTest {

	@Test
	void aLoneIInsideARowNamesNoBoundary() {
		// no printer's layout (3x4, 6x2, 12x1, standard or Cabrera) starts lead I inside a row
		assertFalse(SeparatorFinder.namesBoundary("I", 0.25));
		assertFalse(SeparatorFinder.namesBoundary("I", 0.5));
		// ...but at the start of a row it is the first lead's name
		assertTrue(SeparatorFinder.namesBoundary("I", 0));
		for (String word : new String[] { "II", "III", "aVR", "-aVR", "aVL", "aVF", "V1", "V6" }) {
			assertTrue(SeparatorFinder.namesBoundary(word, 0.25), word);
			assertTrue(SeparatorFinder.namesBoundary(word, 0), word);
		}
		// words that name none of the 12 leads, or nothing read
		assertFalse(SeparatorFinder.namesBoundary("V4R", 0.25));
		assertFalse(SeparatorFinder.namesBoundary(null, 0.25));
	}

	/**
	 * eik_ecg00042: a photographed 3x4 page with a II rhythm strip below. The strip's QRS spikes and
	 * grid-line stubs read as lone I's along it; they are no lead boundaries, so the strip is kept
	 * as the fourth row of 3x4+1 instead of being dropped for 3x4.
	 */
	@Test
	void aRhythmStripWhoseSpikesReadAsIIsKept() {
		Path image = SharedData.require("real-images").resolve("eik_ecg00042.jpg");
		ImageFiles.LoadedImage loaded = ImageFiles.read(image);
		DigitizerSettings settings = DigitizerSettings.defaults();
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, settings.ink(), Progress.NONE);
		LeadLayout layout = Stages.detectLeads(page, settings);
		assertEquals(4, layout.layout.rowCount(), layout.layout.spec());
		assertEquals(1, layout.layout.rhythmLeads().size(), layout.layout.spec());
		for (LayoutEvidence.Boundary b : layout.evidence.boundaries) {
			if (b.row == 3 && b.fraction > 0) assertFalse(b.seen.equals("label"), b.fraction + " " + b.seen);
		}
	}

	/** At a row's start the name follows the calibration pulse: where the page's pulses over the start end. */
	@Test
	void aRowsNameMayFollowThePulsesAtItsStart() {
		CalibrationPulse atStart = new CalibrationPulse(2, org.ecgdigitizer.core.Box.fromCorners(95, 1224, 164, 1349), 1349,
			125, 69, 13, 13);
		CalibrationPulse atEnd = new CalibrationPulse(2, org.ecgdigitizer.core.Box.fromCorners(2600, 1224, 2669, 1349),
			1349, 125, 69, 13, 13);
		assertEquals(164, SeparatorFinder.afterPulse(java.util.List.of(atStart, atEnd), 92, 158), 1e-9);
		assertEquals(92, SeparatorFinder.afterPulse(java.util.List.of(atEnd), 92, 158), 1e-9);
	}

	/** The name read where a boundary is seen goes into the evidence, and back from its JSON. */
	@Test
	void aBoundaryKeepsTheNameReadThere() {
		LayoutEvidence.Boundary b = new LayoutEvidence.Boundary(1, 0.2, 1, "label", "aVL");
		LayoutEvidence e = new LayoutEvidence(java.util.List.of(), java.util.List.of(b), java.util.List.of(), java.util
			.List.of(), null, null, null);
		LayoutEvidence back = LayoutEvidence.fromJson(org.ecgdigitizer.core.io.Json.parse(org.ecgdigitizer.core.io.Json
			.write(e.toJson())));
		assertEquals("aVL", back.boundaries.get(0).text);
		assertEquals(null, new LayoutEvidence.Boundary(1, 0.2, 0, "none").text);
	}

	/**
	 * eik_ecg00020 (a grey photocopy, 15 leads in 3x5, about 4.2 px/mm): of its names at the fifths the
	 * reader reads aVR and aVL (17 px tall, their feet 24 and 28 px below their rows' lines); the others
	 * are words among many specks on the page, which weigh nothing. An unread word with its foot where the
	 * names read stand and about their size is a name (the numbers are the page's own words): one standing
	 * on the line, or a speck, is not; fewer than two names read place nothing.
	 */
	@Test
	void unreadWordsWhereTheNamesReadStandAreNames() {
		SeparatorFinder.NamePlace place = SeparatorFinder.NamePlace.of(List.of(new Box(259, 74, 27, 17), new Box(256,
			248, 30, 17)), List.of(67.0, 237.0));
		double mm = 4.2;
		assertTrue(place.holdsOne(List.of(new LabelFinder.Label(new Box(742, 248, 18, 14))), 241, mm));
		assertTrue(place.holdsOne(List.of(new LabelFinder.Label(new Box(314, 55, 20, 14)), new LabelFinder.Label(new Box(
			984, 423, 19, 13))), 413, mm));
		assertFalse(place.holdsOne(List.of(new LabelFinder.Label(new Box(314, 55, 20, 14))), 67, mm));
		assertFalse(place.holdsOne(List.of(new LabelFinder.Label(new Box(614, 423, 9, 8))), 411, mm));
		assertNull(SeparatorFinder.NamePlace.of(List.of(new Box(259, 74, 27, 17)), List.of(67.0)));
	}

	/** 200 dpi, a pen 0.39 mm wide: gain5's pages. */
	static final double MM = 7.874;
	static final int W = 400;
	static final int H = 300;
	static final int LINE = 150;
	/** Where a column starts: the layout puts a boundary there and asks whether a tick is printed. */
	static final int COLUMN = 200;

	/**
	 * gain5-05 (5 mm/mV): V2 starts its column with a small R wave (1 mm) and a deep S wave (7 mm
	 * down). The S wave's downstroke is a straight stroke across the line, 6 mm long, its upstroke
	 * crossing the line more than 1 mm after it: taken for a separator tick (the layout puts a
	 * boundary there, where a lopsided tick is allowed), it was erased and the tracer lost the S wave.
	 * A tick printed at the same place, with the trace at rest across it, is still one.
	 */
	@Test
	void aDeepSWaveAtAColumnsStartIsNoTick() {
		float[] sWave = drawn(0, LINE, COLUMN - 2, LINE, COLUMN + 1, LINE - 9, COLUMN + 4, LINE + 48, COLUMN + 8, LINE + 56,
			COLUMN + 11, LINE + 46, COLUMN + 13, LINE, W, LINE);
		assertNull(SeparatorFinder.tick(band(), PageInk.of(sWave, W, H, MM, MM, false), COLUMN, false));
		float[] ticked = drawn(0, LINE, W, LINE);
		float[] tick = drawn(COLUMN, LINE - 24, COLUMN, LINE + 24);
		for (int i = 0; i < ticked.length; i++) ticked[i] = Math.max(ticked[i], tick[i]);
		PageInk ink = PageInk.of(ticked, W, H, MM, MM, false);
		assertNotNull(SeparatorFinder.tick(band(), ink, COLUMN, false));
		assertNotNull(SeparatorFinder.tick(band(), ink, COLUMN));
	}

	private static TraceRow band() {
		TraceRow r = new TraceRow(LINE, 100, 0, W - 1, "ink");
		r.top = 0;
		r.bottom = H;
		r.start = 0;
		r.end = W - 1;
		return r;
	}

	/** The ink of a polyline x0, y0, x1, y1, ... drawn by an anti-aliased round pen 0.39 mm wide. */
	private static float[] drawn(double... xy) {
		return DrawnPen.drawnBy((float) (0.39 * MM), W, H, xy);
	}
}
