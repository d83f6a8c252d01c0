package org.ecgdigitizer.command;

import java.io.File;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.InkPlanes;
import org.ecgdigitizer.core.classify.ModelFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

/**
 * Applies a model saved by Fiji's Trainable Weka Segmentation (grayscale features; relation
 * {@code TWS-2D-...} or the older {@code segment}) with this plugin's TWS-compatible features,
 * attributes matched by name, at the image's own resolution as TWS applies it. Shows every class's
 * probability and, separately, the class the user names as ink.
 * Macro: {@code run("Load TWS Model", "image=page.png model_file=/models/classifier.model ink_class=trace");}
 */
@Plugin(type = Command.class, menuPath = InkCommands.MENU + "Load TWS Model")
public class LoadTwsModelCommand extends DigitizerCommand {

	@Parameter(label = "Page", description = "The image to classify (RGB pages are made 8-bit grey as ImageJ does)")
	private ImagePlus image;

	@Parameter(label = "TWS model file", description = "A .model saved by Trainable Weka Segmentation", persist = false)
	private File model_file;

	@Parameter(label = "Ink class", description = "The model's class that is ink (its classes are listed when the " +
		"name is wrong)", persist = false)
	private String ink_class = "trace";

	@Parameter(type = ItemIO.OUTPUT, label = "Class probabilities")
	private ImagePlus probabilities;

	@Parameter(type = ItemIO.OUTPUT, label = "Ink probability")
	private ImagePlus ink;

	@Override
	protected void execute(StatusProgress progress) {
		if (image == null) throw new EcgException("no image given; open the image to classify first");
		if (model_file == null || blank(model_file)) throw new EcgException("no model file given");
		InkClassifier classifier = new InkClassifier(ModelFiles.read(model_file.toPath()));
		int inkIndex = classifier.classIndex(ink_class);
		int w = image.getWidth(), h = image.getHeight();
		// what TWS sees: a grayscale image's own values; an RGB page as ImageJ's 8-bit conversion
		float[] plane = image.getProcessor() instanceof ColorProcessor ? InkPlanes.gray((int[]) image.getProcessor()
			.getPixels()) : (float[]) image.getProcessor().convertToFloat().getPixels();
		progress.status("Applying " + model_file.getName() + " to " + image.getTitle());
		float[][] p = classifier.probabilities(plane, w, h, null, -1);
		String name = PageProperties.recordName(image.getTitle());
		probabilities = InkCommands.probabilityStack(image, p, classifier.classes(), name + "-tws-classes");
		FloatProcessor fp = new FloatProcessor(w, h, p[inkIndex].clone());
		fp.setMinAndMax(0, 1);
		ink = new ImagePlus(name + "-tws-" + classifier.classes().get(inkIndex), fp);
		ink.setCalibration(image.getCalibration().copy());
	}
}
