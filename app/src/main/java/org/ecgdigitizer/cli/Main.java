package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecgdigitizer.core.EcgException;

/**
 * Entry point of the command-line tool: {@code java -jar ecg-digitizer.jar <subcommand> ...}.
 * Runs without Fiji; every subcommand has --help.
 */
public final class Main {

	private Main() {}

	/** The subcommands, in the order the overview lists them. */
	static List<CliCommand> commands() {
		List<CliCommand> list = new ArrayList<>();
		list.add(new DigitizeCli());
		list.add(new GenerateCli());
		list.add(new EvaluateCli());
		list.add(new BenchCli());
		list.add(new ServeCli());
		list.add(new TrainInkCli());
		list.add(new InkBenchCli());
		return list;
	}

	/** Held so that the settings stay: java.util.logging keeps loggers only weakly. */
	private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		// PDFBox logs every oddity of a damaged PDF; the digitizer reports each page in one line of its own
		for (String name : new String[] { "org.apache.pdfbox", "org.apache.fontbox" }) {
			java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
			logger.setLevel(java.util.logging.Level.OFF);
			QUIET.add(logger);
		}
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command line and returns the exit status (used by tests, which must not exit). */
	public static int run(String[] argv, PrintStream out, PrintStream err) {
		List<CliCommand> commands = commands();
		if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
			printOverview(commands, out);
			return argv.length == 0 ? 2 : 0;
		}
		CliCommand command = null;
		for (CliCommand c : commands) if (c.name().equals(argv[0])) command = c;
		if (command == null) {
			err.println("Unknown subcommand '" + argv[0] + "'. Run with --help to see the subcommands.");
			return 2;
		}
		String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
		try {
			Args args = Args.parse(rest, command.options());
			if (args.flag("help")) {
				command.printHelp(out);
				return 0;
			}
			return command.run(args, out, err);
		}
		catch (Args.UsageException | IllegalArgumentException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		}
		catch (EcgException e) {
			err.println("Error: " + e.getMessage());
			return 1;
		}
		catch (Exception e) {
			err.println("Error: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}

	private static void printOverview(List<CliCommand> commands, PrintStream out) {
		out.println("ECG Digitizer: turns images of paper ECGs into calibrated 12-lead signals.");
		out.println();
		out.println("Usage: java -jar ecg-digitizer.jar <subcommand> [options]");
		out.println();
		out.println("Subcommands:");
		for (CliCommand c : commands) out.printf("  %-10s %s%n", c.name(), c.summary());
		out.println();
		out.println("Run 'java -jar ecg-digitizer.jar <subcommand> --help' for the options of each.");
	}
}
