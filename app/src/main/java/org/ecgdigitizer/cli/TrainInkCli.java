package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkClassifier;
import org.ecgdigitizer.core.classify.InkTraining;
import org.ecgdigitizer.core.classify.ModelFiles;

/**
 * {@code train-ink --out model.model}: trains the ink classifier (trace, grid, paper, text) on
 * synthetic pages with exact ground truth, and on ecg-image-kit pages when a folder of them is given.
 */
final class TrainInkCli implements CliCommand {

	static final int DEFAULT_PAGES = 19;
	static final long DEFAULT_SEED = InkTraining.DEFAULT_SEED;

	@Override
	public String name() {
		return "train-ink";
	}

	@Override
	public String summary() {
		return "Train the ink classifier (a Trainable Weka Segmentation .model) on synthetic and ecg-image-kit pages.";
	}

	@Override
	public String synopsis() {
		return "--out FILE.model [--pages N] [--seed S] [--eik DIR [--eik-pages N]]";
	}

	@Override
	public List<Option> options() {
		return List.of(Option.value("out", "FILE", "the model file to write (.model, or .model.gz for gzip)"),
			Option.value("pages", "N", "synthetic training pages (every distortion in turn)", DEFAULT_PAGES),
			Option.value("seed", "S", "seed of the pages and the forest; the same seed gives the same model", DEFAULT_SEED),
			Option.value("eik", "DIR", "also train on the ecg-image-kit pages (PNG + JSON) in DIR and its sub-folders, " +
				"e.g. ../shared/data/eik-dev"),
			Option.value("eik-pages", "N", "use N of those pages, spread evenly over their sorted list (default: all)"),
			Option.flag("overwrite", "replace an existing model file"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		Path file = Paths.get(args.required("out"));
		String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".model") && !lower.endsWith(".model.gz")) {
			throw new Args.UsageException("--out must name a .model (or .model.gz) file, got " + file);
		}
		if (Files.exists(file) && !args.flag("overwrite")) {
			throw new EcgException(file + " already exists; add --overwrite to replace it");
		}
		int pages = args.integer("pages", DEFAULT_PAGES);
		if (pages < 0) throw new Args.UsageException("--pages must be 0 or more, got " + pages);
		long seed = args.longValue("seed", DEFAULT_SEED);
		List<Path> eik = args.has("eik") ? InkTraining.eikPages(Paths.get(args.required("eik"))) : new ArrayList<>();
		if (args.has("eik-pages")) eik = InkTraining.spread(eik, args.integer("eik-pages", eik.size()));
		if (pages == 0 && eik.isEmpty()) throw new Args.UsageException("no training pages: give --pages 1 or more, or --eik DIR");
		ProgressLine progress = new ProgressLine(err);
		long t = System.nanoTime();
		ModelFiles.Model model;
		try {
			model = InkTraining.train(pages, seed, eik, progress);
		}
		finally {
			progress.finish();
		}
		ModelFiles.write(model, file);
		out.printf(Locale.ROOT, "%s: %s trained on %d synthetic and %d ecg-image-kit page(s) in %.0f s, %d bytes%n",
			file, new InkClassifier(model), pages, eik.size(), (System.nanoTime() - t) / 1e9, Files.size(file));
		return 0;
	}
}
