package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;

/** The rows the upside-down check found are lead detection's start only where it reads the page the same way. */
class InkRowsTest {

	private static PreparedPage page() {
		return Stages.preprocess(ImageFiles.asImg(PageGenerator.render(PageGenerator.synthesize(4, 500, "inkrows"),
			PageSpec.defaults(), 4).image()), Double.NaN, Progress.NONE);
	}

	@Test
	void foundOncePerPlaneAndScaleWithRowsOfTheirOwn() {
		PreparedPage page = page();
		InkRows found = InkRows.of(page);
		assertSame(found, InkRows.of(page.withOrientation(null)), "the same plane at the same scale");
		List<TraceRow> mine = found.rows();
		assertTrue(mine.size() >= 3, mine.size() + " rows");
		mine.get(0).pulse = new CalibrationPulse(0, new Box(0, 0, 1, 1), 0, 1, 1, 1, 1);
		assertNull(found.rows().get(0).pulse, "a copy filled in leaves the rows as found");
		PageGeometry g = page.geometry;
		PreparedPage rescaled = page.withGeometry(new PageGeometry(g.pxPerMmX * 1.01, g.pxPerMmY, g.scaleSource,
			g.angleDeg, g.angleSource, g.warp, g.shrink, g.grid, g.fileDpi, g.orientation, g.paperDisplacement));
		InkRows other = InkRows.of(rescaled);
		assertNotSame(found, other, "another scale is read again");
		assertEquals(g.pxPerMmX * 1.01, other.ink.mmX);
	}

	/** Detection on the page the upside-down check read gives what it gives on the page read afresh. */
	@Test
	void detectionStartingFromTheCheckFindsWhatItFindsAlone() {
		PreparedPage page = page();
		PreparedPage fresh = new PreparedPage(page.rgbPixels(), page.inkPixels(), page.densityPixels(), page.geometry,
			page.inkModel).withOrientation(page.orientation);
		LeadLayout handed = Stages.detectLeads(page, DigitizerSettings.defaults());
		LeadLayout alone = Stages.detectLeads(fresh, DigitizerSettings.defaults());
		assertEquals(alone.toJson().toString(), handed.toJson().toString());
		assertEquals(alone.toJson().toString(), Stages.detectLeads(page, DigitizerSettings.defaults()).toJson()
			.toString(), "and again on the same page");
	}

	/**
	 * The upside-down check thresholds the ink plane once and turns the bits for the page turned
	 * half-way round: the ink, its components and the rows found are those of the turned page read
	 * afresh from its own (reversed) plane, and the page's own are as read alone.
	 */
	@Test
	void bothWaysFromOneThresholdIsEachPageReadAfresh() {
		PreparedPage page = framed(page());
		// pages that share nothing found before
		PreparedPage upright = fresh(page);
		PreparedPage turned = upright.turnedHalf();
		InkRows[] both = InkRows.bothWays(upright, turned);
		InkRows alone = InkRows.of(fresh(page));
		InkRows turnedAlone = InkRows.of(fresh(page).turnedHalf());
		assertSame(both[0], InkRows.of(upright), "kept with the page");
		assertSame(both[1], InkRows.of(turned), "kept with the turned page");
		assertSame(both[1], InkRows.of(turned.withOrientation(null)), "and with the page the check hands on");
		same(alone, both[0]);
		same(turnedAlone, both[1]);
		assertTrue(both[1].rows().size() >= 3, both[1].rows().size() + " rows turned");
	}

	/**
	 * The page with a frame line along its top and one down its left edge in the ink, as a printer
	 * draws them: rules the ink is read without.
	 */
	private static PreparedPage framed(PreparedPage page) {
		int w = page.width();
		float[] ink = page.inkPixels().clone();
		for (int x = 10; x < w - 10; x++) for (int y = 2; y < 4; y++) ink[y * w + x] = 1;
		for (int y = 10; y < page.height() - 10; y++) ink[y * w + 3] = 1;
		return new PreparedPage(page.rgbPixels(), ink, page.densityPixels(), page.geometry, page.inkModel);
	}

	private static PreparedPage fresh(PreparedPage page) {
		return new PreparedPage(page.rgbPixels(), page.inkPixels(), page.densityPixels(), page.geometry, page.inkModel);
	}

	private static void same(InkRows expected, InkRows actual) {
		assertArrayEquals(expected.ink.mask, actual.ink.mask, "the mask, rules erased");
		assertEquals(components(expected.ink.raw), components(actual.ink.raw), "the components before erasing");
		assertEquals(expected.ink.mmX, actual.ink.mmX);
		assertEquals(expected.ink.mmY, actual.ink.mmY);
		List<Object> rows = new ArrayList<>();
		for (TraceRow r : expected.rows()) rows.add(r.toJson());
		List<Object> found = new ArrayList<>();
		for (TraceRow r : actual.rows()) found.add(r.toJson());
		assertEquals(rows, found, "the rows");
	}

	private static List<String> components(Components c) {
		List<String> out = new ArrayList<>();
		for (Components.Component k : c.components) out.add(k.id + ":" + k.minX + "," + k.minY + "," + k.maxX + "," + k
			.maxY + "," + k.pixels);
		return out;
	}
}
