package org.ecgdigitizer.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;

/**
 * Digitizes every page image of a folder and its subfolders into an output folder and writes
 * summary.csv (one row per file: status, message, layout, px/mm, seconds). A file that fails is reported and skipped;
 * existing outputs are kept unless overwriting is asked for. Press Esc to stop after the current file.
 * Macro: {@code run("Digitize Folder", "input_dir=/data/scans pattern=*.png output_dir=/data/out
 * formats=wfdb,csv,json,png fs=500 layout=auto gain=auto speed=auto overwrite=false");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Digitize Folder")
public class DigitizeFolderCommand extends DigitizerCommand {

	@Parameter(label = "Folder of page images", description = "Read with its subfolders (but not the output " +
		"folder); pages of the same name in different folders get their folder's name in front", style = "directory")
	private File input_dir;

	@Parameter(label = "File name pattern", description = "Which files to read (a glob such as *.png); empty " +
		"reads PNG, JPEG, TIFF, BMP and GIF", required = false, persist = false)
	private String pattern = BatchDigitizer.IMAGE_GLOB;

	@Parameter(label = "Output folder", style = "directory")
	private File output_dir;

	@Parameter(label = "Output formats", description = "Any of wfdb, csv, json, png (overlay), plot (12-lead plot)",
		required = false, persist = false)
	private String formats = DEFAULT_FORMATS;

	@Parameter(label = "Sampling frequency (Hz)", min = "50", max = "10000", persist = false)
	private double fs = 500;

	@Parameter(label = "Layout", description = "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera for " +
		"the Cabrera order)", required = false, persist = false)
	private String layout = "auto";

	@Parameter(label = "Gain (mm/mV)", description = "auto, 5, 10 or 20", required = false, persist = false)
	private String gain = "auto";

	@Parameter(label = "Paper speed (mm/s)", description = "auto, 25 or 50", required = false, persist = false)
	private String speed = "auto";

	@Parameter(label = "Overwrite existing files", required = false, persist = false)
	private boolean overwrite = false;

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable summary;

	@Override
	protected void execute(StatusProgress progress) throws IOException {
		if (blank(input_dir) || !input_dir.isDirectory()) {
			throw new EcgException("input folder " + input_dir + " does not exist; choose the folder of page images");
		}
		if (blank(output_dir)) throw new EcgException("no output folder given; choose where to write the records");
		DigitizerSettings settings = DigitizerSettings.parse(fs, layout, gain, speed);
		BatchDigitizer batch = new BatchDigitizer(settings, output_dir.toPath(), formats(formats), overwrite);
		List<Path> images = BatchDigitizer.expand(List.of(input_dir.toPath()), pattern, output_dir.toPath());
		if (images.isEmpty()) {
			throw new EcgException("no files in " + input_dir + " match '" + pattern + "'; check the folder and the " +
				"file name pattern");
		}
		Files.createDirectories(output_dir.toPath());
		List<BatchDigitizer.Result> results = batch.run(images, progress);
		Path csv = summaryFile(output_dir.toPath(), overwrite);
		BatchDigitizer.writeSummary(results, csv);
		summary = ResultTables.summary(results);
		ResultTables.show(summary, ResultTables.SUMMARY);
		long failed = results.stream().filter(r -> !r.ok).count();
		for (BatchDigitizer.Result r : results) {
			if (!r.ok) warn(r.input.getFileName() + ": " + r.message);
		}
		String stopped = results.size() < images.size() ? String.format(Locale.ROOT,
			"; stopped after %d of %d files", results.size(), images.size()) : "";
		info(String.format(Locale.ROOT, "%d of %d page(s) digitized into %s%s; summary in %s", results.size() - failed,
			images.size(), output_dir, stopped, csv.getFileName()));
	}

	/** summary.csv, or the first free summary-N.csv when one exists and must not be overwritten. */
	static Path summaryFile(Path folder, boolean overwrite) {
		Path csv = folder.resolve("summary.csv");
		for (int n = 2; !overwrite && Files.exists(csv); n++) csv = folder.resolve("summary-" + n + ".csv");
		return csv;
	}

	/** One row per file. Null until the command has run. */
	public ResultsTable getSummary() {
		return summary;
	}
}
