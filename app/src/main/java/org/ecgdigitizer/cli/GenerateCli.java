package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.Distortions;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/** {@code generate --out DIR}: synthetic ECG pages with exact ground truth, for testing and training. */
final class GenerateCli implements CliCommand {

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String summary() {
		return "Generate synthetic ECG pages (PNG, vector PDF) with exact ground truth (JSON, WFDB full and masked " +
			"records).";
	}

	@Override
	public String synopsis() {
		return "--out DIR [options]";
	}

	@Override
	public List<Option> options() {
		return List.of(Option.value("out", "DIR", "output folder (created if needed)"),
			Option.value("count", "N", "number of pages", 1),
			Option.value("format", "LIST", "page files: any of png, pdf (the clean page as a vector PDF: traces as " +
				"paths, grid as lines, labels as text), pdf-raster (the PNG inside a PDF, as a scanner writes it: " +
				"NAME-scan.pdf)", "png"),
			Option.value("seed", "S", "seed of the first page; page i uses S+i and is named ecg-<seed>", 1),
			Option.value("layout", "SPEC", "3x4, 3x4+1, 3x4+2, 3x4+3 (optionally :LEADS), 6x2, 12x1; add /cabrera",
				"3x4+1"),
			Option.value("dpi", "DPI", "resolution, 72-600", 200),
			Option.value("distort", "LIST", "distortions, e.g. rotate,noise or rotate:3,noise:0.04; any of " + String
				.join(",", Distortions.Kind.ids()), "none"),
			Option.value("record", "FILE", "plot this record (.hea or .csv) instead of a synthesized one"),
			Option.value("speed", "MM_PER_S", "paper speed, 25 or 50", 25),
			Option.value("gain", "MM_PER_MV", "gain, 5, 10 or 20", 10),
			Option.value("grid-color", "COLOR", "red, pink, orange, green, blue, grey or black", "red"),
			Option.value("grid-style", "STYLE", "lines, dots or none", "lines"),
			Option.value("grid-contrast", "C", "grid strength, 0-1 (lower is fainter)", 1),
			Option.value("paper", "PAPER", "letter or a4 (landscape)", "letter"),
			Option.flag("cabrera", "print the limb leads in Cabrera order with -aVR"),
			Option.flag("no-pulse", "leave out the calibration pulses"),
			Option.flag("no-labels", "leave out the lead labels"),
			Option.flag("no-separators", "leave out the column separator ticks"),
			Option.flag("no-header", "leave out the patient header and the settings footer"),
			Option.value("trace-width", "MM", "pen width of the trace", 0.3),
			Option.value("trace-color", "COLOR", "black or darkblue", "black"),
			Option.value("fs", "HZ", "sampling frequency of the synthesized signal", 500),
			Option.flag("overwrite", "replace existing files"),
			Option.value("benchmark", "N", "render N pages in memory only and print the median and p90 time per page"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		PageSpec spec = spec(args);
		long seed = args.longValue("seed", 1);
		double fs = args.number("fs", 500);
		if (!(fs >= 50 && fs <= 10_000)) throw new Args.UsageException("--fs must be 50 to 10000 Hz, got " + fs);
		EcgRecord given = args.has("record") ? Records.read(Paths.get(args.string("record", null))) : null;
		if (args.has("benchmark")) return benchmark(args.integer("benchmark", 10), spec, seed, fs, given, out, err);

		Path outDir = Paths.get(args.required("out"));
		int count = args.integer("count", 1);
		if (count < 1) throw new Args.UsageException("--count must be at least 1");
		Set<SyntheticPage.PageFile> formats;
		try {
			formats = SyntheticPage.PageFile.parse(args.string("format", "png"));
		}
		catch (EcgException e) {
			throw new Args.UsageException(e.getMessage());
		}
		if (formats.contains(SyntheticPage.PageFile.PDF) && !spec.distortions().isEmpty()) {
			throw new Args.UsageException("--format pdf writes the clean page as vectors; distortions exist only in " +
				"pixels: use --format png or pdf-raster with --distort");
		}
		if (!args.flag("overwrite")) {
			for (int i = 0; i < count; i++) {
				for (Path p : SyntheticPage.files(outDir, stem(seed + i), formats)) {
					if (Files.exists(p)) {
						throw new EcgException(p + " already exists; add --overwrite to replace it or choose another" +
							" --out or --seed");
					}
				}
			}
		}
		ProgressLine progress = new ProgressLine(err);
		for (int i = 0; i < count; i++) {
			long pageSeed = seed + i;
			String stem = stem(pageSeed);
			progress.status(String.format(Locale.ROOT, "%d/%d %s", i + 1, count, stem));
			progress.items(i, count);
			EcgRecord record = given != null ? given.withName(stem) : PageGenerator.synthesize(pageSeed, fs, stem);
			SyntheticPage page = PageGenerator.render(record, spec, pageSeed);
			page.write(outDir, stem, formats);
			for (SyntheticPage.PageFile f : formats) out.println(outDir.resolve(stem + f.suffix));
		}
		progress.items(count, count);
		progress.finish();
		out.printf(Locale.ROOT, "%d page(s) written to %s (%s)%n", count, outDir, spec);
		return 0;
	}

	static String stem(long seed) {
		return "ecg-" + seed;
	}

	private static PageSpec spec(Args args) {
		String layout = args.string("layout", "3x4+1");
		if (args.flag("cabrera") && !layout.toLowerCase(Locale.ROOT).contains("/cabrera")) layout += "/cabrera";
		double speed = args.number("speed", 25), gain = args.number("gain", 10);
		return PageSpec.defaults().withLayout(layout).withDpi(args.integer("dpi", 200)).withSpeed(speed).withGain(gain)
			.withDistortions(args.string("distort", "none")).withGridColor(PageSpec.GridColor.parse(args.string(
				"grid-color", "red"))).withGridStyle(PageSpec.GridStyle.parse(args.string("grid-style", "lines")))
			.withGridContrast(args.number("grid-contrast", 1)).withPaper(PageSpec.Paper.parse(args.string("paper",
				"letter"))).withPulses(!args.flag("no-pulse")).withLabels(!args.flag("no-labels")).withSeparators(!args
					.flag("no-separators")).withHeader(!args.flag("no-header")).withTraceWidthMm(args.number(
						"trace-width", 0.3)).withTraceColor(PageSpec.TraceColor.parse(args.string("trace-color",
							"black")));
	}

	/** Renders pages in memory (no files) and prints the median and 90th percentile seconds per page. */
	private static int benchmark(int n, PageSpec spec, long seed, double fs, EcgRecord given, PrintStream out,
		PrintStream err)
	{
		if (n < 1) throw new Args.UsageException("--benchmark needs at least 1 page");
		ProgressLine progress = new ProgressLine(err);
		double[] seconds = new double[n];
		double[] cpuSeconds = new double[n];
		// one page first so that class loading and compilation do not count
		long warm = System.nanoTime();
		PageGenerator.render(given != null ? given : PageGenerator.synthesize(seed - 1, fs, stem(seed - 1)), spec,
			seed - 1);
		double first = (System.nanoTime() - warm) / 1e9;
		for (int i = 0; i < n; i++) {
			progress.items(i, n);
			long pageSeed = seed + i;
			EcgRecord record = given != null ? given : PageGenerator.synthesize(pageSeed, fs, stem(pageSeed));
			long t = System.nanoTime();
			long cpu = processCpuNanos();
			PageGenerator.render(record, spec, pageSeed);
			seconds[i] = (System.nanoTime() - t) / 1e9;
			cpuSeconds[i] = (processCpuNanos() - cpu) / 1e9;
		}
		progress.items(n, n);
		progress.finish();
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		double median = quantile(sorted, 0.5), p90 = quantile(sorted, 0.9);
		double[] cpuSorted = cpuSeconds.clone();
		Arrays.sort(cpuSorted);
		out.printf(Locale.ROOT, "%s%n", spec);
		out.printf(Locale.ROOT, "%d page(s) of %d x %d px rendered in memory (signal synthesis not timed), %d" +
			" processor(s), Java %s%n", n, spec.widthPx(), spec.heightPx(), Runtime.getRuntime().availableProcessors(),
			System.getProperty("java.version"));
		out.printf(Locale.ROOT, "seconds per page: median %.3f, p90 %.3f, min %.3f, max %.3f (first, untimed page: %.3f)%n",
			median, p90, sorted[0], sorted[n - 1], first);
		if (cpuSorted[n - 1] > 0) {
			// CPU time of the whole process (all threads, including the garbage collector): a steadier
			// figure than wall time on a shared machine
			out.printf(Locale.ROOT, "CPU seconds per page (all threads): median %.3f, p90 %.3f; load average %.1f%n",
				quantile(cpuSorted, 0.5), quantile(cpuSorted, 0.9), ManagementFactory.getOperatingSystemMXBean()
					.getSystemLoadAverage());
		}
		return 0;
	}

	/** The q-quantile of sorted values: the median interpolates between the middle two, p90 is the nearest rank. */
	private static double quantile(double[] sorted, double q) {
		int n = sorted.length;
		if (q == 0.5) return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
		return sorted[Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1))];
	}

	/** CPU time used by this process so far, or 0 where the JVM does not report it. */
	private static long processCpuNanos() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean) {
			return Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime());
		}
		return 0;
	}
}
