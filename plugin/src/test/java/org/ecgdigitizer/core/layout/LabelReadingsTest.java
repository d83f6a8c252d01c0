package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.GlyphOutlines;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.junit.jupiter.api.Test;

/** Label readings are made once per ink plane and box, and are what the reader reads there. */
class LabelReadingsTest {

	@Test
	void aBoxIsReadOnceAndAsTheReaderReadsIt() {
		LabelReaderTest.Inked word = new LabelReaderTest.Inked(LabelReaderTest.outlineText("aVR", GlyphOutlines.style(
			"dejavu-sans"), 20, 0));
		LabelReadings readings = new LabelReadings(word.ink, word.w, word.h);
		Box box = word.box;
		LabelReader.Reading once = readings.read(box, box.height);
		assertEquals("aVR", once.text);
		assertEquals(word.read().toString(), once.toString());
		assertSame(once, readings.read(new Box(box.x, box.y, box.width, box.height), box.height));
		assertNotSame(once, readings.read(box, box.height * 1.2));
	}

	@Test
	void pagesSharingTheirInkShareTheReadingsAndATurnedPageHasItsOwn() {
		PreparedPage page = Preprocessor.run(ImageFiles.asImg(PageGenerator.render(PageGenerator.synthesize(3, 500,
			"readings"), PageSpec.defaults(), 3).image()), Double.NaN, Progress.NONE);
		LabelReadings readings = LabelReadings.of(page);
		assertSame(readings, LabelReadings.of(page.withOrientation(null)));
		assertSame(readings, LabelReadings.of(page.withGeometry(page.geometry)));
		assertNotSame(readings, LabelReadings.of(page.turnedHalf()));
	}
}
