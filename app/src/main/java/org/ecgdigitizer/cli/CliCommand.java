package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.util.List;

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
		for (Option o : options()) {
			String head = "  --" + o.name + (o.takesValue() ? " " + o.valueName : "");
			String help = o.help + (o.defaultText != null ? " (default: " + o.defaultText + ")" : "");
			if (head.length() < 26) out.printf("%-26s%s%n", head, help);
			else out.printf("%s%n%26s%s%n", head, "", help);
		}
		out.printf("%-26s%s%n", "  --help", "show this help");
	}
}
