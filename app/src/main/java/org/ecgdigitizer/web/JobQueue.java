package org.ecgdigitizer.web;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * The jobs of the web app: a fixed pool of workers with a bounded queue (a full queue refuses new
 * jobs rather than letting memory grow), a time limit per job, and a private folder that holds every
 * job's files until they expire, the server stops, or there are more of them than {@link #MAX_KEPT}.
 */
final class JobQueue implements AutoCloseable {

	/** Finished jobs kept at most; past this the oldest go early, so disk use stays bounded under load. */
	static final int MAX_KEPT = 1000;

	/** Longest file name kept for showing back; longer ones are cut. */
	static final int MAX_NAME = 1000;

	private static final String SHUTDOWN_MESSAGE =
		"the server was stopped while this page was being digitized; upload it again when the server is back";

	private final Path root;
	private final Path jobsDir;
	private final Duration keep;
	private final Duration timeLimit;
	private final PrintStream log;
	private final ThreadPoolExecutor workers;
	private final ScheduledExecutorService clock;
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final Map<String, PageRunner.Deadline> running = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();
	private final AtomicLong sequence = new AtomicLong();
	private volatile boolean closed;

	/**
	 * @param root the private folder (owner-only) for the jobs' files; deleted on {@link #close()}
	 * @param log where one line per finished job goes (ids and times, never file names), or null
	 */
	JobQueue(Path root, int workerCount, int queueCapacity, Duration keep, Duration timeLimit, PrintStream log)
		throws IOException
	{
		if (workerCount < 1) throw new IllegalArgumentException("--workers must be at least 1");
		if (queueCapacity < 1) throw new IllegalArgumentException("--queue must be at least 1");
		this.root = root;
		this.jobsDir = Files.createDirectories(root.resolve("jobs"));
		this.keep = keep;
		this.timeLimit = timeLimit;
		this.log = log;
		AtomicInteger n = new AtomicInteger();
		workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(queueCapacity), r -> daemon(r, "ecg-web-worker-" + n.incrementAndGet()),
			new ThreadPoolExecutor.AbortPolicy());
		workers.prestartAllCoreThreads();
		clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ecg-web-clock"));
		long period = Math.max(100, Math.min(60_000, keep.toMillis() / 10));
		clock.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	Path root() {
		return root;
	}

	/** False when the queue is full, so the server can refuse an upload before reading it. */
	boolean hasRoom() {
		return hasRoom(1);
	}

	/** False unless this many jobs can be queued now. */
	boolean hasRoom(int count) {
		return !closed && workers.getQueue().remainingCapacity() >= count;
	}

	/** A private file an upload is received into before its jobs are made; the caller deletes it. */
	Path receivingFile() throws IOException {
		return Files.createTempFile(jobsDir.getParent(), "upload-", "");
	}

	/**
	 * A new job with an unguessable id and an empty private folder, for page {@code page} of a file
	 * of {@code pages} (pages of a file of several are named as {@code digitize} names them,
	 * {@code name-p2}); not yet queued.
	 */
	Job create(String fileName, DigitizerSettings settings, int page, int pages) throws IOException {
		for (;;) {
			byte[] token = new byte[16];
			random.nextBytes(token);
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
			try {
				Path dir = Files.createDirectory(jobsDir.resolve(id));
				String shown = fileName == null ? "" : fileName.length() > MAX_NAME ? fileName.substring(0, MAX_NAME) + "…"
					: fileName;
				String record = PageRunner.recordName(fileName) + (pages > 1 ? "-p" + page : "");
				return new Job(id, shown, record, settings, page, pages, dir, sequence.incrementAndGet());
			}
			catch (FileAlreadyExistsException e) {
				// 2^-128: draw again
			}
		}
	}

	/** Queues a job created here; a full queue deletes it and answers 429. */
	void submit(Job job) {
		try {
			if (closed) throw new RejectedExecutionException();
			jobs.put(job.id, job);
			workers.execute(() -> run(job));
		}
		catch (RejectedExecutionException e) {
			discard(job);
			throw new ApiException(429, "the server is busy with other pages; try again in a few seconds");
		}
	}

	/** The job of an id, or null for an id that is unknown or expired. */
	Job get(String id) {
		return id == null ? null : jobs.get(id);
	}

	/** How many queued jobs are ahead of this one. */
	int position(Job job) {
		int ahead = 0;
		for (Job other : jobs.values()) {
			if (other.sequence < job.sequence && other.state() == Job.State.QUEUED) ahead++;
		}
		return ahead;
	}

	/** Removes a job and deletes its folder; a running job stops at its next progress report. */
	void discard(Job job) {
		job.discard();
		PageRunner.Deadline d = running.get(job.id);
		if (d != null) d.stop("deleted");
		// files first, so that once the id answers 404 its files are gone
		deleteTree(job.dir);
		jobs.remove(job.id);
	}

	private void run(Job job) {
		if (closed || !job.start()) return;
		String late = "digitizing took longer than the " + Json.number(timeLimit.toMillis() / 1000.0) + " s allowed " +
			"for one page; try a smaller or cleaner image, or ask the administrator to raise --time-limit";
		PageRunner.Deadline deadline = new PageRunner.Deadline(timeLimit.toNanos(), late);
		running.put(job.id, deadline);
		// the job fails on time even if the engine is deep in a step between two progress reports
		ScheduledFuture<?> watchdog = clock.schedule(() -> job.fail(late), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
		try {
			Digitization d = PageRunner.run(job, deadline, new Progress() {
				@Override
				public void status(String message) {
					job.stage(message);
				}

				@Override
				public void fraction(double done) {
					job.progress(done);
				}
			});
			job.done(d.layout.layout.spec(), d.warnings);
		}
		catch (EcgException e) {
			job.fail(e.getMessage());
		}
		catch (IOException e) {
			job.fail("the server could not write the results (" + e.getMessage() + "); try again later or tell the " +
				"administrator");
		}
		catch (OutOfMemoryError e) {
			job.fail("the server ran out of memory for this page; scale the image to 300 dpi or less, or ask the " +
				"administrator to give Java more memory (-Xmx) or fewer --workers");
		}
		catch (RuntimeException e) {
			job.fail("internal error while digitizing this page (" + e.getClass().getSimpleName() + "); please report " +
				"it together with the page");
			if (log != null) e.printStackTrace(log);
		}
		finally {
			watchdog.cancel(false);
			running.remove(job.id);
			finish(job);
		}
	}

	/** Deletes what a job no longer needs: its upload, and every output of a job that failed. */
	private void finish(Job job) {
		try {
			Files.deleteIfExists(job.upload());
			if (job.state() == Job.State.FAILED) {
				deleteTree(job.outputs());
				for (String name : List.of("record.zip", "all.zip")) Files.deleteIfExists(job.dir.resolve(name));
			}
		}
		catch (IOException e) {
			// the sweep deletes the whole folder later
		}
		// deleted while it ran: the writers may have made folders again
		if (job.isDiscarded()) deleteTree(job.dir);
		if (log != null && !closed) {
			log.printf(Locale.ROOT, "job %s %s in %.2f s%n", job.id, job.state().id(), job.seconds());
		}
	}

	/** Deletes jobs that ended more than the keeping time ago, and the oldest beyond {@link #MAX_KEPT}. */
	void sweep() {
		long now = System.currentTimeMillis();
		List<Job> ended = new ArrayList<>();
		for (Job job : jobs.values()) {
			if (!job.isEnded()) continue;
			if (now - job.endedMillis() >= keep.toMillis()) discard(job);
			else ended.add(job);
		}
		if (ended.size() > MAX_KEPT) {
			ended.sort(Comparator.comparingLong(Job::endedMillis));
			for (Job job : ended.subList(0, ended.size() - MAX_KEPT)) discard(job);
		}
	}

	/** Stops the workers (a running page stops at its next progress report) and deletes every job's files. */
	@Override
	public void close() {
		closed = true;
		for (PageRunner.Deadline d : running.values()) d.stop(SHUTDOWN_MESSAGE);
		workers.shutdownNow();
		try {
			workers.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		clock.shutdownNow();
		for (Job job : jobs.values()) job.fail(SHUTDOWN_MESSAGE);
		jobs.clear();
		deleteTree(root);
	}

	/** Deletes a folder and everything in it, without following links out of it. */
	static void deleteTree(Path dir) {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException e) {
					// left for the next sweep, or for the system's temporary-file cleaner
				}
			});
		}
		catch (IOException e) {
			// as above
		}
	}
}
