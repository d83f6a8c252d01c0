package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.args.Args;
import org.ecgdigitizer.core.args.Option;
import org.ecgdigitizer.core.args.PageOptions;
import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.io.DigitizationFiles;

/**
 * {@code digitize FILE|FOLDER... --out DIR}: page images and PDFs to calibrated 12-lead records, every
 * page of a PDF or a multi-page TIFF its own record.
 */
final class DigitizeCli implements CliCommand {

	@Override
	public String name() {
		return "digitize";
	}

	@Override
	public String summary() {
		return "Digitize ECG pages (images, PDFs; files or folders) into 12-lead WFDB, CSV, JSON and a review overlay.";
	}

	@Override
	public String synopsis() {
		return "IMAGE|PDF|FOLDER... --out DIR [options]";
	}

	@Override
	public List<Option> options() {
		List<Option> options = new ArrayList<>();
		options.add(Option.value("out", "DIR", "output folder (created if needed)"));
		options.add(Option.value("formats", "LIST", "outputs: any of wfdb,csv,json,png,plot (png: overlay on the " +
			"page, plot: 12-lead plot)", "wfdb,csv,json,png"));
		options.addAll(PageOptions.options());
		options.add(Option.value("overlay-width", "PX", "largest width of the review overlay (png); 0 for the page's " +
			"own size", org.ecgdigitizer.core.io.Overlays.REVIEW_WIDTH));
		options.add(Option.value("threads", "N", "pages digitized at once (each holds its page in memory)", "the " +
			"number of cores, " + BatchDigitizer.defaultThreads() + " here"));
		options.add(Option.flag("overwrite", "digitize again pages whose records exist (otherwise they are kept, so a " +
			"stopped run continues)"));
		return options;
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		Path outDir = Paths.get(args.required("out"));
		PageDigitizer pages = PageOptions.digitizer(args);
		List<Path> inputs = new ArrayList<>();
		for (String p : args.positionals()) inputs.add(Paths.get(p));
		if (inputs.isEmpty()) throw new Args.UsageException("No pages given; name image or PDF files or folders");
		List<Path> leftOut = new ArrayList<>();
		List<Path> files = BatchDigitizer.expand(inputs, PageOptions.pattern(args), outDir, leftOut);
		String note = BatchDigitizer.leftOutNote(leftOut, PageOptions.pattern(args));
		if (note != null) err.println("note: " + note.replace("(a pattern", "(--pattern"));
		if (files.isEmpty()) throw new Args.UsageException("No image or PDF files found in " + inputs);
		BatchDigitizer batch = new BatchDigitizer(pages, outDir, DigitizationFiles.Format.parse(args.string("formats",
			"wfdb,csv,json,png")), args.flag("overwrite"));
		int threads = args.integer("threads", BatchDigitizer.defaultThreads());
		if (threads < 1) throw new Args.UsageException("--threads must be at least 1, got " + threads);
		batch.setThreads(threads);
		int overlayWidth = args.integer("overlay-width", org.ecgdigitizer.core.io.Overlays.REVIEW_WIDTH);
		if (overlayWidth < 0) throw new Args.UsageException("--overlay-width must be 0 (the page's size) or more pixels");
		batch.setOverlayWidth(overlayWidth);
		ProgressLine progress = new ProgressLine(err);
		List<BatchDigitizer.Result> results = batch.run(files, progress, r -> {
			String page = r.pages > 1 ? " page " + r.page : "";
			if (r.ok || r.status.equals("partial")) {
				out.printf(Locale.ROOT, "%s%s -> %s (%s%s, %s, %.2f s)%n", r.input, page, outDir.resolve(r.stem),
					r.status.equals("partial") ? "PARTIAL, " : "", r.layout.isEmpty() ? "?" : r.layout, r.leadsDigitized <
						0 ? r.message : r.leadsDigitized + "/" + r.leadsPrinted + " leads", r.seconds);
			}
			else {
				err.println("error: " + r.input + page + ": " + r.message);
			}
		});
		progress.finish();
		if (results.size() > 1) BatchDigitizer.writeSummary(results, outDir.resolve("summary.csv"));
		long ok = results.stream().filter(r -> r.ok).count();
		long partial = results.stream().filter(r -> r.status.equals("partial")).count();
		long failed = results.size() - ok - partial;
		out.printf(Locale.ROOT, "%d of %d page(s) digitized%s%s%n", ok, results.size(), partial > 0 ? "; " + partial +
			" partial record(s) written" : "", failed > 0 ? "; " + failed + " failed (see the errors above)" : "");
		return failed + partial > 0 ? 1 : 0;
	}
}
