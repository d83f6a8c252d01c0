package org.ecgdigitizer.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.ImagePlus;

class GenerateCommandTest {

	@TempDir
	Path dir;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	private static Module run(Context context, Map<String, Object> inputs) throws Exception {
		return context.service(CommandService.class).run(GenerateCommand.class, true, inputs).get();
	}

	@Test
	void runsHeadlessFromMacroStyleStringInputs() throws Exception {
		try (Context context = new Context()) {
			CommandInfo info = context.service(CommandService.class).getCommand(GenerateCommand.class);
			assertEquals("Plugins > ECG Digitizer > Generate Synthetic ECG", info.getMenuPath().getMenuString());
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("seed", "3");
			inputs.put("layout", "6x2");
			inputs.put("dpi", "100");
			inputs.put("distortions", "rotate:2,noise");
			inputs.put("grid_color", "green");
			inputs.put("grid_style", "dots");
			inputs.put("speed", "25");
			inputs.put("gain", "20");
			inputs.put("paper", "letter");
			inputs.put("output_dir", dir.toString());
			ImagePlus page = (ImagePlus) run(context, inputs).getOutput("page");
			GroundTruth truth = GroundTruth.read(dir.resolve("ecg-3.json"));
			assertEquals(truth.width, page.getWidth());
			assertEquals(truth.height, page.getHeight());
			assertEquals(ImagePlus.COLOR_RGB, page.getType());
			assertEquals("mm", page.getCalibration().getUnit());
			assertEquals(25.4 / 100, page.getCalibration().pixelWidth, 0.01);
			assertEquals(20, truth.gain, 0);
			assertEquals("6x2", truth.layout);
			assertEquals("dots", truth.page.get("grid_style"));
			BufferedImage written = ImageFiles.read(dir.resolve("ecg-3.png")).image;
			assertEquals(written.getRGB(400, 300) & 0xffffff, page.getProcessor().getPixel(400, 300) & 0xffffff);
			assertTrue(Files.isRegularFile(dir.resolve("ecg-3_masked.hea")));

			// a second run refuses to replace the files
			String why = Fiji.canceled(run(context, inputs));
			assertTrue(why.contains("already exists"), why);
		}
	}

	@Test
	void plotsAGivenRecordAndDoesNotRememberIt() throws Exception {
		double[][] s = new double[12][5000];
		for (int l = 0; l < 12; l++) for (int i = 0; i < 5000; i++) s[l][i] = 0.05 * (l + 1) * Math.sin(i / 30.0);
		Wfdb.write(new EcgRecord("given", 500, Lead.standardLabels(), s), dir);
		try (Context context = new Context()) {
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("seed", "8");
			inputs.put("dpi", "72");
			inputs.put("output_dir", dir.resolve("a").toString());
			inputs.put("record", dir.resolve("given.hea").toString());
			run(context, inputs);
			assertEquals(0.05 * 5 * Math.sin(200 / 30.0), Wfdb.read(dir.resolve("a/ecg-8.hea")).lead("aVL")[200], 0.0005);
			// the next run without a record synthesizes its signal
			inputs.remove("record");
			inputs.put("output_dir", dir.resolve("b").toString());
			run(context, inputs);
			double[] avl = Wfdb.read(dir.resolve("b/ecg-8.hea")).lead("aVL");
			assertTrue(Math.abs(avl[200] - 0.05 * 5 * Math.sin(200 / 30.0)) > 1e-3 || Math.abs(avl[400] - 0.05 * 5 * Math
				.sin(400 / 30.0)) > 1e-3);
		}
	}

	@Test
	void adapterSharesPixelsBothWays() {
		BufferedImage rgb = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
		ImagePlus imp = ImagePlusAdapter.toImagePlus(rgb, "t");
		imp.getProcessor().set(2, 1, 0x123456);
		assertEquals(0x123456, rgb.getRGB(2, 1) & 0xffffff);
		ArrayImg<ARGBType, IntArray> img = ImagePlusAdapter.toImg(imp);
		assertSame(imp.getProcessor().getPixels(), img.update(null).getCurrentStorageArray());
		BufferedImage back = ImagePlusAdapter.toBufferedImage(imp);
		assertEquals(0x123456, back.getRGB(2, 1) & 0xffffff);
	}
}
