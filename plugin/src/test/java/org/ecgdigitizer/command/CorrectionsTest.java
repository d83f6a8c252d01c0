package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

/**
 * The correction path on a real page: what the user changes in the overlay between stages is what
 * the later stages use.
 */
class CorrectionsTest {

	static Context context;
	/** The rectified page, made once. */
	static ImagePlus rectified;
	/** The record with nothing corrected. */
	static ResultsTable plain;
	static double pxPerMv;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		context = new Context();
		context.service(LogService.class).setLevel(LogLevel.ERROR);
		ImagePlus scan = StageCommandsTest.seedPage();
		rectified = Fiji.output(Fiji.run(context, PreprocessCommand.class, "image", scan), "rectified");
		ImagePlus page = detected();
		run(ExtractTracesCommand.class, page);
		plain = signals(page);
		pxPerMv = PageProperties.layout(page).pxPerMv();
	}

	@AfterAll
	static void stop() {
		context.dispose();
		rectified = null;
		plain = null;
	}

	/** A fresh copy of the rectified page with lead boxes. */
	static ImagePlus detected() {
		ImagePlus page = new ImagePlus(rectified.getTitle(), rectified.getProcessor().duplicate());
		page.setCalibration(rectified.getCalibration());
		for (String key : new String[] { PageProperties.GEOMETRY, PageProperties.RECORD }) {
			page.setProp(key, rectified.getProp(key));
		}
		run(DetectLeadsCommand.class, page, "layout", "auto");
		return page;
	}

	static Module run(Class<? extends org.scijava.command.Command> command, ImagePlus page, Object... more) {
		Object[] inputs = new Object[more.length + 2];
		inputs[0] = "page";
		inputs[1] = page;
		System.arraycopy(more, 0, inputs, 2, more.length);
		Module m = Fiji.run(context, command, inputs);
		assertNull(Fiji.canceled(m), command.getSimpleName());
		return m;
	}

	static ResultsTable signals(ImagePlus page) {
		return ((DigitizeSignalsCommand) Fiji.command(run(DigitizeSignalsCommand.class, page, "fs", "500")))
			.getSignals();
	}

	static List<Roi> rois(ImagePlus page, String name, int type) {
		List<Roi> out = new ArrayList<>();
		for (Roi r : page.getOverlay().toArray()) if (name.equals(r.getName()) && r.getType() == type) out.add(r);
		return out;
	}

	static Roi box(ImagePlus page, String lead) {
		List<Roi> boxes = rois(page, lead, Roi.RECTANGLE);
		assertEquals(1, boxes.size(), lead);
		return boxes.get(0);
	}

	static void assertSameExcept(ResultsTable a, ResultsTable b, Lead... changed) {
		for (Lead lead : Lead.values()) {
			if (Arrays.asList(changed).contains(lead)) continue;
			assertArrayEquals(a.getColumn(lead.label()), b.getColumn(lead.label()), 1e-9, lead.label());
		}
	}

	static int finite(double[] v) {
		int n = 0;
		for (double x : v) if (Double.isFinite(x)) n++;
		return n;
	}

	@Test
	void deletingALeadBoxLeavesThatLeadEmpty() {
		ImagePlus page = detected();
		page.getOverlay().remove(box(page, "V1"));
		run(ExtractTracesCommand.class, page);
		ResultsTable t = signals(page);
		assertEquals(0, finite(t.getColumn("V1")));
		assertTrue(finite(plain.getColumn("V1")) > 1000);
		assertArrayEquals(plain.getColumn("II"), t.getColumn("II"), 1e-9);
	}

	@Test
	void aBoxMovedDownCarriesItsBaseline() {
		ImagePlus page = detected();
		Roi v1 = box(page, "V1");
		v1.setLocation(v1.getXBase(), v1.getYBase() + 10);
		run(ExtractTracesCommand.class, page);
		double[] before = plain.getColumn("V1");
		double[] after = signals(page).getColumn("V1");
		// the same ink measured from a zero line 10 px lower
		List<Double> diffs = new ArrayList<>();
		for (int k = 0; k < before.length; k++) {
			if (Double.isFinite(before[k]) && Double.isFinite(after[k])) diffs.add(after[k] - before[k]);
		}
		assertTrue(diffs.size() > 1000);
		diffs.sort(Double::compare);
		assertEquals(10 / pxPerMv, diffs.get(diffs.size() / 2), 1e-6);
		assertEquals(10 / pxPerMv, diffs.get(diffs.size() / 20), 0.02);
		assertEquals(10 / pxPerMv, diffs.get(diffs.size() * 19 / 20), 0.02);
	}

	@Test
	void aBoxDrawnByHandGetsTheLayoutsWindowAndBaseline() {
		ImagePlus page = detected();
		Roi v1 = box(page, "V1");
		page.getOverlay().remove(v1);
		// roughly where V1 is, a little short at both ends
		Roi drawn = new Roi(v1.getXBase() + 12, v1.getYBase() + 5, v1.getFloatWidth() - 20, v1.getFloatHeight() - 15);
		drawn.setName("V1");
		page.getOverlay().add(drawn);
		run(ExtractTracesCommand.class, page);
		double[] before = plain.getColumn("V1");
		double[] after = signals(page).getColumn("V1");
		int both = 0;
		double sum = 0;
		for (int k = 0; k < before.length; k++) {
			// V1 is the third column of 3x4: 5 to 7.5 s
			if (k < 2500 || k >= 3750) assertFalse(Double.isFinite(after[k]), "sample " + k);
			if (Double.isFinite(before[k]) && Double.isFinite(after[k])) {
				both++;
				sum += Math.abs(after[k] - before[k]);
			}
		}
		assertTrue(both > 1000, "V1 keeps its window (2.5 s at 500 Hz)");
		assertTrue(sum / both < 0.01, "mean difference " + sum / both + " mV");
	}

	@Test
	void aPathMovedUpShiftsItsLeadAndNothingElse() {
		ImagePlus page = detected();
		run(ExtractTracesCommand.class, page);
		List<Roi> paths = rois(page, "V2", Roi.POLYLINE);
		assertTrue(paths.size() >= 1);
		for (Roi p : paths) p.setLocation(p.getXBase(), p.getYBase() - 10);
		ResultsTable t = signals(page);
		// a path edited by hand is read from its vertices (one per column), without the tracer's
		// path within columns: compare with the same paths read as drawn, where they were
		ImagePlus same = detected();
		run(ExtractTracesCommand.class, same);
		for (Roi p : rois(same, "V2", Roi.POLYLINE)) p.setProperty("trace_y", null);
		double[] before = signals(same).getColumn("V2");
		double[] after = t.getColumn("V2");
		int compared = 0;
		for (int k = 0; k < before.length; k++) {
			if (!Double.isFinite(before[k]) || !Double.isFinite(after[k])) continue;
			// a moved path is read as drawn: within a quarter pixel of the trace it was thinned from
			assertEquals(before[k] + 10 / pxPerMv, after[k], (LeadRois.PATH_TOLERANCE + 1e-3) / pxPerMv, "sample " + k);
			compared++;
		}
		assertTrue(compared > 1000);
		assertSameExcept(plain, t, Lead.V2);
	}

	@Test
	void aLineDrawnInPlaceOfAPathIsUsed() {
		ImagePlus page = detected();
		run(ExtractTracesCommand.class, page);
		for (Roi p : rois(page, "V3", Roi.POLYLINE)) page.getOverlay().remove(p);
		LeadRegion v3 = PageProperties.layout(page).regions.stream().filter(r -> r.lead == Lead.V3).findFirst().get();
		// 1 mV above the zero line, in ImageJ's pixel-centre coordinates
		double y = v3.baselineY - pxPerMv - 0.5;
		Line line = new Line(v3.box.x, y, v3.box.maxX(), y);
		line.setName("V3");
		page.getOverlay().add(line);
		ResultsTable t = signals(page);
		double[] v = t.getColumn("V3");
		int n = 0;
		for (int k = 0; k < v.length; k++) {
			if (!Double.isFinite(v[k])) continue;
			assertEquals(1.0, v[k], 1e-6, "sample " + k);
			assertTrue(k >= v3.startSeconds * 500 && k < v3.endSeconds * 500, "sample " + k);
			n++;
		}
		// the box ends a few pixels short of the window's end, like the printed segment
		assertTrue(n >= 0.99 * 1250, n + " samples");
		assertSameExcept(plain, t, Lead.V3);
	}

	@Test
	void editsSurviveSavingThePageAsTiff() {
		ImagePlus page = detected();
		page.getOverlay().remove(box(page, "V1"));
		String file = dir.resolve("page.tif").toString();
		assertTrue(new FileSaver(page).saveAsTiff(file));
		ImagePlus back = IJ.openImage(file);
		run(ExtractTracesCommand.class, back);
		assertTrue(new FileSaver(back).saveAsTiff(file));
		ImagePlus traced = IJ.openImage(file);
		ResultsTable t = signals(traced);
		assertEquals(0, finite(t.getColumn("V1")));
		assertSameExcept(plain, t, Lead.V1);
		LeadLayout layout = PageProperties.layout(traced);
		assertEquals(12, layout.regions.size());
	}
}
