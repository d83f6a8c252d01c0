package org.ecgdigitizer.command;

import java.awt.image.BufferedImage;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.trace.Trace;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Moves images between ImageJ 1.x and the core's BufferedImage / ImgLib2 views. RGB images share
 * their pixel array (no copy); other types are converted to RGB first.
 */
public final class ImagePlusAdapter {

	private ImagePlusAdapter() {}

	/** An RGB ImagePlus sharing the pixels of a TYPE_INT_RGB image. */
	public static ImagePlus toImagePlus(BufferedImage rgb, String title) {
		ArrayImg<ARGBType, IntArray> img = ImageFiles.asImg(rgb);
		int[] pixels = img.update(null).getCurrentStorageArray();
		return new ImagePlus(title, new ColorProcessor(rgb.getWidth(), rgb.getHeight(), pixels));
	}

	/** A zero-copy ARGB view of an RGB ImagePlus's current slice; other types are converted to a new RGB array. */
	public static ArrayImg<ARGBType, IntArray> toImg(ImagePlus imp) {
		ImageProcessor ip = imp.getProcessor();
		ColorProcessor cp = ip instanceof ColorProcessor ? (ColorProcessor) ip : ip.convertToColorProcessor();
		return ArrayImgs.argbs((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight());
	}

	/** A TYPE_INT_RGB image sharing the pixels of an RGB ImagePlus (converted when not RGB). */
	public static BufferedImage toBufferedImage(ImagePlus imp) {
		return ImageFiles.asBufferedImage(toImg(imp));
	}

	/** The ink probability (0..1) as a 32-bit image sharing its values, calibrated in mm. */
	public static ImagePlus inkProbability(PreparedPage page, String title) {
		FloatProcessor fp = new FloatProcessor(page.width(), page.height(), page.inkPixels());
		fp.setMinAndMax(0, 1);
		ImagePlus imp = new ImagePlus(title, fp);
		calibrateMm(imp, page.geometry.pxPerMmX, page.geometry.pxPerMmY);
		return imp;
	}

	/**
	 * The traced paths as a binary image (255 on the path, 0 elsewhere): each column's centre joined
	 * to the next, gaps left open.
	 */
	public static ImagePlus traceMask(List<Trace> traces, int width, int height, double pxPerMmX, double pxPerMmY,
		String title)
	{
		ByteProcessor bp = new ByteProcessor(width, height);
		bp.setValue(255);
		for (Trace t : traces) {
			for (int i = 0; i < t.ys.length; i++) {
				double y = t.ys[i];
				if (Double.isNaN(y)) continue;
				int x = t.x0 + i;
				int row = (int) Math.floor(y);
				double next = i + 1 < t.ys.length ? t.ys[i + 1] : Double.NaN;
				if (Double.isNaN(next)) bp.drawDot(x, row);
				else bp.drawLine(x, row, x + 1, (int) Math.floor(next));
			}
		}
		ImagePlus imp = new ImagePlus(title, bp);
		calibrateMm(imp, pxPerMmX, pxPerMmY);
		return imp;
	}

	/** An RGB image of a rendering (a plot, an overlay), sharing its pixels, calibrated in mm. */
	public static ImagePlus calibrated(BufferedImage rgb, String title, double pxPerMm) {
		ImagePlus imp = toImagePlus(ImageFiles.toRgb(rgb), title);
		calibrateMm(imp, pxPerMm, pxPerMm);
		return imp;
	}

	/** Sets the spatial calibration to millimetres from a scale in pixels per mm on each axis. */
	public static void calibrateMm(ImagePlus imp, double pxPerMmX, double pxPerMmY) {
		Calibration cal = imp.getCalibration();
		cal.setUnit("mm");
		cal.pixelWidth = 1 / pxPerMmX;
		cal.pixelHeight = 1 / pxPerMmY;
		imp.setCalibration(cal);
	}
}
