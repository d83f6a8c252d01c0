package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;

/**
 * Every macro in macros/ run by ImageJ's macro interpreter in batch mode, headless, with
 * {@code run("<menu leaf>", "<options>")} reaching our commands the way Fiji's legacy bridge does
 * (see {@link MacroBridge}).
 */
class MacrosTest {

	static final Path MACROS = Paths.get("macros");
	/** The macros this class runs; a new macro needs a test here. */
	static final Set<String> TESTED = Set.of("digitize_folder.ijm", "digitize_active_image.ijm",
		"step_by_step.ijm", "make_test_pages.ijm", "train_ink_classifier.ijm");

	static Context context;
	static Map<String, String> registered;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() throws Exception {
		System.setProperty("java.awt.headless", "true");
		context = new Context();
		context.service(LogService.class).setLevel(LogLevel.ERROR);
		registered = MacroBridge.install(context);
	}

	@AfterAll
	static void stop() {
		context.dispose();
		MacroBridge.lastModule = null;
	}

	/** Runs a macro file; fails the test when the macro stops on an error or a failed command. */
	static void run(String macro, String argument) {
		MacroBridge.lastCancelReason = null;
		String result = IJ.runMacroFile(MACROS.resolve(macro).toAbsolutePath().toString(), argument);
		assertNull(MacroBridge.lastCancelReason, macro);
		assertNotEquals("[aborted]", result, macro);
	}

	static Path seedPage() {
		return StageCommandsTest.SAMPLE.toAbsolutePath();
	}

	@Test
	void everyMacroHasATestAndEveryCommandAMenuLeaf() throws Exception {
		Set<String> macros;
		try (Stream<Path> s = Files.list(MACROS)) {
			macros = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ijm")).collect(Collectors
				.toCollection(TreeSet::new));
		}
		assertEquals(new TreeSet<>(TESTED), macros);
		for (String macro : macros) {
			String text = Files.readString(MACROS.resolve(macro), StandardCharsets.UTF_8);
			assertTrue(text.startsWith("//"), macro + " starts with a comment header");
			assertTrue(text.contains("In Fiji:") && text.contains("--headless"), macro + " says how to run it");
		}
		assertEquals(StageCommandsTest.COMMANDS.keySet(), registered.keySet());
	}

	@Test
	void digitizeFolder() throws Exception {
		Path in = Files.createDirectories(dir.resolve("scans in"));
		Files.copy(seedPage(), in.resolve("page one.png"));
		Files.copy(Paths.get("sample-data", "6x2", "ecg-104.png"), in.resolve("dotted.png"));
		Files.writeString(in.resolve("broken.png"), "not an image");
		Path out = dir.resolve("records");
		run("digitize_folder.ijm", "input=[" + in + "] output=[" + out + "] formats=csv,json,plot threads=2");
		assertTrue(Files.exists(out.resolve("page_one.csv")));
		assertTrue(Files.exists(out.resolve("page_one-plot.png")));
		String summary = Files.readString(out.resolve("summary.csv"));
		assertTrue(summary.contains("page one.png,1,page_one,ok,"), summary);
		assertTrue(summary.contains("dotted.png,1,dotted,ok,"), summary);
		assertTrue(summary.contains("broken.png,1,broken,failed,"), summary);

		// records already written are kept unless overwriting is asked for
		run("digitize_folder.ijm", "input=[" + in + "] output=[" + out + "] formats=csv,json,plot");
		assertTrue(Files.readString(out.resolve("summary.csv")).contains("kept: written by an earlier run"));
		run("digitize_folder.ijm", "input=[" + in + "] output=[" + out + "] formats=csv,json,plot overwrite=true");
		assertFalse(Files.readString(out.resolve("summary.csv")).contains("kept: written by an earlier run"));
		assertTrue(Files.readString(out.resolve("summary.csv")).contains("page one.png,1,page_one,ok,"));
	}

	@Test
	void stepByStepSavesEveryStageAndGivesTheRecordOfDigitizeEcg() throws Exception {
		Path steps = dir.resolve("steps");
		Path page = seedPage();
		run("step_by_step.ijm", "image=[" + page + "] output=[" + steps + "]");
		String name = StageCommandsTest.NAME;
		for (String file : new String[] { "-1-rectified.tif", "-1-ink.tif", "-2-leads.tif", "-3-traces.tif",
			"-3-trace-mask.png", "-4-plot.png", ".hea", ".dat", ".csv", ".json", "-overlay.png", "-plot.png" })
		{
			assertTrue(Files.exists(steps.resolve(name + file)), name + file);
		}
		// the saved pages carry their calibration, state and overlay
		ImagePlus leads = IJ.openImage(steps.resolve(name + "-2-leads.tif").toString());
		assertEquals("mm", leads.getCalibration().getUnit());
		assertTrue(leads.getProp(PageProperties.LAYOUT) != null);
		assertEquals(13, java.util.Arrays.stream(leads.getOverlay().toArray()).filter(LeadRois::isLeadBox).count());
		ImagePlus traces = IJ.openImage(steps.resolve(name + "-3-traces.tif").toString());
		assertTrue(java.util.Arrays.stream(traces.getOverlay().toArray()).filter(r -> r.getType() == Roi.POLYLINE)
			.count() >= 13);
		ImagePlus ink = IJ.openImage(steps.resolve(name + "-1-ink.tif").toString());
		assertEquals(32, ink.getBitDepth());

		Path once = dir.resolve("once");
		run("digitize_active_image.ijm", "image=[" + page + "] output=[" + once + "] formats=csv,json");
		assertEquals(Files.readString(once.resolve(name + ".csv")), Files.readString(steps.resolve(name + ".csv")));
		assertEquals(Files.readString(once.resolve(name + ".json")), Files.readString(steps.resolve(name + ".json")));
	}

	@Test
	void aCommandThatFailsAbortsTheMacroWithItsReason() {
		String result = IJ.runMacro("setBatchMode(true); newImage('x', 'RGB white', 600, 400, 1); " +
			"run('Detect Leads', 'layout=auto'); return 'went on';");
		assertNotEquals("went on", result);
		assertTrue(MacroBridge.lastCancelReason.contains("not a rectified page"), MacroBridge.lastCancelReason);
	}

	/** Synthetic pages, digitized and scored against their ground truth, all from macros. */
	@Test
	void makeTestPagesThenDigitizeAndEvaluate() throws Exception {
		Path pages = dir.resolve("test pages");
		run("make_test_pages.ijm", "output=[" + pages + "] count=2 first_seed=7 layouts=3x4+1,6x2 dpi=150");
		for (String f : new String[] { "ecg-7.png", "ecg-7.json", "ecg-7.hea", "ecg-7_masked.hea", "ecg-8.png" }) {
			assertTrue(Files.exists(pages.resolve(f)), f);
		}
		assertTrue(Files.readString(pages.resolve("ecg-8.json")).contains("6x2"));
		Path digitized = dir.resolve("digitized");
		run("digitize_folder.ijm", "input=[" + pages + "] output=[" + digitized + "] formats=wfdb,csv,json");
		MacroBridge.lastCancelReason = null;
		IJ.runMacro("run('Evaluate Digitization', 'pred=[" + digitized + "] ref=[" + pages + "]');");
		assertNull(MacroBridge.lastCancelReason);
		ij.measure.ResultsTable scores = ((EvaluateCommand) Fiji.command(MacroBridge.lastModule)).getResults();
		int all = scores.size() - 1;
		assertEquals("all records", scores.getStringValue("Record", all));
		// both pages digitized and matched to their references (a poor reading scores near 0 dB)
		assertTrue(scores.getValue("Pearson", all) > 0.8, "mean Pearson r " + scores.getValue("Pearson", all));
	}

	@Test
	void optionsAreTheLowerCaseFieldNames() {
		Path page = seedPage();
		// an unknown key is ignored, a known one is used: fs=250 gives 2500 samples
		MacroBridge.lastCancelReason = null;
		String result = IJ.runMacro("setBatchMode(true); open('" + page + "'); n = nImages; " +
			"run('Digitize ECG', 'fs=250 layout=auto gain=auto speed=auto nonsense=1'); " +
			"return '' + (nImages - n) + ' ' + getTitle();");
		assertNull(MacroBridge.lastCancelReason);
		ij.measure.ResultsTable signals = ((DigitizeCommand) Fiji.command(MacroBridge.lastModule)).getSignals();
		assertEquals(2500, signals.size());
		// the digitized page and the plot are shown; the plot is in front
		assertEquals("2 " + StageCommandsTest.NAME + "-plot", result);
	}

	/**
	 * A page annotated the TWS way (named line and freehand ROIs in its overlay, saved as TIFF), an
	 * ink classifier trained on it from the macro with Train Ink Classifier, then applied to another
	 * page with Apply Ink Classifier.
	 */
	@Test
	void trainAndApplyTheInkClassifierFromAMacro() throws Exception {
		Path annotated = InkAnnotation.annotatedPage(dir, 21);
		Path other = dir.resolve("other.png");
		org.ecgdigitizer.core.io.ImageFiles.writePng(InkAnnotation.page(22).image(), other);
		Path model = dir.resolve("lab model.model");
		Path out = dir.resolve("out");
		run("train_ink_classifier.ijm", "annotated=[" + annotated + "] model=[" + model + "] apply=[" + other +
			"] output=[" + out + "] trees=8 seed=3 px_per_mm=" + InkAnnotation.PX_PER_MM);
		org.ecgdigitizer.core.classify.InkClassifier c = new org.ecgdigitizer.core.classify.InkClassifier(
			org.ecgdigitizer.core.classify.ModelFiles.read(model));
		assertEquals(java.util.List.of("trace", "grid", "paper", "text"), c.classes());
		ImagePlus classes = IJ.openImage(out.resolve("annotated-classes.tif").toString());
		assertEquals(4, classes.getStackSize());
		assertEquals("trace", classes.getStack().getSliceLabel(1));
		ImagePlus applied = IJ.openImage(out.resolve("other-classes.tif").toString());
		assertEquals(4, applied.getStackSize());
		// the model tells the other page's trace from its paper
		double[] onTrace = InkAnnotation.meanOnTraceAndPaper(applied, 22);
		assertTrue(onTrace[0] > onTrace[1] + 0.3, "P(trace) on trace " + onTrace[0] + ", on paper " + onTrace[1]);
	}
}
