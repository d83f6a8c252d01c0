package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.layout.NameDeduction;

/**
 * Names the segments whose printed names were not read, from their signals. The six limb leads are
 * two signals seen six ways (Einthoven's and Goldberger's laws: III = II - I, aVR = -(I + II) / 2,
 * aVL = (I - III) / 2, aVF = (II + III) / 2), so wherever limb leads are printed over the same time
 * a missing one is the unread segment that completes the laws with those named. Then, as the label
 * reader does, one unread segment is named by elimination when exactly one lead of the groups the
 * page prints (limb, chest) is still missing. Signals are at {@link LeadIdentification#FS}.
 */
final class UnreadLeads {

	/**
	 * The laws must hold to within this share of the power of the signals they relate. They hold as
	 * well as the leads are traced: a tracing error of 15 dB leaves a misfit of about 0.03, one of
	 * 10 dB about 0.1; beyond 0.15 (8 dB) the traces are too poor to tell one lead from another, and a
	 * chest lead shaped like a limb lead (V1 like -I) can fit by chance.
	 */
	static final double MAX_MISFIT = 0.15;
	/** The chosen names must misfit the laws at most this fraction as much as any other naming as complete. */
	static final double CLEAR_RATIO = 0.5;

	private UnreadLeads() {}

	/** Per unread segment its lead, or null, the rule that named it and why; and notes for the user. */
	static final class Naming {
		final Lead[] leads;
		final String[] rules;
		final String[] whys;
		final List<String> notes;

		Naming(Lead[] leads, List<String> notes) {
			this.leads = leads;
			this.rules = new String[leads.length];
			this.whys = new String[leads.length];
			this.notes = notes;
		}
	}

	/**
	 * @param named per standard lead the signal of its short segment as named (inverted ones turned
	 *        back), or null where no segment is named that lead
	 * @param unread the signals of the unread segments
	 */
	static Naming name(double[][] named, List<double[]> unread) {
		List<List<Lead>> none = new ArrayList<>();
		for (int u = 0; u < unread.size(); u++) none.add(List.of());
		return name(named, unread, none);
	}

	/**
	 * As {@link #name(double[][], List)}, with per unread segment the leads its label may read
	 * (empty: any): the laws give a segment only one of those, and a shortlist that the leads named
	 * leave one lead names the segment ({@link NameDeduction}).
	 */
	static Naming name(double[][] named, List<double[]> unread, List<List<Lead>> allowed) {
		return name(named, unread, allowed, null);
	}

	/**
	 * As {@link #name(double[][], List, List)}, with where the short segments sit: once the laws have
	 * named what they can, the names now known may show each group's order and fix the places of the
	 * rest ({@link NameDeduction#inOrder}: aVL named by the laws between aVR and aVF leaves V5 and V6
	 * their places around it).
	 */
	static Naming name(double[][] named, List<double[]> unread, List<List<Lead>> allowed, Places places) {
		Naming naming = new Naming(new Lead[unread.size()], new ArrayList<>());
		if (unread.isEmpty()) return naming;
		byLimbLaws(named, unread, allowed, naming);
		byShortlists(named, allowed, naming);
		if (places != null) byOrder(named, allowed, places, naming);
		byElimination(named, naming);
		return naming;
	}

	/** Where the page's short segments sit: the named ones by lead, the unread ones in their order. */
	static final class Places {
		/** Per lead (ordinal) the {row, column} of its short segment, null where none is named. */
		final int[][] named;
		/** Per unread segment its {row, column}. */
		final int[][] unread;

		Places(int[][] named, int[][] unread) {
			this.named = named;
			this.unread = unread;
		}
	}

	/** The unread segments whose places the order of the names now known fixes. */
	private static void byOrder(double[][] named, List<List<Lead>> allowed, Places places, Naming naming) {
		List<int[]> at = new ArrayList<>();
		List<Lead> names = new ArrayList<>();
		List<List<Lead>> shortlists = new ArrayList<>();
		for (Lead l : Lead.values()) {
			if (named[l.ordinal()] == null || places.named[l.ordinal()] == null) continue;
			at.add(places.named[l.ordinal()]);
			names.add(l);
			shortlists.add(List.of());
		}
		int first = at.size();
		for (int u = 0; u < naming.leads.length; u++) {
			at.add(places.unread[u]);
			names.add(naming.leads[u]);
			shortlists.add(allowed.get(u));
		}
		int n = at.size();
		int[] rows = new int[n];
		int[] columns = new int[n];
		int known = 0;
		for (int i = 0; i < n; i++) {
			rows[i] = at.get(i)[0];
			columns[i] = at.get(i)[1];
			if (names.get(i) != null) known++;
		}
		// as in the naming from labels: the order shows only when most segments are named
		if (2 * known < n) return;
		NameDeduction.InOrder found = NameDeduction.inOrder(rows, columns, names.toArray(new Lead[0]), shortlists,
			missing(named, naming.leads));
		if (found == null) return;
		for (int u = 0; u < naming.leads.length; u++) {
			Lead lead = found.leads[first + u];
			if (lead == null || naming.leads[u] != null) continue;
			naming.leads[u] = lead;
			naming.rules[u] = NameDeduction.ORDER;
			naming.whys[u] = "the names now known follow each group's standard order " + found.order + "; every way " +
				"of giving the unread segments the missing leads in that order gives this one " + lead.label();
			naming.notes.add("named an unread segment " + lead.label() + " by the order of the names around it (" + found
				.order + ")");
		}
	}

	/** Shortlists (a label that reads II or III) of which the leads named leave one. */
	private static void byShortlists(double[][] named, List<List<Lead>> allowed, Naming naming) {
		List<Lead> missing = missing(named, naming.leads);
		List<List<Lead>> open = new ArrayList<>();
		for (int u = 0; u < allowed.size(); u++) open.add(naming.leads[u] == null ? allowed.get(u) : List.of());
		List<Lead> before = new ArrayList<>(missing);
		Lead[] deduced = NameDeduction.deduce(open, missing);
		for (int u = 0; u < deduced.length; u++) {
			if (deduced[u] == null) continue;
			naming.leads[u] = deduced[u];
			naming.rules[u] = "label and unused leads";
			List<Lead> taken = new ArrayList<>();
			for (Lead l : Lead.values()) if (!before.contains(l)) taken.add(l);
			naming.whys[u] = NameDeduction.why(allowed.get(u), deduced[u], taken);
			naming.notes.add("named an unread segment " + deduced[u].label() + ": " + naming.whys[u]);
		}
	}

	/** The leads of the groups (limb, chest) the page prints that no segment is named ({@link NameDeduction#missing}). */
	private static List<Lead> missing(double[][] named, Lead[] leads) {
		boolean[] have = new boolean[Lead.values().length];
		for (int l = 0; l < named.length; l++) have[l] = named[l] != null;
		int unread = 0;
		for (Lead lead : leads) {
			if (lead != null) have[lead.ordinal()] = true;
			else unread++;
		}
		return NameDeduction.missing(have, false, false, unread);
	}

	/**
	 * Fills {@code leads} with the names the laws single out: of the namings that name the most
	 * unread segments and fit the laws, those within {@link #CLEAR_RATIO} of the best fit are all
	 * plausible, and a segment is named only where they all agree.
	 */
	private static void byLimbLaws(double[][] named, List<double[]> unread, List<List<Lead>> allowed, Naming naming) {
		Lead[] leads = naming.leads;
		List<String> notes = naming.notes;
		List<Integer> missing = new ArrayList<>();
		for (int l = 0; l < 6; l++) if (named[l] == null) missing.add(l);
		if (missing.isEmpty()) return;
		int[] assignment = new int[unread.size()];
		Arrays.fill(assignment, -1);
		Search search = new Search(named, unread, missing, allowed);
		search.visit(assignment, 0, new boolean[6]);
		if (search.fits.isEmpty()) return;
		double best = Double.POSITIVE_INFINITY;
		double worstLaw = Double.NaN;
		for (Fit f : search.fits) {
			if (f.misfit < best) worstLaw = f.worstLaw;
			best = Math.min(best, f.misfit);
		}
		List<String> names = new ArrayList<>();
		int rivals = 0;
		for (Fit f : search.fits) if (f.misfit * CLEAR_RATIO <= best) rivals++;
		for (int u = 0; u < leads.length; u++) {
			int agreed = -2;
			for (Fit f : search.fits) {
				if (f.misfit * CLEAR_RATIO > best) continue;
				if (agreed == -2) agreed = f.assignment[u];
				else if (agreed != f.assignment[u]) agreed = -1;
			}
			if (agreed < 0) continue;
			leads[u] = Lead.values()[agreed];
			naming.rules[u] = "limb-lead laws";
			double next = Double.NaN;
			for (Fit f : search.fits) {
				if (f.assignment[u] != agreed && !(f.misfit >= next)) next = f.misfit;
			}
			naming.whys[u] = String.format(Locale.ROOT, "the laws fit to %.2f of their power (%.2f in the worst law)%s",
				best, worstLaw, Double.isNaN(next) ? "; no other naming of this segment fits" : String.format(Locale.ROOT,
					"; %.2f with another name for this segment", next));
			names.add(leads[u].label());
		}
		if (names.isEmpty()) {
			notes.add(String.format(Locale.ROOT, "the unread segments fit the limb-lead laws in %d ways that name no " +
				"segment alike (best misfit %.2f); left unnamed", rivals, best));
			return;
		}
		notes.add(String.format(Locale.ROOT, "named %s of the unread segments by the limb-lead laws (misfit %.2f of " +
			"their power, %.2f in the worst law; %d naming(s) within a factor %.0f of it, all agreeing on these)", String
				.join(", ", names), best, worstLaw, rivals, 1 / CLEAR_RATIO));
	}

	/** One unread segment left and one lead missing of the groups the page prints: that lead. */
	private static void byElimination(double[][] named, Naming naming) {
		Lead[] leads = naming.leads;
		int left = -1;
		int unnamed = 0;
		for (int u = 0; u < leads.length; u++) {
			if (leads[u] != null) continue;
			left = u;
			unnamed++;
		}
		if (unnamed != 1) return;
		List<Lead> missing = missing(named, leads);
		if (missing.size() != 1) return;
		Lead only = missing.get(0);
		leads[left] = only;
		naming.rules[left] = "the one lead left";
		naming.whys[left] = "no other segment is named " + only.label();
		naming.notes.add("named the last unread segment " + only.label() + ", the one lead no other segment names");
	}

	/** Every injective naming of unread segments as missing limb leads, scored by the laws. */
	private static final class Search {
		final double[][] named;
		final List<double[]> unread;
		final List<Integer> missing;
		final List<List<Lead>> allowed;
		/** The namings that fit the laws and name the most segments. */
		final List<Fit> fits = new ArrayList<>();
		int mostNamed = 0;

		Search(double[][] named, List<double[]> unread, List<Integer> missing, List<List<Lead>> allowed) {
			this.allowed = allowed;
			this.named = named;
			this.unread = unread;
			this.missing = missing;
		}

		void visit(int[] assignment, int u, boolean[] used) {
			if (u == assignment.length) {
				score(assignment);
				return;
			}
			assignment[u] = -1;
			visit(assignment, u + 1, used);
			for (int l : missing) {
				if (used[l]) continue;
				// a label narrowed down to a few leads is one of them
				if (!allowed.get(u).isEmpty() && !allowed.get(u).contains(Lead.values()[l])) continue;
				used[l] = true;
				assignment[u] = l;
				visit(assignment, u + 1, used);
				used[l] = false;
				assignment[u] = -1;
			}
		}

		private void score(int[] assignment) {
			int count = 0;
			double[][] byLead = new double[6][];
			for (int l = 0; l < 6; l++) byLead[l] = named[l];
			for (int u = 0; u < assignment.length; u++) {
				if (assignment[u] < 0) continue;
				byLead[assignment[u]] = unread.get(u);
				count++;
			}
			if (count == 0 || count < mostNamed) return;
			double misfit = 0;
			double power = 0;
			boolean[] tested = new boolean[6];
			double worstLaw = 0;
			for (double[] law : LimbLaws.LAWS) {
				double[] fit = fit(law, byLead);
				if (fit == null) continue;
				misfit += fit[0];
				power += fit[1];
				worstLaw = Math.max(worstLaw, fit[0] / fit[1]);
				for (int l = 0; l < 6; l++) if (law[l] != 0) tested[l] = true;
			}
			// every name given must be borne out by a law it takes part in
			for (int a : assignment) if (a >= 0 && !tested[a]) return;
			double ratio = misfit / power;
			if (!(ratio <= MAX_MISFIT)) return;
			if (count > mostNamed) {
				mostNamed = count;
				fits.clear();
			}
			fits.add(new Fit(assignment.clone(), ratio, worstLaw));
		}
	}

	/** A naming of the unread segments (a limb lead's index, or -1) and how badly it fits the laws. */
	private static final class Fit {
		final int[] assignment;
		final double misfit;
		/** The misfit of the law it fits worst. */
		final double worstLaw;

		Fit(int[] assignment, double misfit, double worstLaw) {
			this.assignment = assignment;
			this.misfit = misfit;
			this.worstLaw = worstLaw;
		}
	}

	/**
	 * {misfit, power} of one law ({@link LimbLaws#fit}), or null when its leads share less than a
	 * second or carry no signal.
	 */
	static double[] fit(double[] law, double[][] byLead) {
		double[] fit = LimbLaws.fit(law, byLead);
		return fit == null || fit[2] < LeadIdentification.FS || fit[1] == 0 ? null : fit;
	}
}
