package org.ecgdigitizer.spark;

import java.io.Serializable;
import java.util.Locale;

import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Spark accumulators the executors add each page to; the driver reads them for its progress lines,
 * and the Spark UI shows them under each stage. A retried task adds its pages again, so these are
 * for watching a run; the final counts come from the table.
 */
final class PageCounters implements Serializable {

	private static final long serialVersionUID = 1L;

	final LongAccumulator ok;
	final LongAccumulator failed;
	final LongAccumulator timedOut;
	/** Wall-clock seconds per page, reading and writing included. */
	final DoubleAccumulator seconds;
	/** CPU seconds of decoding and digitizing. */
	final DoubleAccumulator cpuSeconds;

	PageCounters(SparkContext sc) {
		ok = sc.longAccumulator("ECG pages digitized");
		failed = sc.longAccumulator("ECG pages failed");
		timedOut = sc.longAccumulator("ECG pages over the time limit");
		seconds = sc.doubleAccumulator("ECG page seconds");
		cpuSeconds = sc.doubleAccumulator("ECG page CPU seconds");
	}

	long done() {
		return ok.value() + failed.value();
	}

	String describe(long total, double wallSeconds) {
		long done = done();
		return String.format(Locale.ROOT, "%d of %d page(s) done: %d ok, %d failed (%d over the time limit); " +
			"%.2f pages/s; per page %.2f s, %.2f s of CPU", done, total, ok.value(), failed.value(), timedOut.value(),
			wallSeconds > 0 ? done / wallSeconds : 0.0, done > 0 ? seconds.value() / done : 0.0, done > 0 ? cpuSeconds
				.value() / done : 0.0);
	}
}
