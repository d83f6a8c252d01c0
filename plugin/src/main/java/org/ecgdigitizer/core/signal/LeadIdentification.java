package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.layout.NameDeduction;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.trace.Trace;

/**
 * Checks the lead names of a detected layout against the signals themselves.
 *
 * <ul>
 * <li>The limb leads obey Einthoven's and Goldberger's laws, which tell the standard order from
 * the Cabrera order (aVL, I, -aVR, II, aVF, III) wherever limb leads share a time window.</li>
 * <li>A rhythm strip repeats one short lead exactly during that lead's window, so matching the
 * strip against every short segment names it (II, V1, V5 or any other).</li>
 * </ul>
 */
public final class LeadIdentification {

	/** Signals are compared at this rate: plenty for correlation, cheap. */
	static final double FS = 100;
	/** A rhythm strip is renamed only when it matches another lead this well, and clearly better. */
	static final double MIN_MATCH = 0.85;
	static final double MARGIN = 0.15;
	/** A rhythm strip that matches its template lead this well keeps that lead's name. */
	static final double TEMPLATE_KEEPS = 0.8;
	/** The other order must explain the limb-lead laws at least this much better to switch. */
	static final double ORDER_RATIO = 0.5;

	private LeadIdentification() {}

	/** The result: possibly renamed regions (traces follow their regions) and what was concluded. */
	public static final class Result {
		public final LeadLayout layout;
		public final List<Trace> traces;

		Result(LeadLayout layout, List<Trace> traces) {
			this.layout = layout;
			this.traces = traces;
		}
	}

	/**
	 * @param traces one per region of the layout, then one per unread segment ({@link
	 *        LeadLayout#withUnreadTraced}); those the signals cannot name are left out
	 */
	public static Result identify(LeadLayout layout, List<Trace> traces) {
		List<String> notes = new ArrayList<>();
		String source = layout.namingSource;
		int length = (int) Math.round(layout.pageSeconds * FS);
		List<double[]> signals = new ArrayList<>();
		for (Trace t : traces) signals.add(SignalBuilder.segment(t, layout, FS, length));

		PageLayout pageLayout = layout.layout;
		List<LeadRegion> regions = new ArrayList<>();
		for (Trace t : traces) regions.add(t.region);
		traces = new ArrayList<>(traces);
		int namedCount = layout.regions.size();
		List<NameDeduction.Deduction> deductions = new ArrayList<>();
		if (traces.size() > namedCount) {
			pageLayout = nameUnread(pageLayout, regions, signals, traces, namedCount, layout.evidence.naming, deductions,
				notes);
		}

		if ("labels".equals(source)) {
			// printed labels named the leads: the limb-lead laws only check them
			List<String> ignored = new ArrayList<>();
			if (preferCabrera(pageLayout, regions, signals, ignored) != pageLayout.isCabrera()) {
				notes.add(String.format(Locale.ROOT, "the limb-lead signals fit the %s order better, but the printed " +
					"labels show the %s order; kept the labels' names", pageLayout.isCabrera() ? "standard" : "Cabrera",
					pageLayout.isCabrera() ? "Cabrera" : "standard"));
			}
		}
		else if (!"user".equals(layout.layoutSource)) {
			boolean cabrera = preferCabrera(pageLayout, regions, signals, notes);
			if (cabrera != pageLayout.isCabrera()) {
				pageLayout = pageLayout.withOrder(cabrera);
				regions = renameCells(regions, pageLayout);
				source = "signals";
			}
		}
		// rhythm strips: which short segment does each repeat?
		List<org.ecgdigitizer.core.signal.Lead> rhythm = new ArrayList<>(pageLayout.rhythmLeads());
		int rhythmIndex = 0;
		for (int i = 0; i < regions.size(); i++) {
			LeadRegion r = regions.get(i);
			if (!r.rhythm) continue;
			// a label that leaves a few names: the strip is one of them, and only they are compared
			List<Lead> shortlist = NameDeduction.shortlist(layout.evidence.naming, r.row, r.column);
			if (!shortlist.isEmpty()) {
				StripShortlist.Choice choice = StripShortlist.choose(r.row, r.column, shortlist, signals.get(i), rowsOf(
					shortlist, regions, signals));
				deductions.add(choice.toDeduction());
				if (choice.chosen != null && choice.chosen != r.lead) {
					notes.add(String.format(Locale.ROOT, "rhythm strip %d: %s; renamed from %s", rhythmIndex + 1, choice.why,
						r.lead.label()));
					regions.set(i, r.withLead(choice.chosen, false));
					if (rhythmIndex < rhythm.size()) rhythm.set(rhythmIndex, choice.chosen);
					source = "signals";
				}
				rhythmIndex++;
				continue;
			}
			double[] best = { -2, -1 };
			double template = Double.NaN;
			for (int j = 0; j < regions.size(); j++) {
				LeadRegion s = regions.get(j);
				if (s.rhythm) continue;
				double c = correlation(signals.get(i), signals.get(j));
				if (Double.isNaN(c)) continue;
				if (s.lead == r.lead) template = c;
				if (c > best[0]) {
					best[0] = c;
					best[1] = j;
				}
			}
			if (best[1] >= 0) {
				LeadRegion match = regions.get((int) best[1]);
				// leads of similar axis (II, aVF, III) look alike: the printed order wins unless its own
				// lead clearly fails to match
				boolean clearlyOther = match.lead != r.lead && best[0] >= MIN_MATCH && (Double.isNaN(template) ||
					template < TEMPLATE_KEEPS && best[0] - template >= MARGIN);
				if (clearlyOther) {
					notes.add(String.format(Locale.ROOT, "rhythm strip %d matches %s (r = %.2f), not %s; renamed",
						rhythmIndex + 1, match.lead.label(), best[0], r.lead.label()));
					regions.set(i, r.withLead(match.lead, false));
					if (rhythmIndex < rhythm.size()) rhythm.set(rhythmIndex, match.lead);
					source = "signals";
				}
				else if (match.lead == r.lead && best[0] >= MIN_MATCH && "template".equals(source)) {
					source = "template, confirmed by signals";
				}
			}
			rhythmIndex++;
		}
		if (!rhythm.equals(pageLayout.rhythmLeads())) {
			pageLayout = pageLayout.withRhythm(rhythm);
		}
		if (pageLayout.isFree()) pageLayout = stripsNamed(pageLayout, regions);
		List<Trace> renamed = new ArrayList<>();
		for (int i = 0; i < traces.size(); i++) renamed.add(traces.get(i).withRegion(regions.get(i)));
		LeadLayout named = layout.withNaming(regions, pageLayout, source, notes);
		return new Result(named.withEvidence(named.evidence.withNaming(deductions)), renamed);
	}

	/**
	 * A page's own layout with its strips named as their regions now are (a free layout names its
	 * strips in its cells, not in a list of rhythm leads).
	 */
	private static PageLayout stripsNamed(PageLayout layout, List<LeadRegion> regions) {
		List<PageLayout.Cell> cells = new ArrayList<>(layout.cells());
		boolean changed = false;
		for (LeadRegion r : regions) {
			if (!r.rhythm) continue;
			for (int c = 0; c < cells.size(); c++) {
				PageLayout.Cell cell = cells.get(c);
				// (a strip across a page of one column is a row like the others in a free layout)
				if (cell.row != r.row || cell.column != r.column || cell.lead == r.lead) continue;
				cells.set(c, cell.named(r.lead.label()));
				changed = true;
			}
		}
		return changed ? PageLayout.freeFrom(cells, layout.rowCount(), layout.timing()) : layout;
	}

	/** Per lead, the signal of the first short segment named it; null where none is. */
	private static List<double[]> rowsOf(List<Lead> leads, List<LeadRegion> regions, List<double[]> signals) {
		List<double[]> out = new ArrayList<>();
		for (Lead lead : leads) {
			double[] found = null;
			for (int j = 0; j < regions.size() && found == null; j++) {
				if (!regions.get(j).rhythm && regions.get(j).lead == lead) found = signals.get(j);
			}
			out.add(found);
		}
		return out;
	}

	/**
	 * Names what the signals can of the unread segments (the regions, signals and traces from
	 * {@code namedCount} on), turns them into named ones and drops the rest; returns the layout
	 * with their names.
	 */
	private static PageLayout nameUnread(PageLayout layout, List<LeadRegion> regions, List<double[]> signals,
		List<Trace> traces, int namedCount, List<NameDeduction.Deduction> evidence,
		List<NameDeduction.Deduction> deductions, List<String> notes)
	{
		double[][] byLead = new double[Lead.values().length][];
		for (int i = 0; i < namedCount; i++) {
			LeadRegion r = regions.get(i);
			if (r.rhythm || byLead[r.lead.ordinal()] != null) continue;
			double[] s = signals.get(i);
			if (r.inverted) {
				s = s.clone();
				for (int k = 0; k < s.length; k++) s[k] = -s[k];
			}
			byLead[r.lead.ordinal()] = s;
		}
		List<List<Lead>> allowed = new ArrayList<>();
		for (int i = namedCount; i < regions.size(); i++) {
			allowed.add(NameDeduction.shortlist(evidence, regions.get(i).row, regions.get(i).column));
		}
		int[][] namedAt = new int[Lead.values().length][];
		for (int i = 0; i < namedCount; i++) {
			LeadRegion r = regions.get(i);
			if (!r.rhythm && namedAt[r.lead.ordinal()] == null) namedAt[r.lead.ordinal()] = new int[] { r.row, r.column };
		}
		int[][] unreadAt = new int[regions.size() - namedCount][];
		for (int i = namedCount; i < regions.size(); i++) {
			unreadAt[i - namedCount] = new int[] { regions.get(i).row, regions.get(i).column };
		}
		UnreadLeads.Naming naming = UnreadLeads.name(byLead, signals.subList(namedCount, signals.size()), allowed,
			new UnreadLeads.Places(namedAt, unreadAt));
		notes.addAll(naming.notes);
		for (int u = 0; u < naming.leads.length; u++) {
			if (naming.leads[u] == null) continue;
			LeadRegion r = regions.get(namedCount + u);
			deductions.add(new NameDeduction.Deduction(r.row, r.column, naming.leads[u].label(), NameDeduction.labels(allowed
				.get(u)), naming.rules[u], naming.whys[u]));
		}
		List<PageLayout.Cell> cells = new ArrayList<>(layout.cells());
		int kept = namedCount;
		for (int u = 0; u < naming.leads.length; u++) {
			int i = namedCount + u;
			Lead lead = naming.leads[u];
			if (lead == null) continue;
			LeadRegion r = regions.get(i).withLead(lead, false);
			regions.set(kept, r);
			signals.set(kept, signals.get(i));
			traces.set(kept, traces.get(i).withRegion(r));
			kept++;
			for (int c = 0; c < cells.size(); c++) {
				PageLayout.Cell cell = cells.get(c);
				if (cell.row == r.row && cell.column == r.column && !cell.rhythm && cell.lead == null) {
					cells.set(c, cell.named(lead.label()));
				}
			}
		}
		int unnamed = regions.size() - kept;
		if (unnamed > 0) notes.add(unnamed + " segment(s) whose names were not read are not digitized");
		regions.subList(kept, regions.size()).clear();
		signals.subList(kept, signals.size()).clear();
		traces.subList(kept, traces.size()).clear();
		return kept == namedCount || !layout.isFree() ? layout : PageLayout.freeFrom(cells, layout.rowCount(), layout
			.timing());
	}

	/**
	 * Decides between the standard and the Cabrera order from the limb-lead laws. Returns the
	 * layout's current choice when the signals do not decide clearly.
	 */
	static boolean preferCabrera(PageLayout layout, List<LeadRegion> regions, List<double[]> signals,
		List<String> notes)
	{
		if (layout.isFree()) return false;
		double standard = lawResidual(layout.withOrder(false), regions, signals);
		double cabrera = lawResidual(layout.withOrder(true), regions, signals);
		if (Double.isNaN(standard) || Double.isNaN(cabrera)) return layout.isCabrera();
		if (cabrera < ORDER_RATIO * standard) {
			if (!layout.isCabrera()) notes.add(String.format(Locale.ROOT,
				"the limb leads follow the Cabrera order (law misfit %.2f vs %.2f for the standard order)", cabrera,
				standard));
			return true;
		}
		if (standard < ORDER_RATIO * cabrera) return false;
		return layout.isCabrera();
	}

	/**
	 * How badly the signals at the positions the layout gives to I, II, III, aVR, aVL and aVF break
	 * I + III = II and aVR + aVL + aVF = 0, as a fraction of their power, over windows where all
	 * the leads of a law are printed at once.
	 */
	static double lawResidual(PageLayout layout, List<LeadRegion> regions, List<double[]> signals) {
		// the signal the hypothetical layout would call each limb lead, per position (row, column)
		double[][] byLead = new double[6][];
		for (PageLayout.Cell cell : layout.cells()) {
			if (cell.rhythm || !cell.lead.isLimb()) continue;
			for (int i = 0; i < regions.size(); i++) {
				LeadRegion r = regions.get(i);
				if (r.rhythm || r.row != cell.row || r.column != cell.column) continue;
				double[] s = signals.get(i).clone();
				// the current names decided the sign; undo it and apply this hypothesis's
				boolean flip = r.inverted != cell.inverted;
				if (flip) for (int k = 0; k < s.length; k++) s[k] = -s[k];
				byLead[cell.lead.ordinal()] = s;
			}
		}
		double misfit = 0;
		double power = 0;
		int laws = 0;
		// I - II + III = 0 and aVR + aVL + aVF = 0
		for (int l = 0; l < 2; l++) {
			double[] fit = LimbLaws.fit(LimbLaws.LAWS[l], byLead);
			if (fit == null) continue;
			misfit += fit[0];
			power += fit[1];
			if (fit[2] > FS) laws++;
		}
		return laws == 0 || power == 0 ? Double.NaN : misfit / power;
	}

	/** Pearson correlation over samples finite in both; NaN when they share fewer than 1 s. */
	static double correlation(double[] a, double[] b) {
		double sa = 0;
		double sb = 0;
		int n = 0;
		for (int k = 0; k < a.length; k++) {
			if (Double.isNaN(a[k]) || Double.isNaN(b[k])) continue;
			sa += a[k];
			sb += b[k];
			n++;
		}
		if (n < FS) return Double.NaN;
		double ma = sa / n;
		double mb = sb / n;
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int k = 0; k < a.length; k++) {
			if (Double.isNaN(a[k]) || Double.isNaN(b[k])) continue;
			ab += (a[k] - ma) * (b[k] - mb);
			aa += (a[k] - ma) * (a[k] - ma);
			bb += (b[k] - mb) * (b[k] - mb);
		}
		return aa == 0 || bb == 0 ? Double.NaN : ab / Math.sqrt(aa * bb);
	}

	/** The regions renamed by their row and column in another layout of the same kind. */
	static List<LeadRegion> renameCells(List<LeadRegion> regions, PageLayout layout) {
		List<LeadRegion> out = new ArrayList<>();
		for (LeadRegion r : regions) {
			LeadRegion renamed = r;
			for (PageLayout.Cell c : layout.cells()) {
				if (c.row == r.row && c.column == r.column && c.rhythm == r.rhythm) {
					renamed = r.withLead(c.lead, c.inverted);
				}
			}
			out.add(renamed);
		}
		return out;
	}
}
