package org.ecgdigitizer.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import java.util.Locale;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.signal.Digitization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executors' side of the job: one input file in, one table row out, whatever the file holds.
 * Reads the bytes through the Hadoop file system, decodes and digitizes them with the engine and
 * settings of {@code digitize} under a time limit, writes the record files if asked, and turns
 * every failure into a {@code failed} row with a one-line error, so that no page fails a task.
 */
final class PageDigitizer implements Serializable {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LoggerFactory.getLogger(PageDigitizer.class);

	/** Files larger than this are not page images (a 600 dpi uncompressed A4 scan is about 100 MB). */
	static final long MAX_FILE_BYTES = 512L << 20;

	private final ArchiveOptions options;
	private final HadoopConf conf;
	private final PageCounters counters;
	private final String version;
	private transient DigitizerSettings settings;

	PageDigitizer(ArchiveOptions options, HadoopConf conf, PageCounters counters, String version) {
		this.options = options;
		this.conf = conf;
		this.counters = counters;
		this.version = version;
	}

	/** The rows of a partition's pages, one page at a time (a partition may hold many). */
	Iterator<Row> digitizeAll(Iterator<ArchivePage> pages) {
		return new Iterator<Row>() {
			@Override
			public boolean hasNext() {
				return pages.hasNext();
			}

			@Override
			public Row next() {
				return digitize(pages.next());
			}
		};
	}

	Row digitize(ArchivePage page) {
		long start = System.nanoTime();
		String error;
		try {
			byte[] bytes = read(page);
			EcgDigitizer engine = PageTimeLimit.run(page.record, options.pageTimeoutSeconds, () -> run(bytes, page));
			Digitization d = engine.getResult();
			if (!options.formats.isEmpty()) writeFiles(engine, page);
			double seconds = secondsSince(start);
			count(true, seconds);
			return PageTable.ok(page.path, page.record, d, seconds, version);
		}
		catch (PageTimeLimit.Exceeded e) {
			counters.timedOut.add(1);
			error = e.getMessage();
		}
		catch (EcgException e) {
			error = e.getMessage();
		}
		catch (OutOfMemoryError e) {
			error = "out of memory; give the executors more memory (--executor-memory) or scale the page down to 300 dpi";
		}
		catch (InterruptedException e) {
			// Spark is cancelling the task: end it, with no row (the page gets one when the job runs again).
			Thread.currentThread().interrupt();
			throw new IllegalStateException("digitizing " + page.path + " was interrupted", e);
		}
		catch (RuntimeException | Error e) {
			if (e instanceof ThreadDeath) throw e;
			LOG.warn("internal error on {}", page.path, e);
			error = "internal error (" + e + "); please report it with this page";
		}
		double seconds = secondsSince(start);
		count(false, seconds);
		LOG.warn("{}: {}", page.path, error);
		return PageTable.failed(page.path, page.record, error.replace('\n', ' '), seconds, version);
	}

	/**
	 * The work under the time limit: decoding and the four stages, as {@code digitize} runs them. Its
	 * CPU time goes to the counters: unlike wall-clock time, it does not grow when a node is busy.
	 */
	private EcgDigitizer run(byte[] bytes, ArchivePage page) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		try {
			ImageFiles.LoadedImage loaded = PageDecoder.decode(bytes, new Path(page.path).getName());
			EcgDigitizer engine = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, settings(), page.record);
			if (!engine.checkInput() || !engine.process()) throw new EcgException(engine.getErrorMessage());
			return engine;
		}
		finally {
			counters.cpuSeconds.add((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
		}
	}

	private byte[] read(ArchivePage page) {
		if (page.length > MAX_FILE_BYTES) {
			throw new EcgException(String.format(Locale.ROOT, "the file is %d MB, too large for a page image; " +
				"scan pages at 600 dpi or less", page.length >> 20));
		}
		Path path = new Path(page.path);
		try {
			FileSystem fs = path.getFileSystem(conf.get());
			try (InputStream in = fs.open(path)) {
				return in.readAllBytes();
			}
		}
		catch (FileNotFoundException e) {
			throw new EcgException("file not found; it was removed after the job listed it");
		}
		catch (IOException e) {
			throw new EcgException("cannot read the file (" + e.getMessage() + ")");
		}
	}

	private void writeFiles(EcgDigitizer engine, ArchivePage page) {
		Digitization d = engine.getResult();
		try {
			HadoopFiles.write(d, () -> Overlays.render(ImageFiles.asBufferedImage(engine.getPreparedPage().rectified()),
				d.layout, d.traces), page.record, options.formats, options.filesDir, conf.get());
		}
		catch (IOException e) {
			throw new EcgException("could not write the record files to " + options.filesDir + ": " + e.getMessage());
		}
	}

	private DigitizerSettings settings() {
		if (settings == null) settings = options.settings();
		return settings;
	}

	private void count(boolean ok, double seconds) {
		(ok ? counters.ok : counters.failed).add(1);
		counters.seconds.add(seconds);
	}

	private static double secondsSince(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
