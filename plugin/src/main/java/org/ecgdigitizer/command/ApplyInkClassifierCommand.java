package org.ecgdigitizer.command;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.LearnedInk;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Shows what an ink classifier sees on a page: one probability image per class (trace, grid,
 * paper, text), from the shipped model or a .model file.
 * Macro: {@code run("Apply Ink Classifier", "image=page.png model_file=/models/lab.model px_per_mm=0");}
 */
@Plugin(type = Command.class, menuPath = InkCommands.MENU + "Apply Ink Classifier")
public class ApplyInkClassifierCommand extends DigitizerCommand {

	@Parameter(label = "Page", description = "A scan or photo of a paper ECG (best: the rectified page of Preprocess Page)")
	private ImagePlus image;

	@Parameter(label = "Model file (path)", description = "A .model saved by Train Ink Classifier or train-ink; " +
		"empty for the shipped ink classifier", required = false, persist = false)
	private String model_file = "";

	@Parameter(label = "Scale (px/mm)", description = "0 takes it from the image's calibration", min = "0",
		required = false, persist = false)
	private double px_per_mm = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Class probabilities")
	private ImagePlus probabilities;

	@Override
	protected void execute(StatusProgress progress) {
		if (image == null) throw new EcgException("no image given; open an ECG page first");
		double mm = InkCommands.pxPerMm(image, px_per_mm);
		InkClassifier classifier = InkCommands.classifier(model_file);
		progress.status("Classifying " + image.getTitle());
		int[] rgb = ImagePlusAdapter.toImg(image).update(null).getCurrentStorageArray();
		float[][] p = LearnedInk.classify(classifier, rgb, image.getWidth(), image.getHeight(), mm);
		probabilities = InkCommands.probabilityStack(image, p, classifier.classes(), PageProperties.recordName(image
			.getTitle()) + "-classes");
	}
}
