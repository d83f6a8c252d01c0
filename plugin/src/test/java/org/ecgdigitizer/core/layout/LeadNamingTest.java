package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lead names from printed labels, on pages of our generator. */
class LeadNamingTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	private static LeadLayout detect(PageSpec spec, long seed) {
		SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(seed, 500, "naming" + seed), spec, seed);
		return Stages.detectLeads(Stages.preprocess(page.img(), Double.NaN, Progress.NONE), DigitizerSettings
			.defaults());
	}

	@Test
	void cabreraLabelsNameACabreraPage() {
		LeadLayout layout = detect(PageSpec.defaults().withLayout("12x1/cabrera"), 1001);
		assertEquals("labels", layout.namingSource, layout.warnings.toString());
		assertTrue(layout.layout.isCabrera(), layout.layout.spec());
		// row 2 of the Cabrera order is -aVR
		LeadRegion third = layout.regions.get(2);
		assertEquals("-aVR", third.label());
		assertTrue(third.inverted);
		assertTrue(layout.warnings.stream().anyMatch(w -> w.contains("Cabrera order")), layout.warnings.toString());
	}

	@Test
	void standardLabelsKeepAStandardPage() {
		LeadLayout layout = detect(PageSpec.defaults().withLayout("12x1"), 1001);
		assertEquals("labels", layout.namingSource, layout.warnings.toString());
		assertFalse(layout.layout.isCabrera());
		assertEquals("I", layout.regions.get(0).label());
		assertEquals("aVR", layout.regions.get(3).label());
	}

	@Test
	void pagesWithoutLabelsFollowTheTemplateAndSaySo() {
		LeadLayout layout = detect(PageSpec.defaults().withLayout("12x1/cabrera").withLabels(false), 1001);
		assertEquals("template", layout.namingSource);
		assertFalse(layout.layout.isCabrera(), "nothing on the page says Cabrera");
		assertTrue(layout.warnings.contains("lead names from the 12x1 template; printed labels not readable"), layout
			.warnings.toString());
		for (LeadRegion r : layout.regions) assertEquals(null, r.labelText);
	}

	@Test
	void readLabelsAreInTheLayoutJson() {
		LeadLayout layout = detect(PageSpec.defaults().withLayout("3x4+1"), 1001);
		Map<String, Object> json = Json.object(Json.parse(Json.write(layout.toJson())));
		List<Object> regions = Json.array(json.get("regions"));
		int read = 0;
		for (int i = 0; i < regions.size(); i++) {
			Map<String, Object> r = Json.object(regions.get(i));
			assertTrue(r.containsKey("label_text"));
			Object text = r.get("label_text");
			if (text != null) {
				read++;
				assertEquals(layout.regions.get(i).labelText, text);
				assertEquals(r.get("label"), text, "a label read on a page named by its labels is the region's name");
			}
		}
		assertTrue(read >= 3, read + " labels read");
		List<LeadRegion> back = LeadLayout.fromJson(json, layout.geometry).regions;
		for (int i = 0; i < back.size(); i++) assertEquals(layout.regions.get(i).labelText, back.get(i).labelText);
	}

	/** A strip's printed name names it, as on ecg-image-kit's rhythm-variants/JS20001 (a V5 strip, not the template's II). */
	@Test
	void aRhythmStripIsNamedByItsLabel() {
		for (String strip : new String[] { "V5", "V1" }) {
			LeadLayout layout = detect(PageSpec.defaults().withLayout("3x4+1:" + strip), 1001);
			assertEquals("labels", layout.namingSource, layout.warnings.toString());
			LeadRegion last = layout.regions.get(layout.regions.size() - 1);
			assertTrue(last.rhythm);
			assertEquals(strip, last.labelText, layout.warnings.toString());
			assertEquals(strip, last.label());
			assertEquals("3x4+1:" + strip, layout.layout.spec());
		}
	}

	/**
	 * A layout the user gives with its names (rows:...) keeps them where the page's labels were not
	 * read; read labels still name their segments. Before, the unread segments were left out.
	 */
	@Test
	void theUsersNamesStandWhereNoLabelWasRead() {
		PageLayout given = PageLayout.parse("rows:I;II;III;aVR;aVL");
		String[] read = { "I", null, "III", "aVR", "aVF" };
		List<LeadRegion> labelled = new java.util.ArrayList<>();
		for (int i = 0; i < read.length; i++) {
			labelled.add(new LeadRegion(null, false, i, 0, false, 0, 10, new org.ecgdigitizer.core.Box(0, 100 * i, 1000,
				90), 100 * i + 45, null, read[i], 1));
		}
		LeadNaming.Result named = LeadNaming.asPrinted(given, labelled, java.util.Collections.nCopies(read.length, null),
			4, 0, 0, true);
		assertEquals("labels", named.source);
		assertEquals("rows:I;II;III;aVR;aVF", named.layout.spec(), named.notes.toString());
		assertTrue(named.notes.stream().anyMatch(n -> n.contains("row 2, column 1 was not read; named II")), named
			.notes.toString());
		// without the user's word (a layout found on the page), an unread segment stays unnamed
		assertEquals("rows:I;?;III;aVR;aVF", LeadNaming.asPrinted(given, labelled, java.util.Collections.nCopies(
			read.length, null), 4, 0, 0, false).layout.spec());
	}

	private static LeadNaming.Result asFound(String spec, String... read) {
		PageLayout found = PageLayout.parse(spec);
		List<LeadRegion> labelled = new java.util.ArrayList<>();
		int n = 0;
		for (int i = 0; i < read.length; i++) {
			labelled.add(new LeadRegion(null, false, i, 0, false, 0, 10, new org.ecgdigitizer.core.Box(0, 100 * i, 1000,
				90), 100 * i + 45, null, read[i], 1));
			if (read[i] != null) n++;
		}
		return LeadNaming.asPrinted(found, labelled, java.util.Collections.nCopies(read.length, null), n, 0, 0, false);
	}

	/**
	 * A page of its own arrangement (eight rows) with five limb leads read: its three unread rows
	 * cannot all be aVF, so the page prints chest leads too, and a label that reads aVF or V1 is not
	 * taken for aVF. Before, only the limb leads read were counted as printed, and it was named aVF.
	 */
	@Test
	void moreUnreadRowsThanMissingLeadsOfTheGroupsReadBringInTheOtherGroup() {
		PageLayout found = PageLayout.parse("rows:?;?;?;?;?;?;?;?");
		String[] read = { "I", "II", "III", "aVR", "aVL", null, null, null };
		List<LeadRegion> labelled = new java.util.ArrayList<>();
		List<List<org.ecgdigitizer.core.signal.Lead>> allowed = new java.util.ArrayList<>();
		for (int i = 0; i < read.length; i++) {
			labelled.add(new LeadRegion(null, false, i, 0, false, 0, 10, new org.ecgdigitizer.core.Box(0, 100 * i, 1000,
				90), 100 * i + 45, null, read[i], 1));
			allowed.add(i == 5 ? List.of(org.ecgdigitizer.core.signal.Lead.AVF, org.ecgdigitizer.core.signal.Lead.V1)
				: List.of());
		}
		LeadNaming.Result named = LeadNaming.asPrinted(found, labelled, java.util.Collections.nCopies(read.length, null),
			allowed, 5, 0, 0, false, false);
		assertEquals("rows:I;II;III;aVR;aVL;?;?;?", named.layout.spec(), named.notes.toString());
		// six rows, one unread: it is the one limb lead left
		allowed = allowed.subList(0, 6);
		named = LeadNaming.asPrinted(PageLayout.parse("rows:?;?;?;?;?;?"), labelled.subList(0, 6), java.util.Collections
			.nCopies(6, null), allowed, 5, 0, 0, false, false);
		assertEquals("rows:I;II;III;aVR;aVL;aVF", named.layout.spec(), named.notes.toString());
	}

	/**
	 * A two-lead strip (ecg-image-kit's sel100: V5 and MLII, a Holter lead) fits no template, so the
	 * one name read names what can be named instead of the page being refused; on three rows or more
	 * a page's own arrangement still needs most of its segments read.
	 */
	@Test
	void aTwoLeadStripIsNamedFromWhatWasRead() {
		LeadNaming.Result strip = asFound("rows:?;?", "V5", null);
		assertNotNull(strip);
		assertEquals("rows:V5;?", strip.layout.spec(), strip.notes.toString());
		assertNull(asFound("rows:?;?", null, null));
		assertNull(asFound("rows:?;?;?;?", "V5", null, "II", null));
		assertEquals("rows:V5;V6;II;?", asFound("rows:?;?;?;?", "V5", "V6", "II", null).layout.spec());
		assertTrue(LeadNaming.belowEveryTemplate(PageLayout.parse("rows:?;?")));
		assertFalse(LeadNaming.belowEveryTemplate(PageLayout.parse("rows:?;?;?")));
	}
}
