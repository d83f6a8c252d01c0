package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

/**
 * Lead names from labels printed in a printer's own order, and labels placed against the row's zero
 * line (the pulse's foot) while the trace runs elsewhere: the faults of ecg-image-kit's 6x2/muse-sinus
 * and 12x1/HR06009 pages, rebuilt from regions and readings so they run on a fresh clone.
 */
class PrintedOrderTest {

	static final double MM = 8;
	static final double PITCH = 200;

	/** The regions of a layout's cells: rows {@link #PITCH} apart, columns 1000 px wide, trace at baseline + dc[row]. */
	static List<LeadRegion> regions(PageLayout layout, double[] dc) {
		List<LeadRegion> out = new ArrayList<>();
		for (PageLayout.Cell c : layout.cells()) {
			double x = 100 + 1000 * c.column;
			double foot = 100 + PITCH * c.row;
			out.add(new LeadRegion(c.lead == null ? Lead.I : c.lead, c.inverted, c.row, c.column, c.rhythm, 0, 5, new Box(x,
				foot - 90, c.rhythm ? 2000 : 1000, 180), foot + dc[c.row], null, 1));
		}
		return out;
	}

	/** A label read beside a region: 4 mm below the row's zero line (its pulse's foot), 3 px from the segment's start. */
	static LabelReader.Reading label(String text, LeadRegion r) {
		double foot = 100 + PITCH * r.row;
		Box candidate = new Box(r.box.x + 3, foot + 4 * MM, 8 * text.length(), 22);
		return new LabelReader.Reading(text, text, 0.9, 0.2, 0.8, candidate, null, candidate);
	}

	static List<List<LabelReader.Reading>> readings(List<LeadRegion> regions, String[] printed) {
		List<List<LabelReader.Reading>> out = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			List<LabelReader.Reading> one = new ArrayList<>();
			if (printed[i] != null) one.add(label(printed[i], regions.get(i)));
			out.add(one);
		}
		return out;
	}

	/**
	 * A 6x2 page in an order no known printer uses, rows (I, aVR), (V1, V4), (II, aVL), (V2, V5),
	 * (III, aVF), (V3, V6) (ecg-image-kit's rows with the two groups swapped): only the limb leads' names
	 * read, they contradict every known order, so the page is named as printed, and the limb leads read
	 * down the columns in their standard order name the chest leads' rows by the same order. (On
	 * ecg-image-kit's own 6x2 page, read alike, three limb names agree with the Cabrera order by chance;
	 * before, the template stood and the signals made it Cabrera: 3 of 13 right.)
	 */
	@Test
	void labelsInAPrintersOwnOrderOverruleATemplateTheyContradict() {
		PageLayout layout = PageLayout.parse("6x2+1");
		List<LeadRegion> regions = regions(layout, new double[7]);
		String[] printed = new String[regions.size()];
		String[][] rows = { { "I", "aVR" }, null, { "II", "aVL" }, null, { "III", "aVF" }, null };
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (r.rhythm) printed[i] = "I";
			else if (rows[r.row] != null) printed[i] = rows[r.row][r.column];
		}
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings(regions, printed), false, MM, MM);
		assertEquals("labels", named.source, named.notes.toString());
		// the limb leads read run down the columns in the standard order: so do the chest leads
		assertEquals("rows:I,aVR;V1,V4;II,aVL;V2,V5;III,aVF;V3,V6;I", named.layout.spec(), named.notes.toString());
		for (LeadRegion r : named.regions) {
			if (!r.rhythm && rows[r.row] != null) assertEquals(rows[r.row][r.column], r.label());
		}
		assertEquals(6, named.deductions.size());
		for (NameDeduction.Deduction d : named.deductions) assertEquals("order of the labels read", d.rule);
	}

	/**
	 * 6x2/muse-sinus as a reader that sees more reads it (V4 beside the limb leads but aVL not, so the
	 * unread segments are of both groups), on a page in an order no known printer uses (ecg-image-kit's
	 * rows with the two groups swapped: (I, aVR), (V1, V4), ...). Down the columns V1, V2 and V3 must
	 * come before V4, which fixes them; aVL, V5 and V6 share the places between aVR and aVF, and the rows
	 * read (I beside aVR, V4 beside the first chest lead, III beside aVF) hold one group each, so the
	 * segment beside II is aVL. Before, the order rule named none of the six.
	 */
	@Test
	void readNamesOfBothGroupsNameWhatTheirOrderFixes() {
		PageLayout layout = PageLayout.parse("6x2+1");
		List<LeadRegion> regions = regions(layout, new double[7]);
		String[] printed = new String[regions.size()];
		String[][] rows = { { "I", "aVR" }, { null, "V4" }, { "II", null }, null, { "III", "aVF" }, null };
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (r.rhythm) printed[i] = "I";
			else if (rows[r.row] != null) printed[i] = rows[r.row][r.column];
		}
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings(regions, printed), false, MM, MM);
		assertEquals("rows:I,aVR;V1,V4;II,aVL;V2,V5;III,aVF;V3,V6;I", named.layout.spec(), named.notes.toString());
		assertEquals(6, named.deductions.size(), named.deductions.toString());
		for (NameDeduction.Deduction d : named.deductions) assertEquals("order of the labels read", d.rule);
	}

	/**
	 * 12x1/muse-af: ecg-image-kit prints its 12x1 rows, whatever the record, as V4, V1, aVR, I, V5, V2,
	 * aVL, II, V6, V3, aVF, III (its README). Six names read (aVR, V5, V2, aVL, V3, aVF), each also seen
	 * from the row below, as names sit between closely spaced rows: the neighbour's aVR seen from row 4
	 * is where the standard order has aVR. The names agree with that printer's order and contradict the
	 * standard and Cabrera ones, so it names all twelve rows. Before, the page was named as printed
	 * (six rows) or, with fewer names read, by the standard template (0 of 13 right). Its 6x2 rows
	 * (V1, V4), (I, aVR), ... are named alike from the limb leads' names alone.
	 */
	@Test
	void labelsInAPrintersKnownOrderNameEverySegment() {
		PageLayout layout = PageLayout.parse("12x1+1");
		List<LeadRegion> regions = regions(layout, new double[13]);
		String[] read = new String[13];
		read[2] = "aVR";
		read[4] = "V5";
		read[5] = "V2";
		read[6] = "aVL";
		read[9] = "V3";
		read[10] = "aVF";
		List<List<LabelReader.Reading>> readings = readings(regions, read);
		for (int i = 0; i + 1 < 12; i++) if (read[i] != null) readings.get(i + 1).add(label(read[i], regions.get(i)));
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings, false, MM, MM);
		assertEquals("labels", named.source, named.notes.toString());
		assertEquals("rows:V4;V1;aVR;I;V5;V2;aVL;II;V6;V3;aVF;III;II", named.layout.spec(), named.notes.toString());
		assertEquals(13, named.regions.size());
		assertTrue(named.regions.get(12).rhythm);

		PageLayout twoColumns = PageLayout.parse("6x2+1");
		List<LeadRegion> cells = regions(twoColumns, new double[7]);
		String[] printed = new String[cells.size()];
		String[][] rows = { null, { "I", "aVR" }, null, { "II", "aVL" }, null, { "III", "aVF" } };
		for (int i = 0; i < cells.size(); i++) {
			LeadRegion r = cells.get(i);
			if (!r.rhythm && rows[r.row] != null) printed[i] = rows[r.row][r.column];
		}
		named = LeadNaming.name(twoColumns, cells, readings(cells, printed), false, MM, MM);
		assertEquals("rows:V1,V4;I,aVR;V2,V5;II,aVL;V3,V6;III,aVF;II", named.layout.spec(), named.notes.toString());
		assertTrue(named.deductions.isEmpty(), named.deductions.toString());
		// chest names where the standard and Cabrera orders agree contradict only the printer's own order:
		// they do not fix either of the two
		assertFalse(LeadNaming.agreedAgainstTheOther(2, 0, List.of(new int[] { 2, 0 }, new int[] { 2, 0 }, new int[] { 0,
			2 })));
		assertTrue(LeadNaming.agreedAgainstTheOther(2, 0, List.of(new int[] { 0, 2 }, new int[] { 0, 2 }, new int[] { 2,
			0 })));
	}

	/** A label refused between II and III, printed on a page where III was read, names II. */
	@Test
	void aLabelNarrowedDownToLeadsOthersNameIsTheOneLeft() {
		PageLayout layout = PageLayout.parse("12x1");
		List<LeadRegion> regions = regions(layout, new double[12]);
		// ecg-image-kit's 12x1 order upside down, an order no known printer uses: no reading order of the page's own
		String[] printed = { "III", "aVF", "V3", "V6", null, "aVL", "V2", "V5", null, "aVR", "V1", "V4" };
		List<List<LabelReader.Reading>> readings = readings(regions, printed);
		LabelReader.Reading read = label("II", regions.get(4));
		readings.get(4).add(new LabelReader.Reading(null, "II", 0.92, 0.01, 0.9, read.box, "close to III", read.candidate,
			false, List.of("III")));
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings, false, MM, MM);
		assertEquals("rows:III;aVF;V3;V6;II;aVL;V2;V5;I;aVR;V1;V4", named.layout.spec(), named.notes.toString());
		assertEquals(2, named.deductions.size(), named.deductions.toString());
		assertEquals("II", named.deductions.get(0).lead);
		assertEquals(List.of("II", "III"), named.deductions.get(0).labelAllows);
		assertEquals("label and unused leads", named.deductions.get(0).rule);
		assertEquals("the one lead left", named.deductions.get(1).rule);
	}

	/**
	 * 12x1/muse-af as a reader that drops its one misreading reads it: aVR on row 3 and aVF on row 11
	 * (ecg-image-kit's rows V4, V1, aVR, I, V5, V2, aVL, II, V6, V3, aVF, III). The standard order puts
	 * III and V5 there, the Cabrera order -aVR and V5: the labels contradict every known order, so
	 * they name their rows and the rest is left to the signals. Before, one agreement with Cabrera
	 * (its -aVR) against one contradiction kept the standard template: 0 of 13 right.
	 */
	@Test
	void twoLabelsThatContradictEveryKnownOrderNameThePage() {
		PageLayout layout = PageLayout.parse("12x1+1");
		List<LeadRegion> regions = regions(layout, new double[13]);
		String[] read = new String[13];
		read[2] = "aVR";
		read[10] = "aVF";
		read[12] = "I";
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings(regions, read), false, MM, MM);
		assertEquals("labels", named.source, named.notes.toString());
		assertEquals("rows:?;?;aVR;?;?;?;?;?;?;?;aVF;?;I", named.layout.spec(), named.notes.toString());
		assertTrue(LeadNaming.contradictsEvery(List.of(new int[] { 0, 2, 0 }, new int[] { 1, 1, 0 })));
		// one label alone, or labels of which one agrees with an order as it prints it, leave the template
		assertFalse(LeadNaming.contradictsEvery(List.of(new int[] { 0, 1, 0 }, new int[] { 0, 1, 0 })));
		assertFalse(LeadNaming.contradictsEvery(List.of(new int[] { 1, 1, 1 }, new int[] { 0, 2, 0 })));
		read[10] = null;
		named = LeadNaming.name(layout, regions, readings(regions, read), false, MM, MM);
		assertEquals("template", named.source, named.notes.toString());
		// the real pages eik_ecg00038 and 00039 (3x4+1): V4 read where the standard order has it, and a
		// misreading (I where it has aVL); the template stands
		PageLayout block = PageLayout.parse("3x4+1");
		List<LeadRegion> cells = regions(block, new double[4]);
		String[] misread = new String[cells.size()];
		for (int i = 0; i < cells.size(); i++) {
			LeadRegion r = cells.get(i);
			if (!r.rhythm && r.row == 0 && r.column == 3) misread[i] = "V4";
			if (!r.rhythm && r.row == 1 && r.column == 1) misread[i] = "I";
		}
		named = LeadNaming.name(block, cells, readings(cells, misread), false, MM, MM);
		assertEquals("3x4+1", named.layout.spec(), named.notes.toString());
	}

	/**
	 * A Cabrera 12x1 page (aVL, I, -aVR, II, aVF, III, V1-V6) of which only aVL and I were read: both
	 * agree with the Cabrera order and contradict the standard one (I, II there), so the labels fix the
	 * Cabrera order. Before, three agreeing labels were needed and the standard template named it.
	 */
	@Test
	void twoLabelsThatAgreeWithOneKnownOrderAndContradictTheOtherFixIt() {
		PageLayout layout = PageLayout.parse("12x1");
		List<LeadRegion> regions = regions(layout, new double[12]);
		String[] read = new String[12];
		read[0] = "aVL";
		read[1] = "I";
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings(regions, read), false, MM, MM);
		assertEquals("labels", named.source, named.notes.toString());
		assertTrue(named.layout.isCabrera(), named.layout.spec());
		assertEquals("-aVR", named.regions.get(2).label());
		// chest labels, which both orders share, fix nothing
		read = new String[12];
		read[6] = "V1";
		read[7] = "V2";
		named = LeadNaming.name(PageLayout.parse("12x1/cabrera"), regions, readings(regions, read), false, MM, MM);
		assertEquals("template", named.source, named.notes.toString());
		assertFalse(LeadNaming.agreedAgainstTheOther(2, 0, List.of(new int[] { 2, 0 })));
	}

	/** Two misreadings among many agreeing labels do not overrule the order; one never does. */
	@Test
	void aFewContradictionsAmongManyAgreementsKeepTheTemplate() {
		assertFalse(LeadNaming.contradicted(0, 1));
		assertFalse(LeadNaming.contradicted(6, 2));
		assertTrue(LeadNaming.contradicted(3, 3));
		assertTrue(LeadNaming.contradicted(4, 2));
		PageLayout layout = PageLayout.parse("6x2");
		List<LeadRegion> regions = regions(layout, new double[6]);
		String[] printed = new String[regions.size()];
		for (int i = 0; i < regions.size(); i++) printed[i] = regions.get(i).label();
		printed[0] = "II";
		printed[1] = "V3";
		LeadNaming.Result named = LeadNaming.name(layout, regions, readings(regions, printed), false, MM, MM);
		assertEquals("6x2", named.layout.spec(), named.notes.toString());
		assertEquals("labels", named.source);
	}

	/**
	 * 12x1 rows whose traces run up to 1.6 cm from their pulses' feet (a record with a DC offset, as
	 * muse-af and HR06009): measured from the traces, the names do not sit at one place and the strip's
	 * is taken for no label; measured from the feet (the row's zero line, which the printer placed the
	 * name against) every name is in place and the strip is named I, not the template's II; the names
	 * read follow ecg-image-kit's own 12x1 order, which names the three rows not read.
	 */
	@Test
	void namesArePlacedAgainstTheRowsZeroLineNotTheTrace() {
		PageLayout layout = PageLayout.parse("12x1+1");
		double[] dc = { 0, -8, 2, -4, 5, 0, -3, 1, 6, -7, 0, 3, -14 };
		List<LeadRegion> regions = regions(layout, dc);
		String[] eik = { "V4", "V1", "aVR", null, "V5", "V2", "aVL", "II", null, "V3", null, "III", "I" };
		List<List<LabelReader.Reading>> readings = readings(regions, eik);
		List<TraceRow> rows = new ArrayList<>();
		for (int r = 0; r < 13; r++) {
			double foot = 100 + PITCH * r;
			TraceRow row = new TraceRow(foot + dc[r], 200, 100, 2100, "ink");
			row.top = (int) (foot - PITCH / 2);
			row.bottom = (int) (foot + PITCH / 2);
			row.pulse = new CalibrationPulse(r, new Box(60, foot - 10 * MM, 5 * MM, 10 * MM), foot, 10 * MM, 5 * MM, MM, MM);
			rows.add(row);
		}
		LeadNaming.Result byTrace = LeadNaming.name(layout, regions, readings, false, MM, MM);
		LeadRegion strip = byTrace.regions.get(byTrace.regions.size() - 1);
		assertEquals("II", strip.label(), "measured from the trace, the strip's label is out of place");
		LeadNaming.Result byFoot = LeadNaming.name(layout, regions, readings, LabelLines.of(regions, rows), false, MM,
			MM);
		assertEquals("rows:V4;V1;aVR;I;V5;V2;aVL;II;V6;V3;aVF;III;I", byFoot.layout.spec(), byFoot.notes.toString());
	}

	/**
	 * A row has one zero line: its later columns' names are placed against its pulse's foot too, not
	 * where their own trace runs (on ecg-image-kit's 6x2/JS20006 the V4 and V5 read in the right
	 * column sat 1.5 and 1.9 mm from the place measured from their traces).
	 */
	@Test
	void laterColumnsUseTheRowsZeroLine() {
		PageLayout layout = PageLayout.parse("6x2");
		double[] dc = { 12, -10, 0, 0, 0, 0 };
		List<LeadRegion> regions = regions(layout, dc);
		List<TraceRow> rows = new ArrayList<>();
		for (int r = 0; r < 6; r++) {
			double foot = 100 + PITCH * r;
			TraceRow row = new TraceRow(foot + dc[r], 200, 100, 2100, "ink");
			row.top = (int) (foot - PITCH / 2);
			row.bottom = (int) (foot + PITCH / 2);
			if (r != 5) row.pulse = new CalibrationPulse(r, new Box(60, foot - 10 * MM, 5 * MM, 10 * MM), foot, 10 * MM, 5
				* MM, MM, MM);
			rows.add(row);
		}
		double[] lines = LabelLines.of(regions, rows);
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			assertEquals(r.row == 5 ? r.baselineY : 100 + PITCH * r.row, lines[i], 1e-9, "row " + r.row + " column " + r
				.column);
		}
	}

	/** A pulse found for two rows (the neighbour's, nearer the other's trace) is not a row's zero line. */
	@Test
	void aPulseNearerAnotherRowsTraceIsNotTheRowsOwn() {
		TraceRow upper = new TraceRow(1325, 200, 100, 2100, "ink");
		upper.top = 1257;
		upper.bottom = 1430;
		TraceRow lower = new TraceRow(1418, 200, 100, 2100, "ink");
		lower.top = 1371;
		lower.bottom = 1469;
		CalibrationPulse shared = new CalibrationPulse(10, new Box(78, 1340, 42, 78), 1417, 77, 40, MM, MM);
		upper.pulse = shared;
		lower.pulse = shared;
		List<TraceRow> rows = List.of(upper, lower);
		assertFalse(LabelLines.ownPulse(upper, rows));
		assertTrue(LabelLines.ownPulse(lower, rows));
	}
}
