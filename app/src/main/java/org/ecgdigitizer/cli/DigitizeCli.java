package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ReadOptions;

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
			Option.value("pdf-dpi", "DPI", "resolution PDF pages are rendered at when they are not vector ECGs",
				ReadOptions.DEFAULT_PDF_DPI),
			Option.flag("pdf-render", "render every PDF page to pixels, even one that draws its traces as vectors"),
			Option.value("page-timeout", "SECONDS", "time limit per page; a page taking longer is stopped and " +
				"reported (0: none)", PageDigitizer.DEFAULT_PAGE_TIMEOUT_S),
			Option.flag("keep-partial", "write a record marked partial for a page with too few leads traced " +
				"(fewer than half of those printed) instead of failing it"),
			Option.value("overlay-width", "PX", "largest width of the review overlay (png); 0 for the page's own size",
				org.ecgdigitizer.core.io.Overlays.REVIEW_WIDTH),
			Option.value("threads", "N", "pages digitized at once (each holds its page in memory)", "the number of " +
				"cores, " + BatchDigitizer.defaultThreads() + " here"),
			Option.flag("overwrite", "digitize again pages whose records exist (otherwise they are kept, so a " +
				"stopped run continues)"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		Path outDir = Paths.get(args.required("out"));
		DigitizerSettings settings = DigitizerSettings.parse(args.number("fs", 500), args.string("layout", "auto"),
			args.string("gain", "auto"), args.string("speed", "auto"), args.string("ink", null));
		ReadOptions read = ReadOptions.defaults().withPdfDpi(args.number("pdf-dpi", ReadOptions.DEFAULT_PDF_DPI))
			.withVectors(!args.flag("pdf-render"));
		double timeout = args.number("page-timeout", PageDigitizer.DEFAULT_PAGE_TIMEOUT_S);
		if (!(timeout >= 0)) throw new Args.UsageException("--page-timeout must be 0 (none) or more seconds");
		List<Path> inputs = new ArrayList<>();
		for (String p : args.positionals()) inputs.add(Paths.get(p));
		if (inputs.isEmpty()) throw new Args.UsageException("No pages given; name image or PDF files or folders");
		List<Path> files = BatchDigitizer.expand(inputs, args.string("pattern", null), outDir);
		if (files.isEmpty()) throw new Args.UsageException("No image or PDF files found in " + inputs);
		BatchDigitizer batch = new BatchDigitizer(new PageDigitizer(settings, read, timeout, args.flag(
			"keep-partial")), outDir, DigitizationFiles.Format.parse(args.string("formats", "wfdb,csv,json,png")), args
				.flag("overwrite"));
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
