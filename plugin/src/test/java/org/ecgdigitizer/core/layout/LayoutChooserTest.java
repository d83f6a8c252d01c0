package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The arrangement a page's rows show by themselves, from the boundaries seen along them. */
class LayoutChooserTest {

	/** A row of boundary evidence: strength at each of {@link LayoutChooser#FRACTIONS}' places given as (fraction, strength) pairs. */
	private static double[] row(double... pairs) {
		double[] seen = new double[LayoutChooser.FRACTIONS.length];
		for (int i = 0; i < pairs.length; i += 2) {
			for (int f = 0; f < seen.length; f++) if (LayoutChooser.FRACTIONS[f] == pairs[i]) seen[f] = pairs[i + 1];
		}
		return seen;
	}

	/**
	 * eik_ecg00020, a 15-lead page in 3x5: the names read at its fifths are spread over its rows (a
	 * place read on one row only counts half), no row shows all four, and its last row shows
	 * nothing. Printers cut the rows of a block alike: three rows of five.
	 */
	@Test
	void fifthsSeenOnDifferentRowsCutEveryRowOfTheBlock() {
		double[][] seen = { row(0.2, 1, 0.6, 0.5, 0.5, 0.4), row(0.2, 1, 0.4, 0.5, 0.8, 0.5, 0.25, 0.2, 0.75, 0.2),
			row() };
		assertEquals(1, LayoutChooser.rowCut(seen[0]));
		assertEquals(1, LayoutChooser.rowCut(seen[1]));
		assertEquals(5, LayoutChooser.pageCut(seen));
		assertEquals("rows:?,?,?,?,?;?,?,?,?,?;?,?,?,?,?", LayoutChooser.asShown(seen, new double[] { 1, 0, 0 }).spec());
	}

	/** A row whose start is named and that shows no boundary is a rhythm strip under the block. */
	@Test
	void aRowNamedAtItsStartAloneStaysWhole() {
		double[] quarters = row(0.25, 1, 0.5, 1, 0.75, 1);
		double[][] seen = { quarters, quarters, quarters, row() };
		assertEquals("rows:?,?,?,?;?,?,?,?;?,?,?,?;?", LayoutChooser.asShown(seen, new double[] { 1, 1, 1, 1 }).spec());
		// unmarked, it is read like the rows above it
		assertEquals("rows:?,?,?,?;?,?,?,?;?,?,?,?;?,?,?,?", LayoutChooser.asShown(seen, new double[] { 1, 1, 1, 0 })
			.spec());
	}

	/** A place seen on one row only (a QRS complex read as a tick) cuts no page, nor does a cut with a place never seen. */
	@Test
	void aLoneMarkOrAnIncompleteCutCutsNothing() {
		assertEquals(1, LayoutChooser.pageCut(new double[][] { row(0.5, 0.5), row(), row() }));
		assertEquals(2, LayoutChooser.pageCut(new double[][] { row(0.5, 1), row(0.5, 1), row() }));
		// fifths: 0.6 and 0.8 never seen
		assertEquals(1, LayoutChooser.pageCut(new double[][] { row(0.2, 1, 0.4, 1), row(0.2, 1, 0.4, 1), row() }));
		// the six limb-lead rows of eik_ecg00005 with a stray tick: whole rows
		double[][] limb = { row(0.4, 0.15), row(), row(), row(), row(), row(0.8, 0.5) };
		assertEquals("rows:?;?;?;?;?;?", LayoutChooser.asShown(limb, new double[] { 1, 1, 1, 1, 1, 1 }).spec());
	}
}
