package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSettingsTest {

	@TempDir
	Path dir;

	@Test
	void typedSettingsAreCheckedAndReachTheDigitizer() {
		BenchmarkSettings s = BenchmarkSettings.parseAssignments("layout=3x4+3:V1,II,V5; gain=20", "--settings");
		assertEquals("3x4+3:V1,II,V5", s.get("layout"));
		assertEquals("layout=3x4+3:V1,II,V5 (--settings), gain=20 (--settings)", s.describe());
		DigitizerSettings d = s.digitizerSettings(250);
		assertEquals(250, d.samplingFrequency, 0);
		assertEquals("3x4+3", d.layout.kind().id);
		assertEquals(20, d.gainMmPerMv, 0);
		assertTrue(Double.isNaN(d.speedMmPerS));
		assertTrue(Double.isNaN(BenchmarkSettings.none().digitizerSettings(500).gainMmPerMv));

		EcgException unknownKey = assertThrows(EcgException.class, () -> BenchmarkSettings.parseAssignments("colour=red",
			"--settings"));
		assertEquals("Unknown setting 'colour' in --settings: use layout, gain, speed", unknownKey.getMessage());
		EcgException badLayout = assertThrows(EcgException.class, () -> BenchmarkSettings.parseAssignments(
			"layout=6x2/sideways", "6x2/bench.properties"));
		assertTrue(badLayout.getMessage().startsWith("Bad setting layout=6x2/sideways in 6x2/bench.properties: "),
			badLayout.getMessage());
		assertTrue(badLayout.getMessage().contains("sideways") && !badLayout.getMessage().contains("\n"));
		assertThrows(EcgException.class, () -> BenchmarkSettings.parseAssignments("gain=7", "--settings"));
		assertThrows(EcgException.class, () -> BenchmarkSettings.parseAssignments("layout", "--settings"));

		BenchmarkSettings both = BenchmarkSettings.parseAssignments("layout=6x2;speed=50", "a").overriddenBy(
			BenchmarkSettings.parseAssignments("layout=12x1", "b"));
		assertEquals("layout=12x1 (b), speed=50 (a)", both.describe());
		assertEquals(both.describe(), BenchmarkSettings.fromJson(Json.parse(Json.write(both.toJson()))).describe());
	}

	/** A dataset of two conditions; the root's file sets the gain, the 6x2 folder's the layout too. */
	@Test
	void settingsFilesBesideThePagesApplyToTheirFolderAndTheCommandLineWins() throws Exception {
		Path root = dir.resolve("data");
		for (String sub : List.of("clean", "sixbytwo")) {
			Path d = root.resolve(sub);
			Files.createDirectories(d);
			EcgRecord full = TestPages.record("p", 1);
			ImageFiles.writePng(TestPages.draw(full, 100), d.resolve("p.png"));
			Wfdb.write(TestPages.masked(full).withName("p_masked"), d);
		}
		Files.writeString(root.resolve(BenchmarkSettings.FILE), "# every page of this dataset\ngain=10\n");
		Files.writeString(root.resolve("sixbytwo").resolve(BenchmarkSettings.FILE), "layout = 6x2\ngain=20\n");
		List<BenchmarkCondition> conditions = BenchmarkDataset.conditions(root);
		assertEquals("gain=10 (bench.properties)", conditions.get(0).settings.describe());
		assertEquals("layout=6x2 (sixbytwo/bench.properties), gain=20 (sixbytwo/bench.properties)", conditions.get(1).settings
			.describe());
		BenchmarkPage page = conditions.get(1).withSettings(BenchmarkSettings.parseAssignments("gain=5", "--settings"))
			.page(0);
		assertEquals("layout=6x2 (sixbytwo/bench.properties), gain=5 (--settings)", page.settings.describe());
		assertEquals(5, page.settings.digitizerSettings(500).gainMmPerMv, 0);

		// the report says what each condition was told
		BenchmarkReport report = new Benchmark(BenchmarkDigitizer.flat(), null).run(conditions, Map.of(), Progress.NONE);
		assertEquals("settings clean: gain=10 (bench.properties)\nsettings sixbytwo: layout=6x2 (sixbytwo/bench.properties),"
			+ " gain=20 (sixbytwo/bench.properties)\n", report.settingsUsed().replace(System.lineSeparator(), "\n"));
		assertEquals(report.settingsUsed(), BenchmarkReport.fromJson(Json.parse(Json.write(report.toJson())))
			.settingsUsed());

		// a mistake in a file stops the run before any page, with one line that names the file
		Files.writeString(root.resolve("clean").resolve(BenchmarkSettings.FILE), "layout=5x5\n");
		EcgException e = assertThrows(EcgException.class, () -> BenchmarkDataset.conditions(root));
		assertTrue(e.getMessage().startsWith("Bad setting layout=5x5 in clean/bench.properties: "), e.getMessage());
	}
}
