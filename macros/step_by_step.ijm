// Digitizes one ECG page stage by stage, saving what each stage makes, so that every step can be
// inspected (and corrected: see README, "Inspect and correct a page").
//
// In Fiji: Plugins > Macros > Run... and choose this file; it asks for the page and a folder.
// Headless:
//   ImageJ-linux64 --headless --console -macro /path/to/macros/step_by_step.ijm \
//     'image=[/data/scans/page.png] output=[/data/steps]'
// Optional keys: layout=auto gain=auto speed=auto fs=500
//
// For page NAME it writes to the output folder:
//   NAME-1-rectified.tif   the page made upright and square to its grid, calibrated in mm
//   NAME-1-ink.tif         the probability that each pixel is trace ink (32-bit)
//   NAME-2-leads.tif       the rectified page with one named box per lead segment (overlay)
//   NAME-3-traces.tif      ... and the traced paths (overlay); open it, correct it, run Digitize Signals
//   NAME-3-trace-mask.png  the traced paths as a binary image
//   NAME.hea/.dat/.csv/.json, NAME-overlay.png, NAME-plot.png  the record (rewritten on every run)
//   NAME-4-plot.png        the 12-lead plot

var args = getArgument();
headless = (call("java.awt.GraphicsEnvironment.isHeadless") == "true");
image = option("image", "");
output = option("output", "");
if (image == "") {
	if (headless) exit("Give the page and a folder: 'image=[/path/to/page.png] output=[/path/to/steps]'");
	image = File.openDialog("Open a scanned ECG page");
}
if (output == "") {
	if (headless) exit("Give the output folder: 'image=[/path/to/page.png] output=[/path/to/steps]'");
	output = getDirectory("Folder for the intermediate images");
}
if (!endsWith(output, File.separator)) output = output + File.separator;
File.makeDirectory(output);

setBatchMode(true);
open(image);
scan = getTitle();
// the record name: the file name without extension, other characters than letters, digits, _ and - replaced
name = replace(File.nameWithoutExtension, "[^A-Za-z0-9_-]", "_");

// 1. grid, scale, tilt, perspective; the rectified page and the ink probability
run("Preprocess Page", "image=[" + scan + "] dpi=0");
selectImage(name + "-ink");
saveAs("Tiff", output + name + "-1-ink.tif");
selectImage(name + "-rectified");
saveAs("Tiff", output + name + "-1-rectified.tif");
page = getTitle();

// 2. rows, calibration pulses, layout, one box per lead segment
run("Detect Leads", "page=[" + page + "] layout=" + option("layout", "auto") + " gain=" + option("gain", "auto") +
	" speed=" + option("speed", "auto"));
selectImage(page);
saveAs("Tiff", output + name + "-2-leads.tif");
page = getTitle();

// 3. one traced path per box
run("Extract Traces", "page=[" + page + "]");
selectImage(name + "-trace-mask");
saveAs("PNG", output + name + "-3-trace-mask.png");
selectImage(page);
saveAs("Tiff", output + name + "-3-traces.tif");
page = getTitle();

// 4. millivolts, the 12 standard leads, files
run("Digitize Signals", "page=[" + page + "] fs=" + option("fs", "500") + " output_dir=[" + output +
	"] formats=wfdb,csv,json,png,plot overwrite=true");
selectImage(name + "-plot");
saveAs("PNG", output + name + "-4-plot.png");
print("ECG Digitizer: the stages of " + scan + " are in " + output);

// The value of key=value (or key=[value with spaces]) in the macro's argument.
function option(key, default) {
	return call("ij.Macro.getValue", args, key, default);
}
