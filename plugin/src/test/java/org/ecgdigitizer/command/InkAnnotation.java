package org.ecgdigitizer.command;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.FileSaver;

/** Small annotated pages for the ink classifier commands: what a user would draw, from the ground truth. */
final class InkAnnotation {

	static final int DPI = 100;
	static final double PX_PER_MM = DPI / 25.4;

	private InkAnnotation() {}

	static PageSpec spec() {
		return PageSpec.defaults().withDpi(DPI).withLayout("3x4").withHeader(false).withDistortions("noise:0.02");
	}

	static SyntheticPage page(long seed) {
		return PageGenerator.render(PageGenerator.synthesize(seed, 250, "ink" + seed), spec(), seed);
	}

	/**
	 * The page with lines over two traces, a grid line, a line of bare paper between grid lines and a
	 * box over a label, each named after its class, in its overlay; saved as annotated.tif.
	 */
	static Path annotatedPage(Path dir, long seed) {
		SyntheticPage page = page(seed);
		GroundTruth truth = page.truth();
		ImagePlus imp = ImagePlusAdapter.toImagePlus(ImageFiles.toRgb(page.image()), "annotated");
		ImagePlusAdapter.calibrateMm(imp, PX_PER_MM, PX_PER_MM);
		Overlay overlay = new Overlay();
		for (int s = 0; s < 2; s++) {
			GroundTruth.Segment seg = truth.segments.get(s);
			int n = Math.min(seg.x.length, 200);
			float[] xs = new float[n], ys = new float[n];
			for (int i = 0; i < n; i++) {
				xs[i] = (float) seg.x[i];
				ys[i] = (float) seg.y[i];
			}
			overlay.add(named(new PolygonRoi(xs, ys, Roi.POLYLINE), "trace"));
		}
		double[] grid = org.ecgdigitizer.core.io.Json.doubles(truth.page.get("grid_origin_px"));
		double gx = grid[0] + 25 * PX_PER_MM;
		double gy = grid[1] + 5.5 * PX_PER_MM;
		overlay.add(named(new Line(gx, grid[1] + 2, gx, imp.getHeight() - 40), "grid"));
		overlay.add(named(new Line(grid[0] + 10, gy, imp.getWidth() - 40, gy), "paper"));
		for (GroundTruth.Segment seg : truth.segments) {
			Box b = seg.region.labelBox;
			if (b != null) overlay.add(named(new Roi(b.x, b.y, b.width, b.height), "text"));
		}
		imp.setOverlay(overlay);
		Path file = dir.resolve("annotated.tif");
		new FileSaver(imp).saveAsTiff(file.toString());
		return file;
	}

	private static Roi named(Roi roi, String name) {
		roi.setName(name);
		return roi;
	}

	/** Mean P(trace) (slice 1) on page {@code seed}'s trace samples and on its bare paper between grid lines. */
	static double[] meanOnTraceAndPaper(ImagePlus classes, long seed) {
		SyntheticPage page = page(seed);
		GroundTruth truth = page.truth();
		ij.process.ImageProcessor p = classes.getStack().getProcessor(1);
		double onTrace = 0;
		int n = 0;
		for (GroundTruth.Segment seg : truth.segments) {
			for (int i = 0; i < seg.x.length; i += 5) {
				if (Double.isNaN(seg.x[i])) continue;
				onTrace += p.getf((int) seg.x[i], (int) seg.y[i]);
				n++;
			}
		}
		double[] grid = org.ecgdigitizer.core.io.Json.doubles(truth.page.get("grid_origin_px"));
		double onPaper = 0;
		int m = 0;
		for (int k = 0; k < 40; k++) {
			int x = (int) (grid[0] + (k * 5 + 2.5) * PX_PER_MM);
			int y = (int) (grid[1] + 2.5 * PX_PER_MM);
			if (x >= classes.getWidth()) break;
			onPaper += p.getf(x, y);
			m++;
		}
		BufferedImage unused = null;
		return new double[] { onTrace / n, onPaper / m };
	}
}
