package org.ecgdigitizer.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;

/**
 * One uploaded page on its way through the queue: what the API reports about it, and the private
 * folder that holds its upload and its results. State moves queued → running → done or failed; the
 * first ending wins (a job failed by the time limit stays failed when its worker returns later).
 */
final class Job {

	enum State {
		QUEUED, RUNNING, DONE, FAILED;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** An unguessable token (128 random bits), the only handle on the job. */
	final String id;
	/** The name the browser gave the file: shown to the user, never used as a path. */
	final String fileName;
	/** The record name, derived from the file name, safe as a file name. */
	final String record;
	final DigitizerSettings settings;
	/** Which page of the uploaded file this job digitizes (1-based), and how many the file has. */
	final int page;
	final int pages;
	/** The job's private folder. */
	final Path dir;
	/** Order of submission, for the queue position. */
	final long sequence;

	private State state = State.QUEUED;
	private String stage = "Waiting for a free worker";
	private double progress;
	private String message;
	private String layout;
	private List<String> warnings = List.of();
	private long startedNanos;
	private double seconds = Double.NaN;
	private long endedMillis;
	private boolean discarded;

	Job(String id, String fileName, String record, DigitizerSettings settings, int page, int pages, Path dir,
		long sequence)
	{
		this.id = id;
		this.fileName = fileName;
		this.record = record;
		this.settings = settings;
		this.page = page;
		this.pages = pages;
		this.dir = dir;
		this.sequence = sequence;
	}

	/** The file of the uploaded bytes; its name is ours, never the user's. */
	Path upload() {
		return dir.resolve("upload");
	}

	/** The folder the digitizer's files go to. */
	Path outputs() {
		return dir.resolve("out");
	}

	synchronized State state() {
		return state;
	}

	synchronized boolean isEnded() {
		return state == State.DONE || state == State.FAILED;
	}

	synchronized long endedMillis() {
		return endedMillis;
	}

	/** Queued → running; false when the job already ended (failed while it waited). */
	synchronized boolean start() {
		if (state != State.QUEUED) return false;
		state = State.RUNNING;
		startedNanos = System.nanoTime();
		return true;
	}

	synchronized void stage(String stage) {
		if (!isEnded()) this.stage = stage;
	}

	/** Progress only ever grows, so a stage that restarts its own count never moves the bar back. */
	synchronized void progress(double fraction) {
		if (!isEnded()) progress = Math.max(progress, Math.min(1, fraction));
	}

	synchronized boolean done(String layout, List<String> warnings) {
		if (isEnded()) return false;
		state = State.DONE;
		stage = "Done";
		progress = 1;
		this.layout = layout;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
		end();
		return true;
	}

	/** Marks the job deleted by its user or by expiry; it ends as failed if it had not ended. */
	synchronized void discard() {
		discarded = true;
		fail("deleted");
	}

	synchronized boolean isDiscarded() {
		return discarded;
	}

	synchronized boolean fail(String message) {
		if (isEnded()) return false;
		state = State.FAILED;
		this.message = message;
		end();
		return true;
	}

	private void end() {
		endedMillis = System.currentTimeMillis();
		if (startedNanos != 0) seconds = (System.nanoTime() - startedNanos) / 1e9;
	}

	synchronized String stage() {
		return stage;
	}

	synchronized double progress() {
		return progress;
	}

	synchronized String message() {
		return message;
	}

	synchronized String layout() {
		return layout;
	}

	synchronized List<String> warnings() {
		return warnings;
	}

	/** Seconds from start to end, NaN while queued or running. */
	synchronized double seconds() {
		return seconds;
	}
}
