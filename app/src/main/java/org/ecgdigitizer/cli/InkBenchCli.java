package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.classify.InkScores;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.classify.InkTraining;
import org.ecgdigitizer.core.eval.BenchmarkMatrix;
import org.ecgdigitizer.core.preprocess.InkSource;

/**
 * {@code ink-bench}: pixel precision and recall of ink models against the true trace, per
 * benchmark condition (the same seeded pages as {@code bench}) or per sub-folder of ecg-image-kit pages.
 */
final class InkBenchCli implements CliCommand {

	@Override
	public String name() {
		return "ink-bench";
	}

	@Override
	public String summary() {
		return "Pixel precision and recall of ink models (rules, learned, .model files) against the true trace.";
	}

	@Override
	public String synopsis() {
		return "[--ink LIST] [--pages N] [--conditions LIST] [--seed S] | --dataset DIR";
	}

	@Override
	public List<Option> options() {
		return List.of(Option.value("ink", "LIST", "comma-separated ink models: rules, learned or .model files",
			"rules,learned"), Option.value("pages", "N", "synthetic pages per condition", BenchCli.DEFAULT_PAGES),
			Option.value("conditions", "LIST", "synthetic conditions (see bench --list)", "all"),
			Option.value("seed", "S", "seed of the page matrix, as for bench", BenchCli.DEFAULT_SEED),
			Option.value("dataset", "DIR", "ecg-image-kit pages (PNG + JSON), one condition per sub-folder"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		List<String> names = new ArrayList<>();
		List<InkSource> sources = new ArrayList<>();
		for (String s : args.string("ink", "rules,learned").split(",")) {
			if (s.isBlank()) continue;
			sources.add(InkSources.parse(s.trim()));
			names.add(s.trim());
		}
		Map<String, List<Object>> conditions = new LinkedHashMap<>();
		if (args.has("dataset")) {
			Path dir = Paths.get(args.required("dataset"));
			for (Path png : InkTraining.eikPages(dir)) {
				String c = png.getParent().equals(dir) ? dir.getFileName().toString() : png.getParent().getFileName()
					.toString();
				conditions.computeIfAbsent(c, k -> new ArrayList<>()).add(png);
			}
		}
		else {
			int pages = args.integer("pages", BenchCli.DEFAULT_PAGES);
			long seed = args.longValue("seed", BenchCli.DEFAULT_SEED);
			List<String> chosen = args.list("conditions");
			if (chosen.isEmpty()) chosen = new ArrayList<>(BenchmarkMatrix.descriptions().keySet());
			for (String c : chosen) {
				List<Object> list = new ArrayList<>();
				for (int i = 0; i < pages; i++) list.add(BenchmarkMatrix.rendering(c, i, seed));
				conditions.put(c, list);
			}
		}
		StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s %5s", "condition", "pages"));
		for (String n : names) head.append(String.format(Locale.ROOT, " %22s", shortName(n) + " P / R"));
		out.println(head);
		ProgressLine progress = new ProgressLine(err);
		InkScores.Score[] all = new InkScores.Score[sources.size()];
		for (int k = 0; k < all.length; k++) all[k] = new InkScores.Score();
		int total = conditions.values().stream().mapToInt(List::size).sum(), done = 0;
		try {
			for (Map.Entry<String, List<Object>> c : conditions.entrySet()) {
				InkScores.Score[] scores = new InkScores.Score[sources.size()];
				for (int k = 0; k < scores.length; k++) scores[k] = new InkScores.Score();
				for (Object page : c.getValue()) {
					progress.status(c.getKey());
					progress.items(done++, total);
					for (int k = 0; k < sources.size(); k++) {
						InkScores.Score s;
						if (page instanceof Path) s = InkScores.eik(sources.get(k), (Path) page);
						else {
							BenchmarkMatrix.Rendering r = (BenchmarkMatrix.Rendering) page;
							s = InkScores.synthetic(sources.get(k), r.signal, r.spec, r.pageSeed);
						}
						scores[k].add(s);
						all[k].add(s);
					}
				}
				out.println(row(c.getKey(), c.getValue().size(), scores));
			}
		}
		finally {
			progress.finish();
		}
		out.println(row("all", total, all));
		out.println();
		out.println("P: share of ink pixels within 1 px of the true trace (text left out); R: share of the trace's " +
			"centre line with ink within 1 px. Ink: probability above 0.3, on the page as given at its true scale.");
		return 0;
	}

	private static String shortName(String n) {
		return n.length() > 14 ? "..." + n.substring(n.length() - 11) : n;
	}

	private static String row(String name, int pages, InkScores.Score[] scores) {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %5d", name, pages));
		for (InkScores.Score s : scores) sb.append(String.format(Locale.ROOT, " %22s", String.format(Locale.ROOT,
			"%.3f / %.3f", s.precision(), s.recall())));
		return sb.toString();
	}
}
