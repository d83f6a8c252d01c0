package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Chooses how the rows of a page are cut into segments. The templates printers use (3x4, 6x2,
 * 12x1, each with up to three rhythm strips) and the arrangement the page itself shows are
 * hypotheses, scored against the evidence along the rows: where a row shows a lead change
 * (a separator tick, a printed name, a break in the trace) a hypothesis that puts a boundary
 * there gains, one that does not loses. The lead names come afterwards, from the labels
 * ({@link LeadNaming}).
 */
final class LayoutChooser {

	/** Places along a row where printers start segments: quarters (3x4), the half (6x2), fifths (15 leads). */
	static final double[] FRACTIONS = { 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8 };
	/**
	 * Boundaries a hypothesis expects but the rows do not show cost up to this much, in proportion
	 * (many printers mark nothing where a lead changes).
	 */
	static final double UNSEEN = 1;
	/**
	 * A row a hypothesis has no place for (it keeps the strongest) costs this much: a row of trace
	 * was seen, so a layout without it needs the evidence of several rows; more when it starts with
	 * a calibration pulse, which only rows of traces do.
	 */
	static final double DROPPED_ROW = 3;
	static final double DROPPED_PULSED_ROW = 5;
	/** How much more an unseen boundary costs on a page whose rows all start with a printed name. */
	static final double MARKED_PAGE = 4;
	/** What a boundary seen on one row only is worth. */
	static final double ALONE = 0.5;
	/**
	 * How common each arrangement is: 3x4 (with or without strips) is what most printers print;
	 * 6x2 and 12x1 are next; an arrangement of the page's own must show itself.
	 */
	static final double PRIOR_3X4 = 1;
	static final double PRIOR_OTHER_TEMPLATE = 0.5;
	static final double PRIOR_FREE = -3;

	private LayoutChooser() {}

	/** The layouts considered, best first, with the evidence. */
	static final class Choice {
		/** Best first. */
		final List<PageLayout> ranked;
		final List<LayoutEvidence.Hypothesis> hypotheses;
		final List<LayoutEvidence.Boundary> boundaries;
		final boolean byUser;

		Choice(List<PageLayout> ranked, List<LayoutEvidence.Hypothesis> hypotheses, List<LayoutEvidence.Boundary> boundaries,
			boolean byUser)
		{
			this.ranked = ranked;
			this.hypotheses = hypotheses;
			this.boundaries = boundaries;
			this.byUser = byUser;
		}

		/** The page's rows a layout uses: all of them, or the strongest when it has fewer. */
		static List<TraceRow> rowsFor(PageLayout layout, List<TraceRow> rows, List<String> warnings) {
			int n = rows.size();
			if (layout.rowCount() == n) return rows;
			if (layout.rowCount() > n) {
				throw new EcgException(String.format(Locale.ROOT, "layout %s has %d rows but only %d rows of traces were " +
					"found; check the layout, or that the image is not cropped", layout.spec(), layout.rowCount(), n));
			}
			warnings.add(String.format(Locale.ROOT, "%d rows of traces found; layout %s has %d, so the %d strongest were " +
				"kept", n, layout.spec(), layout.rowCount(), layout.rowCount()));
			return RowFinder.fitRowCount(rows, layout.rowCount());
		}
	}

	/**
	 * @param user the layout the user chose, or null to choose from the evidence
	 */
	static Choice choose(List<TraceRow> rows, PreparedPage page, PageInk ink, PageCalibration cal, PageLayout user) {
		int n = rows.size();
		List<LayoutEvidence.Boundary> boundaries = SeparatorFinder.boundaries(rows, FRACTIONS, page, ink, cal);
		// how thoroughly this printer marks where segments start: a name at the start of each row
		List<LayoutEvidence.Boundary> starts = SeparatorFinder.boundaries(rows, new double[] { 0 }, page, ink, cal);
		int named = 0;
		for (LayoutEvidence.Boundary b : starts) if (b.seen.equals("label") || b.seen.equals("name") || b.seen.equals("word")) named++;
		double marking = n == 0 ? 0 : named / (double) n;
		boundaries.addAll(0, starts);
		double[][] seen = new double[n][FRACTIONS.length];
		for (LayoutEvidence.Boundary b : boundaries) {
			for (int f = 0; f < FRACTIONS.length; f++) if (FRACTIONS[f] == b.fraction) seen[b.row][f] = b.strength;
		}
		// printers mark a column's boundary on every row of the column: one row alone marked there is
		// as likely a QRS complex or a stray word
		for (int f = 0; f < FRACTIONS.length; f++) {
			int marked = 0;
			for (int r = 0; r < n; r++) if (seen[r][f] >= 0.9) marked++;
			if (marked != 1) continue;
			for (int r = 0; r < n; r++) seen[r][f] *= ALONE;
		}
		List<PageLayout> candidates = new ArrayList<>();
		if (user != null) {
			candidates.add(user);
			// "6x2" fixes how the 12 leads are arranged; full-width strips below them are read as well
			if (!user.isFree() && user.rhythmLeads().isEmpty() && n > user.rowCount() && n <= user.rowCount() + 3) {
				candidates.add(PageLayout.of(user.kind(), user.isCabrera(), n - user.rowCount()).withTiming(user.timing()));
			}
		}
		else {
			for (PageLayout.Kind kind : new PageLayout.Kind[] { PageLayout.Kind.L3X4, PageLayout.Kind.L6X2,
				PageLayout.Kind.L12X1 })
			{
				for (int strips = 0; strips <= 3; strips++) {
					if (kind.rows + strips <= n) candidates.add(PageLayout.of(kind, false, strips));
				}
			}
			double[] startSeen = new double[n];
			for (LayoutEvidence.Boundary b : starts) startSeen[b.row] = b.strength;
			PageLayout shown = asShown(seen, startSeen);
			if (shown != null) candidates.add(shown);
		}
		if (candidates.isEmpty()) {
			throw new EcgException("found " + n + " row(s) of ECG traces, too few for any layout; check that the image " +
				"is an ECG printout, upright and not cropped, or choose the layout with its rows, for example " +
				"rows:II;V5");
		}
		List<LayoutEvidence.Hypothesis> hypotheses = new ArrayList<>();
		List<double[]> order = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			PageLayout h = candidates.get(i);
			StringBuilder why = new StringBuilder();
			double score = score(h, seen, rows, marking, why);
			hypotheses.add(new LayoutEvidence.Hypothesis(h.spec(), score, why.toString()));
			order.add(new double[] { score, i });
		}
		order.sort((a, b) -> Double.compare(b[0], a[0]));
		List<PageLayout> ranked = new ArrayList<>();
		for (double[] o : order) ranked.add(candidates.get((int) o[1]));
		return new Choice(ranked, hypotheses, boundaries, user != null);
	}

	/**
	 * How well a hypothesis explains the rows: a seen boundary it expects counts for it, one it does
	 * not expect against it, an expected one not seen against it (a little, more on a page that
	 * names the start of every row, {@code marking}); plus how common it is, minus the rows it must
	 * drop.
	 */
	static double score(PageLayout h, double[][] seen, List<TraceRow> rows, double marking, StringBuilder why) {
		int n = rows.size();
		double prior = h.isFree() ? PRIOR_FREE : h.kind() == PageLayout.Kind.L3X4 ? PRIOR_3X4 : PRIOR_OTHER_TEMPLATE;
		int dropped = Math.max(0, n - h.rowCount());
		// the rows the hypothesis keeps (the strongest), in order
		List<TraceRow> kept = RowFinder.fitRowCount(rows, Math.min(n, h.rowCount()));
		double dropCost = 0;
		for (TraceRow r : rows) if (!kept.contains(r)) dropCost += r.pulse != null ? DROPPED_PULSED_ROW : DROPPED_ROW;
		int[] segments = h.segmentsPerRow();
		double agree = 0;
		double against = 0;
		double missing = 0;
		int expectedCount = 0;
		for (int k = 0; k < kept.size(); k++) {
			int r = rows.indexOf(kept.get(k));
			for (int f = 0; f < FRACTIONS.length; f++) {
				boolean expected = expects(segments[k], FRACTIONS[f]);
				double e = seen[r][f];
				if (expected) {
					agree += e;
					missing += 1 - e;
					expectedCount++;
				}
				else {
					against += e;
				}
			}
		}
		// on a page that names every segment, a segment start without a name is evidence against it
		double unseen = expectedCount == 0 ? 0 : UNSEEN * (1 + MARKED_PAGE * marking) * missing / expectedCount;
		double score = prior + agree - against - unseen - dropCost;
		why.append(String.format(Locale.ROOT, "boundaries seen where expected %.2f, seen where not %.2f, expected but " +
			"not seen %.0f%%, prior %.1f", agree, against, expectedCount == 0 ? 0 : 100 * missing / expectedCount, prior));
		if (dropped > 0) why.append(", ").append(dropped).append(" row(s) dropped");
		return score;
	}

	/** Whether a row of this many equal segments has a boundary at this fraction. */
	static boolean expects(int segments, double fraction) {
		double k = fraction * segments;
		return segments > 1 && Math.abs(k - Math.round(k)) < 1e-6;
	}

	/** Equal segments a row may be cut into: 6x2's halves, 3x4's quarters, a 15-lead page's fifths. */
	static final int[] CUTS = { 2, 4, 5 };
	/** A place counts as shown on a page when some row shows this much there (a lone row's clear mark, {@link #ALONE}). */
	static final double SHOWN = 0.5;

	/**
	 * The arrangement the rows show by themselves: each row cut where it shows boundaries at every
	 * one of the places of 2, 4 or 5 equal segments, or left whole. Printers cut every row of the
	 * block alike, so the places different rows show add up ({@link #pageCut}): a row that shows
	 * some of the page's places, or nothing at all (no mark at its start either, as a rhythm strip's
	 * name), is cut as the page. Its names are unknown until the labels are read.
	 *
	 * @param startSeen per row, how clearly its start is marked (a name there)
	 */
	static PageLayout asShown(double[][] seen, double[] startSeen) {
		int n = seen.length;
		int page = pageCut(seen);
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			int best = rowCut(seen[r]);
			if (best == 1 && page > 1) {
				double in = 0;
				double any = 0;
				for (int f = 0; f < FRACTIONS.length; f++) {
					if (expects(page, FRACTIONS[f])) in = Math.max(in, seen[r][f]);
					any = Math.max(any, seen[r][f]);
				}
				if (in >= SHOWN || any < SHOWN && startSeen[r] < SHOWN) best = page;
			}
			List<String> names = new ArrayList<>();
			for (int i = 0; i < best; i++) names.add("?");
			rows.add(names);
		}
		if (n == 0) return null;
		try {
			return PageLayout.free(rows, PageLayout.ColumnTiming.SEQUENTIAL);
		}
		catch (IllegalArgumentException e) {
			// rows cut into 4 and 5 have no common columns: no printer does that
			return null;
		}
	}

	/**
	 * The equal segments the page's rows show together, or 1: every place of the cut shown on some
	 * row ({@link #SHOWN}), one of them on a second row too, and the places shown better than the
	 * places of no cut; of several cuts, the one whose places stand out most.
	 */
	static int pageCut(double[][] seen) {
		double[] most = new double[FRACTIONS.length];
		int[] rowsShowing = new int[FRACTIONS.length];
		for (double[] row : seen) {
			for (int f = 0; f < FRACTIONS.length; f++) {
				most[f] = Math.max(most[f], row[f]);
				if (row[f] >= SHOWN) rowsShowing[f]++;
			}
		}
		int best = 1;
		double bestMargin = 0;
		for (int segments : CUTS) {
			int places = 0;
			int marks = 0;
			boolean every = true;
			for (int f = 0; f < FRACTIONS.length; f++) {
				if (!expects(segments, FRACTIONS[f])) continue;
				places++;
				marks += rowsShowing[f];
				every &= most[f] >= SHOWN;
			}
			double margin = meanSeen(segments, most, true) - meanSeen(segments, most, false);
			if (every && marks > places && margin > bestMargin) {
				best = segments;
				bestMargin = margin;
			}
		}
		return best;
	}

	/** The equal segments one row shows by itself (boundaries at every place of the cut), or 1. */
	static int rowCut(double[] seen) {
		int best = 1;
		double bestMargin = 0;
		for (int segments : CUTS) {
			double in = meanSeen(segments, seen, true);
			double margin = in - meanSeen(segments, seen, false);
			if (in >= 0.6 && margin > bestMargin + 0.1) {
				best = segments;
				bestMargin = margin;
			}
		}
		return best;
	}

	/**
	 * The mean of what is seen at the places a cut into segments has (expected true) or at the other
	 * places (false); 0 where there are none.
	 */
	private static double meanSeen(int segments, double[] seen, boolean expected) {
		double sum = 0;
		int count = 0;
		for (int f = 0; f < FRACTIONS.length; f++) {
			if (expects(segments, FRACTIONS[f]) != expected) continue;
			sum += seen[f];
			count++;
		}
		return count == 0 ? 0 : sum / count;
	}
}
