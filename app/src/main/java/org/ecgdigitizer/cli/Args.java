package org.ecgdigitizer.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parsed command-line arguments of one subcommand: {@code --name value}, {@code --name=value},
 * flags, and positional arguments. Unknown options and missing values fail with a
 * {@link UsageException} that names the problem.
 */
public final class Args {

	/** A mistake in the command line; the message says what to type instead. */
	public static final class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public UsageException(String message) {
			super(message);
		}
	}

	private final Map<String, String> values = new LinkedHashMap<>();
	/** Every value of each option, in order (an option given twice keeps both here; {@link #values} the last). */
	private final Map<String, List<String>> repeated = new LinkedHashMap<>();
	private final List<String> positionals = new ArrayList<>();

	public static Args parse(String[] argv, List<Option> options) {
		Args args = new Args();
		for (int i = 0; i < argv.length; i++) {
			String a = argv[i];
			if (a.equals("--")) {
				args.positionals.addAll(Arrays.asList(argv).subList(i + 1, argv.length));
				break;
			}
			if (!a.startsWith("--")) {
				args.positionals.add(a);
				continue;
			}
			String name = a.substring(2);
			String value = null;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			Option opt = find(options, name);
			if (name.equals("help")) {
				args.values.put("help", "true");
				continue;
			}
			if (opt == null) throw new UsageException("Unknown option --" + name + "; see --help");
			if (opt.takesValue()) {
				if (value == null) {
					if (i + 1 >= argv.length) throw new UsageException("Option --" + name + " needs a value (" +
						opt.valueName + ")");
					value = argv[++i];
				}
			}
			else {
				if (value != null) throw new UsageException("Option --" + name + " takes no value");
				value = "true";
			}
			args.values.put(name, value);
			args.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
		}
		return args;
	}

	private static Option find(List<Option> options, String name) {
		for (Option o : options) if (o.name.equals(name)) return o;
		return null;
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	public boolean flag(String name) {
		return "true".equals(values.get(name));
	}

	public String string(String name, String defaultValue) {
		return values.getOrDefault(name, defaultValue);
	}

	public String required(String name) {
		String v = values.get(name);
		if (v == null) throw new UsageException("Missing required option --" + name + "; see --help");
		return v;
	}

	public int integer(String name, int defaultValue) {
		String v = values.get(name);
		if (v == null) return defaultValue;
		try {
			return Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UsageException("Option --" + name + " needs a whole number, got '" + v + "'");
		}
	}

	public long longValue(String name, long defaultValue) {
		String v = values.get(name);
		if (v == null) return defaultValue;
		try {
			return Long.parseLong(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UsageException("Option --" + name + " needs a whole number, got '" + v + "'");
		}
	}

	public double number(String name, double defaultValue) {
		String v = values.get(name);
		if (v == null) return defaultValue;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UsageException("Option --" + name + " needs a number, got '" + v + "'");
		}
	}

	public File file(String name, File defaultValue) {
		String v = values.get(name);
		return v == null ? defaultValue : new File(v);
	}

	/** A comma-separated list, trimmed and lower-cased; empty when absent. */
	public List<String> list(String name) {
		String v = values.get(name);
		List<String> out = new ArrayList<>();
		if (v == null || v.isBlank()) return out;
		for (String s : v.split(",")) {
			if (!s.isBlank()) out.add(s.trim().toLowerCase(Locale.ROOT));
		}
		return out;
	}

	/** Every value given to an option that may be repeated, in order; empty when absent. */
	public List<String> all(String name) {
		return repeated.getOrDefault(name, List.of());
	}

	public List<String> positionals() {
		return positionals;
	}
}
