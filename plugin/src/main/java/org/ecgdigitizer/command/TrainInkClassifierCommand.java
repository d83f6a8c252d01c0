package org.ecgdigitizer.command;

import java.awt.Point;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.InkTraining;
import org.ecgdigitizer.core.classify.LearnedInk;
import org.ecgdigitizer.core.classify.ModelFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

/**
 * Trains an ink classifier the Trainable Weka Segmentation way: draw line, polyline or freehand
 * ROIs over the page, name each after its class (trace, grid, paper, text), add them to the
 * overlay or the ROI Manager, and run this. A FastRandomForest is trained on those pixels with the
 * shipped model's features and saved as a .model that Digitize ECG takes as its ink model.
 * Macro: {@code run("Train Ink Classifier", "image=page.png more_images=[] model_file=/models/lab.model trees=100 seed=1");}
 */
@Plugin(type = Command.class, menuPath = InkCommands.MENU + "Train Ink Classifier")
public class TrainInkClassifierCommand extends DigitizerCommand {

	@Parameter(label = "Page", description = "A page whose overlay (or the ROI Manager) holds ROIs named trace, " +
		"grid, paper or text")
	private ImagePlus image;

	@Parameter(label = "More pages (titles)", description = "Comma-separated titles of other open pages with " +
		"named ROIs in their overlays", required = false, persist = false)
	private String more_images = "";

	@Parameter(label = "Save model as (path)", description = "The .model file to write", persist = false)
	private String model_file = "";

	@Parameter(label = "Scale (px/mm)", description = "0 takes it from each image's calibration", min = "0",
		required = false, persist = false)
	private double px_per_mm = 0;

	@Parameter(label = "Trees", min = "1", max = "500", required = false, persist = false)
	private int trees = 100;

	@Parameter(label = "Random seed", required = false, persist = false)
	private int seed = 1;

	@Parameter(label = "Overwrite an existing model file", required = false, persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Class probabilities of the page")
	private ImagePlus probabilities;

	@Override
	protected void execute(StatusProgress progress) throws IOException {
		if (image == null) throw new EcgException("no image given; open a page and draw named ROIs on it first");
		if (blank(model_file)) throw new EcgException("no model file given; name the .model file to save");
		Path file = Paths.get(model_file.trim());
		if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.model(\\.gz)?")) {
			throw new EcgException("the model file must end in .model (or .model.gz), got " + file.getFileName());
		}
		if (java.nio.file.Files.exists(file) && !overwrite) {
			throw new EcgException(file + " already exists; tick overwrite or choose another name");
		}
		List<ImagePlus> pages = new ArrayList<>();
		pages.add(image);
		if (!blank(more_images)) {
			for (String title : more_images.split(",")) {
				if (title.isBlank()) continue;
				ImagePlus imp = WindowManager.getImage(title.trim());
				if (imp == null) throw new EcgException("no open image is titled '" + title.trim() + "'");
				if (!pages.contains(imp)) pages.add(imp);
			}
		}
		List<InkTraining.Strokes> strokes = new ArrayList<>();
		for (ImagePlus page : pages) strokes.add(strokes(page));
		ModelFiles.Model model = InkTraining.trainOnStrokes(strokes, trees, seed, progress);
		ModelFiles.write(model, file);
		InkClassifier classifier = new InkClassifier(model);
		info("saved " + classifier + " to " + file);
		progress.status("Classifying " + image.getTitle());
		int[] rgb = ImagePlusAdapter.toImg(image).update(null).getCurrentStorageArray();
		float[][] p = LearnedInk.classify(classifier, rgb, image.getWidth(), image.getHeight(), InkCommands.pxPerMm(
			image, px_per_mm));
		probabilities = InkCommands.probabilityStack(image, p, classifier.classes(), PageProperties.recordName(image
			.getTitle()) + "-classes");
	}

	/** The ROI Manager when one is open (none headless, where ImageJ cannot make windows). */
	private static RoiManager roiManager() {
		if (java.awt.GraphicsEnvironment.isHeadless()) return null;
		return RoiManager.getInstance();
	}

	/** The named ROIs of a page (its overlay, and the ROI Manager for the page being trained on). */
	private InkTraining.Strokes strokes(ImagePlus page) {
		int[] rgb = ImagePlusAdapter.toImg(page).update(null).getCurrentStorageArray();
		InkTraining.Strokes s = new InkTraining.Strokes(rgb, page.getWidth(), page.getHeight(), InkCommands.pxPerMm(
			page, px_per_mm));
		List<Roi> rois = new ArrayList<>();
		Overlay overlay = page.getOverlay();
		if (overlay != null) for (Roi r : overlay.toArray()) rois.add(r);
		RoiManager manager = page == image ? roiManager() : null;
		if (manager != null) for (Roi r : manager.getRoisAsArray()) rois.add(r);
		Roi selection = page.getRoi();
		if (selection != null && selection.getName() != null) rois.add(selection);
		int named = 0;
		for (Roi r : rois) {
			String name = r.getName();
			if (name == null || name.isBlank()) continue;
			named++;
			for (Point p : r.getContainedPoints()) s.add(name, p.x, p.y);
		}
		if (named == 0) {
			throw new EcgException("'" + page.getTitle() + "' has no named ROIs; draw lines over the trace, grid, " +
				"paper and text, name each after its class and add them to the overlay (Image > Overlay > Add Selection)");
		}
		return s;
	}
}
