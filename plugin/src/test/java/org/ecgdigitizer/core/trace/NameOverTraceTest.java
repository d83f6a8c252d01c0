package org.ecgdigitizer.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

/**
 * A lead name printed across the trace at the start of its column (eik_ecg00007: aVF on the trace's
 * Q wave, V1 with the first S wave through it). The letters are taken out, the trace's own ink
 * kept, and the path carried across the letters.
 */
class NameOverTraceTest {

	static final int W = 300;
	static final int H = 140;
	/** 6.5 px/mm, as eik_ecg00007. */
	static final double MM = 6.5;
	static final double REST = 70;
	/** The true trace: at rest through the letters' middle, a QRS complex whose S wave crosses them, at rest again. */
	static final double[] TRUE = { 0, REST, 48, REST, 54, REST - 40, 60, REST + 50, 66, REST, 120, REST, 150, REST - 12,
		180, REST, W, REST };

	@Test
	void theTraceUnderANameFollowsTheTrueSignalAndNoColumnIsEmpty() {
		float[] letters = name("aVF", 20, REST + 10, 3.5 * MM);
		Box word = inkBox(letters);
		float[] ink = printedOverTheTrace(letters);
		// the page as printed: the word is read where its ink is, touching the trace
		assertTrue(word.y < REST && word.maxY() > REST && word.x < 54 && word.maxX() > 60, "the name crosses the trace: " +
			word);
		Trace got = traced(ink, REGION.withNameOverTrace(word));
		int a = (int) Math.floor(word.x) - 1;
		int b = (int) Math.ceil(word.maxX()) + 1;
		int empty = 0;
		double worst = 0;
		double sum = 0;
		for (int x = a; x < b; x++) {
			double y = got.ys[x - got.x0];
			if (Double.isNaN(y)) {
				empty++;
				continue;
			}
			double off = Math.abs(y - level(x + 0.5)) / MM;
			worst = Math.max(worst, off);
			sum += off;
		}
		double mean = sum / Math.max(1, b - a - empty);
		// measured: none empty, 0.11 mm on average, 1.26 mm at worst: in the column where the S wave's
		// upstroke runs into the F's stem (their ink is one run there, kept as the stroke's), and the
		// bridge from it to the trace at rest beyond the F (up to 0.6 mm). Main (the name's box
		// unknown: its letters kept): none empty, 0.81 mm on average, 6.4 mm at worst (the path runs
		// along the letters)
		assertEquals(0, empty, "empty columns under the name");
		assertTrue(mean < 0.25, "mean distance from the true trace under the name (mm): " + mean);
		assertTrue(worst < 1.5, "worst distance from the true trace under the name (mm): " + worst);
		assertTrue(got.crossing != null && got.crossing.followed + got.crossing.bridged >= got.crossing.columns, "" +
			got.crossing);
	}

	@Test
	void withoutTheNameTheLettersAreTraced() {
		// the same page with the name's box unknown: the problem this class solves
		float[] letters = name("aVF", 20, REST + 10, 3.5 * MM);
		Box word = inkBox(letters);
		float[] ink = printedOverTheTrace(letters);
		Trace got = traced(ink, REGION);
		double worst = 0;
		for (int x = (int) word.x; x < word.maxX(); x++) {
			double y = got.ys[x - got.x0];
			if (!Double.isNaN(y)) worst = Math.max(worst, Math.abs(y - level(x + 0.5)) / MM);
		}
		assertTrue(worst > 1, "the letters were not followed: " + worst);
	}

	/** aVF's row, its line at rest. */
	static final LeadRegion REGION = new LeadRegion(Lead.AVF, false, 0, 0, false, 0, 2.5, new Box(0, 25, W, 90), REST,
		null, "aVF", 1);

	/** The true trace with the letters printed over it, as ink. */
	private static float[] printedOverTheTrace(float[] letters) {
		float[] ink = DrawnPen.density(W, H, TRUE);
		for (int i = 0; i < ink.length; i++) ink[i] = Math.max(ink[i], letters[i]);
		return ink;
	}

	private static Trace traced(float[] ink, LeadRegion region) {
		List<Trace> traces = TraceExtractor.extract(ink.clone(), ink.clone(), W, H, List.of(), List.of(), List.of(
			region), MM);
		return traces.get(0);
	}

	/** The true trace's row at x. */
	static double level(double x) {
		for (int k = 2; k < TRUE.length; k += 2) {
			if (x <= TRUE[k]) return TRUE[k - 1] + (TRUE[k + 1] - TRUE[k - 1]) * (x - TRUE[k - 2]) / (TRUE[k] - TRUE[k - 2]);
		}
		return TRUE[TRUE.length - 1];
	}

	/** A word in a sans-serif type, its capitals {@code cap} px tall, its foot at (x, foot), as ink density. */
	static float[] name(String word, double x, double foot, double cap) {
		BufferedImage page = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = page.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		// a capital is about 0.72 of the font's size
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(cap / 0.72)));
		g.drawString(word, (float) x, (float) foot);
		g.dispose();
		float[] density = new float[W * H];
		for (int y = 0; y < H; y++) {
			for (int xx = 0; xx < W; xx++) density[y * W + xx] = 1 - page.getRaster().getSample(xx, y, 0) / 255f;
		}
		return density;
	}

	/** Where a plane's ink (at least a third of a pixel) lies. */
	static Box inkBox(float[] density) {
		int x0 = W;
		int y0 = H;
		int x1 = -1;
		int y1 = -1;
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				if (density[y * W + x] < 0.3f) continue;
				x0 = Math.min(x0, x);
				y0 = Math.min(y0, y);
				x1 = Math.max(x1, x);
				y1 = Math.max(y1, y);
			}
		}
		return new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
	}

	/**
	 * Empty columns under a name are bridged only where the bridge runs behind the letters, within
	 * their rows; a trace missed beside them (a deep S wave running below a name printed under the
	 * trace at rest, the generator's gain20-03 aVR) stays empty rather than drawn as a line.
	 */
	@Test
	void onlyWhatTheLettersCouldHideIsBridged() {
		Box name = new Box(10, 100, 10, 20);
		double[] behind = new double[30];
		double[] above = new double[30];
		for (int c = 0; c < 30; c++) {
			boolean gap = c >= 9 && c <= 21;
			behind[c] = gap ? Double.NaN : 110;
			above[c] = gap ? Double.NaN : c < 9 ? 70 : 60;
		}
		Trace bridged = NameOverTrace.carriedAcross(new Trace(null, 0, behind, 1), name);
		for (int c = 9; c <= 21; c++) assertEquals(110, bridged.ys[c], 1e-9, "column " + c);
		assertEquals(13, bridged.crossing.bridged);
		Trace missed = NameOverTrace.carriedAcross(new Trace(null, 0, above, 1), name);
		for (int c = 9; c <= 21; c++) assertTrue(Double.isNaN(missed.ys[c]), "column " + c + " drawn at " + missed.ys[c]);
		assertEquals(0, missed.crossing.bridged);
	}
}
