package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

	/** Per unread segment its lead, or null; and why. */
	static final class Naming {
		final Lead[] leads;
		final List<String> notes;

		Naming(Lead[] leads, List<String> notes) {
			this.leads = leads;
			this.notes = notes;
		}
	}

	/**
	 * @param named per standard lead the signal of its short segment as named (inverted ones turned
	 *        back), or null where no segment is named that lead
	 * @param unread the signals of the unread segments
	 */
	static Naming name(double[][] named, List<double[]> unread) {
		Lead[] leads = new Lead[unread.size()];
		List<String> notes = new ArrayList<>();
		if (unread.isEmpty()) return new Naming(leads, notes);
		byLimbLaws(named, unread, leads, notes);
		byElimination(named, leads, notes);
		return new Naming(leads, notes);
	}

	/**
	 * Fills {@code leads} with the names the laws single out: of the namings that name the most
	 * unread segments and fit the laws, those within {@link #CLEAR_RATIO} of the best fit are all
	 * plausible, and a segment is named only where they all agree.
	 */
	private static void byLimbLaws(double[][] named, List<double[]> unread, Lead[] leads, List<String> notes) {
		List<Integer> missing = new ArrayList<>();
		for (int l = 0; l < 6; l++) if (named[l] == null) missing.add(l);
		if (missing.isEmpty()) return;
		int[] assignment = new int[unread.size()];
		Arrays.fill(assignment, -1);
		Search search = new Search(named, unread, missing);
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
	private static void byElimination(double[][] named, Lead[] leads, List<String> notes) {
		boolean[] have = new boolean[Lead.values().length];
		for (int l = 0; l < named.length; l++) have[l] = named[l] != null;
		int left = -1;
		int unnamed = 0;
		for (int u = 0; u < leads.length; u++) {
			if (leads[u] != null) have[leads[u].ordinal()] = true;
			else {
				left = u;
				unnamed++;
			}
		}
		if (unnamed != 1) return;
		boolean limb = false;
		boolean chest = false;
		for (Lead lead : Lead.values()) {
			if (!have[lead.ordinal()]) continue;
			if (lead.isLimb()) limb = true;
			else chest = true;
		}
		Lead only = null;
		for (Lead lead : Lead.values()) {
			if (have[lead.ordinal()] || !(lead.isLimb() ? limb : chest)) continue;
			if (only != null) return;
			only = lead;
		}
		if (only == null) return;
		leads[left] = only;
		notes.add("named the last unread segment " + only.label() + ", the one lead no other segment names");
	}

	/** Every injective naming of unread segments as missing limb leads, scored by the laws. */
	private static final class Search {
		final double[][] named;
		final List<double[]> unread;
		final List<Integer> missing;
		/** The namings that fit the laws and name the most segments. */
		final List<Fit> fits = new ArrayList<>();
		int mostNamed = 0;

		Search(double[][] named, List<double[]> unread, List<Integer> missing) {
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
