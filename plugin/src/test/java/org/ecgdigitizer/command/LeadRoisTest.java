package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.CalibrationPulse;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.Rectifier;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.trace.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

/** Lead boxes and traced paths through overlay ROIs: exact round trips and every kind of user edit. */
class LeadRoisTest {

	/** 10 px/mm, 25 mm/s, 10 mm/mV: 250 px per second, 100 px per mV. */
	static final double PPS = 250;
	static final double PX_PER_MV = 100;
	static final double X0 = 100;

	@TempDir
	Path dir;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** A 3x4+1 page laid out like the detector lays it out, with odd fractions so exactness shows. */
	static LeadLayout layout() {
		PageGeometry g = new PageGeometry(10, 10, PageGeometry.ScaleSource.GRID, 0, PageGeometry.AngleSource.GRID,
			Rectifier.Warp.rotation(0, 2700, 1000), 1, null, Double.NaN);
		PageLayout template = PageLayout.parse("3x4+1");
		List<LeadRegion> regions = new ArrayList<>();
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (int row = 0; row < 4; row++) {
			double top = 40.25 + row * 230.5;
			double baseline = top + 150.123456789;
			pulses.add(new CalibrationPulse(row, new Box(54, baseline - 100, 46, 100), baseline, 100, 50, 10, 10));
		}
		for (PageLayout.Cell c : template.cells()) {
			double t0 = c.startFraction(4) * 10;
			double t1 = c.endFraction(4) * 10;
			double top = 40.25 + c.row * 230.5;
			regions.add(new LeadRegion(c.lead, c.inverted, c.row, c.column, c.rhythm, t0, t1, new Box(X0 + t0 * PPS, top,
				(t1 - t0) * PPS, 230.5), top + 150.123456789, new Box(X0 + t0 * PPS + 3, top + 160, 20.5, 22), 0.875));
		}
		return new LeadLayout(template, "detected", regions, 25, "pulse", 10, "pulse", 10, X0, X0 + 10 * PPS, pulses,
			"labels", g, List.of("a warning"));
	}

	/** A trace per region: a wave with sub-pixel values, some short gaps and one long gap. */
	static List<Trace> traces(LeadLayout layout) {
		List<Trace> out = new ArrayList<>();
		for (LeadRegion r : layout.regions) {
			int x0 = (int) Math.floor(r.box.x);
			double[] ys = new double[(int) Math.ceil(r.box.maxX()) - x0];
			for (int i = 0; i < ys.length; i++) ys[i] = r.baselineY - 30 * Math.sin(i / 17.3 + r.row) + i * 1e-7;
			ys[0] = Double.NaN;
			ys[40] = Double.NaN; // a short gap
			Arrays.fill(ys, 200, 260, Double.NaN); // a long gap (6 mm)
			Arrays.fill(ys, 261, 280, Double.NaN); // so that column 260 stands alone
			ys[ys.length - 1] = Double.NaN;
			out.add(new Trace(r, x0, ys, 0.75 + r.column * 0.01));
		}
		return out;
	}

	static ImagePlus page() {
		return new ImagePlus("p-rectified", new ColorProcessor(2700, 1000));
	}

	static Roi find(ImagePlus page, String name, int type, int nth) {
		int seen = 0;
		for (Roi r : page.getOverlay().toArray()) {
			if (name.equals(r.getName()) && r.getType() == type && seen++ == nth) return r;
		}
		throw new AssertionError("no ROI " + name);
	}

	static void assertSameTraces(List<Trace> expect, List<Trace> got) {
		assertEquals(expect.size(), got.size());
		for (int i = 0; i < expect.size(); i++) {
			Trace a = expect.get(i);
			Trace b = got.get(i);
			assertEquals(Json.write(a.region.toJson(0)), Json.write(b.region.toJson(0)));
			assertEquals(a.x0, b.x0);
			assertArrayEquals(a.ys, b.ys, 0, a.region.label());
			assertEquals(a.confidence, b.confidence, 0);
		}
	}

	@Test
	void untouchedBoxesAndPathsReadBackExactly() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		LeadRois.showTraced(page, layout, traces);
		LeadRois.Reading r = LeadRois.read(page, layout);
		assertEquals(Json.write(layout.toJson()), Json.write(r.layout.toJson()));
		assertSameTraces(traces, r.traces);
		assertTrue(r.warnings.isEmpty(), r.warnings.toString());
		// long gaps split a trace, short ones do not; a lone value is a path of its own
		long iPaths = Arrays.stream(page.getOverlay().toArray()).filter(x -> "I".equals(x.getName()) && x
			.getType() == Roi.POLYLINE).count();
		assertEquals(3, iPaths);
		// pulses are drawn too, named so that they are not leads
		assertEquals(LeadRois.PULSE, find(page, "pulse 1", Roi.RECTANGLE, 0).getProperty(LeadRois.KIND));
		// a path has far fewer vertices than columns, and stays within a quarter pixel of every value
		Roi path = find(page, "I", Roi.POLYLINE, 0);
		assertTrue(path.getFloatPolygon().npoints < 100, path.getFloatPolygon().npoints + " vertices");
		double[] resampled = new double[traces.get(0).ys.length];
		Arrays.fill(resampled, Double.NaN);
		LeadRois.resample(path.getFloatPolygon(), traces.get(0).x0, resampled);
		int compared = 0;
		for (int i = 1; i < 200; i++) {
			if (Double.isNaN(traces.get(0).ys[i])) continue;
			assertEquals(traces.get(0).ys[i], resampled[i], LeadRois.PATH_TOLERANCE + 1e-4);
			compared++;
		}
		assertEquals(198, compared);
	}

	@Test
	void pageAndRoisSurviveATiffFile() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		PageProperties.setGeometry(page, layout.geometry);
		PageProperties.setLayout(page, layout);
		PageProperties.setRecordName(page, "p");
		LeadRois.showTraced(page, layout, traces);
		String file = dir.resolve("p-rectified.tif").toString();
		assertTrue(new FileSaver(page).saveAsTiff(file));
		ImagePlus back = IJ.openImage(file);
		LeadLayout stored = PageProperties.layout(back);
		assertEquals(Json.write(layout.toJson()), Json.write(stored.toJson()));
		assertEquals(Json.write(layout.geometry.toJson()), Json.write(PageProperties.geometry(back).toJson()));
		assertEquals("p", PageProperties.recordName(back));
		assertEquals("mm", back.getCalibration().getUnit());
		assertEquals(0.1, back.getCalibration().pixelWidth, 1e-12);
		LeadRois.Reading r = LeadRois.read(back, stored);
		assertSameTraces(traces, r.traces);
	}

	@Test
	void aMovedBoxCarriesItsTimesBaselineAndLabel() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi v1 = find(page, "V1", Roi.RECTANGLE, 0);
		LeadRegion before = layout.regions.get(2);
		assertEquals(Lead.V1, before.lead);
		v1.setLocation(v1.getXBase() + 25, v1.getYBase() - 10);
		LeadRegion after = LeadRois.read(page, layout).layout.regions.get(2);
		assertEquals(before.startSeconds + 0.1, after.startSeconds, 1e-9);
		assertEquals(before.endSeconds + 0.1, after.endSeconds, 1e-9);
		assertEquals(before.baselineY - 10, after.baselineY, 1e-9);
		assertEquals(before.labelBox.x + 25, after.labelBox.x, 1e-9);
		assertEquals(before.box.y - 10, after.box.y, 1e-9);
		assertEquals(1, after.confidence, 0, "placed by the user");
	}

	@Test
	void aResizedBoxMovesItsTimesWithItsEdgesAndKeepsItsBaseline() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi v1 = find(page, "V1", Roi.RECTANGLE, 0);
		LeadRegion before = layout.regions.get(2);
		Roi bigger = new Roi(v1.getXBase(), v1.getYBase() - 20, v1.getFloatWidth() + 50, v1.getFloatHeight() + 20);
		bigger.setName("V1");
		bigger.setProperties(v1.getProperties());
		replace(page, v1, bigger);
		LeadRegion after = LeadRois.read(page, layout).layout.regions.get(2);
		assertEquals(before.startSeconds, after.startSeconds, 1e-9);
		assertEquals(before.endSeconds + 0.2, after.endSeconds, 1e-9);
		assertEquals(before.baselineY, after.baselineY, 0);
		assertEquals(before.labelBox.x, after.labelBox.x, 0);
	}

	static void replace(ImagePlus page, Roi old, Roi now) {
		Overlay o = page.getOverlay();
		o.set(now, Arrays.asList(o.toArray()).indexOf(old));
	}

	@Test
	void aNewBoxNamedAfterALeadTakesTheLayoutsDefaults() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi v2 = find(page, "V2", Roi.RECTANGLE, 0);
		page.getOverlay().remove(v2);
		// drawn by hand a little off the printed segment
		Roi drawn = new Roi(X0 + 5.1 * PPS, 300, 2.3 * PPS, 180);
		drawn.setName("V2");
		page.getOverlay().add(drawn);
		LeadLayout read = LeadRois.read(page, layout).layout;
		LeadRegion v2Region = read.regions.get(read.regions.size() - 1);
		LeadRegion printed = layout.regions.get(6);
		assertEquals(Lead.V2, printed.lead);
		assertEquals(Lead.V2, v2Region.lead);
		assertEquals(5.0, v2Region.startSeconds, 0, "the template's window for V2");
		assertEquals(7.5, v2Region.endSeconds, 0);
		assertEquals(printed.baselineY, v2Region.baselineY, 0, "the baseline of the row it lies in");
		assertEquals(printed.row, v2Region.row);
		assertEquals(2, v2Region.column);
		assertFalse(v2Region.rhythm);
		assertNull(v2Region.labelBox);

		// a full-width box in the last row is a rhythm strip
		Roi strip = new Roi(X0, 40.25 + 3 * 230.5 + 10, 10 * PPS, 200);
		strip.setName("V5");
		page.getOverlay().add(strip);
		LeadLayout withStrip = LeadRois.read(page, layout).layout;
		LeadRegion s = withStrip.regions.get(withStrip.regions.size() - 1);
		assertTrue(s.rhythm);
		assertEquals(0, s.startSeconds, 0);
		assertEquals(10, s.endSeconds, 0);
		assertEquals(3, s.row);
		assertEquals(layout.regions.get(12).baselineY, s.baselineY, 0);
	}

	@Test
	void propertiesTypedByTheUserCount() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi v1 = find(page, "V1", Roi.RECTANGLE, 0);
		v1.setProperty("baseline_y", "123.5");
		v1.setProperty("start_s", "5.5");
		LeadRegion r = LeadRois.read(page, layout).layout.regions.get(2);
		assertEquals(123.5, r.baselineY, 0);
		assertEquals(5.5, r.startSeconds, 0);
		v1.setProperty("baseline_y", "low");
		EcgException e = assertThrows(EcgException.class, () -> LeadRois.read(page, layout));
		assertTrue(e.getMessage().contains("baseline_y") && e.getMessage().contains("V1"), e.getMessage());
		v1.setProperty("baseline_y", "123.5");
		v1.setName("V7");
		e = assertThrows(EcgException.class, () -> LeadRois.read(page, layout));
		assertTrue(e.getMessage().contains("'V7'"), e.getMessage());
	}

	@Test
	void anInvertedLeadIsNamedWithAMinus() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi avr = find(page, "aVR", Roi.RECTANGLE, 0);
		avr.setName("-aVR");
		LeadRegion r = LeadRois.read(page, layout).layout.regions.get(1);
		assertEquals(Lead.AVR, r.lead);
		assertTrue(r.inverted);
	}

	@Test
	void theSelectionReplacesTheOverlayBoxItWasCopiedFrom() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		LeadRois.showLayout(page, layout);
		Roi v1 = find(page, "V1", Roi.RECTANGLE, 0);
		Roi selection = (Roi) v1.clone();
		selection.setLocation(selection.getXBase(), selection.getYBase() + 7);
		page.setRoi(selection);
		List<LeadRegion> regions = LeadRois.read(page, layout).layout.regions;
		assertEquals(layout.regions.size(), regions.size());
		assertEquals(layout.regions.get(2).baselineY + 7, regions.get(2).baselineY, 1e-9);

		// a new selection named after a lead is an added box
		Roi added = new Roi(X0 + 5 * PPS, 300, 2.5 * PPS, 200);
		added.setName("V2");
		page.setRoi(added);
		assertEquals(layout.regions.size() + 1, LeadRois.read(page, layout).layout.regions.size());
	}

	@Test
	void aDeletedBoxIsGoneAndItsPathsAreReported() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		LeadRois.showTraced(page, layout, traces);
		page.getOverlay().remove(find(page, "V1", Roi.RECTANGLE, 0));
		LeadRois.Reading r = LeadRois.read(page, layout);
		assertEquals(layout.regions.size() - 1, r.layout.regions.size());
		assertTrue(r.layout.regions.stream().noneMatch(x -> x.lead == Lead.V1));
		assertEquals(layout.regions.size() - 1, r.traces.size());
		assertTrue(r.warnings.stream().anyMatch(w -> w.contains("path 'V1'")), r.warnings.toString());
	}

	@Test
	void editedPathsCountAsDrawn() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		LeadRois.showTraced(page, layout, traces);
		// shift every path of V2 up by 10 px
		for (Roi roi : page.getOverlay().toArray()) {
			if ("V2".equals(roi.getName()) && roi.getType() == Roi.POLYLINE) {
				roi.setLocation(roi.getXBase(), roi.getYBase() - 10);
			}
		}
		LeadRois.Reading r = LeadRois.read(page, layout);
		Trace before = traces.get(6);
		Trace after = r.traces.get(6);
		assertEquals(Lead.V2, after.region.lead);
		int compared = 0;
		for (int i = 0; i < before.ys.length; i++) {
			int k = before.x0 + i - after.x0;
			if (Double.isNaN(before.ys[i])) continue;
			assertEquals(before.ys[i] - 10, after.ys[k], LeadRois.PATH_TOLERANCE + 1e-3);
			compared++;
		}
		assertTrue(compared > 500);
		// the short gap is bridged by the polyline, the long one stays open
		assertFalse(Double.isNaN(after.ys[before.x0 + 40 - after.x0]));
		assertTrue(Double.isNaN(after.ys[before.x0 + 230 - after.x0]));
		// the other leads are untouched
		assertArrayEquals(traces.get(5).ys, r.traces.get(5).ys, 0);
	}

	@Test
	void aNewLineNamedAfterALeadIsItsPath() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		LeadRois.showTraced(page, layout, traces);
		for (Roi roi : page.getOverlay().toArray()) {
			if ("V3".equals(roi.getName()) && roi.getType() == Roi.POLYLINE) page.getOverlay().remove(roi);
		}
		LeadRegion v3 = layout.regions.get(10);
		assertEquals(Lead.V3, v3.lead);
		// a straight line 2 mV above the baseline, in ImageJ's pixel-centre coordinates
		double y = v3.baselineY - 2 * PX_PER_MV - 0.5;
		Line line = new Line(v3.box.x, y, v3.box.maxX() - 1, y);
		line.setName("V3");
		page.getOverlay().add(line);
		Trace t = LeadRois.read(page, layout).traces.get(10);
		int finite = 0;
		for (double v : t.ys) {
			if (Double.isNaN(v)) continue;
			assertEquals(v3.baselineY - 2 * PX_PER_MV, v, 1e-3);
			finite++;
		}
		assertEquals(v3.box.width, finite, 1);
		assertEquals(1, t.confidence, 0.01);
	}

	@Test
	void deletedPathsLeaveTheBoxEmpty() {
		LeadLayout layout = layout();
		List<Trace> traces = traces(layout);
		ImagePlus page = page();
		LeadRois.showTraced(page, layout, traces);
		for (Roi roi : page.getOverlay().toArray()) {
			if ("V4".equals(roi.getName()) && roi.getType() == Roi.POLYLINE) page.getOverlay().remove(roi);
		}
		Trace t = LeadRois.read(page, layout).traces.get(3);
		assertEquals(Lead.V4, t.region.lead);
		assertEquals(0, t.coverage(), 0);
		assertEquals(0, t.confidence, 0);

		// a box added after tracing has no path
		Roi added = new Roi(X0, 300, 2.5 * PPS, 200);
		added.setName("II");
		page.getOverlay().add(added);
		LeadRois.Reading r = LeadRois.read(page, layout);
		assertEquals(layout.regions.size() + 1, r.layout.regions.size());
		assertEquals(layout.regions.size(), r.traces.size());
		assertTrue(r.warnings.stream().anyMatch(w -> w.startsWith("II") && w.contains("no traced path")), r.warnings
			.toString());
	}

	@Test
	void theUsersOwnRoisStay() {
		LeadLayout layout = layout();
		ImagePlus page = page();
		Overlay mine = new Overlay();
		Roi note = new Roi(1, 1, 10, 10);
		note.setName("my note");
		mine.add(note);
		page.setOverlay(mine);
		LeadRois.showLayout(page, layout);
		LeadRois.showTraced(page, layout, traces(layout));
		assertTrue(page.getOverlay().contains(note));
		assertEquals(layout.regions.size(), LeadRois.read(page, layout).layout.regions.size());
	}
}
