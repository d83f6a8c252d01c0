package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.Module;

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
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static ImagePlus seedPage() {
		Path page = SharedData.require("seed-images").resolve("k01_eik_ptbxl_00002_hr-0_clean.png");
		return IJ.openImage(page.toString());
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
		assertNull(Fiji.canceled(Fiji.run(context, ExtractTracesCommand.class, "page", page)));
		Module s4 = Fiji.run(context, DigitizeSignalsCommand.class, "page", page, "fs", "500", "output_dir", dir
			.resolve("stages").toString(), "formats", "wfdb,csv,json,png,plot");
		assertNull(Fiji.canceled(s4));

		ResultsTable a = Fiji.output(all, "signals");
		ResultsTable b = Fiji.output(s4, "signals");
		assertEquals(a.size(), b.size());
		for (Lead lead : Lead.values()) {
			assertArrayEquals(a.getColumn(lead.label()), b.getColumn(lead.label()), 1e-9, lead.label());
		}
		// the written files agree to the byte: signals, diagnostics (confidence, warnings, layout)
		String name = "k01_eik_ptbxl_00002_hr-0_clean";
		for (String file : new String[] { ".csv", ".json", ".dat", ".hea" }) {
			assertEquals(Files.readString(dir.resolve("all/" + name + file), java.nio.charset.StandardCharsets.ISO_8859_1),
				Files.readString(dir.resolve("stages/" + name + file), java.nio.charset.StandardCharsets.ISO_8859_1), file);
		}
	}
}
