package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.LeadCheck;
import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Wfdb;
import org.junit.jupiter.api.Test;

/**
 * Pages whose leads were named right but whose traces were poor (issue 10), digitized whole;
 * skipped without {@code ../shared}.
 */
class SharedTracePagesTest {

	/** A digitizer with the default settings on a page image, not yet run. */
	private static EcgDigitizer digitizer(Path image) throws IOException {
		ImageFiles.LoadedImage loaded = ImageFiles.read(image);
		return new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, DigitizerSettings.defaults(), "page");
	}

	/** The mean 2024 SNR of an eik-dev page against its masked reference. */
	private static double snr(String page) throws IOException {
		Path dir = SharedData.require("eik-dev");
		EcgDigitizer d = digitizer(dir.resolve(page + ".png"));
		assertTrue(d.checkInput() && d.process(), page + ": " + d.getErrorMessage());
		return Evaluation.score(Wfdb.read(dir.resolve(page + Evaluation.MASKED_SUFFIX + ".hea")).withName("page"), d
			.getResult().record).meanSnr2024();
	}

	/** A brown grid in one flat colour: it was not told from the trace, which was cut at every line. */
	@Test
	void aTraceOnAFlatBrownGridIsWhole() throws IOException {
		double snr = snr("colours/muse-af-0");
		// measured: 7.0 dB (2.7 dB when the grid's colour went unmeasured and every run was ranked by
		// its distance from the baseline)
		assertTrue(snr > 6, "SNR " + snr);
	}

	/** Tall R waves of the row below reach up beside this row's own: the own complexes keep their height. */
	@Test
	void tallComplexesBesideTheNeighboursKeepTheirHeight() throws IOException {
		double snr = snr("bw/muse-sinus-0");
		// measured: 7.6 dB (6.2 dB when every run was ranked by its distance from the baseline)
		assertTrue(snr > 7, "SNR " + snr);
	}

	/**
	 * At 100 dpi a neighbour's R wave touches this trace where its own R wave leaves it: of the two
	 * strokes going on from the trace the one nearer the baseline is this lead's.
	 */
	@Test
	void ofTwoStrokesLeavingTheTraceTheNearerIsFollowed() throws IOException {
		double snr = snr("lowres/JS20007-0");
		// measured: 15.1 dB; 14.4 dB when a stroke going on from the trace paid nothing for its distance
		assertTrue(snr > 14.8, "SNR " + snr);
	}

	/**
	 * A 2.7 px/mm scan whose QRS strokes break into pieces with faint rows between: lead II's three
	 * R waves (about 1.1 mV) each reach their tops.
	 */
	@Test
	void rWavesBrokenIntoPiecesAtLowResolutionKeepTheirHeight() throws IOException {
		EcgDigitizer d = digitizer(SharedData.require("real-images").resolve("eik_ecg00019.bmp"));
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		double[] ii = d.getResult().record.lead("II");
		double fs = d.getResult().record.samplingFrequency();
		// the first 2.5 s (the 3x4 block's first column), in thirds: one R wave each
		int third = (int) Math.round(2.5 * fs / 3);
		for (int k = 0; k < 3; k++) {
			double top = Double.NEGATIVE_INFINITY;
			for (int i = k * third; i < (k + 1) * third; i++) if (Double.isFinite(ii[i])) top = Math.max(top, ii[i]);
			// measured: 0.96, 0.91, 0.87 mV; the second was 0.36 before a piece of the stroke in the
			// jump's own column stopped counting as another stroke crossing
			assertTrue(top > 0.8, "R wave " + (k + 1) + " of lead II reaches " + top + " mV");
		}
	}

	/** A thin grey trace at 2.8 px/mm on a red grid: it was refused with 0 of 12 leads traced. */
	@Test
	void aThinGreyTraceAtLowResolutionIsTraced() throws IOException {
		EcgDigitizer d = digitizer(SharedData.require("real-images").resolve("eik_ecg00010.png"));
		assertTrue(d.checkInput());
		boolean ok = d.process();
		LeadCheck check = d.getLeadCheck();
		// measured: 12 of 12; 10 (V4 and V3 left empty, their deep S waves grey) before the faint ink
		// of thin QRS strokes was followed, 0 before the thin trace was
		assertTrue(ok && check.digitized.size() == 12, check == null ? d.getErrorMessage() : "traced " + check.digitized);
	}
	/**
	 * A photo whose II rhythm strip runs 3-4 mm above the footer text (filter, speed, gain) across the
	 * page; the strip's baseline was put on the text, and the path followed the text over the left
	 * half of the page.
	 */
	@Test
	void aRhythmStripAboveTheFooterTextIsTracedNotTheText() throws IOException {
		EcgDigitizer d = digitizer(SharedData.require("real-images").resolve("eik_ecg00030.jpg"));
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		double mm = d.getLeadLayout().geometry.pxPerMmY;
		int h = d.getPreparedPage().height();
		Trace strip = null;
		for (Trace t : d.getTraces()) if (t.region.rhythm) strip = t;
		assertTrue(strip != null, "no rhythm strip traced");
		double rest = TraceExtractor.restingLevel(strip.ys, mm);
		// the footer's glyphs fill the page's bottom 5 mm; measured: the strip rests 6.2 mm above the
		// bottom edge, coverage 0.99 (2.2 mm, on the text, coverage 0.85, when the resting level was
		// read from every column of a path along the text)
		assertTrue(rest < h - 5 * mm, "the strip rests " + (h - rest) / mm + " mm above the bottom edge");
		assertTrue(strip.coverage() > 0.9, "strip coverage " + strip.coverage());
	}
}
