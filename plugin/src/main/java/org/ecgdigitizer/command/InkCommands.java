package org.ecgdigitizer.command;

import java.nio.file.Paths;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.classify.ModelFiles;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

/** What the Ink Classifier commands share: the page's scale, the model, the probability stack. */
final class InkCommands {

	static final String MENU = "Plugins>ECG Digitizer>Ink Classifier>";

	private InkCommands() {}

	/** The page's px/mm: the given value, else the image's calibration (mm, cm or inch), else an error. */
	static double pxPerMm(ImagePlus image, double given) {
		if (given > 0) return given;
		double dpi = PageProperties.fileDpi(image);
		if (Double.isNaN(dpi)) {
			throw new EcgException("'" + image.getTitle() + "' has no scale; give px_per_mm, or calibrate it in mm " +
				"(Analyze > Set Scale; Preprocess Page leaves pages calibrated)");
		}
		return dpi / 25.4;
	}

	/** The model in a file, or the shipped one when no path is given. */
	static InkClassifier classifier(String path) {
		if (DigitizerCommand.blank(path)) return InkSources.shipped();
		return new InkClassifier(ModelFiles.read(Paths.get(path.trim())));
	}

	/** One 32-bit slice per class, labelled with its name, calibrated like the page. */
	static ImagePlus probabilityStack(ImagePlus page, float[][] probabilities, java.util.List<String> classes,
		String title)
	{
		ImageStack stack = new ImageStack(page.getWidth(), page.getHeight());
		for (int c = 0; c < probabilities.length; c++) {
			FloatProcessor fp = new FloatProcessor(page.getWidth(), page.getHeight(), probabilities[c]);
			fp.setMinAndMax(0, 1);
			stack.addSlice(classes.get(c), fp);
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(page.getCalibration().copy());
		return imp;
	}
}
