package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.layout.NameDeduction;

/**
 * Names a rhythm strip whose printed label leaves a few names ({@link NameDeduction#SHORTLIST}: a
 * bare I with the strip's own QRS beside it reads I or II) by its signal, among only those names.
 *
 * <p>An electrocardiograph records the strip at the same time as the short rows, so wherever the
 * strip and the row of its own lead share time they draw the same signal (every row of a 12x1 or
 * 6x2 page of ecg-image-kit shows the same 10 s; on a standard 3x4+1 page the strip's first 2.5 s
 * are the first column's). Correlating the strip with each candidate's row over their shared time
 * tells them apart even when the traces are poor, as long as one candidate matches clearly better
 * than the next: leads of a similar axis (I and II, II and III) look alike, so the margin between
 * the candidates decides, not how well the best one matches alone.</p>
 */
public final class StripShortlist {

	/** The best candidate must match the strip this much better than the next one. */
	static final double MARGIN = 0.15;
	/** A strip that matches no candidate at least this well is not like any of them (a trace lost). */
	static final double MIN_MATCH = 0.3;
	/** The rule of a strip named this way ({@link NameDeduction.Deduction#rule}). */
	public static final String RULE = "strip's signal among its label's shortlist";

	private StripShortlist() {}

	/** The decision and its evidence: each candidate's correlation with the strip. */
	public static final class Choice {
		public final int row;
		public final int column;
		public final List<Lead> candidates;
		/** Per candidate, the strip's correlation with that lead's row over their shared time; NaN: none shared. */
		public final double[] correlations;
		/** The candidate chosen, or null when none matches clearly better than the others. */
		public final Lead chosen;
		public final String why;

		Choice(int row, int column, List<Lead> candidates, double[] correlations, Lead chosen, String why) {
			this.row = row;
			this.column = column;
			this.candidates = List.copyOf(candidates);
			this.correlations = correlations.clone();
			this.chosen = chosen;
			this.why = why;
		}

		/** The correlation per candidate's name, for the JSON. */
		public Map<String, Double> matches() {
			Map<String, Double> m = new LinkedHashMap<>();
			for (int k = 0; k < candidates.size(); k++) m.put(candidates.get(k).label(), correlations[k]);
			return m;
		}

		/** The naming evidence: a name given by this rule, or the shortlist still open with what was measured. */
		public NameDeduction.Deduction toDeduction() {
			return new NameDeduction.Deduction(row, column, chosen == null ? null : chosen.label(), NameDeduction.labels(
				candidates), chosen == null ? NameDeduction.SHORTLIST : RULE, why, matches());
		}
	}

	/**
	 * @param strip the strip's signal on the page's time axis ({@link SignalBuilder#segment})
	 * @param rows per candidate the signal of the short segment named that lead (null: none printed)
	 */
	public static Choice choose(int row, int column, List<Lead> candidates, double[] strip, List<double[]> rows) {
		double[] r = new double[candidates.size()];
		int best = -1;
		int second = -1;
		for (int k = 0; k < r.length; k++) {
			r[k] = rows.get(k) == null ? Double.NaN : LeadIdentification.correlation(strip, rows.get(k));
			if (Double.isNaN(r[k])) continue;
			if (best < 0 || r[k] > r[best]) {
				second = best;
				best = k;
			}
			else if (second < 0 || r[k] > r[second]) second = k;
		}
		List<String> each = new ArrayList<>();
		for (int k = 0; k < r.length; k++) {
			each.add(String.format(Locale.ROOT, "%s %s", candidates.get(k).label(), Double.isNaN(r[k]) ? "no shared time"
				: String.format(Locale.ROOT, "r = %.2f", r[k])));
		}
		String measured = "the strip against each row its label may name: " + String.join(", ", each);
		// every candidate must be measured: one without a row could be the strip's lead
		boolean allMeasured = best >= 0 && second >= 0 && countMeasured(r) == r.length;
		if (!allMeasured) return new Choice(row, column, candidates, r, null, measured + "; not every candidate measured");
		if (r[best] < MIN_MATCH) return new Choice(row, column, candidates, r, null, measured + "; none alike");
		if (r[best] - r[second] < MARGIN) {
			return new Choice(row, column, candidates, r, null, measured + "; none clearly closest");
		}
		return new Choice(row, column, candidates, r, candidates.get(best), measured + "; " + candidates.get(best)
			.label() + " clearly closest");
	}

	private static int countMeasured(double[] r) {
		int n = 0;
		for (double v : r) if (!Double.isNaN(v)) n++;
		return n;
	}
}
