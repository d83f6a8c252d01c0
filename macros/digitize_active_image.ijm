// Digitizes the ECG page in front (or one given by path) in one go, with Digitize ECG.
//
// In Fiji: open a scanned ECG page, then Plugins > Macros > Run... and choose this file. The
// digitized page (lead boxes and traced paths over the rectified page), the 12-lead plot, the
// signals and the diagnostics appear; correct boxes or paths on the page and run
// Plugins > ECG Digitizer > Digitize Signals to digitize it again.
// Headless:
//   ImageJ-linux64 --headless --console -macro /path/to/macros/digitize_active_image.ijm \
//     'image=[/data/scans/page.png] output=[/data/records]'
// Optional keys: fs=500 layout=auto gain=auto speed=auto dpi=0 formats=wfdb,csv,json,png,plot
//   reference=[/data/truth/page.hea] (drawn under the digitized record in the plot) overwrite=false

var args = getArgument();
headless = (call("java.awt.GraphicsEnvironment.isHeadless") == "true");
image = option("image", "");
if (image != "") open(image);
if (nImages == 0) {
	if (headless) exit("Give the page: 'image=[/path/to/page.png] output=[/path/to/records]'");
	open(File.openDialog("Open a scanned ECG page"));
}
output = option("output", "");
reference = option("reference", "");
options = "image=[" + getTitle() + "] fs=" + option("fs", "500") + " layout=" + option("layout", "auto") +
	" gain=" + option("gain", "auto") + " speed=" + option("speed", "auto") + " dpi=" + option("dpi", "0") +
	" formats=" + option("formats", "wfdb,csv,json,png,plot") + " overwrite=" + option("overwrite", "false");
if (output != "") options = options + " output_dir=[" + output + "]";
if (reference != "") options = options + " reference=[" + reference + "]";
run("Digitize ECG", options);
if (output != "") print("ECG Digitizer: record written to " + output);

// The value of key=value (or key=[value with spaces]) in the macro's argument.
function option(key, default) {
	return call("ij.Macro.getValue", args, key, default);
}
