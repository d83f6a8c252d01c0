package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

/** Unread labels named from what the labels read leave: shortlists and the order of the page. */
class NameDeductionTest {

	private static List<Lead> leads(Lead... l) {
		return new ArrayList<>(List.of(l));
	}

	/** 12x1/JS20005: II's label reads II or III, III was read: it is II. */
	@Test
	void aShortlistNamesTheOneLeadNoOtherLabelNames() {
		List<Lead> missing = leads(Lead.I, Lead.II);
		Lead[] out = NameDeduction.deduce(List.of(List.of(), List.of(Lead.II, Lead.III)), missing);
		assertArrayEquals(new Lead[] { null, Lead.II }, out);
		assertEquals(List.of(Lead.I), missing);
	}

	/** 12x1/E07506: two labels read II or III take both, so the one that reads V3 or II is V3. */
	@Test
	void labelsThatShareAShortlistTakeItsLeadsFromTheOthers() {
		List<Lead> missing = leads(Lead.I, Lead.II, Lead.III, Lead.AVR, Lead.V3);
		Lead[] out = NameDeduction.deduce(List.of(List.of(Lead.II, Lead.III), List.of(Lead.V3, Lead.II), List.of(Lead.II,
			Lead.III), List.of()), missing);
		assertArrayEquals(new Lead[] { null, Lead.V3, null, null }, out);
		assertEquals(leads(Lead.I, Lead.II, Lead.III, Lead.AVR), missing);
	}

	@Test
	void shortlistsThatLeaveAChoiceNameNothing() {
		Lead[] out = NameDeduction.deduce(List.of(List.of(Lead.II, Lead.III), List.of(Lead.V3, Lead.V1)), leads(Lead.II,
			Lead.III, Lead.V1, Lead.V3));
		assertArrayEquals(new Lead[2], out);
		// a shortlist whose leads are all named elsewhere names nothing either (the reader was wrong)
		assertArrayEquals(new Lead[1], NameDeduction.deduce(List.of(List.of(Lead.V4)), leads(Lead.V2)));
	}

	/** The cells of a 6x2 page (rows of two), in row-major order. */
	private static int[][] grid(int rows, int columns) {
		int n = rows * columns;
		int[] r = new int[n];
		int[] c = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i / columns;
			c[i] = i % columns;
		}
		return new int[][] { r, c };
	}

	private static Lead[] parse(String... names) {
		Lead[] out = new Lead[names.length];
		for (int i = 0; i < names.length; i++) out[i] = names[i] == null ? null : Lead.parse(names[i]);
		return out;
	}

	private static List<List<Lead>> none(int n) {
		List<List<Lead>> out = new ArrayList<>();
		for (int i = 0; i < n; i++) out.add(List.of());
		return out;
	}

	/**
	 * 6x2/muse-sinus: the limb leads read follow the standard order down the columns (I, II, III;
	 * aVR, aVL, aVF), every chest label unread: V1-V3 down the first column, V4-V6 down the second.
	 */
	@Test
	void unreadSegmentsTakeTheMissingLeadsInTheOrderTheLabelsShow() {
		int[][] g = grid(6, 2);
		Lead[] names = parse(null, null, "I", "aVR", null, null, "II", "aVL", null, null, "III", "aVF");
		List<Lead> missing = leads(Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6);
		NameDeduction.InOrder found = NameDeduction.inOrder(g[0], g[1], names, none(12), missing);
		assertNotNull(found);
		assertArrayEquals(parse("V1", "V4", null, null, "V2", "V5", null, null, "V3", "V6", null, null), found.leads);
		assertEquals("down the columns", found.order);
		// 6x2/JS20006: II and III unread between the chest leads
		names = parse("V1", "V4", "I", "aVR", "V2", "V5", null, "aVL", "V3", "V6", null, "aVF");
		found = NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.II, Lead.III));
		assertNotNull(found);
		assertEquals(Lead.II, found.leads[6]);
		assertEquals(Lead.III, found.leads[10]);
	}

	/** A printer's own order (ecg-image-kit's 12x1 rows V4, V1, aVR, I, ...) shows neither reading order. */
	@Test
	void labelsOutOfTheStandardOrderNameNothing() {
		int[][] g = grid(12, 1);
		Lead[] names = parse("V4", "V1", "aVR", null, "V5", "V2", "aVL", "II", "V6", "V3", "aVF", "III");
		assertNull(NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.I)));
		// the Cabrera order (aVL, I, -aVR, II, aVF, III) neither
		g = grid(6, 2);
		names = parse("aVL", "V1", "I", "V2", null, "V3", "II", "V4", "aVF", "V5", "III", null);
		assertNull(NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.AVR, Lead.V6)));
	}

	/**
	 * 6x2/muse-sinus with V1, V4 and V2 read beside the limb leads: the unread segments are of both
	 * groups (V3, V5, V6, aVL). Down the columns V3 has one place left (after V2, before V4); V5, V6
	 * and aVL share the three places between aVR and aVF: the rows read hold one group each (V1, V4;
	 * I, aVR; III, aVF), so the segment beside II is aVL and those beside V2 and V3 are V5 and V6.
	 * Before, two groups missing named nothing.
	 */
	@Test
	void eachGroupTakesItsMissingLeadsInItsOwnOrder() {
		int[][] g = grid(6, 2);
		Lead[] names = parse("V1", "V4", "I", "aVR", "V2", null, "II", null, null, null, "III", "aVF");
		List<Lead> missing = leads(Lead.AVL, Lead.V3, Lead.V5, Lead.V6);
		NameDeduction.InOrder found = NameDeduction.inOrder(g[0], g[1], names, none(12), missing);
		assertNotNull(found);
		assertArrayEquals(parse(null, null, null, null, null, "V5", null, "aVL", "V3", "V6", null, null), found.leads);
		assertEquals("down the columns", found.order);
		// a shortlist that leaves aVL one place: the rest follows
		List<List<Lead>> allowed = none(12);
		allowed.set(7, List.of(Lead.AVL, Lead.AVF));
		found = NameDeduction.inOrder(g[0], g[1], names, allowed, missing);
		assertArrayEquals(parse(null, null, null, null, null, "V5", null, "aVL", "V3", "V6", null, null), found.leads);
		// limb and chest leads missing at the two ends of the first column: V1 before V2, III after II
		names = parse(null, "V4", "I", "aVR", "V2", "V5", "II", "aVL", "V3", "V6", null, "aVF");
		found = NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.III, Lead.V1));
		assertNotNull(found);
		assertEquals(Lead.V1, found.leads[0]);
		assertEquals(Lead.III, found.leads[10]);
	}

	/**
	 * Printers keep each group in a block: every column one group, or every row. Before, ecg-image-kit's
	 * 6x2 page with aVL and V6 unread (beside II and V3) was left unnamed, either lead fitting both
	 * places in order; its rows read hold one group each, so the one beside II is aVL. A page whose
	 * columns hold one group each (6x2 standard: limb leads left) is named as before.
	 */
	@Test
	void theGroupsKeepToTheirBlocks() {
		int[][] g = grid(6, 2);
		Lead[] names = parse("V1", "V4", "I", "aVR", "V2", "V5", "II", null, "V3", null, "III", "aVF");
		NameDeduction.InOrder found = NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.AVL, Lead.V6));
		assertNotNull(found);
		assertEquals(Lead.AVL, found.leads[7]);
		assertEquals(Lead.V6, found.leads[9]);
		// 6x2 standard (I, V1; II, V2; ...), whose columns hold one group each, with aVL and V6 unread
		names = parse("I", "V1", "II", "V2", "III", "V3", "aVR", "V4", null, "V5", "aVF", null);
		found = NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.AVL, Lead.V6));
		assertNotNull(found);
		assertEquals(Lead.AVL, found.leads[8]);
		assertEquals(Lead.V6, found.leads[11]);
	}

	@Test
	void theOrderNamesNothingWhereItIsUnsure() {
		// one column: limb and chest leads missing in places either could take, which is which is not known
		int[][] one = grid(12, 1);
		Lead[] names = parse("I", "II", "III", "aVR", null, null, null, "V2", "V3", "V4", "V5", "V6");
		assertNull(NameDeduction.inOrder(one[0], one[1], names, none(12), leads(Lead.AVL, Lead.AVF, Lead.V1)));
		int[][] g = grid(6, 2);
		// a shortlist that the order contradicts: one of the two is wrong, so neither names
		names = parse("V1", "V4", "I", "aVR", "V2", "V5", null, "aVL", "V3", "V6", null, "aVF");
		List<List<Lead>> allowed = none(12);
		allowed.set(6, List.of(Lead.III, Lead.AVL));
		assertNull(NameDeduction.inOrder(g[0], g[1], names, allowed, leads(Lead.II, Lead.III)));
		// too few labels read to show an order
		names = parse("V1", null, "I", null, null, null, null, null, null, null, null, null);
		assertNull(NameDeduction.inOrder(g[0], g[1], names, none(12), leads(Lead.II, Lead.III, Lead.AVR, Lead.AVL,
			Lead.AVF, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6)));
	}
}
