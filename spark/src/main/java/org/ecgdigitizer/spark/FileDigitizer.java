package org.ecgdigitizer.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.PageResult;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.FileKind;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executors' side of the job: one input file in, one table row per page out, whatever the file
 * holds. Reads the bytes through the Hadoop file system, takes the pages from core's input layer
 * and digitizes each with core's {@link PageDigitizer} (the engine, settings, lead check and time
 * limit of {@code digitize}), writes the record files if asked, and turns every failure into a
 * {@code failed} row with a one-line error, so that no page fails a task.
 */
final class FileDigitizer implements Serializable {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LoggerFactory.getLogger(FileDigitizer.class);

	private final ArchiveOptions options;
	private final HadoopConf conf;
	private final PageCounters counters;
	private final String version;
	private transient PageDigitizer digitizer;

	FileDigitizer(ArchiveOptions options, HadoopConf conf, PageCounters counters, String version) {
		this.options = options;
		this.conf = conf;
		this.counters = counters;
		this.version = version;
	}

	/**
	 * How many pages a file holds, as core's input layer counts them: only a PDF or a TIFF is read
	 * whole, any other file only as far as its kind shows. A file that cannot be read is one page
	 * (its row says why).
	 */
	int countPages(ArchiveFile file) {
		try {
			if (!FileKind.sniff(HadoopFiles.head(file.path, conf.get())).mayHoldPages()) return 1;
			return InputFile.of(HadoopFiles.read(file.path, file.length, conf.get()), file.fileName()).pages().size();
		}
		catch (RuntimeException | OutOfMemoryError e) {
			return 1; // the page's row says what is wrong with the file
		}
	}

	/** The rows of a partition's files, one file at a time (a partition may hold many). */
	Iterator<Row> digitizeAll(Iterator<ArchiveFile> files) {
		return new Iterator<Row>() {
			private Iterator<Row> rows = List.<Row> of().iterator();

			@Override
			public boolean hasNext() {
				while (!rows.hasNext() && files.hasNext()) rows = digitize(files.next()).iterator();
				return rows.hasNext();
			}

			@Override
			public Row next() {
				hasNext();
				return rows.next();
			}
		};
	}

	/** One row per page the file was counted to hold. */
	List<Row> digitize(ArchiveFile file) {
		long start = System.nanoTime();
		List<InputPage> pages;
		try {
			pages = InputFile.of(HadoopFiles.read(file.path, file.length, conf.get()), file.fileName()).pages();
		}
		catch (EcgException e) {
			return failed(file, e.getMessage(), start);
		}
		catch (RuntimeException e) {
			return failed(file, "cannot read the file (" + e + ")", start);
		}
		catch (OutOfMemoryError e) {
			return failed(file, "out of memory reading the file; give the executors more memory (--executor-memory)",
				start);
		}
		if (pages.size() != file.records.size()) {
			return failed(file, "the file changed while the job ran (" + file.records.size() + " page(s) when listed, " +
				pages.size() + " now); digitize it again", start);
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			// reading the file counts to its first page
			rows.add(digitize(file, pages.get(i), file.records.get(i), i == 0 ? start : System.nanoTime()));
		}
		return rows;
	}

	private Row digitize(ArchiveFile file, InputPage page, String record, long start) {
		PageResult r;
		try {
			r = digitizer().digitize(page, record, Progress.NONE);
		}
		catch (RuntimeException | Error e) {
			// the page digitizer reports every failure of a page itself; what reaches here is a bug
			LOG.warn("internal error on {} page {}", file.path, page.number, e);
			return failedRow(file, page.number, record, "internal error (" + e + "); please report it with this page",
				start);
		}
		if (Thread.currentThread().isInterrupted()) {
			// Spark is cancelling the task: end it, with no row (the page gets one when the job runs again)
			throw new IllegalStateException("digitizing " + file.path + " was interrupted");
		}
		if (r.hasRecord() && !options.formats.isEmpty()) {
			try {
				HadoopFiles.write(r, options.formats, options.filesDir, conf.get());
			}
			catch (IOException | EcgException e) {
				return failedRow(file, page.number, record, "could not write the record files to " + options.filesDir +
					": " + e.getMessage(), start);
			}
		}
		double seconds = secondsSince(start);
		count(r.status, seconds);
		if (r.status != PageResult.Status.OK) LOG.warn("{} page {}: {}", file.path, page.number, r.message);
		return PageTable.row(file.path, r, seconds, version);
	}

	/** A failed row for each page the file was counted to hold. */
	private List<Row> failed(ArchiveFile file, String error, long start) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < file.records.size(); i++) rows.add(failedRow(file, i + 1, file.records.get(i), error, start));
		return rows;
	}

	private Row failedRow(ArchiveFile file, int page, String record, String error, long start) {
		double seconds = secondsSince(start);
		count(PageResult.Status.FAILED, seconds);
		LOG.warn("{} page {}: {}", file.path, page, error);
		return PageTable.failed(file.path, page, file.records.size(), record, error, seconds, version);
	}

	private PageDigitizer digitizer() {
		if (digitizer == null) {
			// Spark gives each core a page of its own; ImageJ's filters spreading a page over every core
			// would only compete with the other pages, and their shared pool's threads (not daemons)
			// would keep a local-mode driver's JVM alive after the job
			ij.Prefs.setThreads(1);
			digitizer = options.digitizer();
		}
		return digitizer;
	}

	private void count(PageResult.Status status, double seconds) {
		(status == PageResult.Status.OK ? counters.ok : status == PageResult.Status.PARTIAL ? counters.partial
			: counters.failed).add(1);
		counters.seconds.add(seconds);
	}

	private static double secondsSince(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
