package org.ecgdigitizer.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

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
 * The driver's side of {@link DigitizeArchive}: lists the pages, leaves out those the table already
 * has when resuming, and digitizes the rest in batches of {@code --commit-every} pages, each one
 * Spark job that appends its rows to the table. A job that dies loses only its current batch;
 * {@code --resume} then takes up from there.
 */
final class ArchiveJob {

	private static final Logger LOG = LoggerFactory.getLogger(ArchiveJob.class);

	/** Tasks per core and batch: enough for slow pages not to hold up a batch's end. */
	static final int TASKS_PER_CORE = 4;

	/** What a run did. */
	static final class Summary {
		/** Pages listed under the inputs. */
		final int listed;
		/** Pages left out because the table already had them. */
		final int alreadyDone;
		/** Pages digitized by this run (ok or failed). */
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
		if (listing.pages.isEmpty()) {
			throw new EcgException("no page images under " + String.join(", ", options.inputs) + (listing.notMatching > 0
				? " (" + listing.notMatching + " file(s) there do not match " + options.pattern + "; see --pattern)"
				: "") + "; check the --input paths");
		}
		Set<String> done = exists ? pathsIn(spark, options.output) : Set.of();
		List<ArchivePage> todo = new ArrayList<>();
		for (ArchivePage page : listing.pages) if (!done.contains(page.path)) todo.add(page);
		int alreadyDone = listing.pages.size() - todo.size();
		out.printf(Locale.ROOT, "%d page(s) under the input%s%s; %d to digitize into %s%n", listing.pages.size(),
			listing.notMatching > 0 ? ", " + listing.notMatching + " other file(s) not matching " + options.pattern
				+ " left out" : "", alreadyDone > 0 ? ", " + alreadyDone + " already in the table" : "", todo.size(),
			options.output);

		PageCounters counters = new PageCounters(spark.sparkContext());
		PageDigitizer digitizer = new PageDigitizer(options, new HadoopConf(conf), counters, version());
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		int slicesPerBatch = TASKS_PER_CORE * jsc.defaultParallelism();
		ProgressLog progress = new ProgressLog(counters, todo.size());
		progress.start();
		try {
			for (int from = 0; from < todo.size(); from += options.commitEvery) {
				List<ArchivePage> batch = todo.subList(from, Math.min(todo.size(), from + options.commitEvery));
				jsc.setJobDescription(String.format(Locale.ROOT, "ECG Digitizer: pages %d-%d of %d", from + 1, from + batch
					.size(), todo.size()));
				JavaRDD<Row> rows = jsc.parallelize(new ArrayList<>(batch), Math.min(batch.size(), slicesPerBatch))
					.mapPartitions(digitizer::digitizeAll);
				spark.createDataFrame(rows, PageTable.SCHEMA).write().mode(SaveMode.Append).parquet(options.output);
				out.println(counters.describe(todo.size(), progress.seconds()));
			}
		}
		finally {
			progress.interrupt();
			jsc.setJobDescription(null);
		}

		Dataset<Row> written = spark.read().schema(PageTable.SCHEMA).parquet(options.output);
		long rows = written.count();
		Dataset<Row> failed = written.filter(functions.col("status").equalTo(PageTable.FAILED));
		long failedRows = failed.count();
		for (Row f : failed.select("source_path", "error").orderBy("source_path").limit(20).collectAsList()) {
			out.println("failed: " + f.getString(0) + ": " + f.getString(1));
		}
		if (failedRows > 20) {
			out.println("... and " + (failedRows - 20) + " more: select source_path, error from the table where " +
				"status = 'failed'");
		}
		double wall = (System.nanoTime() - start) / 1e9;
		out.printf(Locale.ROOT, "%d row(s) in %s: %d ok, %d failed; %d page(s) digitized in %.1f s%n", rows,
			options.output, rows - failedRows, failedRows, todo.size(), wall);
		return new Summary(listing.pages.size(), alreadyDone, todo.size(), rows, failedRows, wall);
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

	/** The source paths the table already has rows for. */
	private static Set<String> pathsIn(SparkSession spark, String table) {
		Set<String> paths = new HashSet<>();
		for (Row r : spark.read().schema(PageTable.SCHEMA).parquet(table).select("source_path").distinct()
			.collectAsList())
		{
			paths.add(r.getString(0));
		}
		return paths;
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
