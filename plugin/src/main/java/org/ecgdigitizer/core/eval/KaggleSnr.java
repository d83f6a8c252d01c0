package org.ecgdigitizer.core.eval;

/**
 * The SNR of the Kaggle competition "PhysioNet - Digitization of ECG Images" (2025), adapted to
 * masked references.
 *
 * <p>Per lead: remove the means of label and prediction, shift the prediction by the lag within
 * ±0.2 s that maximises their cross-correlation (ties go to the smallest |lag|), subtract the
 * vertical offset that minimises the squared error, and count samples the shift left empty as
 * zeros. Per record, signal and noise powers are summed over the leads and their ratio is capped
 * at 1e6. The score is 10 log10 of the mean of the per-record ratios.</p>
 *
 * <p>Kaggle's labels cover exactly the printed samples of each lead. Our references are masked
 * instead (NaN where a lead was not printed), so a lead's label is its span from the first to the
 * last finite reference sample, and the prediction is taken over the same sample range; NaN or
 * missing prediction samples count as 0 (Kaggle rejects NaN; 0 is what its padding becomes).
 * NaN samples inside the reference span are left out of the means, correlation and powers.</p>
 */
public final class KaggleSnr {

	/** Largest lag searched, in seconds. */
	public static final double MAX_SHIFT_SECONDS = 0.2;
	/** Cap on a record's power ratio (60 dB). */
	public static final double RATIO_CAP = 1e6;
	/** Relative difference below which two correlation values count as equal. */
	static final double TIE_TOLERANCE = 1e-12;

	private KaggleSnr() {}

	/** Signal and noise power of one aligned lead, with the alignment used. */
	public static final class LeadPower {
		/**
		 * Kaggle's lag: prediction[i - lag] is compared with label[i], so a prediction that arrives
		 * d samples late gets lag -d (the opposite sign of the 2024 shift).
		 */
		public final int lag;
		/** Millivolts subtracted from the prediction after the shift. */
		public final double offsetMv;
		/** Σ label² over the lead's span. */
		public final double signal;
		/** Σ (label - aligned prediction)² over the span, with empty samples as zeros. */
		public final double noise;

		LeadPower(int lag, double offsetMv, double signal, double noise) {
			this.lag = lag;
			this.offsetMv = offsetMv;
			this.signal = signal;
			this.noise = noise;
		}

		/** This lead's own capped power ratio in dB; NaN when the label has no power. */
		public double db() {
			return KaggleSnr.db(ratio(signal, noise));
		}
	}

	/** Kaggle's lag limit: int(fs * 0.2) samples. */
	public static int maxLag(double samplingFrequency) {
		return (int) (samplingFrequency * MAX_SHIFT_SECONDS);
	}

	/**
	 * Aligns one lead and measures its powers, or returns null when the reference has no finite
	 * sample (the lead was not printed, so it is not scored).
	 */
	public static LeadPower lead(double[] reference, double[] prediction, double samplingFrequency) {
		int from = -1, to = -1;
		for (int i = 0; i < reference.length; i++) {
			if (!Double.isFinite(reference[i])) continue;
			if (from < 0) from = i;
			to = i;
		}
		if (from < 0) return null;
		int n = to - from + 1;
		double[] label = new double[n];
		boolean[] known = new boolean[n];
		double[] pred = new double[n];
		double labelSum = 0, predSum = 0;
		int labelCount = 0;
		for (int i = 0; i < n; i++) {
			double x = reference[from + i];
			known[i] = Double.isFinite(x);
			if (known[i]) {
				label[i] = x;
				labelSum += x;
				labelCount++;
			}
			int p = from + i;
			double y = p < prediction.length ? prediction[p] : Double.NaN;
			pred[i] = Double.isFinite(y) ? y : 0;
			predSum += pred[i];
		}
		double labelMean = labelSum / labelCount, predMean = predSum / n;
		double[] labelCentred = new double[n];
		double[] predCentred = new double[n];
		for (int i = 0; i < n; i++) {
			labelCentred[i] = known[i] ? label[i] - labelMean : 0;
			predCentred[i] = pred[i] - predMean;
		}
		int lag = bestLag(labelCentred, predCentred, Math.min(maxLag(samplingFrequency), n - 1));

		// aligned[i] = pred[i - lag]; the optimal offset is the mean difference over shared samples
		double diffSum = 0;
		int shared = 0;
		for (int i = Math.max(0, lag); i < Math.min(n, n + lag); i++) {
			if (!known[i]) continue;
			diffSum += pred[i - lag] - label[i];
			shared++;
		}
		double offset = shared > 0 ? diffSum / shared : 0;
		double signal = 0, noise = 0;
		for (int i = 0; i < n; i++) {
			if (!known[i]) continue;
			int j = i - lag;
			double y = j >= 0 && j < n ? pred[j] - offset : 0;
			signal += label[i] * label[i];
			double d = label[i] - y;
			noise += d * d;
		}
		return new LeadPower(lag, offset, signal, noise);
	}

	/**
	 * The lag τ in [-maxLag, maxLag] maximising Σ label[i + τ] pred[i]; ties go to the smallest |τ|,
	 * then to the negative one.
	 */
	static int bestLag(double[] label, double[] pred, int maxLag) {
		int n = label.length;
		double[] z = new double[2 * maxLag + 1];
		double best = Double.NEGATIVE_INFINITY, scale = 0;
		for (int t = -maxLag; t <= maxLag; t++) {
			double s = 0;
			for (int i = Math.max(0, -t); i < Math.min(n, n - t); i++) s += label[i + t] * pred[i];
			z[t + maxLag] = s;
			best = Math.max(best, s);
			scale = Math.max(scale, Math.abs(s));
		}
		double threshold = best - scale * TIE_TOLERANCE;
		for (int a = 0; a <= maxLag; a++) {
			if (z[maxLag - a] >= threshold) return -a;
			if (z[maxLag + a] >= threshold) return a;
		}
		throw new AssertionError("no maximum");
	}

	/** A record's power ratio, capped at {@link #RATIO_CAP}; a perfect record gets the cap. */
	public static double ratio(double signal, double noise) {
		if (noise == 0) return RATIO_CAP;
		if (signal == 0) return 0;
		return Math.min(signal / noise, RATIO_CAP);
	}

	/** 10 log10 of a power ratio; NaN for a zero ratio. */
	public static double db(double ratio) {
		return ratio > 0 ? 10 * Math.log10(ratio) : Double.NaN;
	}

	/** The competition score: 10 log10 of the mean of the per-record ratios (NaN for no records). */
	public static double score(double[] recordRatios) {
		if (recordRatios.length == 0) return Double.NaN;
		double sum = 0;
		for (double r : recordRatios) sum += r;
		double mean = sum / recordRatios.length;
		return Math.max(10 * Math.log10(mean), -RATIO_CAP);
	}
}
