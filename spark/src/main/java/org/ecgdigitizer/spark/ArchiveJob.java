package org.ecgdigitizer.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ecgdigitizer.core.EcgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of {@link DigitizeArchive}: lists the files, leaves out those the table already
 * has when resuming, names their pages as {@code digitize} does, and digitizes the rest in batches
 * of about {@code --commit-every} pages, each one Spark job that appends its rows to the table. A
 * job that dies loses only its current batch; {@code --resume} then takes up from there.
 */
final class ArchiveJob {

	private static final Logger LOG = LoggerFactory.getLogger(ArchiveJob.class);

	/** Tasks per core and batch: enough for slow pages not to hold up a batch's end. */
	static final int TASKS_PER_CORE = 4;

	/** What a run did. */
	static final class Summary {
		/** Files listed under the inputs. */
		final int listed;
		/** Files left out because the table already had them. */
		final int alreadyDone;
		/** Pages digitized by this run (ok, partial or failed). */
		final int digitized;
		/** Rows in the table at the end, and of those, failed ones. */
		final long rows;
		final long failedRows;
		final double wallSeconds;

		Summary(int listed, int alreadyDone, int digitized, long rows, long failedRows, double wallSeconds) {
			this.listed = listed;
			this.alreadyDone = alreadyDone;
			this.digitized = digitized;
			this.rows = rows;
			this.failedRows = failedRows;
			this.wallSeconds = wallSeconds;
		}
	}

	private ArchiveJob() {}

	static Summary run(SparkSession spark, ArchiveOptions options, PrintStream out) throws IOException {
		long start = System.nanoTime();
		Configuration conf = spark.sparkContext().hadoopConfiguration();
		Path table = new Path(options.output);
		FileSystem fs = table.getFileSystem(conf);
		checkOutputs(options, conf);
		boolean exists = hasData(fs, table);
		if (exists && !options.resume && !options.overwrite) {
			throw new EcgException(options.output + " already holds a table; add --resume to continue it or " +
				"--overwrite to replace it");
		}
		if (exists && options.overwrite) {
			fs.delete(table, true);
			exists = false;
		}

		ArchiveListing listing = ArchiveListing.list(options, conf);
		if (listing.files.isEmpty()) {
			throw new EcgException("no page images or PDFs under " + String.join(", ", options.inputs) + (listing
				.notMatching > 0 ? " (" + listing.notMatching + " file(s) there do not match " + options.pattern +
					"; see --pattern)" : "") + "; check the --input paths");
		}
		Map<String, Integer> done = exists ? pagesIn(spark, options.output) : Map.of();
		List<ArchiveFile> todo = new ArrayList<>();
		for (ArchiveFile file : listing.files) if (!done.containsKey(file.path)) todo.add(file);
		int alreadyDone = listing.files.size() - todo.size();

		HadoopConf hadoop = new HadoopConf(conf);
		PageCounters counters = new PageCounters(spark.sparkContext());
		FileDigitizer digitizer = new FileDigitizer(options, hadoop, counters, version());
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		int slices = TASKS_PER_CORE * jsc.defaultParallelism();
		List<ArchiveFile> named = name(listing.files, done, todo, digitizer, jsc, slices);
		todo = new ArrayList<>();
		for (ArchiveFile file : named) if (!done.containsKey(file.path)) todo.add(file);
		int pages = 0;
		for (ArchiveFile file : todo) pages += file.records.size();
		out.printf(Locale.ROOT, "%d file(s) under the input%s%s; %d page(s) in %d file(s) to digitize into %s%n",
			listing.files.size(), listing.notMatching > 0 ? ", " + listing.notMatching + " other file(s) not matching " +
				options.pattern + " left out" : "", alreadyDone > 0 ? ", " + alreadyDone + " already in the table" : "",
			pages, todo.size(), options.output);

		ProgressLog progress = new ProgressLog(counters, pages);
		progress.start();
		try {
			int from = 0;
			for (List<ArchiveFile> batch : batches(todo, options.commitEvery)) {
				int size = 0;
				for (ArchiveFile file : batch) size += file.records.size();
				jsc.setJobDescription(String.format(Locale.ROOT, "ECG Digitizer: pages %d-%d of %d", from + 1, from + size,
					pages));
				from += size;
				JavaRDD<Row> rows = jsc.parallelize(batch, Math.min(batch.size(), slices)).mapPartitions(
					digitizer::digitizeAll);
				spark.createDataFrame(rows, PageTable.SCHEMA).write().mode(SaveMode.Append).parquet(options.output);
				out.println(counters.describe(pages, progress.seconds()));
			}
		}
		finally {
			progress.interrupt();
			jsc.setJobDescription(null);
		}

		Dataset<Row> written = spark.read().schema(PageTable.SCHEMA).parquet(options.output);
		Map<String, Long> byStatus = new TreeMap<>();
		for (Row r : written.groupBy("status").count().collectAsList()) byStatus.put(r.getString(0), r.getLong(1));
		long rows = byStatus.values().stream().mapToLong(Long::longValue).sum();
		long failedRows = byStatus.getOrDefault(PageTable.FAILED, 0L);
		Dataset<Row> failed = written.filter(functions.col("status").equalTo(PageTable.FAILED));
		for (Row f : failed.select("source_path", "page", "pages", "error").orderBy("source_path", "page").limit(20)
			.collectAsList())
		{
			out.println("failed: " + f.getString(0) + (f.getInt(2) > 1 ? " page " + f.getInt(1) : "") + ": " + f
				.getString(3));
		}
		if (failedRows > 20) {
			out.println("... and " + (failedRows - 20) + " more: select source_path, page, error from the table where " +
				"status = 'failed'");
		}
		double wall = (System.nanoTime() - start) / 1e9;
		out.printf(Locale.ROOT, "%d row(s) in %s: %d ok, %d partial, %d failed; %d page(s) digitized in %.1f s%n", rows,
			options.output, byStatus.getOrDefault("ok", 0L), byStatus.getOrDefault("partial", 0L), failedRows, pages,
			wall);
		return new Summary(listing.files.size(), alreadyDone, pages, rows, failedRows, wall);
	}

	/**
	 * The files with their pages' record names, exactly as {@code digitize} names the pages of the
	 * same files. Names depend on how many pages every file holds (page 2 of {@code x.pdf} is {@code
	 * x-p2}, and only names that still collide get folders in front): the table tells it for the files
	 * it has, and one Spark job counts the others' (reading only the first kilobyte of files that are
	 * neither PDF nor TIFF).
	 */
	private static List<ArchiveFile> name(List<ArchiveFile> files, Map<String, Integer> done, List<ArchiveFile> todo,
		FileDigitizer digitizer, JavaSparkContext jsc, int slices)
	{
		List<Integer> counted = List.of();
		if (!todo.isEmpty()) {
			jsc.setJobDescription("ECG Digitizer: counting the pages of " + todo.size() + " file(s)");
			counted = jsc.parallelize(todo, Math.min(todo.size(), slices)).map(digitizer::countPages).collect();
		}
		Map<String, Integer> pages = new HashMap<>(done);
		for (int i = 0; i < todo.size(); i++) pages.put(todo.get(i).path, counted.get(i));
		List<Integer> counts = new ArrayList<>();
		for (ArchiveFile file : files) counts.add(pages.get(file.path));
		return ArchiveListing.named(files, counts);
	}

	/** Consecutive files holding about {@code pages} pages each (a file's pages stay in one batch). */
	static List<List<ArchiveFile>> batches(List<ArchiveFile> files, int pages) {
		List<List<ArchiveFile>> batches = new ArrayList<>();
		List<ArchiveFile> batch = new ArrayList<>();
		int size = 0;
		for (ArchiveFile file : files) {
			batch.add(file);
			size += file.records.size();
			if (size >= pages) {
				batches.add(batch);
				batch = new ArrayList<>();
				size = 0;
			}
		}
		if (!batch.isEmpty()) batches.add(batch);
		return batches;
	}

	/** The record files may sit beside the table, not inside it (Spark would take them for part of it). */
	private static void checkOutputs(ArchiveOptions options, Configuration conf) {
		if (options.filesDir == null) return;
		String table = ArchiveListing.qualified(options.output, conf);
		String files = ArchiveListing.qualified(options.filesDir, conf);
		if (files.equals(table) || files.startsWith(table + "/")) {
			throw new EcgException("--files " + options.filesDir + " is inside the table " + options.output +
				"; put the record files beside it");
		}
	}

	/** Whether the table holds any data file (a first batch that died leaves only Spark's hidden folders). */
	private static boolean hasData(FileSystem fs, Path table) throws IOException {
		if (!fs.exists(table)) return false;
		if (!fs.getFileStatus(table).isDirectory()) {
			throw new EcgException(table + " is a file; name a folder for the table");
		}
		for (FileStatus s : fs.listStatus(table)) {
			String name = s.getPath().getName();
			if (!name.startsWith("_") && !name.startsWith(".")) return true;
		}
		return false;
	}

	/** The source paths the table already has rows for, with their files' page counts. */
	private static Map<String, Integer> pagesIn(SparkSession spark, String table) {
		Map<String, Integer> pages = new HashMap<>();
		for (Row r : spark.read().schema(PageTable.SCHEMA).parquet(table).groupBy("source_path").agg(functions.max(
			"pages")).collectAsList())
		{
			pages.put(r.getString(0), r.isNullAt(1) ? 1 : r.getInt(1));
		}
		return pages;
	}

	/** The version written into every row, with the commit it was built from when known: "0.1.0 (2c29271)". */
	static String version() {
		try (InputStream in = ArchiveJob.class.getResourceAsStream("version.properties")) {
			Properties p = new Properties();
			if (in != null) p.load(in);
			String build = p.getProperty("build", "");
			return p.getProperty("version", "unknown") + (build.matches("[0-9a-f]{7,40}") ? " (" + build.substring(0, 7) +
				")" : "");
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	/** Logs the accumulators every half minute while batches run. */
	private static final class ProgressLog extends Thread {
		private final PageCounters counters;
		private final long total;
		private final long start = System.nanoTime();

		ProgressLog(PageCounters counters, long total) {
			super("ECG Digitizer progress");
			setDaemon(true);
			this.counters = counters;
			this.total = total;
		}

		double seconds() {
			return (System.nanoTime() - start) / 1e9;
		}

		@Override
		public void run() {
			try {
				while (true) {
					Thread.sleep(30_000);
					LOG.info("ECG Digitizer: {}", counters.describe(total, seconds()));
				}
			}
			catch (InterruptedException e) {
				// the run is over
			}
		}
	}
}
