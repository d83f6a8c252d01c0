// Trains an ink classifier on pages you annotated, the Trainable Weka Segmentation way, then
// applies it to another page and shows what it sees.
//
// Annotate first: open a page (best: the rectified page that Preprocess Page makes, which is
// calibrated in mm), draw a few lines or freehand strokes over the trace, the grid, the bare paper
// and the printed text, name each after its class (trace, grid, paper, text: Edit > Selection >
// Properties, or Rename in the ROI Manager), add each to the overlay (Image > Overlay > Add
// Selection, or ctrl-B) and save the page as TIFF, which keeps the overlay and the scale.
//
// In Fiji: Plugins > Macros > Run... and choose this file; it asks for the annotated page, where to
// save the model and a page to apply it to. Digitize ECG then takes the model file as its ink model.
// Headless:
//   ImageJ-linux64 --headless --console -macro /path/to/macros/train_ink_classifier.ijm \
//     'annotated=[/data/annotated.tif] model=[/data/lab.model] apply=[/data/scans/page.png] output=[/data/out]'
// Optional keys: trees=100 seed=1 px_per_mm=0 (0: from the image's calibration)
//
// It writes to the output folder: NAME-classes.tif (the annotated page's class probabilities, one
// 32-bit slice per class) and APPLIED-classes.tif (the same for the page it was applied to).

var args = getArgument();
headless = (call("java.awt.GraphicsEnvironment.isHeadless") == "true");
annotated = option("annotated", "");
model = option("model", "");
apply = option("apply", "");
output = option("output", "");
if (annotated == "" || model == "" || output == "") {
	if (headless) exit("Give 'annotated=[/path/page.tif] model=[/path/lab.model] apply=[/path/page.png] output=[/path/out]'");
	if (annotated == "") annotated = File.openDialog("Open the annotated page (named ROIs in its overlay)");
	if (model == "") model = File.openDialog("Save the model as (.model)");
	if (apply == "") apply = File.openDialog("Open a page to apply the model to");
	if (output == "") output = getDirectory("Folder for the probability images");
}
if (!endsWith(output, File.separator)) output = output + File.separator;
File.makeDirectory(output);
scale = option("px_per_mm", "0");

setBatchMode(true);
open(annotated);
page = getTitle();
run("Train Ink Classifier", "image=[" + page + "] model_file=[" + model + "] px_per_mm=" + scale +
	" trees=" + option("trees", "100") + " seed=" + option("seed", "1") + " overwrite=true");
saveAs("Tiff", output + File.getNameWithoutExtension(annotated) + "-classes.tif");
print("ECG Digitizer: ink classifier saved to " + model);

if (apply != "") {
	open(apply);
	run("Apply Ink Classifier", "image=[" + getTitle() + "] model_file=[" + model + "] px_per_mm=" + scale);
	saveAs("Tiff", output + File.getNameWithoutExtension(apply) + "-classes.tif");
}

// The value of key=value (or key=[value with spaces]) in the macro's argument.
function option(key, default) {
	return call("ij.Macro.getValue", args, key, default);
}
