package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.Bits;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows from trace ink on tightly packed pages: complexes that cross two rows above and below, rows
 * found only from their pulse, a row whose pulse a neighbour's complex hides (the pulses' pitch says
 * it is there), grid lines the ink kept in dashes.
 */
class RowFinderTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/**
	 * A 12x1 page with a rhythm strip whose complexes are three times the usual (up to 6 mV: 60 mm
	 * on rows 13 mm apart), as ecg-image-kit prints large records: thirteen rows, where drawn.
	 */
	@Test
	void thirteenRowsUnderComplexesThatCrossTheirNeighbours() {
		long seed = 2;
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(seed).amplitudeScale(3), 500, 10,
			"tall");
		PageSpec spec = PageSpec.defaults().withLayout("12x1+1:II");
		SyntheticPage page = PageGenerator.render(record, spec, seed);
		double spacing = ((Number) page.truth().page.get("row_spacing_px")).doubleValue();
		double tallest = 0;
		for (int c = 0; c < 12; c++) {
			for (double v : page.fullRecord().channel(c)) if (Double.isFinite(v)) tallest = Math.max(tallest, Math.abs(v));
		}
		assertTrue(tallest * spec.gain() * spec.pxPerMm() > 3 * spacing, "complexes must cross the neighbouring rows");
		PreparedPage prepared = Stages.preprocess(page.img(), Double.NaN, Progress.NONE);
		List<TraceRow> rows = RowFinder.find(PageInk.of(prepared));
		double[] baselines = Json.doubles(page.truth().page.get("baselines_px"));
		assertEquals(13, rows.size(), rows.toString());
		for (int i = 0; i < rows.size(); i++) {
			assertEquals(baselines[i], rows.get(i).baseline, 2 * spec.pxPerMm(), "row " + i + ": " + rows);
		}
		LeadLayout layout = Stages.detectLeads(prepared, DigitizerSettings.defaults());
		assertEquals("12x1+1", layout.layout.spec().replaceAll(":.*", ""), layout.layout.spec());
		assertEquals(13, layout.evidence.rows.size());
	}

	private static CalibrationPulse pulse(double foot) {
		return new CalibrationPulse(-1, Box.fromCorners(80, foot - 80, 120, foot + 1), foot, 80, 40, 8, 8);
	}

	/** Pulses 100 px apart with one missing, and a rhythm strip closer below: the pitch, and where the missing row is. */
	@Test
	void thePulsesPitchSaysWhereARowWithoutAPulseIs() {
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (double foot : new double[] { 100, 200, 300, 500, 600, 680 }) pulses.add(pulse(foot));
		RowPitch pitch = RowPitch.of(pulses);
		assertEquals(100, pitch.pitch, 1e-9);
		assertEquals(Arrays.asList(400.0), pitch.missing());
		assertTrue(pitch.governs(450), "between pulses on the pitch only the pitch's rows are rows");
		assertTrue(pitch.governs(150));
		assertFalse(pitch.governs(650), "the strip's gap is off the pitch");
		assertFalse(pitch.governs(50));
		assertNull(RowPitch.of(pulses.subList(0, 2)), "two pulses set no pitch");
	}

	/** Between pulses on the pitch, a line off the pitch (pieces of tall complexes) is no row; the row the pitch names is. */
	@Test
	void onPitchKeepsThePitchsRowsAndDropsLinesBetweenThem() {
		PageInk ink = blankInk(400, 800);
		List<TraceRow> rows = new ArrayList<>();
		for (double y : new double[] { 100, 200, 300, 350, 500, 600 }) rows.add(row(y, 50));
		TraceRow weak = row(405, 5);
		List<TraceRow> candidates = new ArrayList<>(rows);
		candidates.add(weak);
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (double foot : new double[] { 100, 200, 300, 500, 600 }) pulses.add(pulse(foot));
		List<TraceRow> kept = RowFinder.onPitch(rows, candidates, RowPitch.of(pulses), ink);
		List<Double> ys = new ArrayList<>();
		for (TraceRow r : kept) ys.add(r.baseline);
		assertEquals(Arrays.asList(100.0, 200.0, 300.0, 405.0, 500.0, 600.0), ys);
	}

	/** A run of rows ending in one found from its pulse alone (no trace followed) keeps it. */
	@Test
	void aRowFoundFromItsPulseAloneStaysInTheEvenRun() {
		List<TraceRow> rows = new ArrayList<>();
		for (double y : new double[] { 100, 200, 300, 400 }) rows.add(row(y, 50));
		rows.add(row(480, 0));
		assertEquals(5, RowFinder.evenlySpaced(rows).size());
	}

	/**
	 * A grid line the ink kept, cut into dashes where the crossing lines were taken away, is erased
	 * as a rule; a trace cut the same way is not.
	 */
	@Test
	void dashedGridLinesAreErasedAndBrokenTracesAreNot() {
		int w = 800;
		int h = 200;
		double mm = 8;
		boolean[] mask = new boolean[w * h];
		// a grid line on row 50: 6 px dashes, 2 px gaps, 90 mm
		for (int x = 40; x < 760; x++) if (x % 8 < 6) mask[50 * w + x] = true;
		// a trace around row 150, 2 px thick, cut at every grid line
		for (int x = 40; x < 760; x++) {
			if (x % 8 >= 6) continue;
			int y = (int) Math.round(150 + 6 * Math.sin(x / 20.0));
			mask[y * w + x] = true;
			mask[(y + 1) * w + x] = true;
		}
		Bits bits = Bits.of(mask, w, h);
		Components components = Components.of(bits);
		components.erase(bits, PageInk.rules(components, mm, mm));
		int line = 0;
		int trace = 0;
		for (int x = 0; x < w; x++) {
			if (bits.get(x, 50)) line++;
			for (int y = 140; y < 160; y++) if (bits.get(x, y)) trace++;
		}
		assertEquals(0, line, "the dashed line is erased");
		assertTrue(trace > 1000, "the broken trace stays: " + trace);
	}

	private static TraceRow row(double y, double strength) {
		TraceRow r = new TraceRow(y, strength, 0, 400, "ink");
		r.start = 20;
		r.end = 380;
		return r;
	}

	private static PageInk blankInk(int w, int h) {
		return PageInk.of(new float[w * h], w, h, 8, 8, false);
	}
}
