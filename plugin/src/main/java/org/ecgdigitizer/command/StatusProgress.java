package org.ecgdigitizer.command;

import java.util.function.BooleanSupplier;

import org.ecgdigitizer.core.Progress;
import org.scijava.app.StatusService;

import ij.IJ;

/**
 * Core progress shown in Fiji's status bar. Work stops early when the command was canceled, its
 * thread interrupted, or the user pressed Esc (ImageJ's usual way to stop a long job).
 */
final class StatusProgress implements Progress {

	private final StatusService status;
	private final BooleanSupplier canceled;

	StatusProgress(StatusService status, BooleanSupplier canceled) {
		this.status = status;
		this.canceled = canceled;
		IJ.resetEscape();
	}

	@Override
	public void status(String message) {
		if (status != null) status.showStatus(message);
	}

	@Override
	public void fraction(double done) {
		if (status != null) status.showProgress((int) Math.round(1000 * done), 1000);
	}

	@Override
	public void items(int done, int total) {
		if (status != null) status.showProgress(done, total);
	}

	@Override
	public boolean isCanceled() {
		return canceled.getAsBoolean() || Thread.currentThread().isInterrupted() || IJ.escapePressed();
	}

	/** Clears the status bar at the end of a command. */
	void done() {
		if (status != null) status.clearStatus();
	}
}
