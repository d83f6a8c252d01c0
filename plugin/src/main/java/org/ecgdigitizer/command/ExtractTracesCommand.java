package org.ecgdigitizer.command;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Stage 3: follows the trace in every lead box (as the boxes are now, edited or not) and draws each
 * traced path as a polyline named after its lead; the lead names are checked against the signals
 * (limb-lead laws, rhythm strips). Edit a path, or delete it and draw a new polyline named after the
 * lead, before Digitize Signals.
 * Macro: {@code run("Extract Traces", "page=scan-rectified");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Extract Traces")
public class ExtractTracesCommand extends DigitizerCommand {

	@Parameter(label = "Rectified page", description = "The rectified page with lead boxes (Detect Leads)")
	private ImagePlus page;

	@Parameter(type = ItemIO.OUTPUT, label = "Trace mask")
	private ImagePlus trace_mask;

	@Override
	protected void execute(StatusProgress progress) {
		if (page == null) throw new EcgException("no page given; run Preprocess Page and Detect Leads first");
		LeadLayout stored = PageProperties.layout(page);
		LeadLayout layout = LeadRois.read(page, stored).layout;
		progress.status("Extracting traces on " + page.getTitle());
		LeadIdentification.Result traced = Stages.extractTraces(PageProperties.preparedPage(page), layout);
		PageProperties.setLayout(page, traced.layout);
		LeadRois.showTraced(page, traced.layout, traced.traces);
		trace_mask = ImagePlusAdapter.traceMask(traced.traces, page.getWidth(), page.getHeight(),
			traced.layout.geometry.pxPerMmX, traced.layout.geometry.pxPerMmY, PageProperties.recordName(page) +
				"-trace-mask");
	}
}
