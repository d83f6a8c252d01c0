package org.ecgdigitizer.spark;

import java.io.PrintStream;

import org.apache.spark.sql.SparkSession;
import org.ecgdigitizer.core.EcgException;

/**
 * Digitizes an archive of ECG page images on a Spark cluster into a Parquet table, one row per
 * page; run with the stock launcher:
 *
 * <pre>
 * spark-submit --class org.ecgdigitizer.spark.DigitizeArchive target/ecg-digitizer-spark.jar \
 *     --input s3a://bucket/scans/ --output s3a://bucket/ecg.parquet [--formats parquet,wfdb] [--resume]
 * </pre>
 *
 * See {@link ArchiveOptions#USAGE} and docs/scale-out.md.
 */
public final class DigitizeArchive {

	private DigitizeArchive() {}

	public static void main(String[] args) throws Exception {
		// Databricks and other notebook-style drivers share the JVM: exit only on failure.
		int status = run(null, args, System.out, System.err);
		if (status != 0) System.exit(status);
	}

	/**
	 * Runs the job in the given session (null: the one spark-submit set up) and returns the exit
	 * status: 0 when every page has its row (ok or failed), 2 for a mistake in the options, 1 when
	 * the job could not run. Errors are one line on {@code err}.
	 */
	static int run(SparkSession session, String[] args, PrintStream out, PrintStream err) throws Exception {
		ArchiveOptions options;
		try {
			options = ArchiveOptions.parse(args);
		}
		catch (EcgException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
		if (options.help) {
			out.println(ArchiveOptions.USAGE);
			return 0;
		}
		SparkSession spark = session != null ? session : SparkSession.builder().appName("ECG Digitizer").getOrCreate();
		try {
			ArchiveJob.run(spark, options, out);
			return 0;
		}
		catch (EcgException e) {
			err.println("error: " + e.getMessage());
			return 1;
		}
	}
}
