package org.ecgdigitizer.command;

import java.io.File;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * Test stand-in for Fiji's legacy bridge (imagej-legacy is not on Maven Central): makes
 * {@code run("<menu leaf>", "<options>")} in an ImageJ 1.x macro run our SciJava command the way
 * Fiji does.
 *
 * <ul>
 * <li>Every command under Plugins &gt; ECG Digitizer is registered under its menu leaf (as
 * {@code IJ1Helper.addMenuItems} does).</li>
 * <li>Each input's value is {@code Macro.getValue(options, fieldName, null)}, passed on as the raw
 * string for SciJava's ConvertService (as {@code MacroPreprocessor} does).</li>
 * <li>An ImagePlus input is the image with the given title or ID, else the current image (as
 * {@code StringToImagePlusConverter} and {@code ActiveImagePlusPreprocessor} do).</li>
 * <li>ImagePlus outputs are shown, which in a batch-mode macro makes them batch-mode images the
 * macro can select and save (as Fiji's display of outputs does).</li>
 * <li>A canceled command aborts the macro; its reason is kept in {@link #lastCancelReason}.</li>
 * </ul>
 *
 * Registering commands pokes ImageJ's private {@code Menus.pluginsTable} (so {@code IJ.run} does not
 * build AWT menus headless); that dependency on an ImageJ internal stays in test code.
 */
public class MacroBridge implements PlugIn {

	static final String MENU = "Plugins > ECG Digitizer > ";

	private static Context context;
	/** Why the last command run through the bridge was canceled, or null. */
	static volatile String lastCancelReason;
	/** The module of the last command run through the bridge. */
	static volatile Module lastModule;

	/** Registers every ECG Digitizer command under its menu leaf; returns leaf label to class name. */
	static synchronized Map<String, String> install(Context ctx) throws ReflectiveOperationException,
		java.io.IOException
	{
		context = ctx;
		Map<String, String> registered = new LinkedHashMap<>();
		Field f = Menus.class.getDeclaredField("pluginsTable");
		f.setAccessible(true);
		@SuppressWarnings("unchecked")
		Hashtable<String, String> table = (Hashtable<String, String>) f.get(null);
		if (table == null) {
			table = new Hashtable<>();
			f.set(null, table);
		}
		addImageJCommands(table);
		for (CommandInfo info : ctx.service(CommandService.class).getCommands()) {
			if (info.getMenuPath() == null || !info.getMenuPath().getMenuString().startsWith(MENU)) continue;
			String leaf = info.getMenuPath().getLeaf().getName();
			table.put(leaf, MacroBridge.class.getName() + "(\"" + info.getClassName() + "\")");
			registered.put(leaf, info.getClassName());
		}
		return registered;
	}

	/**
	 * ImageJ's own menu commands ("PNG...", "Close All", ...), from the IJ_Props.txt inside ij.jar,
	 * where ImageJ reads them when it builds its menus.
	 */
	private static void addImageJCommands(Hashtable<String, String> table) throws java.io.IOException {
		try (java.io.InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			java.util.Properties props = new java.util.Properties();
			props.load(in);
			for (String key : props.stringPropertyNames()) {
				String v = props.getProperty(key).trim();
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\"([^\"]+)\",(ij\\..+)$").matcher(v);
				if (!m.matches()) continue;
				String label = m.group(1).replaceAll("\\[.*\\]$", "").trim();
				table.putIfAbsent(label, m.group(2));
			}
		}
	}

	@Override
	public void run(String className) {
		lastCancelReason = null;
		lastModule = null;
		CommandService commands = context.service(CommandService.class);
		CommandInfo info = commands.getCommand(className);
		String options = Macro.getOptions();
		Map<String, Object> inputs = new HashMap<>();
		for (ModuleItem<?> item : info.inputs()) {
			Class<?> type = item.getType();
			String value = options == null ? null : Macro.getValue(options, item.getName(), null);
			if (type == ImagePlus.class) {
				ImagePlus imp = value == null ? WindowManager.getCurrentImage() : image(value);
				if (imp != null) inputs.put(item.getName(), imp);
			}
			else if (value != null && (type == String.class || type == File.class || type.isPrimitive() ||
				Number.class.isAssignableFrom(type) || type == Boolean.class))
			{
				inputs.put(item.getName(), value);
			}
		}
		Module module;
		try {
			module = commands.run(info, true, inputs).get();
		}
		catch (Exception e) {
			throw new RuntimeException(e);
		}
		lastModule = module;
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) {
			lastCancelReason = ((Cancelable) module).getCancelReason();
			IJ.log(info.getTitle() + " canceled: " + lastCancelReason + " (inputs " + inputs.keySet() + ", options " + options + ")");
			Interpreter.abort();
			return;
		}
		for (ModuleItem<?> item : info.outputs()) {
			Object value = item.getValue(module);
			if (value instanceof ImagePlus) ((ImagePlus) value).show();
		}
	}

	private static ImagePlus image(String titleOrId) {
		try {
			int id = Integer.parseInt(titleOrId.trim());
			ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) return imp;
		}
		catch (NumberFormatException e) {
			// a title
		}
		return WindowManager.getImage(titleOrId);
	}
}
