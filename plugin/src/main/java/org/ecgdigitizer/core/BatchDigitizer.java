package org.ecgdigitizer.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.io.ReadOptions;
import org.ecgdigitizer.core.io.RecordNames;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * Digitizes many files into an output folder: every page of every file (a PDF's and a TIFF's
 * pages each), under names that never collide ({@link RecordNames}), each through {@link
 * PageDigitizer}. A page that fails is reported and the others go on. Used by the command line
 * and by Fiji's Digitize Folder.
 *
 * <p>A batch can be killed at any point and run again: files are only ever moved into place
 * complete, a record whose files are all there is kept (unless overwriting is asked for), one
 * with files missing is digitized again, and summary.csv is written anew.</p>
 */
public final class BatchDigitizer {

	/** File name endings a folder is read for. */
	public static final String IMAGE_GLOB =
		"*.{png,PNG,jpg,JPG,jpeg,JPEG,tif,TIF,tiff,TIFF,bmp,BMP,gif,GIF,webp,WEBP,pdf,PDF}";

	/** What happened to one page. */
	public static final class Result {
		/** The input file. */
		public final Path input;
		/** Page number and page count of the input (1 and 1 for an image). */
		public final int page;
		public final int pages;
		/** The record name. */
		public final String stem;
		/** ok, partial or failed. */
		public final String status;
		/** A record was written (or kept) with enough leads. */
		public final boolean ok;
		/** Error message, or the warnings when it worked. */
		public final String message;
		/** What the page was read as: "PNG", "PDF vector", ... */
		public final String readAs;
		public final String layout;
		/** Leads digitized and printed; -1 when unknown. */
		public final int leadsDigitized;
		public final int leadsPrinted;
		public final double meanConfidence;
		public final double pxPerMmX;
		public final double pxPerMmY;
		public final String scaleSource;
		public final double seconds;
		/** Kept only for in-process callers that asked for it. */
		public final Digitization digitization;

		Result(Path input, int page, int pages, String stem, String status, String message, String readAs,
			String layout, int leadsDigitized, int leadsPrinted, double meanConfidence, double pxPerMmX, double pxPerMmY,
			String scaleSource, double seconds, Digitization digitization)
		{
			this.input = input;
			this.page = page;
			this.pages = pages;
			this.stem = stem;
			this.status = status;
			this.ok = "ok".equals(status);
			this.message = message;
			this.readAs = readAs;
			this.layout = layout;
			this.leadsDigitized = leadsDigitized;
			this.leadsPrinted = leadsPrinted;
			this.meanConfidence = meanConfidence;
			this.pxPerMmX = pxPerMmX;
			this.pxPerMmY = pxPerMmY;
			this.scaleSource = scaleSource;
			this.seconds = seconds;
			this.digitization = digitization;
		}

		static Result of(PageResult r, Path input, boolean keep) {
			Digitization d = r.digitization;
			return new Result(input, r.page.number, r.page.count, r.name, r.status.id(), r.message, r.source, d == null
				? "" : d.layout.layout.spec(), r.leads == null ? -1 : r.leads.digitized.size(), r.leads == null ? -1
					: r.leads.printed.size(), r.leads == null ? Double.NaN : r.leads.meanConfidence, d == null
						? Double.NaN : d.layout.geometry.pxPerMmX, d == null ? Double.NaN : d.layout.geometry.pxPerMmY,
				d == null ? "" : d.layout.geometry.scaleSource.id(), r.seconds, keep ? d : null);
		}
	}

	private final Path outDir;
	private final Set<DigitizationFiles.Format> formats;
	private final boolean overwrite;
	private final PageDigitizer pages;
	private int threads = 1;
	private int overlayWidth = Overlays.REVIEW_WIDTH;

	/** A batch with PDFs read as vectors or at 300 dpi, 60 s per page and no partial records. */
	public BatchDigitizer(DigitizerSettings settings, Path outDir, Set<DigitizationFiles.Format> formats,
		boolean overwrite)
	{
		this(new PageDigitizer(settings, ReadOptions.defaults(), PageDigitizer.DEFAULT_PAGE_TIMEOUT_S, false), outDir,
			formats, overwrite);
	}

	public BatchDigitizer(PageDigitizer pages, Path outDir, Set<DigitizationFiles.Format> formats,
		boolean overwrite)
	{
		this.pages = pages;
		this.outDir = outDir;
		this.formats = formats;
		this.overwrite = overwrite;
	}

	/** The number of pages digitized at once by default: one per core. */
	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Digitizes this many pages at once (at least 1; 1 by default), each on its own thread. Memory
	 * grows with it: every page in flight holds its planes.
	 */
	public void setThreads(int threads) {
		if (threads < 1) throw new EcgException("threads must be at least 1, got " + threads);
		this.threads = threads;
	}

	/** The review overlay's largest width, px ({@link Overlays#REVIEW_WIDTH} by default); 0 for the page's size. */
	public void setOverlayWidth(int maxWidth) {
		if (maxWidth < 0) throw new EcgException("the overlay width must be 0 (the page's size) or more pixels, got " +
			maxWidth);
		this.overlayWidth = maxWidth;
	}

	/** The record name for a file: its name without extension, other characters replaced by '_'. */
	public static String stem(Path file) {
		return RecordNames.stem(file.getFileName().toString());
	}

	/**
	 * The files named by the inputs: files as given, folders expanded to the files in them and in
	 * their subfolders that match the glob, sorted by path. Folders never yield files inside
	 * {@code outputDir} (null for none): a batch's own overlays (PNGs) are not pages to digitize on
	 * the next run.
	 */
	public static List<Path> expand(List<Path> inputs, String glob, Path outputDir) throws IOException {
		return expand(inputs, glob, outputDir, new ArrayList<>());
	}

	/**
	 * {@link #expand(List, String, Path)}, adding to {@code leftOut} the files of the folders that the
	 * pattern does not match (notes, lead-name lists...), so that callers can say what they did not read.
	 */
	public static List<Path> expand(List<Path> inputs, String glob, Path outputDir, List<Path> leftOut)
		throws IOException
	{
		Path excluded = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + (glob == null || glob.isBlank()
			? IMAGE_GLOB : glob));
		List<Path> out = new ArrayList<>();
		for (Path p : inputs) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> s = Files.walk(p)) {
					s.filter(f -> Files.isRegularFile(f) && (excluded == null || !f.toAbsolutePath().normalize()
						.startsWith(excluded))).sorted().forEach(f -> (matcher.matches(f.getFileName()) ? out : leftOut)
							.add(f));
				}
			}
			else {
				out.add(p);
			}
		}
		return out;
	}

	/** One line naming the files a batch left out, or null when there are none. */
	public static String leftOutNote(List<Path> leftOut, String glob) {
		if (leftOut.isEmpty()) return null;
		List<String> names = new ArrayList<>();
		for (Path f : leftOut.subList(0, Math.min(5, leftOut.size()))) names.add(f.getFileName().toString());
		return leftOut.size() + " file(s) in the folders do not match '" + (glob == null || glob.isBlank() ? IMAGE_GLOB
			: glob) + "' and were not read: " + String.join(", ", names) + (leftOut.size() > 5 ? ", ..." : "") +
			" (a pattern chooses other files)";
	}

	/** Every page of every file, with its record name, in order. */
	public static Map<InputPage, String> pages(List<Path> files) {
		List<InputPage> all = new ArrayList<>();
		for (Path f : files) all.addAll(InputFile.of(f).pages());
		return RecordNames.assign(all);
	}

	/**
	 * Digitizes one page and writes its record, named {@code stem}. A record whose files are all
	 * there already is kept unless overwriting was asked for. Never throws for a bad page.
	 */
	public Result digitize(InputPage page, String stem, boolean keep, Progress progress) {
		long start = System.nanoTime();
		Path input = page.input.path();
		if (!overwrite) {
			List<Path> outputs = DigitizationFiles.outputs(outDir, stem, formats);
			if (outputs.stream().allMatch(Files::isRegularFile)) return kept(page, stem, start);
		}
		PageResult r = pages.digitize(page, stem, progress);
		if (!r.hasRecord()) return Result.of(r, input, keep);
		try {
			// files of this name that exist are an interrupted run's: this record replaces them
			DigitizationFiles.write(r.digitization, () -> r.overlay(overlayWidth), outDir, stem, formats, true, r
				.recordJson());
			return Result.of(r, input, keep);
		}
		catch (IOException | EcgException e) {
			return new Result(input, page.number, page.count, stem, "failed", "could not write outputs to " + outDir +
				": " + e.getMessage(), r.source, "", -1, -1, Double.NaN, Double.NaN, Double.NaN, "", (System.nanoTime() -
					start) / 1e9, null);
		}
	}

	/** A record an earlier run wrote, described from its JSON where there is one. */
	private Result kept(InputPage page, String stem, long start) {
		String status = "ok", layout = "", readAs = "", scale = "";
		int digitized = -1, printed = -1;
		double confidence = Double.NaN, x = Double.NaN, y = Double.NaN;
		Path json = outDir.resolve(stem + ".json");
		if (Files.isRegularFile(json)) {
			try {
				Map<String, Object> m = Json.object(Json.parse(new String(Files.readAllBytes(json),
					StandardCharsets.UTF_8)));
				if (m.get("status") instanceof String) status = (String) m.get("status");
				if (m.get("layout") instanceof String) layout = (String) m.get("layout");
				if (m.get("scale_source") instanceof String) scale = (String) m.get("scale_source");
				x = Json.number(m.get("px_per_mm_x"), Double.NaN);
				y = Json.number(m.get("px_per_mm_y"), Double.NaN);
				if (m.get("input") != null && Json.object(m.get("input")).get("read_as") instanceof String) {
					readAs = (String) Json.object(m.get("input")).get("read_as");
				}
				if (m.get("leads_check") != null) {
					Map<String, Object> leads = Json.object(m.get("leads_check"));
					digitized = (int) Json.number(leads.get("digitized"), -1);
					printed = (int) Json.number(leads.get("printed"), -1);
					confidence = Json.number(leads.get("mean_confidence"), Double.NaN);
				}
			}
			catch (IOException | RuntimeException e) {
				// the record's files are there; its description is only a convenience
			}
		}
		return new Result(page.input.path(), page.number, page.count, stem, status,
			"kept: written by an earlier run (overwrite to digitize it again)", readAs, layout, digitized, printed,
			confidence, x, y, scale, (System.nanoTime() - start) / 1e9, null);
	}

	/** Digitizes every page of the files, reporting progress per page; stops early when the progress says cancel. */
	public List<Result> run(List<Path> files, Progress progress) throws IOException {
		return run(files, progress, r -> {});
	}

	/**
	 * The same, handing each result on as soon as it and every page before it are done (a progress
	 * line, a log): results come in the order of the pages, however many threads digitize them.
	 */
	public List<Result> run(List<Path> files, Progress progress, Consumer<Result> each) throws IOException {
		AtomicFiles.removeStaleTemporaries(outDir);
		progress.status("Listing the pages of " + files.size() + " file(s)");
		List<Map.Entry<InputPage, String>> pages = new ArrayList<>(pages(files).entrySet());
		int n = pages.size();
		BatchProgress shared = new BatchProgress(progress, n);
		List<Result> results = new ArrayList<>();
		int workers = Math.min(threads, n);
		if (workers <= 1) {
			for (int i = 0; i < n && !progress.isCanceled(); i++) {
				Result r = digitize(pages.get(i).getKey(), pages.get(i).getValue(), false, shared.page(i, pages.get(i)
					.getKey()));
				shared.done(i);
				results.add(r);
				each.accept(r);
			}
			progress.items(results.size(), n);
			return results;
		}
		// a fixed pool: a page is read only when a worker takes it up, so pages in memory = threads
		ExecutorService pool = Executors.newFixedThreadPool(workers, new ThreadFactory() {
			private final AtomicInteger count = new AtomicInteger();

			@Override
			public Thread newThread(Runnable r) {
				Thread t = new Thread(r, "ecg-digitizer batch " + count.incrementAndGet());
				t.setDaemon(true);
				return t;
			}
		});
		try {
			List<Future<Result>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				InputPage page = pages.get(i).getKey();
				String stem = pages.get(i).getValue();
				futures.add(pool.submit(() -> {
					if (progress.isCanceled()) return null;
					Result r = digitize(page, stem, false, shared.page(index, page));
					shared.done(index);
					return r;
				}));
			}
			for (Future<Result> f : futures) {
				Result r = Futures.await(f, "the batch");
				// pages not started when the run was cancelled have no result
				if (r == null) continue;
				results.add(r);
				each.accept(r);
			}
		}
		finally {
			pool.shutdownNow();
		}
		progress.items(results.size(), n);
		return results;
	}


	/**
	 * The batch's progress made of its pages' progress, from several threads at once: the bar moves
	 * by the pages done and the fractions of those in flight; the status names the latest page taken up.
	 */
	private static final class BatchProgress {
		private final Progress out;
		private final int n;
		private final double[] fractions;
		private int started;

		BatchProgress(Progress out, int n) {
			this.out = out;
			this.n = n;
			this.fractions = new double[n];
		}

		/** The progress of page index: its own steps move the bar; Esc (cancel) waits for it to finish. */
		Progress page(int index, InputPage page) {
			synchronized (this) {
				started++;
				out.status(String.format(Locale.ROOT, "Digitizing %d/%d: %s", started, n, page.describe()));
				out.fraction(count() / n);
			}
			return new Progress() {
				@Override
				public void status(String message) {}

				@Override
				public void fraction(double done) {
					set(index, done);
				}
			};
		}

		void done(int index) {
			set(index, 1);
		}

		private synchronized void set(int index, double done) {
			fractions[index] = Math.max(fractions[index], Math.min(1, done));
			out.fraction(count() / n);
		}

		private double count() {
			double sum = 0;
			for (double f : fractions) sum += f;
			return sum;
		}
	}

	/** Writes summary.csv: one row per page, saying which input made which record and how well. */
	public static void writeSummary(List<Result> results, Path csv) throws IOException {
		StringBuilder sb = new StringBuilder("file,page,record,status,message,read_as,layout,leads_digitized," +
			"leads_printed,mean_confidence,px_per_mm_x,px_per_mm_y,scale_source,seconds\n");
		for (Result r : results) {
			sb.append(csvCell(r.input == null ? "" : r.input.toString())).append(',').append(r.page).append(',').append(
				r.stem).append(',').append(r.status).append(',').append(csvCell(r.message)).append(',').append(csvCell(
					r.readAs)).append(',').append(csvCell(r.layout)).append(',').append(r.leadsDigitized < 0 ? "" : String.valueOf(
						r.leadsDigitized)).append(',').append(r.leadsPrinted < 0 ? "" : String.valueOf(r.leadsPrinted))
				.append(',').append(number(r.meanConfidence, "%.3f")).append(',').append(number(r.pxPerMmX, "%.4f"))
				.append(',').append(number(r.pxPerMmY, "%.4f")).append(',').append(r.scaleSource).append(',').append(
					String.format(Locale.ROOT, "%.3f", r.seconds)).append('\n');
		}
		AtomicFiles.writeString(csv, sb.toString());
	}

	private static String number(double v, String format) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
	}

	private static String csvCell(String s) {
		if (s == null) return "";
		if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
		return s;
	}
}
