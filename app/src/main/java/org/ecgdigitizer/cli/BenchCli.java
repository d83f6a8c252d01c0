package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.args.Args;
import org.ecgdigitizer.core.args.Option;
import org.ecgdigitizer.core.eval.Benchmark;
import org.ecgdigitizer.core.eval.BenchmarkCondition;
import org.ecgdigitizer.core.eval.BenchmarkDataset;
import org.ecgdigitizer.core.eval.BenchmarkDigitizer;
import org.ecgdigitizer.core.eval.BenchmarkMatrix;
import org.ecgdigitizer.core.eval.BenchmarkReport;
import org.ecgdigitizer.core.eval.BenchmarkSettings;
import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.Json;

/**
 * {@code bench}: digitizes a fixed, seeded matrix of synthetic pages (or a folder of pages with
 * references) in this process and reports, per condition, the scores, failures, time and memory.
 */
final class BenchCli implements CliCommand {

	static final int DEFAULT_PAGES = 5;
	static final long DEFAULT_SEED = 1;

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String summary() {
		return "Benchmark the digitizer on seeded synthetic pages (or a folder of pages with references): SNR, failures, time, memory.";
	}

	@Override
	public String synopsis() {
		return "[--pages N] [--conditions LIST] [--seed S] [--out DIR] [--dataset DIR] [--settings COND:KEY=VALUE[;KEY=VALUE]]..."
			+ " [--digitizer real|flat] [--ink rules|learned|auto|FILE.model] [--threads N] [--heap] [--json FILE]";
	}

	@Override
	public List<Option> options() {
		return List.of(
			Option.value("pages", "N", "synthetic pages per condition", DEFAULT_PAGES),
			Option.value("conditions", "LIST", "comma-separated conditions to run (see --list)", "all"),
			Option.value("seed", "S", "seed of the page matrix; the same seed gives the same pages", DEFAULT_SEED),
			Option.value("dataset", "DIR", "score pages in DIR (or its sub-folders) against <name>_masked.hea or <name>.hea beside each image, instead of synthetic pages"),
			Option.value("settings", "COND:KEY=VALUE", "tell the digitizer KEY (layout, gain or speed) for the pages of"
				+ " condition COND ('*' for all), e.g. 6x2:layout=6x2/same-window; pairs parted by ';'; may be repeated; wins"
				+ " over a " + BenchmarkSettings.FILE + " file beside the pages"),
			Option.value("digitizer", "NAME", "real, or flat: the 0 dB baseline (0 mV wherever the reference is plotted)", "real"),
			Option.value("ink", "MODEL", "the real digitizer's ink model: rules, learned, auto or a .model file",
				org.ecgdigitizer.core.classify.InkSources.DEFAULT),
			Option.value("threads", "N", "pages digitized at once", "the number of cores; 1 with --heap"),
			Option.flag("heap", "measure the peak heap of each page, one page at a time after a full collection (its CPU" +
				" seconds then include regrowing the heap; without it only the run's peak heap is measured)"),
			Option.value("out", "DIR", "write every page, its reference, the prediction and the review overlay here"),
			Option.value("json", "FILE", "write the full report (every page) as JSON"),
			Option.flag("list", "list the synthetic conditions and exit"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		if (args.flag("list")) {
			for (Map.Entry<String, String> c : BenchmarkMatrix.descriptions().entrySet()) {
				out.printf("  %-12s %s%n", c.getKey(), c.getValue());
			}
			return 0;
		}
		if (!args.positionals().isEmpty()) {
			throw new Args.UsageException("bench takes no file arguments (got " + args.positionals() +
				"); use --dataset DIR for a folder of pages");
		}
		BenchmarkDigitizer digitizer = BenchmarkDigitizer.named(args.string("digitizer", "real"), args.string("ink",
			null));
		Map<String, Object> setup = new LinkedHashMap<>();
		List<BenchmarkCondition> conditions;
		if (args.has("dataset")) {
			if (args.has("pages") || args.has("seed") || args.has("conditions")) {
				throw new Args.UsageException("--pages, --seed and --conditions choose synthetic pages; with --dataset every" +
					" page of the folder is used");
			}
			Path dataset = Paths.get(args.required("dataset"));
			conditions = BenchmarkDataset.conditions(dataset);
			setup.put("source", "dataset");
			setup.put("dataset", dataset.toAbsolutePath().normalize().toString());
		}
		else {
			int pages = args.integer("pages", DEFAULT_PAGES);
			if (pages < 1) throw new Args.UsageException("--pages must be at least 1, got " + pages);
			long seed = args.longValue("seed", DEFAULT_SEED);
			conditions = BenchmarkMatrix.conditions(args.list("conditions"), pages, seed);
			setup.put("source", "synthetic");
			setup.put("seed", seed);
			setup.put("pages_per_condition", pages);
		}
		conditions = withCommandLineSettings(conditions, args.all("settings"));
		setup.put("command", commandLine(args));

		Path outDir = args.has("out") ? Paths.get(args.required("out")) : null;
		boolean heapPerPage = args.flag("heap");
		int threads = args.integer("threads", heapPerPage ? 1 : BatchDigitizer.defaultThreads());
		if (threads < 1) throw new Args.UsageException("--threads must be at least 1, got " + threads);
		if (heapPerPage && threads != 1) {
			throw new Args.UsageException("--heap measures one page at a time; leave out --threads or give --threads 1");
		}
		ProgressLine progress = new ProgressLine(err);
		BenchmarkReport report;
		try {
			Benchmark bench = new Benchmark(digitizer, outDir);
			bench.setThreads(threads);
			bench.setHeapPerPage(heapPerPage);
			report = bench.run(conditions, setup, progress);
		}
		finally {
			progress.finish();
		}
		out.print(report.table());
		String speed = report.speed();
		if (!speed.isEmpty()) {
			out.println();
			out.println("CPU seconds per page (median), in all and per stage:");
			out.print(speed);
		}
		String problems = report.problems() + report.layoutProblems() + report.settingsUsed();
		if (!problems.isEmpty()) {
			out.println();
			out.print(problems);
		}
		out.println();
		out.println("mean/worst dB: Challenge 2024 SNR averaged over each page's leads, then mean and worst page;"
			+ " all dB: mean over every (page, lead), the Challenge score; failed pages count as 0 dB.");
		out.println("shift: the Challenge alignment's time shift, mean over the predicted leads in samples and ms, and"
			+ " median in ms; positive when the prediction runs late (time 0 put too early).");
		out.println("named %: true lead segments whose place holds a region of that lead; layout %: pages whose"
			+ " layout was found right (see docs/benchmark.md); - where the pages have no ground truth.");
		out.println("Digitizer: " + digitizer.name() + "; seconds and heap cover the digitizer only" + (heapPerPage
			? "; CPU seconds include regrowing the heap after the collection before each page" :
			"; heap: measured per page only with --heap") + ".");
		if (args.has("json")) {
			Path json = Paths.get(args.required("json"));
			AtomicFiles.writeString(json, Json.write(report.toJson()));
			out.println("Wrote " + json);
		}
		if (outDir != null) out.println("Wrote pages, references, predictions and overlays to " + outDir);
		return 0;
	}

	/**
	 * The conditions with the settings typed as {@code --settings COND:KEY=VALUE[;KEY=VALUE]}, which
	 * win over a settings file's; {@code *} names every condition.
	 */
	static List<BenchmarkCondition> withCommandLineSettings(List<BenchmarkCondition> conditions, List<String> typed) {
		List<BenchmarkCondition> out = new ArrayList<>(conditions);
		for (String t : typed) {
			int colon = t.indexOf(':');
			if (colon <= 0) {
				throw new Args.UsageException("--settings " + t + " names no condition; write COND:KEY=VALUE, for example"
					+ " 6x2:layout=6x2/same-window");
			}
			String condition = t.substring(0, colon).trim();
			BenchmarkSettings settings = BenchmarkSettings.parseAssignments(t.substring(colon + 1), "--settings");
			boolean matched = false;
			for (int i = 0; i < out.size(); i++) {
				if (!condition.equals("*") && !out.get(i).name.equalsIgnoreCase(condition)) continue;
				out.set(i, out.get(i).withSettings(settings));
				matched = true;
			}
			if (!matched) {
				List<String> names = new ArrayList<>();
				for (BenchmarkCondition c : conditions) names.add(c.name);
				throw new Args.UsageException("--settings names condition '" + condition + "', which this run does not"
					+ " have: use one of " + String.join(", ", names) + ", or *");
			}
		}
		return out;
	}

	/** The command line as it can be typed again. */
	private String commandLine(Args args) {
		StringBuilder sb = new StringBuilder("java -jar ecg-digitizer.jar ").append(name());
		for (Option o : options()) {
			if (!args.has(o.name)) continue;
			if (!o.takesValue()) {
				sb.append(" --").append(o.name);
				continue;
			}
			for (String v : o.name.equals("settings") ? args.all(o.name) : List.of(args.string(o.name, ""))) {
				sb.append(" --").append(o.name).append(' ').append(v);
			}
		}
		return sb.toString();
	}
}
