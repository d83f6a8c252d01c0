package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.ecgdigitizer.core.Progress;

/**
 * Shows core progress as one line on a terminal (rewritten in place with a carriage return)
 * or, when output is redirected, as plain lines no more often than every few seconds.
 */
public final class ProgressLine implements Progress {

	private final PrintStream err;
	private final boolean interactive;
	private String status = "";
	private double fraction;
	private long lastPrint;
	private int lastLength;

	public ProgressLine(PrintStream err) {
		this.err = err;
		this.interactive = System.console() != null;
	}

	@Override
	public void status(String message) {
		status = message;
		print(false);
	}

	@Override
	public void fraction(double done) {
		fraction = done;
		print(false);
	}

	/** Ends the progress line so that later output starts on a fresh line. */
	public void finish() {
		print(true);
		if (interactive && lastLength > 0) err.println();
		lastLength = 0;
	}

	private void print(boolean force) {
		long now = System.currentTimeMillis();
		long interval = interactive ? 200 : 5000;
		if (!force && now - lastPrint < interval) return;
		lastPrint = now;
		String line = String.format(Locale.ROOT, "[%3.0f%%] %s", 100 * fraction, status);
		if (interactive) {
			StringBuilder sb = new StringBuilder("\r").append(line);
			for (int i = line.length(); i < lastLength; i++) sb.append(' ');
			err.print(sb);
			err.flush();
			lastLength = line.length();
		}
		else {
			err.println(line);
		}
	}
}
