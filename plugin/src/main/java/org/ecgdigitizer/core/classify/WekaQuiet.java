package org.ecgdigitizer.core.classify;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Starts Weka's class loader manager once with standard output muted: outside Fiji it prints a
 * warning about optional matrix libraries (which pixel classifiers never use) into the command
 * line tool's output.
 */
final class WekaQuiet {

	private static boolean started;

	private WekaQuiet() {}

	static synchronized void start() {
		if (started) return;
		started = true;
		PrintStream out = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			weka.core.WekaPackageClassLoaderManager.getWekaPackageClassLoaderManager();
		}
		finally {
			System.setOut(out);
		}
	}
}
