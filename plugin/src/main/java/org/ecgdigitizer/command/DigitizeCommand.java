package org.ecgdigitizer.command;

import java.io.IOException;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Digitization;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * All four stages in one go. Shows the rectified page with the lead boxes and traced paths (ready to
 * correct and re-run Digitize Signals on), the 12-lead plot, the signals and the diagnostics, and
 * writes the record when an output folder is given.
 * Macro: {@code run("Digitize ECG", "image=scan.png fs=500 layout=auto gain=auto speed=auto
 * ink_model=auto output_dir=/data/out formats=wfdb,csv,json,png overwrite=false");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Digitize ECG")
public class DigitizeCommand extends DigitizerCommand {

	@Parameter(label = "Scanned page", description = "A scan or photo of a paper ECG")
	private ImagePlus image;

	@Parameter(label = "Sampling frequency (Hz)", min = "50", max = "10000", persist = false)
	private double fs = 500;

	@Parameter(label = "Layout", description = "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera for " +
		"the Cabrera order, :V1,II,V5 to name the rhythm strips)", required = false, persist = false)
	private String layout = "auto";

	@Parameter(label = "Gain (mm/mV)", description = "auto (from the calibration pulses, else 10), 5, 10 or 20",
		required = false, persist = false)
	private String gain = "auto";

	@Parameter(label = "Paper speed (mm/s)", description = "auto (from the calibration pulses, else 25), 25 or 50",
		required = false, persist = false)
	private String speed = "auto";

	@Parameter(label = "Ink model", description = "How ink is told from grid and paper: auto (chosen per page), " +
		"rules, learned (the shipped classifier) or the path of a .model file", required = false, persist = false)
	private String ink_model = InkSources.DEFAULT;

	@Parameter(label = "Resolution (dpi)", description =
		"Scan resolution, used only when the page has no readable grid; 0 takes it from the image's calibration",
		min = "0", required = false, persist = false)
	private double dpi = 0;

	// optional paths are text: a lone unset File input would make Fiji ask for it with a file chooser
	@Parameter(label = "Output folder (path)", description = "Where to write the record; leave empty to write " +
		"nothing", required = false, persist = false)
	private String output_dir = "";

	@Parameter(label = "Output formats", description = "Any of wfdb, csv, json, png (overlay), plot (12-lead plot)",
		required = false, persist = false)
	private String formats = DEFAULT_FORMATS;

	@Parameter(label = "Overwrite existing files", required = false, persist = false)
	private boolean overwrite = false;

	@Parameter(label = "Reference record for the plot (path)", description =
		"A WFDB (.hea) or CSV record drawn under the digitized one in the plot; leave empty for none",
		required = false, persist = false)
	private String reference = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Digitized page")
	private ImagePlus review;

	@Parameter(type = ItemIO.OUTPUT, label = "12-lead plot")
	private ImagePlus plot;

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable signals;
	private ResultsTable diagnostics;

	@Override
	protected void execute(StatusProgress progress) throws IOException {
		if (image == null) throw new EcgException("no image given; open a scanned ECG page first");
		DigitizerSettings settings = DigitizerSettings.parse(fs, layout, gain, speed, ink_model);
		String name = PageProperties.recordName(image.getTitle());
		EcgDigitizer digitizer = new EcgDigitizer(ImagePlusAdapter.toImg(image), PageProperties.dpi(dpi, image),
			settings, name);
		digitizer.setProgress(progress);
		if (!digitizer.checkInput() || !digitizer.process()) {
			String message = digitizer.getErrorMessage();
			if (digitizer.getPartialResult() != null) {
				// too few leads traced: no record, but the stages can be run one by one and corrected
				message += "; no record written: to keep what was found, run Preprocess Page, Detect Leads and " +
					"Extract Traces, correct the boxes and paths, then Digitize Signals";
			}
			throw new EcgException(message);
		}
		Digitization d = digitizer.getResult();

		// the same page the stage commands would leave, so that it can be corrected and digitized again
		PreparedPage prepared = digitizer.getPreparedPage();
		review = PageProperties.rectifiedPage(prepared, name);
		PageProperties.setSettings(review, settings);
		PageProperties.setLayout(review, digitizer.getLeadLayout());
		LeadRois.showTraced(review, digitizer.getLeadLayout(), digitizer.getTraces());

		Presented presented = present(d, review, output_dir, formats, overwrite, reference);
		plot = presented.plot;
		signals = presented.signals;
		diagnostics = presented.diagnostics;
	}

	/** Time and the 12 leads in mV. Null until the command has run. */
	public ResultsTable getSignals() {
		return signals;
	}

	/** Scale, tilt, gain, speed, layout, confidence and warnings. Null until the command has run. */
	public ResultsTable getDiagnostics() {
		return diagnostics;
	}
}
