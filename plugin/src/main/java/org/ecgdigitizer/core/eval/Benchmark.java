package org.ecgdigitizer.core.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Futures;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;

/**
 * Runs a digitizer over the pages of some conditions, in this process, one page at a time, and
 * scores every page against its masked reference with the Challenge 2024 and Kaggle 2025 SNR.
 *
 * <p>Measured per page, after a few unmeasured warm-up pages: the seconds the digitizer took (not
 * making, reading, scoring or writing the page), wall clock and CPU time of its thread, and the
 * run's peak heap. Pages run one after another by default; with several threads ({@link #setThreads})
 * they run side by side, the CPU seconds (of each page's own thread) and each stage's share stay
 * comparable, and the report gives pages per second.</p>
 *
 * <p>On request ({@link #setHeapPerPage}, one page at a time) the peak heap of each page: before
 * each page the heap is collected and the pools' peaks are reset, so the peak covers the digitizer
 * and its input page, not the garbage of the page generator; it still includes garbage the
 * digitizer made and the collector had not yet reclaimed, so it depends on the heap limit (-Xmx)
 * and the collector. Its CPU seconds are not those of a normal run: the full collection shrinks the
 * heap, and the page's own thread pays to grow it back (a quarter more CPU on 200 dpi pages).</p>
 *
 * <p>With an output folder, each condition gets a sub-folder that {@code bench --dataset} reads
 * back: {@code <page>.png} (the page) and {@code <page>_masked.hea/.dat} (the reference), and in
 * {@code digitized/} the prediction ({@code <page>.hea/.dat}, {@code <page>.json}), the review
 * overlay {@code <page>-overlay.png} (for a refused page: the rectified page as
 * {@code <page>-rectified.png}, when it got that far) and {@code <page>-error.txt} for a failure.</p>
 */
public final class Benchmark {

	/** Sub-folder of a condition's output folder that holds what the digitizer produced. */
	public static final String DIGITIZED = "digitized";

	private final BenchmarkDigitizer digitizer;
	private final Path outDir;
	private int threads = 1;
	private boolean heapPerPage;

	/** @param outDir where to write pages, references, predictions and overlays; null for nowhere */
	public Benchmark(BenchmarkDigitizer digitizer, Path outDir) {
		this.digitizer = digitizer;
		this.outDir = outDir;
	}

	/** Digitizes this many pages at once (1 by default). */
	public void setThreads(int threads) {
		if (threads < 1) throw new EcgException("threads must be at least 1, got " + threads);
		this.threads = threads;
	}

	/**
	 * Measures the peak heap of each page, after a full collection before it (false by default:
	 * only the run's peak is measured). It needs one page at a time, and the CPU seconds it reports
	 * include regrowing the heap the collection shrank.
	 */
	public void setHeapPerPage(boolean heapPerPage) {
		this.heapPerPage = heapPerPage;
	}

	/**
	 * Runs every condition and returns the report. Stops early (with the conditions done so far)
	 * when the progress says cancel.
	 *
	 * @param setup how the pages were made (source, seed, pages per condition), copied into the report
	 */
	public BenchmarkReport run(List<BenchmarkCondition> conditions, Map<String, Object> setup, Progress progress)
		throws IOException
	{
		String date = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		warmUp(conditions, progress);
		List<int[]> jobs = new ArrayList<>();
		for (int c = 0; c < conditions.size(); c++) for (int i = 0; i < conditions.get(c).pages; i++) jobs.add(new int[] {
			c, i });
		int total = jobs.size();
		AtomicInteger done = new AtomicInteger();
		Object shown = new Object();
		if (heapPerPage && threads != 1) {
			throw new EcgException("the heap is measured per page only one page at a time; run with 1 thread, not " +
				threads);
		}
		resetHeapPeaks();
		long runStart = System.nanoTime();
		List<PageRun> runs = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "ecg-digitizer bench");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<PageRun>> futures = new ArrayList<>();
			for (int[] job : jobs) {
				BenchmarkCondition condition = conditions.get(job[0]);
				futures.add(pool.submit(() -> {
					if (progress.isCanceled()) return null;
					synchronized (shown) {
						progress.status(String.format(Locale.ROOT, "%s %d/%d", condition.name, job[1] + 1, condition.pages));
					}
					PageRun run = runPage(condition, job[1], heapPerPage);
					synchronized (shown) {
						progress.items(done.incrementAndGet(), total);
					}
					return run;
				}));
			}
			for (Future<PageRun> f : futures) runs.add(Futures.await(f, "the benchmark"));
		}
		finally {
			pool.shutdownNow();
		}
		double wall = (System.nanoTime() - runStart) / 1e9;
		long runPeak = heapPeakBytes();
		List<BenchmarkReport.ConditionResult> results = new ArrayList<>();
		int measured = 0;
		double digitizerSeconds = 0;
		for (int c = 0, j = 0; c < conditions.size(); c++) {
			BenchmarkCondition condition = conditions.get(c);
			List<BenchmarkReport.PageResult> pages = new ArrayList<>();
			long peak = -1;
			for (int i = 0; i < condition.pages; i++, j++) {
				PageRun run = runs.get(j);
				// pages not started when the run was cancelled
				if (run == null) continue;
				pages.add(run.result);
				peak = Math.max(peak, run.peakHeapBytes);
				if (run.result.scored() && !Double.isNaN(run.result.seconds)) {
					measured++;
					digitizerSeconds += run.result.seconds;
				}
			}
			if (pages.isEmpty() && progress.isCanceled()) break;
			results.add(new BenchmarkReport.ConditionResult(condition.name, condition.description, pages, peak < 0
				? Double.NaN : peak / (1024.0 * 1024.0), condition.settings));
		}
		Map<String, Object> throughput = new LinkedHashMap<>();
		throughput.put("threads", threads);
		throughput.put("pages", measured);
		throughput.put("wall_seconds", wall);
		throughput.put("pages_per_second", measured / wall);
		// N threads each digitizing pages back to back, at the wall time per page measured while
		// the run's other pages were made, read and scored beside them
		throughput.put("digitizer_pages_per_second", digitizerSeconds > 0 ? measured * threads / digitizerSeconds
			: Double.NaN);
		throughput.put("peak_heap_mb", heapPerPage ? Double.NaN : runPeak / (1024.0 * 1024.0));
		Map<String, Object> machine = machine();
		// other work on the machine slows the digitizer down: say how busy it was
		machine.put("load_average_start", loadBefore < 0 ? null : loadBefore);
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		machine.put("load_average_end", loadAfter < 0 ? null : loadAfter);
		BenchmarkReport report = new BenchmarkReport(digitizer.name(), setup, machine, date, results, throughput);
		if (outDir != null) {
			Files.createDirectories(outDir);
			AtomicFiles.writeString(outDir.resolve("report.json"), Json.write(report.toJson()));
			AtomicFiles.writeString(outDir.resolve("report.txt"), report.table() + report.problems() + report
				.layoutProblems() + report.settingsUsed());
		}
		return report;
	}

	/** Pages digitized, unmeasured, before the first measured one: at least this many, and one of every condition. */
	static final int WARM_UP_PAGES = 10;

	/**
	 * Digitizes pages unmeasured so that the times are those of a warm JVM, as in a long run: a
	 * fresh one takes tens of pages to compile the digitizer's code, and the first pages take two
	 * to four times as long. The first page of every condition (each condition runs code of its own:
	 * the learned ink on photos, the perspective tiles on copies), then the conditions' next pages in
	 * turn up to {@link #WARM_UP_PAGES}.
	 */
	private void warmUp(List<BenchmarkCondition> conditions, Progress progress) {
		List<int[]> pages = warmUpPages(conditions);
		for (int k = 0; k < pages.size() && !progress.isCanceled(); k++) {
			int[] p = pages.get(k);
			progress.status(String.format(Locale.ROOT, "warming up %d/%d", k + 1, pages.size()));
			try {
				digitizer.digitize(conditions.get(p[0]).page(p[1]));
			}
			catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
				// the page's own run reports whatever went wrong
			}
		}
	}

	/** The warm-up's pages as {condition, page}: a round over the conditions, then more rounds until enough. */
	static List<int[]> warmUpPages(List<BenchmarkCondition> conditions) {
		List<int[]> pages = new ArrayList<>();
		for (int i = 0; ; i++) {
			boolean any = false;
			for (int c = 0; c < conditions.size(); c++) {
				if (i >= conditions.get(c).pages || i > 0 && pages.size() >= WARM_UP_PAGES) continue;
				pages.add(new int[] { c, i });
				any = true;
			}
			if (!any || pages.size() >= WARM_UP_PAGES) return pages;
		}
	}

	private static final class PageRun {
		final BenchmarkReport.PageResult result;
		final long peakHeapBytes;

		PageRun(BenchmarkReport.PageResult result, long peakHeapBytes) {
			this.result = result;
			this.peakHeapBytes = peakHeapBytes;
		}
	}


	/** @param measureHeap collect the heap before the page and read its peak after (one page at a time only) */
	private PageRun runPage(BenchmarkCondition condition, int index, boolean measureHeap) throws IOException {
		String name = condition.pageName(index);
		BenchmarkPage page;
		try {
			page = condition.page(index);
		}
		catch (EcgException e) {
			return new PageRun(BenchmarkReport.PageResult.skipped(name, e.getMessage(), ""), -1);
		}
		Path dir = outDir == null ? null : outDir.resolve(condition.name);
		if (dir != null) writeInput(page, dir);

		if (measureHeap) resetHeapPeaks();
		long cpuStart = threadCpuNanos();
		long start = System.nanoTime();
		BenchmarkDigitizer.Outcome outcome;
		String failure;
		try {
			outcome = digitizer.digitize(page);
			failure = outcome.failure;
		}
		catch (EcgException e) {
			outcome = null;
			failure = e.getMessage();
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
			outcome = null;
			failure = crash(e);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long cpuEnd = threadCpuNanos();
		double cpuSeconds = cpuStart < 0 || cpuEnd < 0 ? Double.NaN : (cpuEnd - cpuStart) / 1e9;
		long peak = measureHeap ? heapPeakBytes() : -1;

		boolean ok = failure == null && outcome.record != null;
		if (!ok && failure == null) failure = "the digitizer returned no record";
		RecordScore score;
		try {
			score = Evaluation.score(page.reference.withName(page.name), ok ? outcome.record : null);
		}
		catch (EcgException e) {
			// a prediction that cannot be compared (wrong sampling rate, duplicate leads) is a failure
			ok = false;
			failure = "prediction cannot be scored: " + e.getMessage();
			score = Evaluation.score(page.reference.withName(page.name), null);
		}
		String detected = outcome == null ? "" : outcome.detected();
		LayoutCheck layout = null;
		if (page.truth != null) {
			if (!ok) layout = LayoutCheck.refused(page.truth);
			else if (outcome.digitization != null) layout = LayoutCheck.compare(page.truth, outcome.digitization.layout);
		}
		BenchmarkReport.PageResult result = BenchmarkReport.PageResult.scored(page.name, ok
			? BenchmarkReport.Status.OK : BenchmarkReport.Status.FAILED, ok ? "" : failure, page.details, detected,
			seconds, cpuSeconds, score, page.reference.samplingFrequency(), layout, outcome == null ? null
				: outcome.stages);
		if (ok && page.truth != null && outcome.digitization != null) {
			result = result.withTimeZeroError(page.truth.timeZeroError(outcome.digitization.layout.x0));
		}
		if (dir != null) {
			try {
				writeOutput(page, outcome, ok ? null : failure, dir.resolve(DIGITIZED));
			}
			catch (RuntimeException e) {
				// the scores stand; say why the review files are missing
				result = result.withReason((result.reason.isEmpty() ? "" : result.reason + "; ") +
					"review files not written: " + crash(e).substring("crashed: ".length()));
			}
		}
		return new PageRun(result, peak);
	}

	/** "crashed: IllegalStateException: message at TraceExtractor.extract(TraceExtractor.java:120)". */
	static String crash(Throwable e) {
		StringBuilder sb = new StringBuilder("crashed: ").append(e.getClass().getSimpleName());
		if (e.getMessage() != null) sb.append(": ").append(e.getMessage());
		StackTraceElement[] trace = e.getStackTrace();
		StackTraceElement where = trace.length > 0 ? trace[0] : null;
		for (StackTraceElement t : trace) {
			if (t.getClassName().startsWith("org.ecgdigitizer.")) {
				where = t;
				break;
			}
		}
		if (where != null) {
			String cls = where.getClassName();
			sb.append(" at ").append(cls.substring(cls.lastIndexOf('.') + 1)).append('.').append(where.getMethodName())
				.append('(').append(where.getFileName()).append(':').append(where.getLineNumber()).append(')');
		}
		return sb.toString();
	}

	private static void writeInput(BenchmarkPage page, Path dir) throws IOException {
		Files.createDirectories(dir);
		ImageFiles.writePng(page.image, dir.resolve(page.name + ".png"));
		Wfdb.write(page.reference.withName(page.name + Evaluation.MASKED_SUFFIX), dir);
		// the truth beside the page, so that the folder read back with --dataset scores the layout too
		if (page.truthJson != null) AtomicFiles.writeString(LayoutTruth.beside(dir.resolve(page.name + ".png")), Json
			.writeCompact(page.truthJson));
	}

	private static void writeOutput(BenchmarkPage page, BenchmarkDigitizer.Outcome outcome, String failure, Path dir)
		throws IOException
	{
		Files.createDirectories(dir);
		if (failure != null) {
			AtomicFiles.writeString(dir.resolve(page.name + "-error.txt"), failure + "\n");
			if (outcome != null && outcome.review != null) {
				ImageFiles.writePng(outcome.review.get(), dir.resolve(page.name + "-rectified.png"));
			}
			return;
		}
		if (outcome.digitization != null) {
			DigitizationFiles.write(outcome.digitization, outcome.review, dir, page.name, EnumSet.of(
				DigitizationFiles.Format.WFDB, DigitizationFiles.Format.JSON, DigitizationFiles.Format.PNG), true);
		}
		else {
			Wfdb.write(outcome.record.withName(page.name), dir);
			if (outcome.review != null) {
				BufferedImage review = outcome.review.get();
				ImageFiles.writePng(review, dir.resolve(page.name + "-overlay.png"));
			}
		}
	}

	// ------------------------------------------------------------------ measuring

	private static List<MemoryPoolMXBean> heapPools() {
		List<MemoryPoolMXBean> pools = new ArrayList<>();
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
			if (p.getType() == MemoryType.HEAP && p.isValid()) pools.add(p);
		}
		return pools;
	}

	/** CPU time of this thread in nanoseconds, or -1 where the JVM cannot measure it. */
	private static long threadCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try {
			return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
		}
		catch (UnsupportedOperationException e) {
			return -1;
		}
	}

	/** Collects the heap, then starts the pools' peak counters afresh. */
	private static void resetHeapPeaks() {
		System.gc();
		for (MemoryPoolMXBean p : heapPools()) p.resetPeakUsage();
	}

	/** Sum of the heap pools' peaks since the reset (they may peak at different moments: an upper bound). */
	private static long heapPeakBytes() {
		long sum = 0;
		for (MemoryPoolMXBean p : heapPools()) {
			if (p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
		}
		return sum;
	}

	/** The machine: cores, CPU model, Java version and VM, heap limit, operating system. */
	public static Map<String, Object> machine() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("cores", Runtime.getRuntime().availableProcessors());
		m.put("cpu", cpuModel());
		m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
		m.put("max_heap_mb", Math.round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0)));
		m.put("gc", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
			.toArray(String[]::new)));
		m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty(
			"os.arch"));
		return m;
	}

	/** The CPU model from /proc/cpuinfo, or the architecture where there is none. */
	static String cpuModel() {
		Path info = Paths.get("/proc/cpuinfo");
		try {
			if (Files.isReadable(info)) {
				for (String line : Files.readAllLines(info)) {
					if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// only informative
		}
		return System.getProperty("os.arch");
	}
}
