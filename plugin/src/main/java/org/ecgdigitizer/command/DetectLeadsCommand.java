package org.ecgdigitizer.command;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * Stage 2: finds the rows of trace, the calibration pulses, the layout and the printed lead labels,
 * and draws one named box per lead segment on the rectified page. Move, resize, delete or add boxes
 * (rectangles named after their lead) before Extract Traces.
 * Macro: {@code run("Detect Leads", "page=scan-rectified layout=auto gain=auto speed=auto");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Detect Leads")
public class DetectLeadsCommand extends DigitizerCommand {

	@Parameter(label = "Rectified page", description = "The rectified page made by Preprocess Page")
	private ImagePlus page;

	@Parameter(label = "Layout", description = "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera for " +
		"the Cabrera order, :V1,II,V5 to name the rhythm strips, /same-window when every column shows the " +
		"same time; rows:I,aVR;II,aVL for an arrangement of its own)", required = false, persist = false)
	private String layout = "auto";

	@Parameter(label = "Gain (mm/mV)", description = "auto (from the calibration pulses, else 10), 5, 10 or 20",
		required = false, persist = false)
	private String gain = "auto";

	@Parameter(label = "Paper speed (mm/s)", description = "auto (from the calibration pulses, else 25), 25 or 50",
		required = false, persist = false)
	private String speed = "auto";

	// tables are shown in their own windows, not as outputs, which Fiji cannot display
	private ResultsTable leads;

	@Override
	protected void execute(StatusProgress progress) {
		if (page == null) throw new org.ecgdigitizer.core.EcgException("no page given; run Preprocess Page first");
		DigitizerSettings settings = DigitizerSettings.parse(500, layout, gain, speed);
		progress.status("Detecting leads on " + page.getTitle());
		LeadLayout found = Stages.detectLeads(PageProperties.preparedPage(page), settings);
		PageProperties.setLayout(page, found);
		PageProperties.setSettings(page, settings);
		LeadRois.showLayout(page, found);
		leads = ResultTables.leads(found);
		ResultTables.show(leads, ResultTables.LEADS);
		warnAll(found.warnings);
	}

	/** The table of lead boxes, one row per box. Null until the command has run. */
	public ResultsTable getLeads() {
		return leads;
	}
}
