package org.ecgdigitizer.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgDigitizer;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.NameDeduction;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.ecgdigitizer.core.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * A rhythm strip whose label the reader narrows down to a few names (a bare I with the strip's own
 * QRS where II's second I would stand) is named by its signal among only those names: it draws the
 * same signal as its lead's row wherever the two share time.
 */
class StripShortlistTest {

	/**
	 * A generated 3x4+1 page whose strip is lead I, digitized; then the strip is put back where an
	 * ambiguous label leaves it (the template's II, its label reading I or II) and its trace made
	 * poor, as on a page whose traces the tracer barely follows (12x1/muse-af, about 1 dB). The
	 * strip then matches its row too weakly for the rule that renames a strip by its signal alone
	 * (r 0.85), but clearly better than the other name its label allows.
	 */
	@Test
	void aStripWhoseLabelReadsIOrIIIsNamedByTheRowItRepeats() {
		long seed = 7;
		SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(seed, 500, "strip-i"), PageSpec.defaults()
			.withLayout("3x4+1:I"), seed);
		EcgDigitizer d = new EcgDigitizer(page.img(), Double.NaN, DigitizerSettings.defaults(), "strip-i");
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		LeadLayout read = d.getLeadLayout();
		int strip = stripIndex(read.regions);
		assertEquals(Lead.I, read.regions.get(strip).lead, "the clean page's strip label reads I");

		// the strip named as the template has it, its label leaving I or II
		List<LeadRegion> regions = new ArrayList<>(read.regions);
		LeadRegion s = regions.get(strip);
		regions.set(strip, s.withLead(Lead.II, false));
		LeadLayout ambiguous = read.withNaming(regions, read.layout.withRhythm(List.of(Lead.II)), "labels", List.of());
		ambiguous = ambiguous.withEvidence(ambiguous.evidence.withNaming(List.of(new NameDeduction.Deduction(s.row,
			s.column, null, List.of("II", "I"), NameDeduction.SHORTLIST, "its label reads II or I"))));
		List<Trace> traces = new ArrayList<>();
		for (Trace t : d.getTraces()) {
			LeadRegion r = regions.get(read.regions.indexOf(t.region));
			traces.add(r.rhythm ? poor(t.withRegion(r), ambiguous.pxPerMv(), seed) : t.withRegion(r));
		}

		LeadIdentification.Result named = LeadIdentification.identify(ambiguous, traces);
		NameDeduction.Deduction why = null;
		for (NameDeduction.Deduction x : named.layout.evidence.naming) if (x.row == s.row) why = x;
		assertNotNull(why, "the strip's naming evidence");
		double withI = why.signalMatch.get("I");
		double withII = why.signalMatch.get("II");
		// measured: I 0.57, II -0.07; the poor trace matches its own row too weakly for the signals alone
		// to rename it
		assertTrue(withI < LeadIdentification.MIN_MATCH, "strip against row I: r = " + withI);
		assertTrue(withI - withII >= StripShortlist.MARGIN, "I " + withI + " against II " + withII);
		assertEquals(Lead.I, named.layout.regions.get(strip).lead, why.why);
		assertEquals(List.of(Lead.I), named.layout.layout.rhythmLeads());
		assertEquals(StripShortlist.RULE, why.rule);
	}

	/**
	 * ecg-image-kit's 12x1/muse-af prints its strip "I" as a bare bar with the strip's own QRS
	 * downstroke 7-10 px to its right, where the second stroke of II would stand (the generator's JSON
	 * names the strip I); the traces there are poor. The label leaves II, I or III, and the strip
	 * repeats row I's 10 s. Skipped without {@code ../shared/data/eik-dev}.
	 */
	@Test
	void eikMuseAfStripPrintedIIsNamedI() {
		java.nio.file.Path png = org.ecgdigitizer.SharedData.require("eik-dev").resolve("12x1/muse-af-0.png");
		org.ecgdigitizer.core.io.ImageFiles.LoadedImage loaded = org.ecgdigitizer.core.io.ImageFiles.read(png);
		EcgDigitizer d = new EcgDigitizer(org.ecgdigitizer.core.io.ImageFiles.asImg(loaded.image), loaded.dpi,
			DigitizerSettings.defaults(), "muse-af-0");
		assertTrue(d.checkInput() && d.process(), d.getErrorMessage());
		LeadLayout named = d.getLeadLayout();
		LeadRegion strip = named.regions.get(stripIndex(named.regions));
		NameDeduction.Deduction why = null;
		for (NameDeduction.Deduction x : named.evidence.naming) if (x.row == strip.row) why = x;
		assertNotNull(why, "the strip's label leaves a shortlist");
		assertTrue(why.labelAllows.contains("I") && why.labelAllows.contains("II"), why.labelAllows.toString());
		assertEquals(Lead.I, strip.lead, why.why);
		assertTrue(named.layout.spec().endsWith(";I"), named.layout.spec());
	}

	@Test
	void candidatesTooAlikeLeaveTheStripAsItWas() {
		double[] strip = wave(0);
		StripShortlist.Choice c = StripShortlist.choose(12, 0, List.of(Lead.I, Lead.II), strip, List.of(wave(0.02),
			wave(0.04)));
		assertNull(c.chosen, c.why);
		assertEquals(NameDeduction.SHORTLIST, c.toDeduction().rule);
		StripShortlist.Choice unmeasured = StripShortlist.choose(12, 0, List.of(Lead.I, Lead.II), strip, java.util.Arrays
			.asList(wave(0), null));
		assertNull(unmeasured.chosen, "a candidate printed nowhere may be the strip's lead: " + unmeasured.why);
	}

	/** 10 s at the comparison rate of a 1.2 Hz wave, shifted by {@code shift} s. */
	private static double[] wave(double shift) {
		double[] out = new double[(int) (10 * LeadIdentification.FS)];
		for (int k = 0; k < out.length; k++) out[k] = Math.sin(2 * Math.PI * 1.2 * (k / LeadIdentification.FS + shift));
		return out;
	}

	/** The trace with a tracer's scatter of 0.1 mV about its path. */
	private static Trace poor(Trace t, double pxPerMv, long seed) {
		Random random = new Random(seed);
		double[] ys = t.ys.clone();
		for (int i = 0; i < ys.length; i++) if (!Double.isNaN(ys[i])) ys[i] += 0.1 * pxPerMv * random.nextGaussian();
		return t.withYs(ys, t.confidence);
	}

	private static int stripIndex(List<LeadRegion> regions) {
		for (int i = 0; i < regions.size(); i++) if (regions.get(i).rhythm) return i;
		throw new AssertionError("no rhythm strip");
	}
}
