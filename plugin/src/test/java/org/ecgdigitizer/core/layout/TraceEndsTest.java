package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.EcgSynthesizer;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.ecgdigitizer.core.preprocess.Bits;
import org.junit.jupiter.api.Test;

class TraceEndsTest {

	private static final int W = 200, H = 100, BASE = 70;

	private static void fill(boolean[] mask, int x0, int x1, int y0, int y1) {
		for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) mask[y * W + x] = true;
	}


	/** A pulse 40 px tall whose strokes are 4 px wide: rising at 10-13, falling at 50-53. */
	private static CalibrationPulse pulse(boolean[] mask) {
		fill(mask, 10, 14, BASE - 40, BASE + 2);
		fill(mask, 10, 54, BASE - 40, BASE - 36);
		fill(mask, 50, 54, BASE - 40, BASE + 2);
		return new CalibrationPulse(0, Box.fromCorners(10, BASE - 40, 54, BASE + 2), BASE + 1, 41, 42, 4, 4);
	}

	@Test
	void aTracesTimeStartsHalfItsThicknessInsideItsFirstInk() {
		boolean[] mask = new boolean[W * H];
		// a level trace 3 px thick from column 60 on
		fill(mask, 60, 190, BASE - 1, BASE + 2);
		double thickness = TraceEnds.thickness(Bits.of(mask, W, H).transposed(), 40, 90, BASE, 0, W);
		assertEquals(3, thickness, 0);
		assertEquals(61.5, TraceEnds.start(mask, W, 40, 90, BASE, 60, null, thickness, 4, 4), 1e-12);
		assertEquals(188.5, TraceEnds.end(190, thickness), 1e-12);
		// a level stretch measures the thickness, not the steep strokes that hold longer runs
		fill(mask, 100, 102, BASE - 20, BASE + 20);
		assertEquals(3, TraceEnds.thickness(Bits.of(mask, W, H).transposed(), 40, 90, BASE, 0, W), 0);

		// after a pulse and a blank gap, the trace starts on its own: the same rule
		CalibrationPulse p = pulse(mask);
		assertEquals(61.5, TraceEnds.start(mask, W, 20, 90, BASE, 10, p, thickness, 4, 4), 1e-12);
	}

	@Test
	void aTraceDrawnOnFromThePulseStartsUnderItsFallingStroke() {
		boolean[] mask = new boolean[W * H];
		CalibrationPulse p = pulse(mask);
		// the pulse's foot and the trace run on without a blank column, heading down at first
		fill(mask, 54, 57, BASE + 2, BASE + 12);
		fill(mask, 57, 190, BASE - 1, BASE + 2);
		assertEquals(52, TraceEnds.fallingStrokeCentre(mask, W, p, 4), 1e-12);
		assertEquals(52, TraceEnds.start(mask, W, 20, 90, BASE, 10, p, 3, 4, 4), 1e-12);
	}

	/**
	 * Printers (ecg-image-kit among them) print the lead's name just above the trace's start, right of
	 * the pulse: that ink is not the pulse's falling stroke, and time 0 stays under the stroke.
	 */
	@Test
	void aLabelAboveTheTracesStartIsNotTakenForThePulsesStroke() {
		boolean[] mask = new boolean[W * H];
		CalibrationPulse p = pulse(mask);
		fill(mask, 54, 190, BASE - 1, BASE + 2);
		// a name 2-8 mm above the line and 7 mm wide (4 px/mm), touching the pulse's stroke
		fill(mask, 54, 82, BASE - 32, BASE - 8);
		assertEquals(52, TraceEnds.start(mask, W, 20, 90, BASE, 10, p, 3, 4, 4), 1e-12);
	}

	/**
	 * Our generator draws the pulse, leaves 1 mm, then the trace with a round cap: time 0 is found
	 * within 0.1 mm (4 ms at 25 mm/s), or a pixel at 100 dpi, of where the generator put it; the
	 * first inked column, time 0 before, was half a pen width and more early (0.25 mm, 10 ms, with
	 * this 0.4 mm pen).
	 */
	@Test
	void onOurGeneratorsPagesTimeZeroIsWhereTheGeneratorPutIt() {
		for (int dpi : new int[] { 100, 200, 300 }) {
			EcgRecord signal = EcgSynthesizer.synthesize(3, 500, 10, "t");
			SyntheticPage page = PageGenerator.render(signal, PageSpec.defaults().withDpi(dpi).withTraceWidthMm(0.4), 3);
			EcgDigitizer d = new EcgDigitizer(ImageFiles.asImg(ImageFiles.toRgb(page.image())), Double.NaN,
				DigitizerSettings.defaults(), "t");
			assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
			double errorMm = (d.getLeadLayout().x0 - page.truth().x0) / page.truth().pxPerMmX;
			assertTrue(Math.abs(errorMm) < Math.max(0.1, 1 / page.truth().pxPerMmX), dpi + " dpi: x0 " + d
				.getLeadLayout().x0 + ", true " + page.truth().x0);
		}
	}
}
