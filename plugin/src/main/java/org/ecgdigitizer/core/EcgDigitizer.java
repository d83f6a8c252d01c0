package org.ecgdigitizer.core;

import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.ecgdigitizer.core.trace.Trace;

/**
 * The digitizer engine: one page in, one {@link Digitization} out, through the four stages.
 * Use as {@code if (d.checkInput() && d.process()) result = d.getResult(); else
 * error = d.getErrorMessage();}. Each stage's result stays available for inspection.
 */
public final class EcgDigitizer {

	/** Pages smaller than this cannot hold a readable 12-lead ECG. */
	static final int MIN_SIDE = 200;

	private final ArrayImg<ARGBType, IntArray> page;
	private final double fileDpi;
	private final DigitizerSettings settings;
	private final String name;
	private Progress progress = Progress.NONE;
	private String errorMessage;
	private PreparedPage prepared;
	private LeadLayout layout;
	private List<Trace> traces;
	private Digitization result;

	/**
	 * @param page the page image (ARGB)
	 * @param fileDpi resolution from the image file, NaN if unknown
	 * @param name record name for the output
	 */
	public EcgDigitizer(ArrayImg<ARGBType, IntArray> page, double fileDpi, DigitizerSettings settings, String name) {
		this.page = page;
		this.fileDpi = fileDpi;
		this.settings = settings;
		this.name = name;
	}

	public void setProgress(Progress progress) {
		this.progress = progress;
	}

	public boolean checkInput() {
		if (page == null) {
			errorMessage = "no image given";
			return false;
		}
		long w = page.dimension(0);
		long h = page.dimension(1);
		if (w < MIN_SIDE || h < MIN_SIDE) {
			errorMessage = String.format("image is only %dx%d pixels; scan the ECG at 100 dpi or more", w, h);
			return false;
		}
		if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
			errorMessage = "record name '" + name + "' may contain only letters, digits, '_' and '-'";
			return false;
		}
		return true;
	}

	public boolean process() {
		try {
			progress.status("Preprocessing");
			prepared = Stages.preprocess(page, fileDpi, settings.ink(), sub(0, 0.4));
			progress.status("Detecting leads");
			layout = Stages.detectLeads(prepared, settings);
			progress.fraction(0.6);
			progress.status("Extracting traces");
			LeadIdentification.Result traced = Stages.extractTraces(prepared, layout);
			layout = traced.layout;
			traces = traced.traces;
			progress.fraction(0.9);
			progress.status("Digitizing signals");
			result = Stages.digitize(traces, layout, settings, name);
			progress.fraction(1);
			return true;
		}
		catch (EcgException e) {
			errorMessage = e.getMessage();
			return false;
		}
	}

	/** Progress of a sub-step mapped onto [from, to] of the whole. */
	private Progress sub(double from, double to) {
		Progress outer = progress;
		return new Progress() {
			@Override
			public void status(String message) {
				outer.status(message);
			}

			@Override
			public void fraction(double done) {
				outer.fraction(from + (to - from) * done);
			}

			@Override
			public boolean isCanceled() {
				return outer.isCanceled();
			}
		};
	}

	public String getErrorMessage() {
		return errorMessage;
	}

	public Digitization getResult() {
		return result;
	}

	public PreparedPage getPreparedPage() {
		return prepared;
	}

	public LeadLayout getLeadLayout() {
		return layout;
	}

	public List<Trace> getTraces() {
		return traces;
	}
}
