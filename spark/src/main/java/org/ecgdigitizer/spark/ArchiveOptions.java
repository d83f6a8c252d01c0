package org.ecgdigitizer.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.args.Args;
import org.ecgdigitizer.core.args.Option;
import org.ecgdigitizer.core.args.PageOptions;
import org.ecgdigitizer.core.io.DigitizationFiles;

/**
 * The options of {@link DigitizeArchive}, parsed by the command line's own parser ({@link Args});
 * the options that say how pages are digitized are {@code digitize}'s ({@link PageOptions}), with
 * its defaults. Every mistake is a one-line exception.
 */
final class ArchiveOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	static final List<Option> OPTIONS = options();

	/** Input paths or globs, as given. */
	final List<String> inputs;
	final String output;
	/** Output files besides the table; empty for the table alone. */
	final Set<DigitizationFiles.Format> formats;
	/** Folder of the per-page files; null when no files are written. */
	final String filesDir;
	final String pattern;
	/** Pages per Spark job. */
	final int commitEvery;
	final boolean resume;
	final boolean overwrite;
	final boolean help;
	/** The arguments, from which each executor builds its page digitizer. */
	private final Args args;

	private ArchiveOptions(Args args, List<String> inputs, String output, Set<DigitizationFiles.Format> formats,
		String filesDir, int commitEvery)
	{
		this.args = args;
		this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
		this.output = output;
		this.formats = formats;
		this.filesDir = filesDir;
		this.pattern = PageOptions.pattern(args);
		this.commitEvery = commitEvery;
		this.resume = args.flag("resume");
		this.overwrite = args.flag("overwrite");
		this.help = args.flag("help");
	}

	private static List<Option> options() {
		List<Option> options = new ArrayList<>();
		options.add(Option.value("input", "PATH|GLOB", "page images and PDFs, folders (read recursively) or globs, " +
			"on any Hadoop file system; may be repeated"));
		options.add(Option.value("output", "PATH", "the Parquet table to write"));
		options.add(Option.value("formats", "LIST", "parquet, and any of wfdb,csv,json,png,plot to also write the " +
			"files `digitize` writes, one set per page", "parquet"));
		options.add(Option.value("files", "DIR", "where those files go (default: beside the table, NAME-files)"));
		options.addAll(PageOptions.options());
		options.add(Option.value("commit-every", "N", "pages per Spark job; each job appends its rows to the table, " +
			"so a job that dies loses at most this many pages' work", 10000));
		options.add(Option.flag("resume", "skip the files whose pages already have rows in the table"));
		options.add(Option.flag("overwrite", "replace an existing table"));
		return Collections.unmodifiableList(options);
	}

	static String usage() {
		return "Usage: spark-submit --class org.ecgdigitizer.spark.DigitizeArchive ecg-digitizer-spark.jar\n" +
			"         --input PATH|GLOB [--input ...] --output TABLE.parquet [options]\n\n" +
			"Digitizes every page of the images and PDFs under the inputs (any Hadoop path: file:, hdfs:, s3a:,\n" +
			"abfss:, gs:) into a Parquet table with one row per page; a page that fails is a row with status\n" +
			"'failed'.\n\nOptions:\n" + Args.help(OPTIONS);
	}

	/** A new page digitizer, as {@code digitize} builds it from the same options. */
	PageDigitizer digitizer() {
		return PageOptions.digitizer(args);
	}

	static ArchiveOptions parse(String... argv) {
		Args args = Args.parse(argv, OPTIONS);
		List<String> inputs = new ArrayList<>(args.all("input"));
		inputs.addAll(args.positionals());
		String output = args.string("output", null);
		int commitEvery = args.integer("commit-every", 10000);
		if (args.flag("help")) {
			return new ArchiveOptions(args, inputs, output, EnumSet.noneOf(DigitizationFiles.Format.class), null,
				commitEvery);
		}
		if (inputs.isEmpty()) throw new Args.UsageException("no input given; name the pages with --input PATH|GLOB");
		if (output == null || output.isBlank()) {
			throw new Args.UsageException("no output given; name the table with --output PATH");
		}
		if (args.flag("resume") && args.flag("overwrite")) {
			throw new Args.UsageException("--resume continues a table and --overwrite replaces it; give one");
		}
		if (commitEvery < 1) throw new Args.UsageException("--commit-every must be at least 1 page, got " + commitEvery);
		Set<DigitizationFiles.Format> fileFormats = fileFormats(args.string("formats", "parquet"));
		String filesDir = fileFormats.isEmpty() ? null : args.string("files", defaultFilesDir(output));
		ArchiveOptions options = new ArchiveOptions(args, inputs, output, fileFormats, filesDir, commitEvery);
		options.digitizer(); // fails now, on the driver, rather than once per page
		return options;
	}

	/** The formats besides Parquet, which is always written; "parquet" alone gives none. */
	static Set<DigitizationFiles.Format> fileFormats(String list) {
		List<String> others = new ArrayList<>();
		boolean parquet = false;
		for (String s : list.split(",")) {
			if (s.trim().equalsIgnoreCase("parquet")) parquet = true;
			else if (!s.isBlank()) others.add(s.trim());
		}
		if (others.isEmpty()) {
			if (!parquet) throw new Args.UsageException("no output format given; use parquet and any of " +
				DigitizationFiles.Format.NAMES);
			return EnumSet.noneOf(DigitizationFiles.Format.class);
		}
		return DigitizationFiles.Format.parse(String.join(",", others));
	}

	/** {@code .../ecg.parquet} gives {@code .../ecg-files}: the files beside the table, not inside it. */
	static String defaultFilesDir(String output) {
		String table = output.replaceAll("/+$", "");
		String stem = table.toLowerCase(Locale.ROOT).endsWith(".parquet") ? table.substring(0, table.length() - 8)
			: table;
		return stem + "-files";
	}
}
