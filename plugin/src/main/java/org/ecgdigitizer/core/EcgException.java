package org.ecgdigitizer.core;

/**
 * A problem the user can act on: bad input, a page that cannot be read, a missing file.
 * The message is one line that names the problem and says what to do about it; front
 * ends print it as is, without a stack trace.
 */
public class EcgException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public EcgException(String message) {
		super(message);
	}

	public EcgException(String message, Throwable cause) {
		super(message, cause);
	}
}
