package org.ecgdigitizer.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.io.ReadOptions;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;

/**
 * Digitizes every page of the images and PDFs of a folder and its subfolders into an output folder
 * and writes summary.csv (one row per page: which file and page made which record, status,
 * message, layout, leads digitized, mean confidence, px/mm, seconds). A page that fails (too few
 * leads traced included) is reported and the others go on; records already there are kept unless
 * overwriting is asked for, so a stopped run continues where it stopped. Pages are digitized
 * {@code threads} at a time (by default one per core); the summary keeps the order of the files.
 * Press Esc to stop after the pages in progress.
 * Macro: {@code run("Digitize Folder", "input_dir=/data/scans pattern=*.png output_dir=/data/out
 * formats=wfdb,csv,json,png fs=500 layout=auto gain=auto speed=auto overwrite=false keep_partial=false
 * page_timeout=60 pdf_dpi=300 threads=2 overlay_width=1600");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Digitize Folder")
public class DigitizeFolderCommand extends DigitizerCommand {

	@Parameter(label = "Folder of page images", description = "Read with its subfolders (but not the output " +
		"folder); pages of the same name in different folders get their folder's name in front", style = "directory")
	private File input_dir;

	@Parameter(label = "File name pattern", description = "Which files to read (a glob such as *.png); empty " +
		"reads PNG, JPEG, TIFF, BMP, GIF, WebP and PDF", required = false, persist = false)
	private String pattern = BatchDigitizer.IMAGE_GLOB;

	@Parameter(label = "Output folder", style = "directory")
	private File output_dir;

	@Parameter(label = "Output formats", description = "Any of wfdb, csv, json, png (overlay), plot (12-lead plot)",
		required = false, persist = false)
	private String formats = DEFAULT_FORMATS;

	@Parameter(label = "Sampling frequency (Hz)", min = "50", max = "10000", persist = false)
	private double fs = 500;

	@Parameter(label = "Layout", description = "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera for " +
		"the Cabrera order, /same-window when every column shows the same time; rows:I,aVR;II,aVL for an " +
		"arrangement of its own)", required = false, persist = false)
	private String layout = "auto";

	@Parameter(label = "Gain (mm/mV)", description = "auto, 5, 10 or 20", required = false, persist = false)
	private String gain = "auto";

	@Parameter(label = "Paper speed (mm/s)", description = "auto, 25 or 50", required = false, persist = false)
	private String speed = "auto";

	@Parameter(label = "Overwrite existing files", description = "Digitize again pages whose records exist; " +
		"otherwise they are kept, so that a stopped run goes on where it stopped", required = false, persist = false)
	private boolean overwrite = false;

	@Parameter(label = "Keep partial records", description = "Write a record marked 'partial' for a page on " +
		"which too few leads were traced (fewer than half of those printed), instead of failing it",
		required = false, persist = false)
	private boolean keep_partial = false;

	@Parameter(label = "Time limit per page (s)", description = "A page that takes longer is stopped and " +
		"reported; 0 for no limit", min = "0", required = false, persist = false)
	private double page_timeout = PageDigitizer.DEFAULT_PAGE_TIMEOUT_S;

	@Parameter(label = "PDF resolution (dpi)", description = "PDF pages that are not vector ECGs are rendered " +
		"at this resolution", min = "72", max = "1200", required = false, persist = false)
	private double pdf_dpi = ReadOptions.DEFAULT_PDF_DPI;

	@Parameter(label = "Pages at once (threads)", description = "Pages digitized at the same time, one per " +
		"thread; each holds its page in memory. The default is the number of cores", min = "1", required = false,
		persist = false)
	private int threads = BatchDigitizer.defaultThreads();

	@Parameter(label = "Overlay width (px)", description = "Largest width of the review overlay (png); 0 for the " +
		"page's own size", min = "0", required = false, persist = false)
	private int overlay_width = Overlays.REVIEW_WIDTH;

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable summary;

	@Override
	protected void execute(StatusProgress progress) throws IOException {
		if (blank(input_dir) || !input_dir.isDirectory()) {
			throw new EcgException("input folder " + input_dir + " does not exist; choose the folder of page images");
		}
		if (blank(output_dir)) throw new EcgException("no output folder given; choose where to write the records");
		DigitizerSettings settings = DigitizerSettings.parse(fs, layout, gain, speed);
		PageDigitizer pages = new PageDigitizer(settings, ReadOptions.defaults().withPdfDpi(pdf_dpi), page_timeout,
			keep_partial);
		BatchDigitizer batch = new BatchDigitizer(pages, output_dir.toPath(), formats(formats), overwrite);
		batch.setThreads(Math.max(1, threads));
		batch.setOverlayWidth(Math.max(0, overlay_width));
		List<Path> leftOut = new ArrayList<>();
		List<Path> files = BatchDigitizer.expand(List.of(input_dir.toPath()), pattern, output_dir.toPath(), leftOut);
		String note = BatchDigitizer.leftOutNote(leftOut, pattern);
		if (note != null) warn(note.replace("(a pattern", "(the file name pattern"));
		if (files.isEmpty()) {
			throw new EcgException("no files in " + input_dir + " match '" + pattern + "'; check the folder and the " +
				"file name pattern");
		}
		Files.createDirectories(output_dir.toPath());
		List<BatchDigitizer.Result> results = batch.run(files, progress, r -> {
			if (!r.ok) warn(r.input.getFileName() + (r.pages > 1 ? " page " + r.page : "") + ": " + r.message);
		});
		// rebuilt on every run, kept records included
		Path csv = output_dir.toPath().resolve("summary.csv");
		BatchDigitizer.writeSummary(results, csv);
		summary = ResultTables.summary(results);
		ResultTables.show(summary, ResultTables.SUMMARY);
		long ok = results.stream().filter(r -> r.ok).count();
		long partial = results.stream().filter(r -> r.status.equals("partial")).count();
		long failed = results.size() - ok - partial;
		String stopped = progress.isCanceled() ? "; stopped by Esc" : "";
		info(String.format(Locale.ROOT, "%d of %d page(s) digitized into %s%s%s%s; summary in %s", ok, results.size(),
			output_dir, partial > 0 ? ", " + partial + " partial" : "", failed > 0 ? ", " + failed + " failed" : "",
			stopped, csv.getFileName()));
	}

	/** One row per file. Null until the command has run. */
	public ResultsTable getSummary() {
		return summary;
	}
}
