package org.ecgdigitizer.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.DigitizationFiles;

/**
 * The options of {@link DigitizeArchive}: {@code --name value}, {@code --name=value} and flags.
 * The digitizer's own options ({@code --fs --layout --gain --speed --formats --pattern}) mean what
 * they mean for {@code digitize}. Every mistake is an {@link EcgException} with a one-line message.
 */
final class ArchiveOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	static final String USAGE = String.join("\n",
		"Usage: spark-submit --class org.ecgdigitizer.spark.DigitizeArchive ecg-digitizer-spark.jar",
		"         --input PATH|GLOB [--input ...] --output TABLE.parquet [options]",
		"",
		"Digitizes every page image under the inputs (any Hadoop path: file:, hdfs:, s3a:, abfss:, gs:)",
		"into a Parquet table with one row per page; a page that fails is a row with status 'failed'.",
		"",
		"  --input PATH|GLOB     page images, folders (read recursively) or globs; may be repeated",
		"  --output PATH         the Parquet table to write",
		"  --formats LIST        parquet, and any of wfdb,csv,json,png,plot to also write the files",
		"                        `digitize` writes, one set per page (default: parquet)",
		"  --files DIR           where those files go (default: beside the table, NAME-files)",
		"  --fs HZ               output sampling frequency (default: 500)",
		"  --layout SPEC         auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera) (default: auto)",
		"  --gain MM_PER_MV      auto, 5, 10 or 20 (default: auto)",
		"  --speed MM_PER_S      auto, 25 or 50 (default: auto)",
		"  --pattern GLOB        which file names are pages (default: " + BatchDigitizer.IMAGE_GLOB + ")",
		"  --page-timeout S      stop a page after this many seconds and report it (default: 300)",
		"  --commit-every N      pages per Spark job; each job appends its rows to the table, so a",
		"                        job that dies loses at most this many pages' work (default: 10000)",
		"  --resume              skip the pages that already have a row in the table",
		"  --overwrite           replace an existing table",
		"  --help                show this help");

	/** Input paths or globs, as given. */
	final List<String> inputs;
	final String output;
	/** Output files besides the table; empty for the table alone. */
	final Set<DigitizationFiles.Format> formats;
	/** Folder of the per-page files; null when no files are written. */
	final String filesDir;
	final double fs;
	final String layout;
	final String gain;
	final String speed;
	final String pattern;
	final double pageTimeoutSeconds;
	final int commitEvery;
	final boolean resume;
	final boolean overwrite;
	final boolean help;

	private ArchiveOptions(List<String> inputs, String output, Set<DigitizationFiles.Format> formats, String filesDir,
		double fs, String layout, String gain, String speed, String pattern, double pageTimeoutSeconds, int commitEvery,
		boolean resume, boolean overwrite, boolean help)
	{
		this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
		this.output = output;
		this.formats = formats;
		this.filesDir = filesDir;
		this.fs = fs;
		this.layout = layout;
		this.gain = gain;
		this.speed = speed;
		this.pattern = pattern;
		this.pageTimeoutSeconds = pageTimeoutSeconds;
		this.commitEvery = commitEvery;
		this.resume = resume;
		this.overwrite = overwrite;
		this.help = help;
	}

	/** The digitizer settings, exactly as {@code digitize} builds them from the same options. */
	DigitizerSettings settings() {
		return DigitizerSettings.parse(fs, layout, gain, speed);
	}

	static ArchiveOptions parse(String... argv) {
		List<String> inputs = new ArrayList<>();
		String output = null, formats = "parquet", files = null, layout = "auto", gain = "auto", speed = "auto";
		String pattern = BatchDigitizer.IMAGE_GLOB;
		double fs = 500, timeout = 300;
		int commitEvery = 10000;
		boolean resume = false, overwrite = false, help = false;
		for (int i = 0; i < argv.length; i++) {
			String a = argv[i];
			if (!a.startsWith("--")) {
				inputs.add(a);
				continue;
			}
			String name = a.substring(2);
			String value = null;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			boolean flag = name.equals("resume") || name.equals("overwrite") || name.equals("help");
			if (flag) {
				if (value != null) throw new EcgException("option --" + name + " takes no value");
			}
			else if (value == null) {
				if (i + 1 >= argv.length) throw new EcgException("option --" + name + " needs a value; see --help");
				value = argv[++i];
			}
			switch (name) {
				case "input": inputs.add(value); break;
				case "output": output = value; break;
				case "formats": formats = value; break;
				case "files": files = value; break;
				case "fs": fs = number(name, value); break;
				case "layout": layout = value; break;
				case "gain": gain = value; break;
				case "speed": speed = value; break;
				case "pattern": pattern = value; break;
				case "page-timeout": timeout = number(name, value); break;
				case "commit-every": commitEvery = (int) number(name, value); break;
				case "resume": resume = true; break;
				case "overwrite": overwrite = true; break;
				case "help": help = true; break;
				default: throw new EcgException("unknown option --" + name + "; see --help");
			}
		}
		if (help) {
			return new ArchiveOptions(inputs, output, EnumSet.noneOf(DigitizationFiles.Format.class), null, fs, layout,
				gain, speed, pattern, timeout, commitEvery, resume, overwrite, true);
		}
		if (inputs.isEmpty()) throw new EcgException("no input given; name the page images with --input PATH|GLOB");
		if (output == null || output.isBlank()) throw new EcgException("no output given; name the table with --output PATH");
		if (resume && overwrite) throw new EcgException("--resume continues a table and --overwrite replaces it; give one");
		if (!(timeout > 0)) throw new EcgException("--page-timeout must be a positive number of seconds, got " + timeout);
		if (commitEvery < 1) throw new EcgException("--commit-every must be at least 1 page, got " + commitEvery);
		Set<DigitizationFiles.Format> fileFormats = fileFormats(formats);
		String filesDir = fileFormats.isEmpty() ? null : files != null ? files : defaultFilesDir(output);
		ArchiveOptions options = new ArchiveOptions(inputs, output, fileFormats, filesDir, fs, layout, gain, speed,
			pattern, timeout, commitEvery, resume, overwrite, false);
		options.settings(); // fails now, on the driver, rather than once per page
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
			if (!parquet) throw new EcgException("no output format given; use parquet and any of " +
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

	private static double number(String name, String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException e) {
			throw new EcgException("option --" + name + " needs a number, got '" + value + "'");
		}
	}
}
