package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.Rectifier;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

class LayoutCheckTest {

	private static GroundTruth page(String layout) {
		EcgRecord signal = EcgSynthesizer.synthesize(5, 500, 10, "p");
		SyntheticPage page = PageGenerator.render(signal, PageSpec.defaults().withDpi(100).withLayout(layout), 5);
		return page.truth();
	}

	/** What a perfect lead detector reports: the generator's own regions, on an unrotated page. */
	private static LeadLayout found(GroundTruth truth, List<LeadRegion> regions) {
		PageGeometry g = new PageGeometry(truth.pxPerMmX, truth.pxPerMmY, PageGeometry.ScaleSource.GRID, 0,
			PageGeometry.AngleSource.GRID, Rectifier.Warp.rotation(0, truth.width, truth.height), 1, null, Double.NaN);
		return new LeadLayout(PageLayout.parse(truth.layout), "detected", regions, 25, "pulse", 10, "pulse", 10, truth.x0,
			truth.x0 + 250 * truth.pxPerMmX, List.of(), "labels", g, List.of());
	}

	private static List<LeadRegion> regions(GroundTruth truth) {
		List<LeadRegion> out = new ArrayList<>();
		for (GroundTruth.Segment s : truth.segments) out.add(s.region);
		return out;
	}

	@Test
	void layoutsAreDescribedByRowsColumnsRhythmStripsAndTiming() {
		assertEquals("3x4+1:II", LayoutTruth.of(page("3x4+1")).layout());
		assertEquals("3x4+3:V1,II,V5", LayoutTruth.of(page("3x4+3")).layout());
		assertEquals("6x2", LayoutTruth.of(page("6x2")).layout());
		assertEquals("12x1", LayoutTruth.of(page("12x1")).layout());
		List<LayoutCheck.Part> sameWindow = new ArrayList<>();
		for (int row = 0; row < 6; row++) {
			for (int col = 0; col < 2; col++) sameWindow.add(new LayoutCheck.Part("I", false, row, col, 0));
		}
		sameWindow.add(new LayoutCheck.Part("I", true, 6, 0, 0));
		assertEquals("6x2+1:I/same-window", LayoutCheck.describe(sameWindow));
	}

	@Test
	void aPerfectDetectorIsRightAndEachMistakeCounts() {
		GroundTruth truth = page("3x4+1");
		LayoutTruth t = LayoutTruth.of(truth);
		LayoutCheck perfect = LayoutCheck.compare(t, found(truth, regions(truth)));
		assertTrue(perfect.layoutRight, perfect.summary());
		assertEquals(13, perfect.named());
		assertEquals("3x4+1:II", perfect.foundLayout);
		for (LayoutCheck.LeadCheck l : perfect.leads) {
			assertTrue(l.placed() && l.named(), l.lead);
			// the region spans the row's band, the truth only the trace's excursion: they overlap, little
			assertTrue(l.boxIou > 0 && l.boxIou <= 1, l.lead + " " + l.boxIou);
		}

		// two leads named the wrong way round: the layout is still right, two names are not
		List<LeadRegion> swapped = regions(truth);
		LeadRegion a = swapped.get(0), b = swapped.get(1);
		swapped.set(0, a.withLead(b.lead, false));
		swapped.set(1, b.withLead(a.lead, false));
		LayoutCheck names = LayoutCheck.compare(t, found(truth, swapped));
		assertTrue(names.layoutRight);
		assertEquals(11, names.named());

		// every column read as the same window (as ecg-image-kit prints 6x2): places right, times wrong
		List<LeadRegion> sameWindow = new ArrayList<>();
		for (LeadRegion r : regions(truth)) sameWindow.add(r.rhythm ? r : r.withTime(0, 2.5));
		LayoutCheck times = LayoutCheck.compare(t, found(truth, sameWindow));
		assertFalse(times.layoutRight);
		assertEquals("3x4+1:II/same-window", times.foundLayout);
		assertEquals(13, times.named());
		assertEquals(4, times.leads.stream().filter(LayoutCheck.LeadCheck::placed).count(), "column 0 and the strip");

		// the rhythm strip missed: its place is empty
		List<LeadRegion> noStrip = new ArrayList<>(regions(truth));
		noStrip.removeIf(r -> r.rhythm);
		LayoutCheck missing = LayoutCheck.compare(t, found(truth, noStrip));
		assertFalse(missing.layoutRight);
		LayoutCheck.LeadCheck strip = missing.leads.stream().filter(l -> l.rhythm).findFirst().get();
		assertNull(strip.found);
		assertFalse(strip.named());
		assertEquals(12, missing.named());

		LayoutCheck refused = LayoutCheck.refused(t);
		assertEquals(0, refused.named());
		assertFalse(refused.layoutRight);
		assertEquals("found nothing, true 3x4+1:II; 0 of 13 leads named", refused.summary());

		LayoutCheck back = LayoutCheck.fromJson(Json.parse(Json.write(names.toJson())));
		assertEquals(names.summary(), back.summary());
		assertEquals(names.layoutRight, back.layoutRight);
		assertEquals(names.leads.get(5).boxIou, back.leads.get(5).boxIou, 1e-12);
	}

	@Test
	void theRealDigitizerOnACleanSyntheticPageIsRightAndTheTruthTravelsWithBenchOut() throws Exception {
		Path out = java.nio.file.Files.createTempDirectory("layout-check");
		BenchmarkReport report = new Benchmark(BenchmarkDigitizer.real(), out).run(BenchmarkMatrix.conditions(List.of(
			"dpi100"), 1, 2), Map.of(), Progress.NONE);
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(1, c.layoutRate(), report.table() + report.layoutProblems());
		assertEquals(1, c.namedRate(), 0);
		// the page's truth is written beside it, so the folder read back scores the layout the same way
		BenchmarkReport again = new Benchmark(BenchmarkDigitizer.real(), null).run(BenchmarkDataset.conditions(out.resolve(
			"dpi100")), Map.of(), Progress.NONE);
		assertEquals(c.pages.get(0).layout.summary(), again.conditions.get(0).pages.get(0).layout.summary());
		assertEquals(report.table().split("\n")[1].substring(0, 40), again.table().split("\n")[1].substring(0, 40));
		// time 0 against the truth: within a pixel (5 samples at 100 dpi), and the same read back (the
		// truth beside the page keeps its sample positions to a few thousandths of a pixel)
		assertEquals(1, c.timeZeroPages());
		assertEquals(0, c.meanTimeZeroError(), 5, report.table());
		assertEquals(c.meanTimeZeroError(), again.conditions.get(0).meanTimeZeroError(), 0.05);
		// the flat baseline finds no layout: nothing to score
		BenchmarkReport flat = new Benchmark(BenchmarkDigitizer.flat(), null).run(BenchmarkDataset.conditions(out.resolve(
			"dpi100")), Map.of(), Progress.NONE);
		assertTrue(Double.isNaN(flat.conditions.get(0).namedRate()));
		assertTrue(flat.table().contains(" -        -      -       -\n"), flat.table());
	}

	@Test
	void imageKitTruthIsReadWithItsRowsColumnsAndBorder() throws Exception {
		Path eik = SharedData.require("eik-dev");
		LayoutTruth clean = LayoutTruth.parse(Json.read(eik.resolve("clean/E07501-0.json")), "E07501-0.json");
		assertEquals("ecg-image-kit", clean.source);
		assertEquals("3x4+1:II", clean.layout());
		LayoutTruth.Segment v4 = clean.segments.get(11);
		assertEquals("V4", v4.lead);
		assertEquals(0, v4.row);
		assertEquals(3, v4.column);
		assertEquals(7.5, v4.startSeconds, 1e-9);
		assertEquals(10, v4.endSeconds, 1e-9);
		LayoutTruth.Segment strip = clean.segments.get(12);
		assertTrue(strip.rhythm);
		assertEquals(3, strip.row);
		assertEquals("II", strip.lead);
		// time 0 is at 118.1 px at 200 dpi (15 mm from the paper's edge)
		assertEquals(118.11, strip.box.x, 0.01);

		assertEquals("12x1+1:I", LayoutTruth.parse(Json.read(eik.resolve("12x1/E07506-0.json")), "12x1").layout());
		assertEquals("6x2+1:I/same-window", LayoutTruth.parse(Json.read(eik.resolve("6x2/E07507-0.json")), "6x2")
			.layout());
		// pad_inches: the JSON leaves out the 1-inch border, 100 px at 100 dpi
		LayoutTruth padded = LayoutTruth.parse(Json.read(eik.resolve("lowres/HR06004-0.json")), "HR06004-0.json");
		assertEquals(59.06 + 100, padded.segments.get(0).box.x, 0.01);

		assertFalse(LayoutTruth.isTruth(Json.parse("{\"record\": \"x\", \"leads\": {}}")));
		assertThrows(EcgException.class, () -> LayoutTruth.parse(Json.parse("{\"leads\": []}"), "x.json"));
	}

	@Test
	void timeZeroIsTheFirstColumnsFirstSampleWhenTheRowsAgreeOnIt() {
		GroundTruth truth = page("3x4+1");
		LayoutTruth t = LayoutTruth.of(truth);
		assertEquals(truth.x0, t.timeZeroX(), 1e-9);
		double pxPerSample = truth.speed * truth.pxPerMmX / truth.fs;
		assertEquals(3.25, t.timeZeroError(truth.x0 + 3.25 * pxPerSample), 1e-9);
		assertEquals(-0.5, t.timeZeroError(truth.x0 - 0.5 * pxPerSample), 1e-9);
		// a rotated page has no one column of time 0, and the digitizer's rectified page other coordinates
		EcgRecord signal = EcgSynthesizer.synthesize(5, 500, 10, "p");
		GroundTruth rotated = PageGenerator.render(signal, PageSpec.defaults().withDpi(100).withDistortions("rotate:5"), 5)
			.truth();
		assertTrue(Math.abs(Json.number(rotated.transform.get("rotation_deg"), 0)) > 0.5);
		assertTrue(Double.isNaN(LayoutTruth.of(rotated).timeZeroX()));
		assertTrue(Double.isNaN(LayoutTruth.of(rotated).timeZeroError(truth.x0)));
	}

	@Test
	void imageKitsTimeZeroIsTheFirstPlottedSampleAfterThePulse() throws Exception {
		Path eik = SharedData.require("eik-dev");
		LayoutTruth clean = LayoutTruth.parse(Json.read(eik.resolve("clean/E07501-0.json")), "E07501-0.json");
		// 15 mm from the paper's edge at 200 dpi; 25 mm/s and 500 Hz make 0.3937 px per sample
		assertEquals(118.11, clean.timeZeroX(), 0.01);
		assertEquals(1, clean.timeZeroError(118.11 + 0.3937), 0.01);
	}

	@Test
	void theReportShowsTimeZerosErrorAndWhatWholeSamplesLeaveOfIt() {
		List<BenchmarkReport.PageResult> pages = new ArrayList<>();
		double[] errors = { 2.3, -0.6, Double.NaN };
		for (int i = 0; i < errors.length; i++) {
			pages.add(new BenchmarkReport.PageResult("p" + i, BenchmarkReport.Status.OK, "", "", "", 1, 1, Map.of("I", 20.0),
				1, 0.01, Map.of("I", 0), 500, null, null, errors[i]));
		}
		BenchmarkReport report = new BenchmarkReport("real", Map.of(), Map.of(), "now", List.of(
			new BenchmarkReport.ConditionResult("c", "", pages, Double.NaN, BenchmarkSettings.none())));
		BenchmarkReport.ConditionResult c = report.conditions.get(0);
		assertEquals(2, c.timeZeroPages());
		assertEquals(0.85, c.meanTimeZeroError(), 1e-12);
		// 2.3 leaves 0.3 after 2 whole samples, -0.6 leaves 0.4 after -1
		assertEquals(0.35, c.meanTimeZeroFraction(), 1e-12);
		assertTrue(report.table().contains("   0.85    0.35\n"), report.table());
		BenchmarkReport back = BenchmarkReport.fromJson(Json.parse(Json.write(report.toJson())));
		assertEquals(report.table(), back.table());
		assertTrue(Double.isNaN(back.conditions.get(0).pages.get(2).timeZeroError));
	}

	@Test
	void theSegmentsCentreIsTheMedianOfItsSamples() {
		LayoutTruth.Segment s = new LayoutTruth.Segment(Lead.I.label(), false, 0, 0, 0, 1, new double[] { 1, 2, 3,
			Double.NaN, 10 }, new double[] { 5, 6, 7, 0, 8 });
		assertEquals(2.5, s.centerX, 1e-12);
		assertEquals(6.5, s.centerY, 1e-12);
		assertEquals(1, s.box.x, 0);
		assertEquals(9, s.box.width, 0);
	}
}
