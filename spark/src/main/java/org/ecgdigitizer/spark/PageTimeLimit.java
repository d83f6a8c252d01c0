package org.ecgdigitizer.spark;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ecgdigitizer.core.EcgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one page's work with a time limit, so that a page that makes the engine hang becomes a
 * failed row instead of a task that never ends. The one place this job limits time: core's
 * per-page limit replaces it when it lands.
 */
final class PageTimeLimit {

	private static final Logger LOG = LoggerFactory.getLogger(PageTimeLimit.class);

	private PageTimeLimit() {}

	/** A page stopped at the time limit. */
	static final class Exceeded extends EcgException {
		private static final long serialVersionUID = 1L;

		Exceeded(String message) {
			super(message);
		}
	}

	/** The work's result; its exceptions as they are; {@link Exceeded} when time runs out. */
	static <T> T run(String name, double seconds, Callable<T> work) throws InterruptedException {
		FutureTask<T> task = new FutureTask<>(work);
		Thread worker = new Thread(task, "ecg-page " + name);
		worker.setDaemon(true);
		worker.start();
		try {
			return task.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException e) {
			stop(worker);
			throw new Exceeded(String.format(Locale.ROOT, "stopped after the time limit of %s s; digitize this " +
				"page alone with `ecg-digitizer.jar digitize` to see why, or raise --page-timeout", number(seconds)));
		}
		catch (InterruptedException e) {
			// Spark is killing the task (the job was cancelled): stop the page too, and let the task end.
			stop(worker);
			throw e;
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}

	/**
	 * Stops the worker. The engine has no points where it checks for cancellation, so after a
	 * polite interrupt the thread is stopped outright: it holds nothing but its own page, and a
	 * thread left running would take a core from every page after it for the executor's life.
	 */
	@SuppressWarnings({ "deprecation", "removal" })
	private static void stop(Thread worker) {
		worker.interrupt();
		try {
			worker.join(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (!worker.isAlive()) return;
		try {
			worker.stop();
		}
		catch (UnsupportedOperationException e) {
			// Java 20 and newer can no longer stop a thread; it runs on until the page is done.
			LOG.warn("could not stop {}: this Java cannot stop threads; it runs on in the background", worker.getName());
		}
	}

	private static String number(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
