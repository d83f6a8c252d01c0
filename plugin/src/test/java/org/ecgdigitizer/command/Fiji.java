package org.ecgdigitizer.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.IJ;

/** Runs commands as Fiji does, for tests: through a SciJava context with string inputs, or from a macro. */
final class Fiji {

	private Fiji() {}

	/**
	 * Runs a command with pre- and postprocessing, inputs given as alternating names and values
	 * (strings, as a macro passes them, or ImagePlus objects, as the active image).
	 */
	static Module run(Context context, Class<? extends Command> command, Object... namesAndValues) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) inputs.put((String) namesAndValues[i], namesAndValues[i + 1]);
		try {
			return context.service(CommandService.class).run(command, true, inputs).get();
		}
		catch (Exception e) {
			throw new AssertionError(command.getSimpleName() + " failed", e);
		}
	}

	/** The output of a module. */
	@SuppressWarnings("unchecked")
	static <T> T output(Module module, String name) {
		return (T) module.getOutput(name);
	}

	/** The command a module ran, to read what it keeps out of the outputs (its tables). */
	@SuppressWarnings("unchecked")
	static <C> C command(Module module) {
		return (C) ((org.scijava.command.CommandModule) module).getCommand();
	}

	/** Why the module was canceled, or null. */
	static String canceled(Module module) {
		return module instanceof Cancelable && ((Cancelable) module).isCanceled() ? ((Cancelable) module)
			.getCancelReason() : null;
	}

	/** Runs a macro file in ImageJ's interpreter with an argument; returns what it returned ("[aborted]" on failure). */
	static String runMacroFile(String path, String argument) {
		return IJ.runMacroFile(path, argument);
	}
}
