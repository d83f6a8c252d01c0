package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows on creased and wrinkled pages: a crease's shadow dark enough to pass for ink is a broad, soft
 * band, not a pen's line, and is no row; a trace whose ink a crease breaks into short stretches is a
 * row all the same when it lies at the rows' spacing and carries a trace's complexes.
 */
class CreasedPageRowsTest {

	static final double MM = 8;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	private static void set(float[] ink, int w, int x, int y) {
		if (x >= 0 && x < w && y >= 0 && y < ink.length / w) ink[y * w + x] = 1;
	}

	/** A trace two pixels thick along baseline from x0 to x1 with a 6 mm QRS spike every 25 mm. */
	private static void trace(float[] ink, int w, int baseline, int x0, int x1) {
		for (int x = x0; x < x1; x++) {
			set(ink, w, x, baseline);
			set(ink, w, x, baseline + 1);
			if ((x - x0) % (int) (25 * MM) == 100) {
				for (int y = (int) (baseline - 6 * MM); y <= baseline; y++) {
					set(ink, w, x, y);
					set(ink, w, x + 1, y);
				}
			}
		}
	}

	/**
	 * A crease's shadow as the ink keeps it: dark along the fold (1 mm), grey beside it (2 mm either
	 * side, every other pixel), from x0 to x1, across the page at a slant (one in twelve), as folds lie.
	 */
	private static void shadow(float[] ink, int w, int centre, int x0, int x1) {
		int core = (int) (0.5 * MM);
		int half = (int) (2.5 * MM);
		for (int x = x0; x < x1; x++) {
			int c = centre + (x - x0) / 12;
			for (int y = c - half; y <= c + half; y++) if (Math.abs(y - c) <= core || (x + y) % 2 == 0) set(ink, w, x, y);
		}
	}

	/** Three rows of trace and, above them, a long crease shadow across the page: three rows. */
	@Test
	void aCreaseShadowIsNotARow() {
		int w = 2000;
		int h = 1000;
		float[] ink = new float[w * h];
		shadow(ink, w, 60, 100, 1900);
		for (int r = 0; r < 3; r++) trace(ink, w, 400 + 200 * r, 80, 1900);
		PageInk page = PageInk.of(ink, w, h, MM, MM, false);
		for (TraceRow t : RowFinder.tracks(page)) {
			if (t.baseline >= 320) assertFalse(RowFinder.broad(t, page), "a trace is a pen's line: " + t);
		}
		// along the fold, where the ink of a real shadow is followed (k04's shadows: 1.0 to 1.7 mm thick in three columns of four)
		TraceRow fold = new TraceRow(60, 200, 100, 1900, "ink");
		fold.profileStrip = 200;
		fold.profile = new double[9];
		for (int i = 0; i < fold.profile.length; i++) fold.profile[i] = 60 + (fold.profileStrip * (i + 0.5)) / 12;
		assertTrue(RowFinder.broad(fold, page), "the shadow is broad: q = " + RowFinder.thinQuartile(fold, page, 100,
			1900));
		List<TraceRow> rows = RowFinder.find(page);
		assertEquals(3, rows.size(), rows.toString());
		for (int r = 0; r < 3; r++) assertEquals(400 + 200 * r, rows.get(r).baseline, MM, rows.toString());
	}

	/**
	 * Two strong rows kept, and two lines above them at the rows' spacing, weak because a crease broke
	 * their ink, with a trace's complexes: both are rows, the outer one found from the inner. A weak
	 * line at one and a half spacings, or one without complexes, is not.
	 */
	@Test
	void brokenRowsAtTheRowsSpacingAreRows() {
		TraceRow shadowEdge = new TraceRow(330, 34, 0, 2000, "ink");
		TraceRow first = new TraceRow(707, 44, 0, 2000, "ink");
		TraceRow second = new TraceRow(990, 39, 0, 2000, "ink");
		TraceRow third = new TraceRow(1271, 116, 0, 2000, "ink");
		TraceRow strip = new TraceRow(1533, 136, 0, 2000, "ink");
		TraceRow flat = new TraceRow(1800, 40, 0, 2000, "ink");
		List<TraceRow> found = List.of(shadowEdge, first, second, third, strip, flat);
		List<TraceRow> kept = new ArrayList<>(List.of(third, strip));
		List<Boolean> pulsed = new ArrayList<>(List.of(false, false));
		RowFinder.lowVoltageRows(found, kept, pulsed, 116, MM, r -> r != flat);
		assertEquals(List.of(first, second, third, strip), kept);
		assertEquals(4, pulsed.size());
	}

	/** The rows' spacing is the gap the other gaps are whole numbers of; a gap that skips a row is two. */
	@Test
	void theSpacingIsTheGapOthersAreMultiplesOf() {
		List<TraceRow> skipped = List.of(new TraceRow(707, 1, 0, 1, "ink"), new TraceRow(1271, 1, 0, 1, "ink"),
			new TraceRow(1533, 1, 0, 1, "ink"));
		assertEquals(262, RowFinder.spacingOf(skipped), 1e-9);
		List<TraceRow> header = List.of(new TraceRow(40, 1, 0, 1, "ink"), new TraceRow(100, 1, 0, 1, "ink"),
			new TraceRow(380, 1, 0, 1, "ink"), new TraceRow(660, 1, 0, 1, "ink"));
		assertEquals(280, RowFinder.spacingOf(header), 1e-9, "no gap fits all: the median");
	}

	/**
	 * k04 (ecg-image-kit's wrinkles): crease shadows across the top half were taken as rows and the
	 * printed rows' ink is broken by the creases. The four printed rows (3x4 and the II strip).
	 */
	@Test
	void fourRowsOnAWrinkledPage() {
		Path file = SharedData.require("seed-images").resolve("k04_eik_00001_hr-0_wrinkles.png");
		ImageFiles.LoadedImage loaded = ImageFiles.read(file);
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, InkSources.parse(
			InkSources.DEFAULT), Progress.NONE);
		List<TraceRow> rows = InkRows.of(page).rows();
		assertEquals(4, rows.size(), rows.toString());
		double[] printed = { 707, 990, 1271, 1533 };
		for (int i = 0; i < 4; i++) assertEquals(printed[i], rows.get(i).baseline, 15, rows.toString());
	}

	/** A 10 mm calibration pulse, 5 mm wide, standing on baseline at x0. */
	private static void pulse(float[] ink, int w, int baseline, int x0) {
		int top = (int) (baseline - 10 * MM);
		int x1 = (int) (x0 + 5 * MM);
		for (int y = top; y <= baseline + 1; y++) {
			set(ink, w, x0, y);
			set(ink, w, x0 + 1, y);
			set(ink, w, x1, y);
			set(ink, w, x1 + 1, y);
		}
		for (int x = x0; x <= x1 + 1; x++) {
			set(ink, w, x, top);
			set(ink, w, x, top + 1);
		}
	}

	/**
	 * A photo cut off the pulses of the top two rows, and their ink is broken as the lower rows' is:
	 * rows as strong as a row with a pulse are rows, not header text, though the full-length strip
	 * makes every short row look weak.
	 */
	@Test
	void rowsAsStrongAsAPulsedRowAreKeptAboveIt() {
		int w = 2000;
		int h = 1100;
		float[] ink = new float[w * h];
		for (int r = 0; r < 3; r++) {
			int baseline = 200 + 250 * r;
			if (r == 2) pulse(ink, w, baseline, 40);
			// broken: every other 2.5 s, as a crease or fading leaves it
			for (int x0 = 120; x0 < 1900; x0 += 400) trace(ink, w, baseline, x0, Math.min(1900, x0 + 200));
		}
		pulse(ink, w, 950, 40);
		trace(ink, w, 950, 120, 1900);
		List<TraceRow> rows = RowFinder.find(PageInk.of(ink, w, h, MM, MM, false));
		assertEquals(4, rows.size(), rows.toString());
	}
}
