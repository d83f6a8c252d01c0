package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rhythm strips printed at a distance of their own below the 3x4 block, and calibration pulses
 * crossed by a dotted grid's heavy lines: the strip is a row all the same (eik_ecg00049, 00039).
 */
class RhythmStripRowsTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/**
	 * The generator's 3x4+1 page with a band of blank paper taken out between the block's last row and
	 * the strip, so that the strip lies half a row spacing below it (as on eik_ecg00049's photo).
	 */
	@Test
	void aStripCloserThanTheRowsPitchIsARow() {
		long seed = 3;
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(seed), 500, 10, "strip");
		SyntheticPage page = PageGenerator.render(record, PageSpec.defaults(), seed);
		double[] baselines = Json.doubles(page.truth().page.get("baselines_px"));
		double spacing = ((Number) page.truth().page.get("row_spacing_px")).doubleValue();
		assertEquals(4, baselines.length);
		// from a quarter of a spacing below row 3 to a quarter above the strip: paper between the rows
		int cutFrom = (int) Math.round(baselines[2] + 0.25 * spacing);
		int cut = (int) Math.round(0.5 * spacing);
		BufferedImage shown = withoutBand(page.image(), cutFrom, cut);
		PreparedPage prepared = Stages.preprocess(ImageFiles.asImg(shown), Double.NaN, Progress.NONE);
		List<TraceRow> rows = RowFinder.find(PageInk.of(prepared));
		assertEquals(4, rows.size(), rows.toString());
		double scale = prepared.width() / (double) shown.getWidth();
		assertEquals((baselines[3] - cut) * scale, rows.get(3).baseline, 2 * prepared.geometry.pxPerMmY, rows.toString());
		LeadLayout layout = Stages.detectLeads(prepared, DigitizerSettings.defaults());
		assertEquals("3x4+1", layout.layout.spec().replaceAll(":.*", ""), layout.layout.spec());
	}

	private static BufferedImage withoutBand(BufferedImage image, int from, int height) {
		int w = image.getWidth();
		int h = image.getHeight() - height;
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] line = new int[w];
		for (int y = 0; y < h; y++) {
			int source = y < from ? y : y + height;
			image.getRGB(0, source, w, 1, line, 0, w);
			out.setRGB(0, y, w, 1, line, 0, w);
		}
		return out;
	}

	/** A strong line below a block is a strip when it spans the block's width; a short one is not. */
	@Test
	void aStripSpansTheBlock() {
		List<TraceRow> block = List.of(row(100, 120, 80, 1900), row(300, 150, 90, 1910), row(500, 140, 85, 1895));
		assertTrue(RowFinder.rhythmStrip(row(620, 240, 88, 1905), block, 8));
		assertFalse(RowFinder.rhythmStrip(row(620, 240, 700, 1905), block, 8), "begins mid-page");
		assertFalse(RowFinder.rhythmStrip(row(620, 60, 88, 1905), block, 8), "weaker than the block's rows");
	}

	private static TraceRow row(double baseline, double strength, int start, int end) {
		TraceRow r = new TraceRow(baseline, strength, start, end, "ink");
		r.start = start;
		r.end = end;
		return r;
	}

	/**
	 * The generator's 3x4+1 page whose ink keeps a dotted grid's heavy lines (eik_ecg00039's photo:
	 * the separation leaves the dark dots of the 5 mm lines): rows of dots every 5 mm that cross each
	 * calibration pulse twice. The four pulses are pulses all the same.
	 */
	@Test
	void pulsesCrossedByADottedGridsHeavyLines() {
		long seed = 4;
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(seed), 500, 10, "dots");
		SyntheticPage page = PageGenerator.render(record, PageSpec.defaults(), seed);
		PreparedPage prepared = Stages.preprocess(page.img(), Double.NaN, Progress.NONE);
		double mm = prepared.geometry.pxPerMmY;
		double scale = prepared.width() / (double) page.image().getWidth();
		int w = prepared.width();
		float[] ink = prepared.inkPixels().clone();
		// dots 0.4 mm wide every millimetre, on the 5 mm lines 2.5 and 7.5 mm above each row's line
		int dot = (int) Math.max(2, Math.round(0.4 * mm));
		for (double baseline : Json.doubles(page.truth().page.get("baselines_px"))) {
			for (double y = baseline * scale - 2.5 * mm; y > baseline * scale - 10 * mm; y -= 5 * mm) {
				for (double x = 0; x + dot < w; x += mm) for (int i = 0; i < dot; i++) ink[(int) y * w + (int) x + i] = 1;
			}
		}
		PageInk dotted = PageInk.of(ink, w, prepared.height(), mm, mm, false);
		List<CalibrationPulse> pulses = PulseFinder.search(dotted);
		assertEquals(4, pulses.size(), pulses.toString());
		for (CalibrationPulse p : pulses) assertEquals(10, p.heightPx / mm, 1.5, p.toString());
	}

	/** A grid kept whole crosses a pulse every millimetre: those are a grid's cells, not a pulse's inside. */
	@Test
	void aGridKeptWholeIsNoEmptyInside() {
		int w = 10;
		int h = 120;
		float[] ink = new float[w * h];
		double mm = 8;
		for (int y = 20; y < 100; y += (int) mm) for (int x = 0; x < w; x++) ink[y * w + x] = 1;
		PageInk page = PageInk.of(ink, w, h, mm, mm, false);
		assertFalse(PulseFinder.onlyGridCrossings(page, 5, 10, 110, 3, mm), "a line every millimetre");
		float[] dotted = new float[w * h];
		for (int y = 30; y < 100; y += (int) (5 * mm)) for (int x = 0; x < w; x++) dotted[y * w + x] = 1;
		assertTrue(PulseFinder.onlyGridCrossings(PageInk.of(dotted, w, h, mm, mm, false), 5, 10, 110, 3, mm),
			"the heavy lines every 5 mm");
		float[] stroke = dotted.clone();
		for (int y = 40; y < 60; y++) stroke[y * w + 5] = 1;
		assertFalse(PulseFinder.onlyGridCrossings(PageInk.of(stroke, w, h, mm, mm, false), 5, 10, 110, 3, mm),
			"a stroke inside");
	}

	/** eik_ecg00049: the II strip at the photo's bottom, 0.6 of the rows' spacing below V3's row. */
	@Test
	void eik00049StripIsARow() {
		List<TraceRow> rows = rowsOf(SharedData.require("real-images").resolve("eik_ecg00049.jpg"));
		assertEquals(4, rows.size(), rows.toString());
		assertTrue(rows.get(3).end - rows.get(3).start > 0.8 * (rows.get(0).end - rows.get(0).start), rows.toString());
	}

	/** eik_ecg00039: a 180/min strip that never stays near its baseline, found from its pulse in a dotted grid. */
	@Test
	void eik00039StripIsARow() {
		List<TraceRow> rows = rowsOf(SharedData.require("real-images").resolve("eik_ecg00039.jpg"));
		assertEquals(4, rows.size(), rows.toString());
		assertTrue(rows.get(3).baseline > rows.get(2).baseline + 100, rows.toString());
	}

	private static List<TraceRow> rowsOf(Path file) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(file);
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, InkSources.parse(
			InkSources.DEFAULT), Progress.NONE);
		return InkRows.of(page).rows();
	}
}
