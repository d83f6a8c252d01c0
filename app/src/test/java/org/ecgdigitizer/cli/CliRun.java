package org.ecgdigitizer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this process, capturing what it prints. */
final class CliRun {

	private CliRun() {}

	/** Runs {@code argv} with standard output and error going to the given buffers; returns the exit status. */
	static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}
}
