package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

/** The stage commands, run one by one as Fiji runs them, give exactly what Digitize ECG gives. */
class StageCommandsTest {

	static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		context = new Context();
		context.service(LogService.class).setLevel(LogLevel.ERROR);
	}

	/** Every command of the plugin: menu leaf to class. */
	static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();
	static {
		COMMANDS.put("Preprocess Page", PreprocessCommand.class);
		COMMANDS.put("Detect Leads", DetectLeadsCommand.class);
		COMMANDS.put("Extract Traces", ExtractTracesCommand.class);
		COMMANDS.put("Digitize Signals", DigitizeSignalsCommand.class);
		COMMANDS.put("Digitize ECG", DigitizeCommand.class);
		COMMANDS.put("Digitize Folder", DigitizeFolderCommand.class);
		COMMANDS.put("Evaluate Digitization", EvaluateCommand.class);
		COMMANDS.put("Generate Synthetic ECG", GenerateCommand.class);
		COMMANDS.put("Apply Ink Classifier", ApplyInkClassifierCommand.class);
		COMMANDS.put("Train Ink Classifier", TrainInkClassifierCommand.class);
		COMMANDS.put("Load TWS Model", LoadTwsModelCommand.class);
	}

	/** The sub-menu a command sits in under Plugins > ECG Digitizer, "" for none. */
	static String submenu(String leaf) {
		return leaf.contains("Ink Classifier") || leaf.equals("Load TWS Model") ? "Ink Classifier > " : "";
	}

	@Test
	void commandsSitUnderOneMenuWithMacroFriendlyParameters() {
		CommandService commands = context.service(CommandService.class);
		for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
			CommandInfo info = commands.getCommand(e.getValue().getName());
			assertNotNull(info, e.getKey());
			assertEquals("Plugins > ECG Digitizer > " + submenu(e.getKey()) + e.getKey(), info.getMenuPath()
				.getMenuString());
			for (ModuleItem<?> item : info.outputs()) {
				// Fiji shows ImagePlus outputs; anything else only makes it log "Ignoring unsupported output"
				assertEquals(ImagePlus.class, item.getType(), e.getKey() + ": output " + item.getName());
			}
			for (ModuleItem<?> item : info.inputs()) {
				Class<?> type = item.getType();
				if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
				assertTrue(item.getName().matches("[a-z][a-z0-9_]*"), e.getKey() + ": " + item.getName());
				assertTrue(type == ImagePlus.class || type == File.class || type == String.class || type == double.class ||
					type == int.class || type == long.class || type == boolean.class, e.getKey() + ": " + item.getName() + " is " + type);
				// SciJava's FilePreprocessor opens a file chooser for a lone unset File input, even in a
				// macro that gave every other option: optional paths must be text
				if (type == File.class) assertTrue(item.isRequired(), e.getKey() + ": optional File " + item.getName());
				if (type != ImagePlus.class && type != File.class) {
					// options have defaults and are never remembered, so macros behave the same every time
					assertFalse(item.isPersisted(), e.getKey() + ": " + item.getName() + " is persisted");
				}
			}
		}
	}

	/** The plugin index that Fiji reads from the jar lists every command with its menu path. */
	@Test
	void thePluginIndexListsEveryCommand() throws Exception {
		Path index = Paths.get("plugin", "target", "classes", "META-INF", "json", "org.scijava.plugin.Plugin");
		assertTrue(Files.isRegularFile(index), index + " is written by the annotation processor at compile time");
		String json = Files.readString(index, StandardCharsets.UTF_8);
		for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
			String entry = "{\"class\":\"" + e.getValue().getName() + "\",\"values\":{\"menuPath\":\"Plugins>ECG Digitizer>" +
				submenu(e.getKey()).replace(" > ", ">") + e.getKey() + "\",\"type\":\"org.scijava.command.Command\"}}";
			assertTrue(json.contains(entry), "missing " + entry + " in " + json);
		}
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** The clean 3x4+1 sample page (synthetic, in the repository), 200 dpi. */
	static final Path SAMPLE = Paths.get("sample-data", "clean-3x4+1", "ecg-101.png");
	static final String NAME = "ecg-101";

	static ImagePlus seedPage() {
		return IJ.openImage(SAMPLE.toString());
	}

	@Test
	void stagesOneByOneGiveTheRecordOfDigitizeEcg() throws Exception {
		ImagePlus scan = seedPage();
		Module all = Fiji.run(context, DigitizeCommand.class, "image", scan, "fs", "500", "output_dir", dir.resolve(
			"all").toString(), "formats", "wfdb,csv,json,png,plot");
		assertNull(Fiji.canceled(all));

		Module s1 = Fiji.run(context, PreprocessCommand.class, "image", scan);
		assertNull(Fiji.canceled(s1));
		ImagePlus page = Fiji.output(s1, "rectified");
		assertNull(Fiji.canceled(Fiji.run(context, DetectLeadsCommand.class, "page", page, "layout", "auto", "gain",
			"auto", "speed", "auto")));
		Module s3 = Fiji.run(context, ExtractTracesCommand.class, "page", page);
		assertNull(Fiji.canceled(s3));
		ImagePlus mask = Fiji.output(s3, "trace_mask");
		assertEquals("mm", mask.getCalibration().getUnit());
		assertEquals(page.getWidth(), mask.getWidth());
		assertTrue(mask.getStatistics().histogram[255] > 5000, "the mask marks the traced paths");
		Module s4 = Fiji.run(context, DigitizeSignalsCommand.class, "page", page, "fs", "500", "output_dir", dir
			.resolve("stages").toString(), "formats", "wfdb,csv,json,png,plot");
		assertNull(Fiji.canceled(s4));

		ResultsTable a = ((DigitizeCommand) Fiji.command(all)).getSignals();
		ResultsTable b = ((DigitizeSignalsCommand) Fiji.command(s4)).getSignals();
		assertEquals(a.size(), b.size());
		for (Lead lead : Lead.values()) {
			assertArrayEquals(a.getColumn(lead.label()), b.getColumn(lead.label()), 1e-9, lead.label());
		}
		// the digitized page of Digitize ECG can be digitized again (after corrections) with Digitize Signals
		Module again = Fiji.run(context, DigitizeSignalsCommand.class, "page", Fiji.output(all, "review"), "fs", "500");
		ResultsTable c = ((DigitizeSignalsCommand) Fiji.command(again)).getSignals();
		for (Lead lead : Lead.values()) {
			assertArrayEquals(a.getColumn(lead.label()), c.getColumn(lead.label()), 1e-9, lead.label());
		}

		// every image is calibrated in mm
		List<ImagePlus> images = new ArrayList<>(List.of(Fiji.output(all, "review"), Fiji.output(all, "plot"), page,
			Fiji.output(s1, "ink"), Fiji.output(s4, "plot")));
		for (ImagePlus imp : images) {
			assertEquals("mm", imp.getCalibration().getUnit(), imp.getTitle());
			assertTrue(imp.getCalibration().pixelWidth > 0.05 && imp.getCalibration().pixelWidth < 0.5, imp.getTitle());
		}
		assertEquals(1 / PageProperties.layout(page).geometry.pxPerMmX, page.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.2, ((ImagePlus) Fiji.output(s4, "plot")).getCalibration().pixelWidth, 1e-12);

		// the written files agree to the byte: signals, diagnostics (confidence, warnings, layout)
		String name = NAME;
		for (String file : new String[] { ".csv", ".json", ".dat", ".hea" }) {
			assertEquals(Files.readString(dir.resolve("all/" + name + file), java.nio.charset.StandardCharsets.ISO_8859_1),
				Files.readString(dir.resolve("stages/" + name + file), java.nio.charset.StandardCharsets.ISO_8859_1), file);
		}
	}

	@Test
	void problemsEndTheCommandWithOneLineThatSaysWhatToDo() {
		ImagePlus blank = IJ.createImage("blank page", "RGB white", 1100, 850, 1);
		String why = Fiji.canceled(Fiji.run(context, DigitizeCommand.class, "image", blank));
		assertNotNull(why);
		assertEquals(1, why.lines().count(), why);
		assertTrue(why.contains(";"), why);

		ImagePlus tiny = IJ.createImage("tiny", "RGB white", 150, 90, 1);
		why = Fiji.canceled(Fiji.run(context, PreprocessCommand.class, "image", tiny));
		assertTrue(why.contains("150x90"), why);

		why = Fiji.canceled(Fiji.run(context, DetectLeadsCommand.class, "page", blank));
		assertTrue(why.contains("not a rectified page"), why);
		why = Fiji.canceled(Fiji.run(context, DigitizeSignalsCommand.class, "page", blank));
		assertTrue(why.contains("not a rectified page") || why.contains("no lead layout"), why);

		why = Fiji.canceled(Fiji.run(context, DetectLeadsCommand.class, "page", blank, "layout", "5x5"));
		assertTrue(why.contains("5x5"), why);
		why = Fiji.canceled(Fiji.run(context, DigitizeFolderCommand.class, "input_dir", dir.resolve("none")
			.toString(), "output_dir", dir.toString()));
		assertTrue(why.contains("does not exist"), why);
	}
}
