package org.ecgdigitizer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.preprocess.PageGeometry;
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
	static final int MIN_SIDE = ImageFiles.MIN_SIDE;
	/** A PDF page's own scale is used where the grid's reading agrees with it this well. */
	static final double EXACT_SCALE_AGREEMENT = 0.02;

	private final ArrayImg<ARGBType, IntArray> page;
	private final double fileDpi;
	private final DigitizerSettings settings;
	private final String name;
	private Progress progress = Progress.NONE;
	private boolean exactScale;
	private String errorMessage;
	private LeadCheck leadCheck;
	private Digitization partial;
	private PreparedPage prepared;
	private LeadLayout layout;
	private List<Trace> traces;
	private Digitization result;
	private StageTimes.Clock clock;

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

	/**
	 * Says that the file's resolution is exact, as a rendered or scanned PDF page's is (points are
	 * exact): it then gives the scale wherever the grid's reading agrees with it within 2%, and where
	 * the page has no grid. A grid that disagrees wins (a page scaled to fit other paper).
	 */
	public void setExactScale(boolean exact) {
		this.exactScale = exact;
	}

	public boolean checkInput() {
		if (page == null) {
			errorMessage = "no image given";
			return false;
		}
		long w = page.dimension(0);
		long h = page.dimension(1);
		if (w < MIN_SIDE || h < MIN_SIDE) {
			errorMessage = ImageFiles.tooSmall(w, h);
			return false;
		}
		if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
			errorMessage = "record name '" + name + "' may contain only letters, digits, '_' and '-'";
			return false;
		}
		return true;
	}

	public boolean process() {
		clock = new StageTimes.Clock();
		try {
			progress.status("Preprocessing");
			prepared = Stages.preprocess(page, fileDpi, settings.ink(), sub(0, 0.4));
			clock.end(0);
			stopIfCanceled();
			List<String> scaleNotes = new ArrayList<>();
			boolean fromFile = exactScale && useFileScale(scaleNotes);
			progress.status("Detecting leads");
			layout = Stages.detectLeads(prepared, settings);
			if (fromFile) layout = withScaleSource(layout, PageGeometry.ScaleSource.PDF, scaleNotes);
			else if (!scaleNotes.isEmpty()) layout = withScaleSource(layout, layout.geometry.scaleSource, scaleNotes);
			clock.end(1);
			progress.fraction(0.6);
			stopIfCanceled();
			progress.status("Extracting traces");
			LeadIdentification.Result traced = Stages.extractTraces(prepared, layout);
			layout = traced.layout;
			traces = traced.traces;
			clock.end(2);
			progress.fraction(0.9);
			stopIfCanceled();
			progress.status("Digitizing signals");
			Digitization d = Stages.digitize(traces, layout, settings, name);
			progress.fraction(1);
			leadCheck = LeadCheck.of(d);
			clock.end(3);
			if (!leadCheck.passes()) {
				partial = d;
				errorMessage = leadCheck.message();
				return false;
			}
			result = d;
			return true;
		}
		catch (EcgException e) {
			errorMessage = e.getMessage();
			return false;
		}
	}

	private void stopIfCanceled() {
		if (progress.isCanceled()) throw new EcgException("stopped before it was done");
	}

	/**
	 * Puts the file's exact scale in place of the grid's reading where they agree (or where there is
	 * no grid), before lead detection; the scale is marked as the grid's until then so that lead
	 * detection trusts it as it trusts a grid. Returns whether the file's scale is used.
	 */
	private boolean useFileScale(List<String> notes) {
		PageGeometry g = prepared.geometry;
		double exact = g.fileDpi / 25.4;
		if (!(exact > 0) || !g.warp.fromSource.isAffine()) return false;
		if (g.scaleSource == PageGeometry.ScaleSource.GRID && (Math.abs(g.pxPerMmX / exact - 1) >
			EXACT_SCALE_AGREEMENT || Math.abs(g.pxPerMmY / exact - 1) > EXACT_SCALE_AGREEMENT))
		{
			notes.add(String.format(Locale.ROOT, "the PDF page's size gives %.3f px/mm but its grid %.3f x %.3f; the " +
				"grid's scale is used (the page was probably scaled to fit)", exact, g.pxPerMmX, g.pxPerMmY));
			return false;
		}
		prepared = prepared.withGeometry(g.withScale(exact, exact, PageGeometry.ScaleSource.GRID));
		return true;
	}

	/** The layout with its geometry's scale marked as coming from a source, and notes added. */
	private static LeadLayout withScaleSource(LeadLayout l, PageGeometry.ScaleSource source, List<String> notes) {
		return l.withGeometry(l.geometry.withScale(l.geometry.pxPerMmX, l.geometry.pxPerMmY, source), notes);
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

	/** The checked result; null when {@link #process} failed. */
	public Digitization getResult() {
		return result;
	}

	/**
	 * The record of a page that was read through but failed the {@link LeadCheck} (too few leads
	 * traced), for callers that keep partial records; null otherwise.
	 */
	public Digitization getPartialResult() {
		return partial;
	}

	/** How many of the printed leads were digitized; null until stage 4 has run. */
	public LeadCheck getLeadCheck() {
		return leadCheck;
	}

	/** CPU seconds of each stage of the last {@link #process} (NaN for stages it did not reach); null before it. */
	public StageTimes getStageTimes() {
		return clock == null ? null : clock.times();
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
