package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCliTest {

	@TempDir
	Path dir;

	private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
		return CliRun.run(out, err, argv);
	}

	@Test
	void writesNumberedPagesWithTheirGroundTruthAndRefusesToOverwrite() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		Path o = dir.resolve("pages");
		int status = run(out, err, "generate", "--out", o.toString(), "--count", "2", "--seed", "40", "--dpi", "100",
			"--layout", "6x2", "--distort", "rotate:2,noise", "--grid-color", "green", "--no-header");
		assertEquals(0, status, err.toString());
		for (String stem : new String[] { "ecg-40", "ecg-41" }) {
			for (String suffix : new String[] { ".png", ".json", ".hea", ".dat", "_masked.hea", "_masked.dat" }) {
				assertTrue(Files.isRegularFile(o.resolve(stem + suffix)), stem + suffix);
			}
		}
		GroundTruth t = GroundTruth.read(o.resolve("ecg-41.json"));
		assertEquals(41, t.seed);
		assertEquals("6x2", t.layout);
		assertEquals(100, t.dpi);
		assertEquals("ecg-41", t.record);
		assertEquals(false, t.page.get("header"));
		assertTrue(t.distortions.contains("rotate:2"));
		assertEquals(t.width, ImageFiles.read(o.resolve("ecg-41.png")).image.getWidth());

		byte[] before = Files.readAllBytes(o.resolve("ecg-40.png"));
		err.reset();
		status = run(out, err, "generate", "--out", o.toString(), "--seed", "40", "--dpi", "100");
		assertEquals(1, status);
		assertTrue(err.toString().contains("already exists") && err.toString().contains("--overwrite"), err.toString());
		assertArrayEquals(before, Files.readAllBytes(o.resolve("ecg-40.png")));
		status = run(out, err, "generate", "--out", o.toString(), "--seed", "40", "--dpi", "100", "--overwrite");
		assertEquals(0, status);
	}

	@Test
	void plotsAGivenRecord() throws Exception {
		double[][] s = new double[12][5000];
		for (int l = 0; l < 12; l++) for (int i = 0; i < 5000; i++) s[l][i] = 0.1 * (l + 1) * Math.sin(i / 40.0);
		Wfdb.write(new EcgRecord("given", 500, Lead.standardLabels(), s), dir);
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = run(out, err, "generate", "--out", dir.resolve("o").toString(), "--record", dir.resolve("given.hea")
			.toString(), "--dpi", "72", "--cabrera", "--speed", "50");
		assertEquals(0, status, err.toString());
		EcgRecord full = Wfdb.read(dir.resolve("o/ecg-1.hea"));
		assertEquals(2500, full.length());
		assertEquals(0.1 * 3 * Math.sin(100 / 40.0), full.lead("III")[100], 0.0005);
		assertEquals("3x4+1/cabrera", GroundTruth.read(dir.resolve("o/ecg-1.json")).layout);
	}

	@Test
	void badSettingsFailWithOneLine() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(1, run(out, err, "generate", "--out", dir.toString(), "--distort", "twirl"));
		assertTrue(err.toString().contains("Unknown distortion 'twirl'"), err.toString());
		err.reset();
		assertEquals(1, run(out, err, "generate", "--out", dir.toString(), "--gain", "7"));
		assertTrue(err.toString().contains("Gain must be 5, 10 or 20"), err.toString());
		err.reset();
		assertEquals(0, run(out, err, "generate", "--benchmark", "2", "--dpi", "72"));
		assertTrue(out.toString().contains("median"), out.toString());
	}
}
