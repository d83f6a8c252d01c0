package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import org.ecgdigitizer.core.io.AwkwardFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

/** No silent garbage: a page on which most printed leads could not be traced is a failure, or a marked partial record. */
class LeadCheckTest {

	@Test
	void halfOfThePrintedLeadsAreNeededAndAllOfAStrip() {
		assertEquals(6, LeadCheck.required(12));
		assertEquals(3, LeadCheck.required(6));
		assertEquals(3, LeadCheck.required(5));
		assertEquals(3, LeadCheck.required(3));
		assertEquals(2, LeadCheck.required(2));
		assertEquals(1, LeadCheck.required(1));
	}

	/**
	 * A generated page with most of the traces of eight leads painted out (their first and last
	 * tenth stay, so that every row still holds ink): four of twelve leads remain whole.
	 */
	@Test
	void aPageWithMostLeadsBlankedOutFailsAndSaysWhichLeadsWereFound() throws Exception {
		SyntheticPage page = AwkwardFiles.page(6);
		BufferedImage blanked = AwkwardFiles.blanked(page);
		Set<Lead> kept = AwkwardFiles.KEPT;
		InputPage input = InputFile.of(AwkwardFiles.encode(blanked, "png"), "blanked.png").pages().get(0);

		PageResult failed = PageDigitizer.defaults().digitize(input, "blanked", Progress.NONE);
		assertEquals(PageResult.Status.FAILED, failed.status, failed.message);
		assertNull(failed.digitization, "no record");
		assertNotNull(failed.leads, failed.message);
		assertTrue(failed.leads.digitized.size() < 6, failed.leads.message());
		assertTrue(failed.message.startsWith("only " + failed.leads.digitized.size() + " of 12 printed leads " +
			"digitized (6 needed): "), failed.message);
		for (Lead lead : failed.leads.digitized) assertTrue(kept.contains(lead), lead + " was painted out");
		assertTrue(failed.message.contains("not digitized: "), failed.message);
		assertFalse(failed.message.contains("\n"));

		PageResult partial = new PageDigitizer(DigitizerSettings.defaults(), org.ecgdigitizer.core.io.ReadOptions
			.defaults(), 60, true).digitize(input, "blanked", Progress.NONE);
		assertEquals(PageResult.Status.PARTIAL, partial.status);
		assertNotNull(partial.digitization, "kept when asked for");
		assertTrue(partial.message.startsWith("partial record: only "), partial.message);
		assertEquals("partial", partial.recordJson().get("status"));

		// Fiji's Digitize ECG runs the engine directly: the same rule
		EcgDigitizer engine = new EcgDigitizer(ImageFiles.asImg(blanked), Double.NaN, DigitizerSettings.defaults(),
			"blanked");
		assertTrue(engine.checkInput());
		assertFalse(engine.process());
		assertEquals(failed.leads.message(), engine.getErrorMessage());
		assertNull(engine.getResult());
		assertNotNull(engine.getPartialResult());
		List<Lead> found = engine.getLeadCheck().digitized;
		assertEquals(failed.leads.digitized, found);
	}
}
