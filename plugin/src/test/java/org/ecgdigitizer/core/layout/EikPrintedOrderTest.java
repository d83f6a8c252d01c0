package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The names of two ecg-image-kit pages that were named wrong (see {@link PrintedOrderTest} for the
 * same faults rebuilt): 6x2/muse-sinus, whose labels follow the generator's own order and agree with
 * the Cabrera order by chance, and 12x1/HR06009, whose rhythm strip's label sits where the printer
 * puts labels relative to the pulse's foot, not to the trace. Skipped without {@code ../shared/data/eik-dev}.
 */
class EikPrintedOrderTest {

	static Path root;

	@BeforeAll
	static void data() {
		System.setProperty("java.awt.headless", "true");
		root = SharedData.require("eik-dev");
	}

	static LeadLayout detect(EikPage truth) {
		ImageFiles.LoadedImage loaded = ImageFiles.read(truth.image);
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		return Stages.detectLeads(page, DigitizerSettings.defaults());
	}

	/** Every segment named is named right, and the six limb leads and the strip are named (before: 3 of 13 right). */
	@Test
	void museSinusIsNamedAsPrinted() {
		EikPage truth = EikPage.read(root.resolve("6x2/muse-sinus-0.png"));
		LeadLayout found = detect(truth);
		assertEquals("labels", found.namingSource, found.warnings.toString());
		int limb = 0;
		for (LeadRegion r : found.regions) {
			EikPage.Segment s = truth.at(r.row, r.column);
			assertNotNull(s, "row " + r.row + " column " + r.column);
			assertEquals(s.lead, r.label(), "row " + r.row + " column " + r.column + ": " + found.warnings);
			if (!r.rhythm && r.lead.isLimb()) limb++;
		}
		assertEquals(6, limb, found.layout.spec());
		assertTrue(found.regions.get(found.regions.size() - 1).rhythm);
	}

	/** The right column's V4 and V5, placed against their rows' pulse feet, name their segments (before: unread, 8 of 13). */
	@Test
	void js20006sRightColumnIsNamed() {
		EikPage truth = EikPage.read(root.resolve("6x2/JS20006-0.png"));
		LeadLayout found = detect(truth);
		int rightColumn = 0;
		for (LeadRegion r : found.regions) {
			EikPage.Segment s = truth.at(r.row, r.column);
			assertNotNull(s, "row " + r.row + " column " + r.column);
			assertEquals(s.lead, r.label(), "row " + r.row + " column " + r.column + ": " + found.warnings);
			if (!r.rhythm && r.column == 1 && !r.lead.isLimb()) rightColumn++;
		}
		assertTrue(rightColumn >= 2, found.layout.spec());
	}

	/** The strip's printed I names it (before: the template's II). */
	@Test
	void hr06009sStripIsNamedByItsLabel() {
		EikPage truth = EikPage.read(root.resolve("12x1/HR06009-0.png"));
		LeadLayout found = detect(truth);
		LeadRegion strip = null;
		for (LeadRegion r : found.regions) if (r.rhythm) strip = r;
		assertNotNull(strip, found.layout.spec());
		assertEquals("I", strip.labelText, found.warnings.toString());
		assertEquals("I", strip.label());
		for (LeadRegion r : found.regions) {
			if (r.labelText != null) assertEquals(truth.at(r.row, r.column).lead, r.label(), "row " + r.row);
		}
	}

	/**
	 * 12x1/muse-af: the names read follow ecg-image-kit's own 12x1 order (V4, V1, aVR, I, ...), which
	 * names every row (before: the standard template from "2 read, 1 agreeing", 0 of 13 right).
	 */
	@Test
	void museAfIsNamedByItsPrintersOrder() {
		EikPage truth = EikPage.read(root.resolve("12x1/muse-af-0.png"));
		LeadLayout found = detect(truth);
		assertEquals("labels", found.namingSource, found.warnings.toString());
		int right = 0;
		for (LeadRegion r : found.regions) {
			EikPage.Segment s = truth.at(r.row, r.column);
			assertNotNull(s, "row " + r.row + " column " + r.column);
			if (!r.rhythm && s.lead.equals(r.label())) right++;
		}
		assertEquals(12, right, found.layout.spec() + " " + found.warnings);
	}
}
