package org.ecgdigitizer.command;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * Stage 1: measures the paper grid (mm scale on each axis, tilt, perspective) and makes the page
 * upright and square to its grid, with the ink told apart from the grid.
 * Macro: {@code run("Preprocess Page", "image=scan.png dpi=0 ink_model=auto");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Preprocess Page")
public class PreprocessCommand extends DigitizerCommand {

	@Parameter(label = "Scanned page", description = "A scan or photo of a paper ECG")
	private ImagePlus image;

	@Parameter(label = "Resolution (dpi)", description =
		"Scan resolution, used only when the page has no readable grid; 0 takes it from the image's calibration",
		min = "0", required = false, persist = false)
	private double dpi = 0;

	@Parameter(label = "Ink model", description = "How ink is told from grid and paper: auto (chosen per page), " +
		"rules, learned (the shipped classifier) or the path of a .model file", required = false, persist = false)
	private String ink_model = InkSources.DEFAULT;

	@Parameter(type = ItemIO.OUTPUT, label = "Rectified page")
	private ImagePlus rectified;

	@Parameter(type = ItemIO.OUTPUT, label = "Ink probability")
	private ImagePlus ink;

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable measurements;

	@Override
	protected void execute(StatusProgress progress) {
		if (image == null) throw new EcgException("no image given; open a scanned ECG page first");
		String name = PageProperties.recordName(image.getTitle());
		ArrayImg<ARGBType, IntArray> img = ImagePlusAdapter.toImg(image);
		EcgDigitizer check = new EcgDigitizer(img, Double.NaN, DigitizerSettings.defaults(), name);
		if (!check.checkInput()) throw new EcgException(check.getErrorMessage());
		progress.status("Preprocessing " + image.getTitle());
		PreparedPage page = Stages.preprocess(img, PageProperties.dpi(dpi, image), InkSources.parse(ink_model), progress);
		rectified = PageProperties.rectifiedPage(page, name);
		ink = ImagePlusAdapter.inkProbability(page, name + "-ink");
		measurements = ResultTables.measurements(name, page);
		ResultTables.show(measurements, ResultTables.MEASUREMENTS);
	}

	/** The page's scale, tilt and grid. Null until the command has run. */
	public ResultsTable getMeasurements() {
		return measurements;
	}
}
