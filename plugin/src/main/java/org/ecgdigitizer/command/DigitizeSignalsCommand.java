package org.ecgdigitizer.command;

import java.io.IOException;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.signal.Digitization;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * Stage 4: turns the traced paths (as they are now, edited or not) into millivolts at the chosen
 * sampling frequency, places each segment at its time offset and assembles the 12 standard leads;
 * shows them as a table and a 12-lead plot and writes them when an output folder is given.
 * Macro: {@code run("Digitize Signals", "page=scan-rectified fs=500 output_dir=/data/out
 * formats=wfdb,csv,json,png overwrite=false");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Digitize Signals")
public class DigitizeSignalsCommand extends DigitizerCommand {

	@Parameter(label = "Rectified page", description = "The rectified page with traced paths (Extract Traces)")
	private ImagePlus page;

	@Parameter(label = "Sampling frequency (Hz)", min = "50", max = "10000", persist = false)
	private double fs = 500;

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

	@Parameter(type = ItemIO.OUTPUT, label = "12-lead plot")
	private ImagePlus plot;

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable signals;
	private ResultsTable diagnostics;

	@Override
	protected void execute(StatusProgress progress) throws IOException {
		if (page == null) throw new EcgException("no page given; run the first three stages first");
		LeadRois.Reading reading = LeadRois.read(page, PageProperties.layout(page));
		LeadLayout layout = reading.layout;
		if (!reading.warnings.isEmpty()) {
			layout = layout.withNaming(layout.regions, layout.layout, layout.namingSource, reading.warnings);
		}
		progress.status("Digitizing signals of " + page.getTitle());
		Digitization d = Stages.digitize(reading.traces, layout, PageProperties.settings(page, fs), PageProperties
			.recordName(page));
		Presented presented = present(d, page, output_dir, formats, overwrite, reference);
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
