package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.io.DigitizationFiles;

/** {@code digitize IMAGE... --out DIR}: page images to calibrated 12-lead records. */
final class DigitizeCli implements CliCommand {

	@Override
	public String name() {
		return "digitize";
	}

	@Override
	public String summary() {
		return "Digitize ECG page images (files or folders) into 12-lead WFDB, CSV, JSON and a review overlay.";
	}

	@Override
	public String synopsis() {
		return "IMAGE|FOLDER... --out DIR [options]";
	}

	@Override
	public List<Option> options() {
		return List.of(Option.value("out", "DIR", "output folder (created if needed)"),
			Option.value("fs", "HZ", "output sampling frequency", 500),
			Option.value("formats", "LIST", "outputs: any of wfdb,csv,json,png,plot (png: overlay on the page, plot: " +
				"12-lead plot)", "wfdb,csv,json,png"),
			Option.value("layout", "SPEC", "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera)", "auto"),
			Option.value("gain", "MM_PER_MV", "auto, 5, 10 or 20", "auto"),
			Option.value("speed", "MM_PER_S", "auto, 25 or 50", "auto"),
			Option.value("ink", "MODEL", "how ink is told from grid and paper: rules, learned (the shipped classifier), " +
				"auto (chosen per page) or a .model file", org.ecgdigitizer.core.classify.InkSources.DEFAULT),
			Option.value("pattern", "GLOB", "which files of a folder to read", BatchDigitizer.IMAGE_GLOB),
			Option.flag("overwrite", "replace existing outputs (otherwise such files are skipped with an error)"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		Path outDir = Paths.get(args.required("out"));
		DigitizerSettings settings = DigitizerSettings.parse(args.number("fs", 500), args.string("layout", "auto"),
			args.string("gain", "auto"), args.string("speed", "auto"), args.string("ink", null));
		List<Path> inputs = new ArrayList<>();
		for (String p : args.positionals()) inputs.add(Paths.get(p));
		if (inputs.isEmpty()) throw new Args.UsageException("No images given; name image files or folders");
		List<Path> images = BatchDigitizer.expand(inputs, args.string("pattern", null), outDir);
		if (images.isEmpty()) throw new Args.UsageException("No image files found in " + inputs);
		BatchDigitizer batch = new BatchDigitizer(settings, outDir, DigitizationFiles.Format.parse(args.string(
			"formats", "wfdb,csv,json,png")), args.flag("overwrite"));
		ProgressLine progress = new ProgressLine(err);
		int failed = 0;
		List<BatchDigitizer.Result> results = new ArrayList<>();
		Map<Path, String> stems = BatchDigitizer.stems(images);
		for (int i = 0; i < images.size(); i++) {
			Path image = images.get(i);
			progress.status(String.format(Locale.ROOT, "%d/%d %s", i + 1, images.size(), image.getFileName()));
			progress.items(i, images.size());
			BatchDigitizer.Result r = batch.digitize(image, stems.get(image), false, progress);
			results.add(r);
			if (r.ok) {
				out.printf(Locale.ROOT, "%s -> %s (%s, %.2f s)%n", image, outDir.resolve(r.stem), r.layout, r.seconds);
			}
			else {
				failed++;
				err.println("error: " + image + ": " + r.message);
			}
		}
		progress.items(images.size(), images.size());
		progress.finish();
		if (images.size() > 1) BatchDigitizer.writeSummary(results, outDir.resolve("summary.csv"));
		out.printf(Locale.ROOT, "%d of %d page(s) digitized%s%n", images.size() - failed, images.size(), failed > 0
			? "; " + failed + " failed (see the errors above)" : "");
		return failed > 0 ? 1 : 0;
	}
}
