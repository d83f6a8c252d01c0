package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.eval.ChallengeSnr;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead detection on pages of our generator that reproduce what broke on other generators' and
 * printers' pages: rows whose complexes overlap their neighbours, a page upside down, a page without
 * pulses inside a printed frame, a page whose arrangement is no template, columns that show the
 * same time window.
 */
class LayoutDetectionTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	private static SyntheticPage page(PageSpec spec, long seed) {
		return PageGenerator.render(PageGenerator.synthesize(seed, 500, "layout" + seed), spec, seed);
	}

	private static LeadLayout detect(SyntheticPage page) {
		return Stages.detectLeads(Stages.preprocess(page.img(), Double.NaN, Progress.NONE), DigitizerSettings
			.defaults());
	}

	private static String names(LeadLayout layout) {
		List<String> out = new ArrayList<>();
		for (LeadRegion r : layout.regions) out.add(r.label());
		return String.join(" ", out);
	}

	private static int rows(LeadLayout layout) {
		int rows = 0;
		for (LeadRegion r : layout.regions) rows = Math.max(rows, r.row + 1);
		return rows;
	}

	/** On a 12x1 page rows are 14 mm apart: complexes of 1.5 mV reach into the rows above and below. */
	@Test
	void twelveRowsWhoseComplexesOverlapTheirNeighboursAreTwelveRows() {
		PageSpec spec = PageSpec.defaults().withLayout("12x1");
		SyntheticPage page = page(spec, 2101);
		double spacing = ((Number) page.truth().page.get("row_spacing_px")).doubleValue();
		double tallest = 0;
		EcgRecord r = page.fullRecord();
		for (int c = 0; c < 12; c++) {
			for (double v : r.channel(c)) if (Double.isFinite(v)) tallest = Math.max(tallest, Math.abs(v));
		}
		assertTrue(tallest * spec.gain() * spec.pxPerMm() > spacing, "the page must have overlapping complexes");
		LeadLayout layout = detect(page);
		assertEquals(12, rows(layout), layout.evidence.rows.toString());
		assertEquals(PageLayout.Kind.L12X1, layout.layout.kind(), layout.layout.spec());
		assertEquals("I II III aVR aVL aVF V1 V2 V3 V4 V5 V6", names(layout));
		// every row found where the generator drew it
		double[] baselines = Json.doubles(page.truth().page.get("baselines_px"));
		for (LeadRegion region : layout.regions) {
			assertEquals(baselines[region.row], region.baselineY, 2 * spec.pxPerMm(), region.label());
		}
	}

	private static BufferedImage turnedHalf(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(w - 1 - x, h - 1 - y, image.getRGB(x, y));
		return out;
	}

	/** Without calibration pulses only the labels and the ECG itself tell which way up the page is. */
	@Test
	void aPageUpsideDownWithItsLabelsIsTurnedAndNamed() {
		for (boolean pulses : new boolean[] { true, false }) {
			SyntheticPage page = page(PageSpec.defaults().withPulses(pulses), 2102);
			PreparedPage prepared = Stages.preprocess(ImageFiles.asImg(turnedHalf(page.image())), Double.NaN,
				Progress.NONE);
			assertTrue(Boolean.TRUE.equals(prepared.orientation.get("upside_down")), Json.write(prepared.orientation));
			LeadLayout layout = Stages.detectLeads(prepared, DigitizerSettings.defaults());
			assertEquals("3x4+1", layout.layout.spec());
			assertEquals("I aVR V1 V4 II aVL V2 V5 III aVF V3 V6 II", names(layout), "pulses " + pulses);
			assertEquals(prepared.orientation, layout.evidence.orientation, "the decision is in the layout's evidence");
			// and the page as printed stays as it is
			PreparedPage upright = Stages.preprocess(page.img(), Double.NaN, Progress.NONE);
			assertFalse(Boolean.TRUE.equals(upright.orientation.get("upside_down")), Json.write(upright.orientation));
		}
	}

	@Test
	void aPageWithoutPulsesInsideAFrameHasItsFourRows() {
		SyntheticPage page = page(PageSpec.defaults().withPulses(false).withBorder(true), 2103);
		LeadLayout layout = detect(page);
		assertEquals("3x4+1", layout.layout.spec(), layout.warnings.toString());
		assertEquals(4, layout.evidence.rows.size(), "the frame is no row");
		assertEquals("default", layout.gainSource);
	}

	/**
	 * A limb-lead page (6x1) and a two-lead page are no template: they are read as printed, named
	 * from their labels (pages whose labels the generator prints below the traces: above, it puts
	 * them 30% of the row spacing away, 27 mm on a two-row page).
	 */
	@Test
	void pagesWithoutATemplateAreReadAsPrinted() {
		for (String spec : new String[] { "rows:I;II;III;aVR;aVL;aVF", "rows:II;V5" }) {
			SyntheticPage page = page(PageSpec.defaults().withLayout(spec), 2106);
			assertEquals("below", page.truth().page.get("labels"));
			LeadLayout layout = detect(page);
			assertTrue(layout.layout.isFree(), spec + " read as " + layout.layout.spec());
			assertEquals("labels", layout.namingSource);
			assertEquals(spec.substring(5).replace(';', ' '), names(layout), layout.warnings.toString());
			for (LeadRegion r : layout.regions) {
				assertEquals(0, r.startSeconds, 1e-9);
				assertEquals(10, r.endSeconds, 1e-9);
			}
		}
	}

	/**
	 * The same pages with their labels above the traces, as GE prints its 6x1 limb-lead pages
	 * (eik_ecg00005): at a row's start, a third of the row pitch above the line (10 mm on six rows,
	 * 27 mm on two), beyond where names are looked for around the line but in the row's own band.
	 */
	@Test
	void pagesWithoutATemplateAreNamedFromLabelsAboveTheirTraces() {
		for (String spec : new String[] { "rows:I;II;III;aVR;aVL;aVF", "rows:II;V5" }) {
			int pages = 0;
			for (long seed = 2100; pages < 2; seed++) {
				SyntheticPage page = page(PageSpec.defaults().withLayout(spec), seed);
				if (!"above".equals(page.truth().page.get("labels"))) continue;
				pages++;
				LeadLayout layout = detect(page);
				String at = spec + " seed " + seed + " read as " + layout.layout.spec() + " " + layout.warnings;
				assertTrue(layout.layout.isFree(), at);
				assertEquals("labels", layout.namingSource, at);
				assertEquals(spec.substring(5).replace(';', ' '), names(layout), at);
			}
		}
	}

	/**
	 * Some printers (and ecg-image-kit) show every column over the same window: the QRS complexes of
	 * the right column then fall where the rhythm strip has them half a page earlier.
	 */
	@Test
	void columnsOverTheSameWindowAreToldFromColumnsInSequence() {
		// at 67 bpm 5 s is not a whole number of beats: a regular rhythm cannot fake the match
		EcgRecord record = EcgSynthesizer.synthesize(EcgSynthesizer.Params.random(2105).heartRateBpm(67), 500, 10,
			"timing");
		for (String timing : new String[] { "same-window", "sequential" }) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withLayout("6x2+1/" + timing), 2105);
			EcgDigitizer d = new EcgDigitizer(page.img(), Double.NaN, DigitizerSettings.defaults(), "timing");
			assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
			LeadLayout layout = d.getLeadLayout();
			assertEquals(timing, layout.layout.timing().id, Json.write(layout.evidence.timing.toJson()));
			assertEquals("beats", layout.evidence.timing.source);
			LeadRegion v1 = null;
			for (LeadRegion r : layout.regions) if (r.lead == Lead.V1) v1 = r;
			assertEquals(timing.equals("same-window") ? 0 : 5, v1.startSeconds, 1e-9);
			assertEquals(timing.equals("same-window") ? 5 : 0, v1.pageOffsetSeconds, 1e-9);
			// the right column's signal lands at the record's own times (a column 5 s off cannot be
			// aligned within the metric's 0.5 s)
			double[] got = d.getResult().record.channel(Lead.V1.ordinal());
			double[] want = page.maskedReference().channel(Lead.V1.ordinal());
			ChallengeSnr.Alignment a = ChallengeSnr.align(want, got, 500);
			double snr = ChallengeSnr.snr(want, a.estimate);
			assertTrue(snr > 15 && Math.abs(a.shift) <= 25, timing + ": V1 " + snr + " dB at a shift of " + a.shift);
		}
	}
}
