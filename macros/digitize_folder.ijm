// Digitizes every ECG page in a folder and its subfolders (images and PDFs, every page of a PDF or
// a multi-page TIFF): one 12-lead record per page, plus summary.csv.
//
// In Fiji: Plugins > Macros > Run... and choose this file; it asks for the two folders.
// Headless (no window, for servers and pipelines):
//   ImageJ-linux64 --headless --console -macro /path/to/macros/digitize_folder.ijm \
//     'input=[/data/scans] output=[/data/records]'
// Optional keys, with their defaults:
//   pattern=[*.png]  which files to read (default: PNG, JPEG, TIFF, BMP, GIF, WebP and PDF files)
//   formats=wfdb,csv,json,png  any of wfdb, csv, json, png (overlay on the page), plot (12-lead plot)
//   fs=500  sampling frequency (Hz); layout=auto (or 3x4, 3x4+1, 6x2, 12x1, ...); gain=auto; speed=auto
//   overwrite=false  records already written are kept (so a stopped run goes on) unless this is true
//   keep_partial=false  write a record marked partial for a page with too few leads traced
//   page_timeout=60  seconds a page may take before it is stopped and reported (0: no limit)
//   pdf_dpi=300  resolution of PDF pages that are not vector ECGs
//   threads=N  pages digitized at once (default: one per core; each holds its page in memory)
//   overlay_width=1600  largest width of the review overlay in pixels (0: the page's own size)
//
// Page X.png gives X.hea and X.dat (WFDB), X.csv, X.json (diagnostics) and X-overlay.png in the
// output folder; page 2 of report.pdf gives report-p2.*. summary.csv lists every page with the file
// it came from and its status; a page that fails is reported there and the others go on. Press Esc
// to stop after the pages in progress.

var args = getArgument();
headless = (call("java.awt.GraphicsEnvironment.isHeadless") == "true");
input = option("input", "");
output = option("output", "");
if (input == "") {
	if (headless) exit("Give the folder of page images: 'input=[/path/to/scans] output=[/path/to/records]'");
	input = getDirectory("Folder of scanned ECG pages");
}
if (output == "") {
	if (headless) exit("Give the output folder: 'input=[/path/to/scans] output=[/path/to/records]'");
	output = getDirectory("Folder for the digitized records");
}
pattern = option("pattern", "");
formats = option("formats", "wfdb,csv,json,png");
fs = option("fs", "500");
layout = option("layout", "auto");
gain = option("gain", "auto");
speed = option("speed", "auto");
overwrite = option("overwrite", "false");
keepPartial = option("keep_partial", "false");
pageTimeout = option("page_timeout", "60");
pdfDpi = option("pdf_dpi", "300");

setBatchMode(true);
options = "input_dir=[" + input + "] output_dir=[" + output + "] formats=" + formats + " fs=" + fs +
	" layout=" + layout + " gain=" + gain + " speed=" + speed + " overwrite=" + overwrite +
	" keep_partial=" + keepPartial + " page_timeout=" + pageTimeout + " pdf_dpi=" + pdfDpi;
if (pattern != "") options = options + " pattern=[" + pattern + "]";
threads = option("threads", "");
if (threads != "") options = options + " threads=" + threads;
overlayWidth = option("overlay_width", "");
if (overlayWidth != "") options = options + " overlay_width=" + overlayWidth;
run("Digitize Folder", options);
print("ECG Digitizer: records and summary.csv in " + output);

// The value of key=value (or key=[value with spaces]) in the macro's argument.
function option(key, default) {
	return call("ij.Macro.getValue", args, key, default);
}
