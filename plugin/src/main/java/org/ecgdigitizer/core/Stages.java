package org.ecgdigitizer.core;

import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.layout.LeadDetector;
import org.ecgdigitizer.core.layout.PageOrientation;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.InkSource;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.LeadIdentification;
import org.ecgdigitizer.core.signal.SignalBuilder;
import org.ecgdigitizer.core.trace.Trace;
import org.ecgdigitizer.core.trace.TraceExtractor;

/**
 * The four stages of the digitizer as static methods. {@link EcgDigitizer} runs them in one go;
 * the Fiji stage commands run them one at a time, passing each result on through an image.
 */
public final class Stages {

	private Stages() {}

	/** Stage 1: grid, scale, tilt, rectification (upright, turned if needed) and ink separation. */
	public static PreparedPage preprocess(ArrayImg<ARGBType, IntArray> page, double fileDpi, Progress progress) {
		return preprocess(page, fileDpi, InkSource.RULES, progress);
	}

	/** Stage 1 with the ink told from grid and paper by {@code ink}. */
	public static PreparedPage preprocess(ArrayImg<ARGBType, IntArray> page, double fileDpi, InkSource ink,
		Progress progress)
	{
		return PageOrientation.orient(Preprocessor.run(page, fileDpi, ink, progress));
	}

	/**
	 * A prepared page rebuilt from an already rectified page and its geometry, as Fiji keeps them
	 * between stages: the ink is separated again from the pixels.
	 */
	public static PreparedPage fromRectified(int[] rgb, PageGeometry geometry) {
		return fromRectified(rgb, geometry, InkSource.RULES);
	}

	/** As {@link #fromRectified(int[], PageGeometry)}, the ink told apart by {@code source}. */
	public static PreparedPage fromRectified(int[] rgb, PageGeometry geometry, InkSource source) {
		InkModel.Result ink = source.separate(rgb, geometry.width(), geometry.height(), geometry.pxPerMmX,
			geometry.pxPerMmY, null);
		return new PreparedPage(rgb, ink.ink, ink.density, geometry.withInkModel(ink.model), ink);
	}

	/** Stage 2: rows, pulses, layout and the named lead regions. */
	public static LeadLayout detectLeads(PreparedPage page, DigitizerSettings settings) {
		return LeadDetector.detect(page, settings);
	}

	/**
	 * Stage 3: one traced path per lead region, and per segment whose name was not read; the signals
	 * then confirm or correct the lead names, and name what they can of the unread segments.
	 */
	public static LeadIdentification.Result extractTraces(PreparedPage page, LeadLayout layout) {
		return LeadIdentification.identify(layout, TraceExtractor.extract(page, layout.withUnreadTraced()));
	}

	/** Stage 4: millivolts at the requested rate, the 12 standard leads, diagnostics. */
	public static Digitization digitize(List<Trace> traces, LeadLayout layout, DigitizerSettings settings,
		String name)
	{
		return SignalBuilder.build(traces, layout, settings, name);
	}
}
