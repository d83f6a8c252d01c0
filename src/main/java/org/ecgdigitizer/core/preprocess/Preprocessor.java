package org.ecgdigitizer.core.preprocess;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.Progress;

/**
 * Stage 1: finds the grid, measures scale and tilt, rectifies the page and separates ink
 * from grid and paper.
 */
public final class Preprocessor {

	/** Tilts below this are left alone: rotating would only blur the page. */
	static final double MIN_ROTATION_DEG = 0.02;

	private Preprocessor() {}

	/**
	 * @param page the page as read (ARGB; alpha ignored)
	 * @param fileDpi the file's resolution if known, else NaN
	 */
	public static PreparedPage run(ArrayImg<ARGBType, IntArray> page, double fileDpi, Progress progress) {
		int w = (int) page.dimension(0);
		int h = (int) page.dimension(1);
		int[] rgb = page.update(null).getCurrentStorageArray();
		progress.status("Finding the grid");
		GridEstimate grid = GridAnalysis.analyze(Planes.gridPlane(rgb), w, h, fileDpi);
		double angle;
		PageGeometry.AngleSource angleSource;
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
		progress.fraction(0.4);
		progress.status("Rectifying");
		Rectifier.Rotation rotation = new Rectifier.Rotation(angle, w, h);
		int[] rectified = Rectifier.rotate(rgb, rotation, Rectifier.paperColour(rgb));
		progress.fraction(0.6);
		progress.status("Separating ink from grid");
		InkModel.Result ink = InkModel.compute(rectified, rotation.width, rotation.height, grid.found ? grid.pxPerMmX
			: Double.NaN);
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
		PageGeometry geometry = new PageGeometry(pxX, pxY, source, angle, angleSource, rotation, grid.found ? grid
			: null, fileDpi);
		return new PreparedPage(rectified, ink.ink, geometry, ink);
	}
}
