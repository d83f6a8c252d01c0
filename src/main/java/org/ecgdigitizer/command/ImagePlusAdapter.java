package org.ecgdigitizer.command;

import java.awt.image.BufferedImage;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.io.ImageFiles;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
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

	/** Sets the spatial calibration to millimetres from a scale in pixels per mm on each axis. */
	public static void calibrateMm(ImagePlus imp, double pxPerMmX, double pxPerMmY) {
		Calibration cal = imp.getCalibration();
		cal.setUnit("mm");
		cal.pixelWidth = 1 / pxPerMmX;
		cal.pixelHeight = 1 / pxPerMmY;
		imp.setCalibration(cal);
	}
}
