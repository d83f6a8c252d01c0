package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.util.List;

import org.ecgdigitizer.core.args.Args;
import org.ecgdigitizer.core.args.Option;

/** One subcommand of the command-line tool (generate, digitize, evaluate, bench). */
public interface CliCommand {

	String name();

	/** One line for the overview. */
	String summary();

	/** What follows the subcommand name in the usage line, e.g. "IMAGE... --out DIR [options]". */
	String synopsis();

	List<Option> options();

	/**
	 * Runs the subcommand.
	 *
	 * @return the process exit status: 0 for success, non-zero if any input failed
	 */
	int run(Args args, PrintStream out, PrintStream err) throws Exception;

	/** Prints the generated help text. */
	default void printHelp(PrintStream out) {
		out.println("Usage: java -jar ecg-digitizer.jar " + name() + " " + synopsis());
		out.println();
		out.println(summary());
		out.println();
		out.println("Options:");
		out.print(Args.help(options()));
	}
}
