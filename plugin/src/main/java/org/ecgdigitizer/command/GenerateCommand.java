package org.ecgdigitizer.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Draws a synthetic ECG page with exact ground truth and writes the page, its JSON sidecar and
 * the full and masked WFDB records to the output folder as {@code ecg-<seed>.*}.
 * Macro: {@code run("Generate Synthetic ECG", "seed=3 layout=6x2 dpi=200 distortions=rotate,noise
 * output_dir=/tmp/pages");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Generate Synthetic ECG")
public class GenerateCommand extends DigitizerCommand {

	@Parameter(label = "Seed", description = "Chooses the signal, the page details and the distortions; the files are named ecg-<seed>", persist = false)
	private long seed = 1;

	@Parameter(label = "Layout", description = "3x4, 3x4+1, 3x4+2, 3x4+3, 6x2 or 12x1; add /cabrera for the Cabrera limb order", persist = false)
	private String layout = "3x4+1";

	@Parameter(label = "Resolution (dpi)", min = "72", max = "600", persist = false)
	private int dpi = 200;

	@Parameter(label = "Distortions", required = false, persist = false, description =
		"Comma-separated, optionally with strengths: rotate, perspective, wrinkle, crease, shadow, colorcast, noise, blur, jpeg, bw, fade, stain, lowcontrast (e.g. rotate:3,noise:0.04)")
	private String distortions = "";

	@Parameter(label = "Grid colour", choices = { "red", "pink", "orange", "green", "blue", "grey", "black" }, persist = false)
	private String grid_color = "red";

	@Parameter(label = "Grid style", choices = { "lines", "dots", "none" }, persist = false)
	private String grid_style = "lines";

	@Parameter(label = "Paper speed (mm/s)", description = "25 or 50", persist = false)
	private int speed = 25;

	@Parameter(label = "Gain (mm/mV)", description = "5, 10 or 20", persist = false)
	private int gain = 10;

	@Parameter(label = "Paper", choices = { "letter", "a4" }, persist = false)
	private String paper = "letter";

	@Parameter(label = "Output folder", style = "directory", description = "Where ecg-<seed>.png, .json, .hea/.dat and _masked.hea/.dat are written")
	private File output_dir;

	// not remembered between runs: a page must never silently plot the record of an earlier run; a path
	// as text, since a lone unset File input would make Fiji ask for it with a file chooser
	@Parameter(label = "Record (optional path)", required = false, persist = false, description =
		"A 12-lead record (.hea or .csv) to plot; leave empty to synthesize a signal from the seed")
	private String record = "";

	@Parameter(label = "Replace existing files", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Synthetic ECG")
	private ImagePlus page;

	@Override
	protected void execute(StatusProgress progress) {
		if (blank(output_dir)) throw new EcgException("No output folder given; choose where the page and its ground truth go");
		PageSpec spec = PageSpec.defaults().withLayout(layout).withDpi(dpi).withDistortions(distortions)
			.withGridColor(PageSpec.GridColor.parse(grid_color)).withGridStyle(PageSpec.GridStyle.parse(grid_style))
			.withSpeed(speed).withGain(gain).withPaper(PageSpec.Paper.parse(paper));
		String stem = "ecg-" + seed;
		Path dir = output_dir.toPath();
		if (!overwrite) {
			for (Path p : SyntheticPage.files(dir, stem)) {
				if (Files.exists(p)) {
					throw new EcgException(p + " already exists; tick 'Replace existing files' or choose another seed or folder");
				}
			}
		}
		try {
			progress.status("Generating " + stem);
			EcgRecord signal = !blank(record) ? Records.read(Paths.get(record.trim())).withName(stem) : PageGenerator
				.synthesize(seed, 500, stem);
			SyntheticPage synthetic = PageGenerator.render(signal, spec, seed);
			synthetic.write(dir, stem);
			GroundTruth truth = synthetic.truth();
			page = ImagePlusAdapter.toImagePlus(synthetic.image(), stem + ".png");
			ImagePlusAdapter.calibrateMm(page, truth.imagePxPerMmX, truth.imagePxPerMmY);
		}
		catch (IOException e) {
			throw new EcgException("Cannot write the page to " + dir + ": " + e.getMessage() + "; check the output folder", e);
		}
	}
}
