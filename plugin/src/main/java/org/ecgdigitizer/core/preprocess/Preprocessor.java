package org.ecgdigitizer.core.preprocess;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;

/**
 * Stage 1: finds the grid, measures scale and tilt, rectifies the page and separates ink
 * from grid and paper.
 */
public final class Preprocessor {

	/** Tilts below this are left alone: rotating would only blur the page. */
	static final double MIN_ROTATION_DEG = 0.02;
	/** A perspective fit whose tile pitches miss by more than this (relative, rms) is not trusted. */
	static final double MAX_PERSPECTIVE_MISFIT = 0.03;
	/** A rectified photo may hold at most this many times the pixels of the original. */
	static final double MAX_GROWTH = 2.5;
	/** Pages larger than this are box-averaged by a whole factor before anything else. */
	static final long MAX_WORKING_PIXELS = 9_000_000;
	/**
	 * An ECG printout is thin pen lines and some text on paper: its ink covers a few percent of the
	 * page (at most 5% on the real pages and ecg-image-kit's), so a page with a fifth of it dark is a
	 * photograph, a dark scan or noise, not a chart to trace.
	 */
	static final double MAX_INK_SHARE = 0.2;

	private Preprocessor() {}

	/**
	 * @param page the page as read (ARGB; alpha ignored)
	 * @param fileDpi the file's resolution if known, else NaN
	 */
	public static PreparedPage run(ArrayImg<ARGBType, IntArray> page, double fileDpi, Progress progress) {
		return run(page, fileDpi, InkSource.RULES, progress);
	}

	/**
	 * @param page the page as read (ARGB; alpha ignored)
	 * @param fileDpi the file's resolution if known, else NaN
	 * @param inkSource how ink is told from grid and paper
	 */
	public static PreparedPage run(ArrayImg<ARGBType, IntArray> page, double fileDpi, InkSource inkSource,
		Progress progress)
	{
		int w = (int) page.dimension(0);
		int h = (int) page.dimension(1);
		int[] rgb = page.update(null).getCurrentStorageArray();
		// Very large scans and photos are worked on at a reduced size: a 600 dpi page holds nothing a
		// 200 dpi copy lacks for digitizing, and memory stays bounded.
		int shrink = (int) Math.ceil(Math.sqrt((double) w * h / MAX_WORKING_PIXELS));
		if (shrink > 1) {
			rgb = Planes.downsampleRgb(rgb, w, h, shrink);
			w /= shrink;
			h /= shrink;
			fileDpi /= shrink;
		}
		else {
			shrink = 1;
		}
		progress.status("Finding the grid");
		float[] plane = Planes.gridPlane(rgb);
		GridEstimate grid = GridAnalysis.analyze(plane, w, h, fileDpi);
		double pitchGuess = Double.isNaN(grid.pxPerMmX) || Double.isNaN(grid.pxPerMmY) ? Double.NaN : Math.sqrt(
			grid.pxPerMmX * grid.pxPerMmY);
		progress.status("Measuring perspective");
		Perspective.Fit perspective = Perspective.estimate(plane, w, h, pitchGuess, grid.angleDeg(), grid.found);
		plane = null;
		if (perspective != null) grid = grid.withCoverage(perspective.coverage());
		int paper = Rectifier.paperColour(rgb);
		Rectifier.Warp warp;
		double perspectiveScale = Double.NaN;
		double angle;
		PageGeometry.AngleSource angleSource;
		if (perspective != null && perspective.rmsPitchError < MAX_PERSPECTIVE_MISFIT && (perspective
			.needsPerspective() || !grid.found))
		{
			// a photographed page: map it onto paper millimetres at the scale of its centre
			Homography toPaper = perspective.imageToPaper;
			double[] j = toPaper.jacobian(w / 2.0, h / 2.0);
			double scale = 1 / Math.sqrt(Math.abs(j[0] * j[3] - j[1] * j[2]));
			perspectiveScale = scale;
			angle = Math.toDegrees(Math.atan(-j[2] / j[3]));
			Homography toRectified = toPaper.then(new Homography(new double[] { scale, 0, 0, 0, scale, 0, 0, 0, 1 }));
			warp = Rectifier.Warp.homography(toRectified, w, h, angle, (long) (MAX_GROWTH * w * h));
			angleSource = PageGeometry.AngleSource.GRID;
		}
		else {
			if (grid.found) {
				angle = grid.angleDeg();
				angleSource = PageGeometry.AngleSource.GRID;
			}
			else {
				// Without a grid, the trace baselines and text rows are the page's horizontal lines.
				float[] dark = Planes.clippedDarkness(Planes.darkness(rgb), 0.97);
				angle = Math.toDegrees(Math.atan(GridAnalysis.coarseTan(dark, w, h)));
				angleSource = PageGeometry.AngleSource.TRACES;
			}
			if (Math.abs(angle) < MIN_ROTATION_DEG) {
				angle = 0;
				if (angleSource == PageGeometry.AngleSource.TRACES) angleSource = PageGeometry.AngleSource.NONE;
			}
			warp = Rectifier.Warp.rotation(angle, w, h);
		}
		progress.fraction(0.4);
		progress.status("Rectifying");
		int[] rectified = Rectifier.warp(rgb, warp, paper);
		if (!warp.fromSource.isAffine()) {
			// The page is flat now, at perspectiveScale px/mm by construction; read its grid again for a
			// finer pitch, and keep that only when it agrees.
			GridEstimate again = GridAnalysis.analyze(Planes.gridPlane(rectified), warp.width, warp.height,
				perspectiveScale * 25.4, 0, 1, perspectiveScale);
			boolean agrees = again.found && Math.abs(again.pxPerMmX / perspectiveScale - 1) < 0.03 && Math.abs(
				again.pxPerMmY / perspectiveScale - 1) < 0.03;
			grid = agrees ? again.withCoverage(grid.coverage) : new GridEstimate(true, 0, 0, perspectiveScale,
				perspectiveScale, again.strengthX, again.strengthY, false, false, grid.coverage);
		}
		PaperDisplacement.Field displacement = null;
		if (grid.found) {
			// a wrinkled, curled or folded sheet: where its grid strays from one lattice, the paper moved
			progress.status("Measuring paper displacement");
			displacement = PaperDisplacement.measure(rectified, warp.width, warp.height, grid.pxPerMmX, grid.pxPerMmY);
			if (displacement != null && displacement.worthUndoing()) {
				rectified = Rectifier.warp(rgb, warp, paper, displacement);
			}
		}
		progress.fraction(0.6);
		progress.status("Separating ink from grid");
		double pitch = grid.found ? grid.pxPerMmX : Double.NaN;
		InkModel.Result ink = inkSource.separate(rectified, warp.width, warp.height, pitch, grid.found ? grid.pxPerMmY
			: Double.NaN, warp);
		checkInkShare(ink.ink);
		Orientation.Reading orientation = Orientation.read(ink.ink, warp.width, warp.height, Double.isNaN(pitch) ? Math
			.max(warp.width, warp.height) / 280.0 : pitch);
		if (orientation.sideways) {
			// the page lies on its side: turn it so its traces run left to right
			rectified = Orientation.turnClockwise(rectified, warp.width, warp.height);
			ink = ink.turnedClockwise(warp.width, warp.height);
			warp = warp.turnedClockwise();
			angle += 90;
			grid = grid.turned();
		}
		progress.fraction(1);
		double pxX;
		double pxY;
		PageGeometry.ScaleSource source;
		if (grid.found) {
			pxX = grid.pxPerMmX;
			pxY = grid.pxPerMmY;
			source = PageGeometry.ScaleSource.GRID;
		}
		else if (!Double.isNaN(fileDpi) && fileDpi > 100) {
			pxX = pxY = fileDpi / 25.4;
			source = PageGeometry.ScaleSource.DPI;
		}
		else {
			// Lead detection measures it from the calibration pulse, or gives up.
			pxX = pxY = Double.NaN;
			source = PageGeometry.ScaleSource.UNKNOWN;
		}
		PageGeometry geometry = new PageGeometry(pxX, pxY, source, angle, angleSource, warp, shrink, grid.found
			? grid : null, fileDpi, orientation, displacement).withInkModel(ink.model);
		return new PreparedPage(rectified, ink.ink, ink.density, geometry, ink);
	}

	/** Refuses a page whose ink is too much of it to be pen traces on paper. */
	static void checkInkShare(float[] ink) {
		long inked = 0;
		for (float p : ink) if (p > InkModel.MASK_THRESHOLD) inked++;
		double share = inked / (double) ink.length;
		if (share > MAX_INK_SHARE) throw new EcgException(String.format(java.util.Locale.ROOT,
			"%.0f%% of the image reads as ink, but an ECG printout's traces and text cover a few percent; check " +
				"that the image is an ECG page on light paper, not a photograph or a dark or noisy scan", 100 * share));
	}
}
