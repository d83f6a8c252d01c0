package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
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
}
