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

	/**
	 * A row drawn as printers and our generator draw it: an antialiased round-capped pen from x = a to
	 * b along a wavy line (level at both ends, as traces start and end on their baseline here), and
	 * what the scan shows of it: the pen's coverage per pixel, and the mask of pixels half covered.
	 */
	private static float[] drawnRow(double a, double b, double y, double pen, boolean[] mask) {
		java.awt.geom.Path2D path = new java.awt.geom.Path2D.Double();
		path.moveTo(a, y);
		for (double x = a + 20; x < b - 20; x += 0.5) path.lineTo(x, y - 12 * Math.sin((x - a - 20) / 9) * Math.exp(-(
			x - (a + b) / 2) * (x - (a + b) / 2) / 400));
		path.lineTo(b - 20, y);
		path.lineTo(b, y);
		return scanned(path, pen, mask);
	}

	/**
	 * A line drawn with a round-capped pen as Java2D antialiases it: the pen's coverage per pixel, and
	 * the mask of pixels half covered.
	 */
	private static float[] scanned(java.awt.geom.Path2D path, double pen, boolean[] mask) {
		java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
		java.awt.Graphics2D g = img.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, W, H);
		g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
		g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(java.awt.Color.BLACK);
		g.setStroke(new java.awt.BasicStroke((float) pen, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
		g.draw(path);
		g.dispose();
		float[] density = new float[W * H];
		for (int i = 0; i < density.length; i++) {
			density[i] = 1 - img.getRaster().getSample(i % W, i / W, 0) / 255f;
			mask[i] = density[i] >= 0.5f;
		}
		return density;
	}

	private static int firstInk(boolean[] mask, int from, int step) {
		for (int x = from; ; x += step) for (int y = 0; y < H; y++) if (mask[y * W + x]) return x;
	}

	@Test
	void aRoundCapsCoverageGivesItsCentreToAFractionOfAPixelWhereTheMaskGivesHalfPixels() {
		// a row's centre line from a to b, at sub-pixel phases and pen widths of 0.2-0.45 mm at 200 dpi
		double worstOld = 0;
		for (double pen : new double[] { 1.6, 2.7, 3.5 }) {
			for (double phase = 0; phase < 1; phase += 0.125) {
				double a = 40 + phase, b = 170 - phase / 3, y = BASE + phase / 2;
				boolean[] mask = new boolean[W * H];
				float[] density = drawnRow(a, b, y, pen, mask);
				int first = firstInk(mask, 0, 1), last = firstInk(mask, W - 1, -1);
				double width = TraceEnds.penWidth(mask, density, W, 20, 95, BASE, first, last + 1);
				assertEquals(pen, width, 0.1, "pen " + pen);
				String at = "pen " + pen + ", a " + a + ", b " + b;
				double start = TraceEnds.capCentre(mask, density, W, 20, 95, BASE, first, 1, width, true);
				double end = TraceEnds.capCentre(mask, density, W, 20, 95, BASE, last, -1, width, true);
				// each end to about a tenth of a pixel (Java2D draws a thin round cap a little short)...
				assertEquals(a, start, 0.15, at);
				assertEquals(b, end, 0.15, at);
				// ...by the same amount at both ends, so their middle is right to a fiftieth
				assertEquals((a + b) / 2, (start + end) / 2, 0.02, at);
				double thickness = TraceEnds.thickness(Bits.of(mask, W, H).transposed(), 20, 95, BASE, 0, W);
				worstOld = Math.max(worstOld, Math.abs(TraceEnds.start(mask, W, 20, 95, BASE, first, null, thickness, 8, 8) - a));
			}
		}
		// the mask's reading (first inked column and half the thickness) is off by a quarter pixel or more
		assertTrue(worstOld > 0.25, "mask reading off by at most " + worstOld);
	}

	@Test
	void aPenReadTooWideMovesBothCapsApartByTheSameAmount() {
		boolean[] mask = new boolean[W * H];
		double a = 40.3, b = 170.8;
		float[] density = drawnRow(a, b, BASE + 0.3, 2.7, mask);
		int first = firstInk(mask, 0, 1), last = firstInk(mask, W - 1, -1);
		double start = TraceEnds.capCentre(mask, density, W, 20, 95, BASE, first, 1, 3.3, true);
		double end = TraceEnds.capCentre(mask, density, W, 20, 95, BASE, last, -1, 3.3, true);
		assertTrue(start - a > 0.15 && b - end > 0.15, start + " " + end);
		assertEquals((a + b) / 2, (start + end) / 2, 0.04);
	}

	@Test
	void aTraceThatLeavesItsCapSteeplyIsReadOnlyWhenLevelIsNotAsked() {
		// a trace that starts on a steep stroke (two rows a column): its own ink shares the cap's columns
		java.awt.geom.Path2D path = new java.awt.geom.Path2D.Double();
		path.moveTo(40.3, BASE);
		path.lineTo(48.3, BASE - 16);
		path.lineTo(56.3, BASE);
		path.lineTo(170, BASE);
		boolean[] mask = new boolean[W * H];
		float[] density = scanned(path, 2.7, mask);
		int first = firstInk(mask, 0, 1);
		assertTrue(Double.isNaN(TraceEnds.capCentre(mask, density, W, 20, 95, BASE, first, 1, 2.7, true)));
		assertTrue(Double.isFinite(TraceEnds.capCentre(mask, density, W, 20, 95, BASE, first, 1, 2.7, false)));
	}

	@Test
	void aCapDepthInvertsTheDiscsArea() {
		assertEquals(0, TraceEnds.capDepth(0, 1.5), 1e-9);
		assertEquals(0.7, TraceEnds.capDepth(TraceEnds.segment(0.7, 1.5), 1.5), 1e-9);
		// past the centre, the pen's width per pixel
		assertEquals(1.5 + 0.4, TraceEnds.capDepth(Math.PI * 1.5 * 1.5 / 2 + 0.4 * 3, 1.5), 1e-9);
	}
}
