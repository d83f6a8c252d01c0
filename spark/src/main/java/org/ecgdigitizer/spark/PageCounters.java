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
	/** Pages with too few leads, kept as partial records (--keep-partial). */
	final LongAccumulator partial;
	final LongAccumulator failed;
	/** Wall-clock seconds per page, reading and writing included. */
	final DoubleAccumulator seconds;

	PageCounters(SparkContext sc) {
		ok = sc.longAccumulator("ECG pages digitized");
		partial = sc.longAccumulator("ECG pages partial");
		failed = sc.longAccumulator("ECG pages failed");
		seconds = sc.doubleAccumulator("ECG page seconds");
	}

	long done() {
		return ok.value() + partial.value() + failed.value();
	}

	String describe(long total, double wallSeconds) {
		long done = done();
		return String.format(Locale.ROOT, "%d of %d page(s) done: %d ok, %d partial, %d failed; %.2f pages/s; " +
			"%.2f s per page", done, total, ok.value(), partial.value(), failed.value(), wallSeconds > 0 ? done /
				wallSeconds : 0.0, done > 0 ? seconds.value() / done : 0.0);
	}
}
