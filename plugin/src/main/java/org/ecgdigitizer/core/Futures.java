package org.ecgdigitizer.core;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a pool, with the worker's own exception passed on as it was thrown. */
public final class Futures {

	private Futures() {}

	/**
	 * The result of a task; its IOException, RuntimeException or Error is rethrown as is, and an
	 * interrupt ends the wait with "{@code what} was interrupted".
	 */
	public static <T> T await(Future<T> f, String what) throws IOException {
		try {
			return f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new EcgException(what + " was interrupted");
		}
		catch (ExecutionException e) {
			Throwable t = e.getCause();
			if (t instanceof IOException) throw (IOException) t;
			if (t instanceof RuntimeException) throw (RuntimeException) t;
			if (t instanceof Error) throw (Error) t;
			throw new IllegalStateException(t);
		}
	}
}
