package org.ecgdigitizer.core;

/**
 * Receives progress from long-running core work. Core code knows nothing of Fiji's
 * StatusService or of terminals; each front end adapts this interface to its own display.
 */
public interface Progress {

	/** A short description of the current step. */
	void status(String message);

	/** Fraction of the whole job done so far, from 0 to 1. */
	void fraction(double done);

	/** Long loops poll this and stop early when it returns true. */
	default boolean isCanceled() {
		return false;
	}

	/** Reports {@code done} of {@code total} items. */
	default void items(int done, int total) {
		fraction(total <= 0 ? 1 : Math.min(1.0, done / (double) total));
	}

	/** Discards everything. */
	Progress NONE = new Progress() {
		@Override
		public void status(String message) {}

		@Override
		public void fraction(double done) {}
	};
}
