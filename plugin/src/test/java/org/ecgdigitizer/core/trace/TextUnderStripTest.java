package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

/**
 * Printers put the footer (filter, speed, gain, lead-off notes) right under the rhythm strip; on the
 * photo eik_ecg00030 it runs 4 mm under the strip across the page, and the strip's baseline was put
 * on the text. The strip is still traced, not the text: text is glyphs with paper between them, a
 * trace one unbroken line.
 */
class TextUnderStripTest {

	@Test
	void aBaselinePutOnTheFooterTextUnderTheStripMovesToTheStrip() {
		long seed = 3;
		PageSpec spec = PageSpec.defaults().withLayout("3x4+1");
		SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(seed, 500, "strip"), spec, seed);
		EcgDigitizer d = new EcgDigitizer(page.img(), Double.NaN, DigitizerSettings.defaults(), "strip");
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		PreparedPage clean = d.getPreparedPage();
		int w = clean.width();
		int h = clean.height();
		double mm = clean.geometry.pxPerMmY;
		LeadRegion strip = null;
		for (Trace t : d.getTraces()) if (t.region.rhythm) strip = t.region;
		assertTrue(strip != null, "no rhythm strip traced");
		// a footer line 2.5 mm tall whose top is 3 mm under the strip's baseline, across the strip
		double textTop = strip.baselineY + 3 * mm;
		double textBottom = textTop + 2.5 * mm;
		PreparedPage printed = Stages.fromRectified(withText(clean.rgbPixels(), w, h, strip.box, textBottom, mm),
			clean.geometry);
		LeadRegion onText = strip.withBox(new Box(strip.box.x, strip.box.y, strip.box.width, textBottom + mm
			- strip.box.y)).withBaseline((textTop + textBottom) / 2);
		float[] ink = printed.inkPixels();
		float[] density = printed.densityPixels();
		Trace right = TraceExtractor.traceRegion(ink, density, TraceExtractor.starts(ink, w, h), w, h, strip, mm);
		Trace got = TraceExtractor.traceRegion(ink, density, TraceExtractor.starts(ink, w, h), w, h, onText, mm);
		// columns where the path is on the strip as traced from the right baseline
		int on = 0;
		int n = 0;
		for (int i = 0; i < right.ys.length; i++) {
			if (Double.isNaN(right.ys[i])) continue;
			n++;
			if (!Double.isNaN(got.ys[i]) && Math.abs(got.ys[i] - right.ys[i]) < 0.5 * mm) on++;
		}
		double share = on / (double) n;
		// measured: 1.0; 0.21 when the resting level was read from every column of the path (it
		// followed the text and stayed there)
		assertTrue(share > 0.95, "share of the strip followed " + share);
	}

	/** The page with a line of serif text in the trace's colour, its glyphs' bottom at {@code bottom}. */
	private static int[] withText(int[] rgb, int w, int h, Box across, double bottom, double mm) {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, w, h, rgb, 0, w);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		// a cap height of 2.5 mm: a font size of about 3.5 mm
		g.setFont(new Font(Font.SERIF, Font.BOLD | Font.ITALIC, (int) Math.round(3.5 * mm)));
		String footer = "0.67~100Hz  AC60  25mm/s  10mm/mV  Lead Off  4*2.5s+1r  HR 72 bpm  ";
		StringBuilder line = new StringBuilder();
		while (g.getFontMetrics().stringWidth(line.toString()) < across.width) line.append(footer);
		g.drawString(line.toString(), (float) across.x, (float) bottom);
		g.dispose();
		return image.getRGB(0, 0, w, h, null, 0, w);
	}
}
