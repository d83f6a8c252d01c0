package org.ecgdigitizer.core.layout;

import java.util.List;

import org.ecgdigitizer.core.EcgException;

/** Chooses the page layout that the rows of traces and their boundaries show. */
final class LayoutChooser {

	private LayoutChooser() {}

	/**
	 * Picks the layout from the number of rows; six rows are either 3x4 with three rhythm strips
	 * or 6x2, told apart by where the rows show segment boundaries.
	 */
	static PageLayout choose(List<TraceRow> rows, PageInk ink, List<CalibrationPulse> pulses, double x0, double rowPx,
		List<String> warnings)
	{
		int n = rows.size();
		switch (n) {
			case 3: return PageLayout.of(PageLayout.Kind.L3X4, false);
			case 4: return PageLayout.of(PageLayout.Kind.L3X4_1, false);
			case 5: return PageLayout.of(PageLayout.Kind.L3X4_2, false);
			case 6: {
				double quarters = 0;
				double quartersBottom = 0;
				double halves = 0;
				for (int i = 0; i < 6; i++) {
					TraceRow r = rows.get(i);
					double q = (SeparatorFinder.boundaryEvidence(r, ink, pulses, x0 + rowPx / 4) + SeparatorFinder
						.boundaryEvidence(r, ink, pulses, x0 + 3 * rowPx / 4)) / 2;
					double half = SeparatorFinder.boundaryEvidence(r, ink, pulses, x0 + rowPx / 2);
					if (i < 3) quarters += q / 3;
					else quartersBottom += q / 3;
					halves += half / 6;
				}
				// 3x4+3: top rows break at the quarters, bottom rows do not; 6x2: every row breaks at the half
				double score3x4 = quarters - quartersBottom;
				double score6x2 = halves - (quarters + quartersBottom) / 2;
				return score6x2 > score3x4 ? PageLayout.of(PageLayout.Kind.L6X2, false) : PageLayout.of(
					PageLayout.Kind.L3X4_3, false);
			}
			case 12: return PageLayout.of(PageLayout.Kind.L12X1, false);
			default:
				if (n > 12) {
					warnings.add(n + " rows of traces found; kept the 12 strongest for a 12x1 layout");
					return PageLayout.of(PageLayout.Kind.L12X1, false);
				}
				if (n > 6) {
					warnings.add(n + " rows of traces found; kept the 6 strongest");
					return PageLayout.of(PageLayout.Kind.L3X4_3, false);
				}
				throw new EcgException("found " + n + " rows of traces, which matches no supported layout (3x4, 3x4+1, " +
					"3x4+2, 3x4+3, 6x2, 12x1); choose the layout explicitly");
		}
	}
}
