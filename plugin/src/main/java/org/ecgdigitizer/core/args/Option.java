package org.ecgdigitizer.core.args;

/** One command-line option of a subcommand, for parsing and for the generated help text. */
public final class Option {

	public final String name;
	/** Placeholder for the value ("DIR"), or null for a flag that takes no value. */
	public final String valueName;
	public final String help;
	/** Printed in the help; parsing does not apply it (the subcommand does). */
	public final String defaultText;

	private Option(String name, String valueName, String help, String defaultText) {
		this.name = name;
		this.valueName = valueName;
		this.help = help;
		this.defaultText = defaultText;
	}

	/** An option that takes a value: --name VALUE. */
	public static Option value(String name, String valueName, String help) {
		return new Option(name, valueName, help, null);
	}

	public static Option value(String name, String valueName, String help, Object defaultValue) {
		return new Option(name, valueName, help, String.valueOf(defaultValue));
	}

	/** A boolean flag: --name. */
	public static Option flag(String name, String help) {
		return new Option(name, null, help, null);
	}

	public boolean takesValue() {
		return valueName != null;
	}
}
