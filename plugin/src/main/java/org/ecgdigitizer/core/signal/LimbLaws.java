package org.ecgdigitizer.core.signal;

/**
 * The six limb leads are two signals seen six ways (Einthoven's and Goldberger's laws): how well
 * signals put in the places of I, II, III, aVR, aVL and aVF obey them. The lead names are checked
 * ({@link LeadIdentification}) and unread segments named ({@link UnreadLeads}) with these.
 */
final class LimbLaws {

	/**
	 * The laws as weights on I, II, III, aVR, aVL, aVF; each sums to zero: I - II + III,
	 * aVR + aVL + aVF, 2 aVR + I + II, 2 aVL - I + III, 2 aVF - II - III.
	 */
	static final double[][] LAWS = { { 1, -1, 1, 0, 0, 0 }, { 0, 0, 0, 1, 1, 1 }, { 1, 1, 0, 2, 0, 0 }, { -1, 0, 1, 0,
		2, 0 }, { 0, -1, -1, 0, 0, 2 } };

	private LimbLaws() {}

	/**
	 * {misfit, power, shared samples} of one law over the samples where all its leads are printed
	 * (each lead less its mean there, as baselines differ), or null when one of its leads has no
	 * signal at all.
	 *
	 * @param byLead per limb lead (in {@link Lead} order) its signal, NaN where not printed, or null
	 */
	static double[] fit(double[] law, double[][] byLead) {
		int length = -1;
		for (int l = 0; l < 6; l++) {
			if (law[l] == 0) continue;
			if (byLead[l] == null) return null;
			length = byLead[l].length;
		}
		boolean[] shared = new boolean[length];
		int n = 0;
		for (int k = 0; k < length; k++) {
			boolean all = true;
			for (int l = 0; l < 6 && all; l++) if (law[l] != 0 && Double.isNaN(byLead[l][k])) all = false;
			shared[k] = all;
			if (all) n++;
		}
		double[] mean = new double[6];
		for (int l = 0; l < 6 && n > 0; l++) {
			if (law[l] == 0) continue;
			double sum = 0;
			for (int k = 0; k < length; k++) if (shared[k]) sum += byLead[l][k];
			mean[l] = sum / n;
		}
		double misfit = 0;
		double power = 0;
		for (int k = 0; k < length; k++) {
			if (!shared[k]) continue;
			double r = 0;
			for (int l = 0; l < 6; l++) {
				if (law[l] == 0) continue;
				double v = law[l] * (byLead[l][k] - mean[l]);
				r += v;
				power += v * v;
			}
			misfit += r * r;
		}
		return new double[] { misfit, power, n };
	}
}
