// Makes synthetic ECG pages with exact ground truth, to try the digitizer on and to measure it.
//
// In Fiji: Plugins > Macros > Run... and choose this file; it asks for the output folder.
// Headless:
//   ImageJ-linux64 --headless --console -macro /path/to/macros/make_test_pages.ijm \
//     'output=[/data/test-pages] count=10'
// Optional keys, with their defaults:
//   first_seed=1  seeds first_seed, first_seed+1, ... choose the signals and the page details
//   layouts=3x4+1  a comma-separated list, taken in turn (e.g. 3x4+1,6x2,12x1/cabrera,3x4+3)
//   dpi=200  distortions=  (e.g. rotate,noise or perspective,shadow:0.25)
//   grid_color=red  grid_style=lines  speed=25  gain=10  paper=letter  overwrite=false
//
// Page ecg-SEED gives ecg-SEED.png, ecg-SEED.json (ground truth), ecg-SEED.hea/.dat (the signals)
// and ecg-SEED_masked.hea/.dat (NaN where a lead is not printed: the reference for scoring).
// To measure the digitizer on them:
//   run("Digitize Folder", "input_dir=[/data/test-pages] pattern=[*.png] output_dir=[/data/digitized] formats=wfdb,csv,json fs=500 layout=auto gain=auto speed=auto overwrite=false");
//   run("Evaluate Digitization", "pred=[/data/digitized] ref=[/data/test-pages]");

var args = getArgument();
headless = (call("java.awt.GraphicsEnvironment.isHeadless") == "true");
output = option("output", "");
if (output == "") {
	if (headless) exit("Give the output folder: 'output=[/path/to/test-pages] count=10'");
	output = getDirectory("Folder for the synthetic pages");
}
count = parseInt(option("count", "5"));
first = parseInt(option("first_seed", "1"));
if (isNaN(count) || isNaN(first)) exit("count and first_seed must be whole numbers");
layouts = split(option("layouts", "3x4+1"), ",");
options = " dpi=" + option("dpi", "200") + " distortions=[" + option("distortions", "") + "]" +
	" grid_color=" + option("grid_color", "red") + " grid_style=" + option("grid_style", "lines") +
	" speed=" + option("speed", "25") + " gain=" + option("gain", "10") + " paper=" + option("paper", "letter") +
	" output_dir=[" + output + "] record=[] overwrite=" + option("overwrite", "false");

setBatchMode(true);
for (i = 0; i < count; i++) {
	seed = first + i;
	layout = layouts[i % layouts.length];
	showStatus("Generating page " + (i + 1) + " of " + count);
	run("Generate Synthetic ECG", "seed=" + seed + " layout=" + layout + options);
	close();
}
print("ECG Digitizer: " + count + " synthetic page(s) with ground truth in " + output);

// The value of key=value (or key=[value with spaces]) in the macro's argument.
function option(key, default) {
	return call("ij.Macro.getValue", args, key, default);
}
