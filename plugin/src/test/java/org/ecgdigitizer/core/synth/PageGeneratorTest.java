package org.ecgdigitizer.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageGeneratorTest {

	@TempDir
	Path dir;

	private static EcgRecord record;

	@BeforeAll
	static void setUp() {
		System.setProperty("java.awt.headless", "true");
		record = TestRecords.twelveLead(11, 500, 10);
	}

	private static int[] pixels(SyntheticPage page) {
		return PhotoEffects.pixels(page.image());
	}

	/** Dark and grey: the pen, not the (green) grid and not the paper. */
	private static boolean isInk(int rgb) {
		int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
		int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
		return max < 120 && max - min < 45;
	}

	/** Fraction of a segment's ground-truth points with an ink pixel centre within 1 px, after an offset. */
	private static double onInk(SyntheticPage page, GroundTruth.Segment s, double dx, double dy) {
		int[] px = pixels(page);
		int w = page.image().getWidth(), h = page.image().getHeight();
		int hits = 0, total = 0;
		for (int i = 0; i < s.x.length; i++) {
			double x = s.x[i] + dx, y = s.y[i] + dy;
			if (Double.isNaN(x)) continue;
			total++;
			boolean hit = false;
			for (int j = (int) Math.floor(y - 1.5); j <= (int) Math.floor(y + 0.5) && !hit; j++) {
				for (int i2 = (int) Math.floor(x - 1.5); i2 <= (int) Math.floor(x + 0.5) && !hit; i2++) {
					if (i2 < 0 || j < 0 || i2 >= w || j >= h) continue;
					double ddx = i2 + 0.5 - x, ddy = j + 0.5 - y;
					if (ddx * ddx + ddy * ddy <= 1 && isInk(px[j * w + i2])) hit = true;
				}
			}
			if (hit) hits++;
		}
		return hits / (double) total;
	}

	@Test
	void groundTruthPointsLieOnTheDrawnTrace() {
		for (String distortions : new String[] { "none", "rotate", "rotate:10", "perspective", "wrinkle", "crease",
			"wrinkle:2,crease:0.5", "rotate,perspective,wrinkle,crease" })
		{
			groundTruthPointsLieOnTheDrawnTrace(distortions);
		}
	}

	private void groundTruthPointsLieOnTheDrawnTrace(String distortions) {
		PageSpec spec = PageSpec.defaults().withGridColor(PageSpec.GridColor.GREEN).withDistortions(distortions);
		for (long seed : new long[] { 1, 2 }) {
			SyntheticPage page = PageGenerator.render(record, spec, seed);
			assertEquals(13, page.truth().segments.size());
			for (GroundTruth.Segment s : page.truth().segments) {
				double fraction = onInk(page, s, 0, 0);
				assertTrue(fraction >= 0.99, distortions + " seed " + seed + " " + s.region.label() + ": only " +
					fraction + " of the points lie on the trace");
			}
			// the check can fail: points 4 px off the trace mostly miss it
			GroundTruth.Segment rhythm = page.truth().segments.get(12);
			assertTrue(onInk(page, rhythm, 0, 4) < 0.5, "offset points should miss the trace");
		}
	}

	@Test
	void rotationIsClockwiseForPositiveAngles() {
		PageSpec spec = PageSpec.defaults().withDistortions("rotate:3");
		for (long seed = 1; seed < 6; seed++) {
			GroundTruth t = PageGenerator.render(record, spec, seed).truth();
			double angle = t.rotationDegrees();
			GroundTruth.Segment rhythm = t.segments.get(12);
			int n = rhythm.x.length;
			// the baseline drifts little; the slope of the trace follows the rotation
			double slope = Math.toDegrees(Math.atan2(rhythm.y[n - 1] - rhythm.y[0], rhythm.x[n - 1] - rhythm.x[0]));
			assertEquals(angle, slope, 0.5, "a clockwise turn on screen moves the right end down (y grows)");
		}
	}

	@Test
	void cleanPageCoordinatesFollowTheSpecification() {
		PageSpec spec = PageSpec.defaults();
		SyntheticPage page = PageGenerator.render(record, spec, 5);
		GroundTruth t = page.truth();
		double mm = 200 / 25.4;
		assertEquals(mm, t.pxPerMmX, 1e-12);
		assertEquals(Math.round(279.4 * mm), t.width);
		assertEquals(Math.round(215.9 * mm), t.height);
		EcgRecord full = page.fullRecord();
		for (GroundTruth.Segment s : t.segments) {
			LeadRegion r = s.region;
			assertEquals(Math.round(r.startSeconds * 500), s.startSample);
			assertEquals(Math.round(r.endSeconds * 500), s.endSample);
			double[] v = full.lead(r.lead);
			for (int i = s.startSample; i < s.endSample; i += 37) {
				assertEquals(t.x0 + i / 500.0 * 25 * mm, s.x[i - s.startSample], 1e-9);
				assertEquals(r.baselineY - v[i] * 10 * mm, s.y[i - s.startSample], 1e-9);
			}
		}
		// columns of a 3x4 page show consecutive quarters of the 10 s
		assertEquals(2.5, t.segments.get(1).region.startSeconds, 1e-12);
		assertEquals(10, t.segments.get(12).region.endSeconds, 1e-12);
		assertEquals(5000, t.segments.get(12).endSample);
	}

	@Test
	void cabreraPrintsMinusAvrUpsideDown() {
		SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withLayout("6x2/cabrera"), 3);
		GroundTruth.Segment avr = null;
		for (GroundTruth.Segment s : page.truth().segments) if (s.region.lead == Lead.AVR) avr = s;
		assertTrue(avr.region.inverted);
		double[] v = page.fullRecord().lead(Lead.AVR);
		double mm = 200 / 25.4;
		assertEquals(avr.region.baselineY + v[avr.startSample + 100] * 10 * mm, avr.y[100], 1e-9);
	}

	@Test
	void maskedReferenceIsFiniteExactlyWherePlotted() {
		for (String layout : PageLayoutIds.ALL) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withLayout(layout), 9);
			EcgRecord full = page.fullRecord(), masked = page.maskedReference();
			assertEquals(5000, full.length());
			assertEquals(Lead.standardLabels(), full.leadNames());
			boolean[][] shown = new boolean[12][5000];
			for (GroundTruth.Segment s : page.truth().segments) {
				for (int i = s.startSample; i < s.endSample; i++) shown[s.region.lead.ordinal()][i] = true;
			}
			for (int c = 0; c < 12; c++) {
				for (int i = 0; i < 5000; i++) {
					double m = masked.channel(c)[i];
					if (shown[c][i]) assertEquals(full.channel(c)[i], m, 0, layout + " lead " + c + " sample " + i);
					else assertTrue(Double.isNaN(m), layout + " lead " + c + " sample " + i + " should be NaN");
				}
			}
		}
	}

	@Test
	void sameSeedSamePageDifferentSeedDifferentPage() {
		PageSpec spec = PageSpec.defaults().withDistortions("rotate,wrinkle,crease,stain,shadow,noise,jpeg");
		SyntheticPage a = PageGenerator.render(record, spec, 21), b = PageGenerator.render(record, spec, 21);
		assertArrayEquals(pixels(a), pixels(b));
		assertEquals(a.truth().toJsonText(), b.truth().toJsonText());
		SyntheticPage c = PageGenerator.render(record, spec, 22);
		assertFalse(java.util.Arrays.equals(pixels(a), pixels(c)));
	}

	@Test
	void sidecarAndRecordsRoundTrip() throws Exception {
		PageSpec spec = PageSpec.defaults().withDistortions("rotate,perspective,crease");
		SyntheticPage page = PageGenerator.render(record, spec, 4);
		page.write(dir, "ecg-4");
		for (Path p : SyntheticPage.files(dir, "ecg-4")) assertTrue(Files.isRegularFile(p), p + " missing");
		GroundTruth read = GroundTruth.read(dir.resolve("ecg-4.json"));
		GroundTruth t = page.truth();
		assertEquals(t.toJsonText(), read.toJsonText());
		assertEquals(t.rotationDegrees(), read.rotationDegrees(), 0);
		assertArrayEquals(t.homography(), read.homography(), 0);
		assertEquals(t.segments.size(), read.segments.size());
		for (int k = 0; k < t.segments.size(); k++) {
			GroundTruth.Segment s = t.segments.get(k), r = read.segments.get(k);
			assertEquals(s.region.lead, r.region.lead);
			assertEquals(s.region.baselineY, r.region.baselineY, 0);
			assertEquals(s.region.box, r.region.box);
			for (int i = 0; i < s.x.length; i++) {
				assertEquals(s.x[i], r.x[i], 0.005 + 1e-9);
				assertEquals(s.y[i], r.y[i], 0.005 + 1e-9);
			}
		}
		EcgRecord full = Wfdb.read(dir.resolve("ecg-4.hea"));
		EcgRecord masked = Wfdb.read(dir.resolve("ecg-4_masked.hea"));
		for (int c = 0; c < 12; c++) {
			assertArrayEquals(page.fullRecord().channel(c), full.channel(c), 0, "full record, lead " + c);
			assertArrayEquals(page.maskedReference().channel(c), masked.channel(c), 0, "masked, lead " + c);
		}
	}

	@Test
	void everyDistortionRunsAndChangesTheImage() {
		int[] clean = pixels(PageGenerator.render(record, PageSpec.defaults(), 8));
		for (Distortions.Kind kind : Distortions.Kind.values()) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withDistortions(Distortions.NONE.with(
				kind)), 8);
			int[] px = pixels(page);
			int changed = 0;
			for (int i = 0; i < px.length; i++) if (px[i] != clean[i]) changed++;
			assertTrue(changed > px.length / 1000, kind.id + " changed only " + changed + " pixels");
			assertTrue(page.truth().distortions.startsWith(kind.id + ":"));
		}
	}

	@Test
	void everyLayoutPaperAndResolutionRenders() {
		for (String layout : PageLayoutIds.ALL) {
			for (PageSpec.Paper paper : PageSpec.Paper.values()) {
				PageSpec spec = PageSpec.defaults().withLayout(layout).withPaper(paper).withDpi(100);
				SyntheticPage page = PageGenerator.render(record, spec, 2);
				PageLayout l = PageLayout.parse(layout);
				assertEquals(l.cells().size(), page.truth().segments.size());
				assertEquals(spec.widthPx(), page.image().getWidth());
			}
		}
		for (int dpi : new int[] { 72, 600 }) {
			SyntheticPage page = PageGenerator.render(record, PageSpec.defaults().withDpi(dpi).withSpeed(50).withGain(5),
				1);
			assertEquals(Math.round(279.4 * dpi / 25.4), page.image().getWidth());
			assertEquals(2500, page.fullRecord().length());
			assertEquals(5.0, page.truth().pageSeconds, 0);
		}
	}

	@Test
	void gridStylesAndColoursRender() {
		List<Integer> distinct = new ArrayList<>();
		for (PageSpec.GridStyle style : PageSpec.GridStyle.values()) {
			int[] px = pixels(PageGenerator.render(record, PageSpec.defaults().withGridStyle(style), 3));
			distinct.add(java.util.Arrays.hashCode(px));
		}
		assertEquals(3, distinct.stream().distinct().count());
		for (PageSpec.GridColor color : PageSpec.GridColor.values()) {
			PageGenerator.render(record, PageSpec.defaults().withGridColor(color).withDpi(72), 3);
		}
	}

	@Test
	void refusesRecordsWithoutTheTwelveLeadsOrTooShort() {
		EcgRecord two = new EcgRecord("two", 500, List.of("I", "II"), new double[][] { new double[5000],
			new double[5000] });
		EcgException e = assertThrows(EcgException.class, () -> PageGenerator.render(two, PageSpec.defaults(), 1));
		assertTrue(e.getMessage().contains("III"), e.getMessage());
		EcgRecord shortRecord = TestRecords.twelveLead(1, 500, 6);
		e = assertThrows(EcgException.class, () -> PageGenerator.render(shortRecord, PageSpec.defaults(), 1));
		assertTrue(e.getMessage().contains("6.00 s"), e.getMessage());
		// 5 s suffice at 50 mm/s
		PageGenerator.render(shortRecord, PageSpec.defaults().withSpeed(50).withDpi(72), 1);
	}

	@Test
	void distortionSpecsParse() {
		Distortions d = Distortions.parse("rotate:3, noise");
		assertEquals(3, d.strength(Distortions.Kind.ROTATE), 0);
		assertEquals(0.04, d.strength(Distortions.Kind.NOISE), 0);
		assertEquals(d, Distortions.parse(d.spec()));
		assertTrue(Distortions.parse("none").isEmpty());
		assertThrows(EcgException.class, () -> Distortions.parse("twist"));
		assertThrows(EcgException.class, () -> Distortions.parse("rotate:x"));
		assertThrows(EcgException.class, () -> Distortions.parse("wrinkle:50"));
		assertThrows(EcgException.class, () -> Distortions.parse("noise:-1"));
		assertNotEquals(Distortions.parse("rotate"), Distortions.parse("rotate:2"));
	}

	/** The layouts the generator must draw. */
	static final class PageLayoutIds {
		static final List<String> ALL = List.of("3x4", "3x4+1", "3x4+2", "3x4+3", "6x2", "12x1", "3x4+1/cabrera",
			"6x2/cabrera", "12x1/cabrera");
	}
}
