package org.ecgdigitizer.web;

/** A request the API refuses: an HTTP status and a one-line message that says what to do. */
final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final int status;

	ApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	static ApiException badRequest(String message) {
		return new ApiException(400, message);
	}

	static ApiException notFound() {
		return new ApiException(404, "no such job: it never existed or its files were deleted after the time the " +
			"server keeps them; upload the page again");
	}
}
