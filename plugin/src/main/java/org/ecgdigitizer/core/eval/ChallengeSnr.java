package org.ecgdigitizer.core.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The signal-to-noise ratio of the George B. Moody PhysioNet Challenge 2024, per lead, as its final
 * scoring code computes it (evaluation-2024, September 2024): one rigid alignment of the
 * estimate, then an SNR over the samples finite in both signals, scaled by the fraction of the
 * reference that the estimate covers.
 *
 * <p>Alignment: both signals are drawn as 256-level images over the common amplitude range and
 * cross-correlated after a slight blur ({@link TraceImageCorrelation}). The peak gives a shift in
 * samples and a vertical offset in multiples of range / 255. The shifted estimate is used only when
 * the shift is at most round(0.5 fs) samples and the offset at most 1 mV.</p>
 */
public final class ChallengeSnr {

	/** Largest vertical offset (mV) the Challenge accepts. */
	public static final double MAX_OFFSET_MV = 1.0;

	private ChallengeSnr() {}

	/** The outcome of aligning one estimated lead with its reference. */
	public static final class Alignment {
		/** Samples dropped from the start of the estimate (negative: NaN put in front). */
		public final int shift;
		/** Millivolts subtracted from the estimate. */
		public final double offsetMv;
		/** Whether the shift and offset were within the Challenge's limits and so applied. */
		public final boolean applied;
		/** The estimate to score: shifted and offset when applied, otherwise the input itself. */
		public final double[] estimate;

		Alignment(int shift, double offsetMv, boolean applied, double[] estimate) {
			this.shift = shift;
			this.offsetMv = offsetMv;
			this.applied = applied;
			this.estimate = estimate;
		}
	}

	/** The Challenge's limit on the shift: round(0.5 fs), rounded half to even as numpy does. */
	public static int maxShift(double samplingFrequency) {
		return (int) Math.rint(0.5 * samplingFrequency);
	}

	/**
	 * Aligns an estimate with its reference as the Challenge does. NaN marks missing samples in
	 * either signal; infinite values are treated as missing too.
	 */
	public static Alignment align(double[] reference, double[] estimate, double samplingFrequency) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double[] s : new double[][] { reference, estimate }) {
			for (double v : s) {
				if (!Double.isFinite(v)) continue;
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		int width = Math.max(reference.length, estimate.length);
		int maxShift = maxShift(samplingFrequency);
		if (!hasFinite(reference)) {
			// The Challenge's extremes become NaN here, so its offset is NaN and never applied.
			return new Alignment(0, Double.NaN, false, estimate);
		}
		int shift;
		double offset;
		if (!hasFinite(estimate)) {
			// An all-zero correlation peaks at index (0, 0), against the auto-correlation's centre.
			shift = width - 1;
			offset = (TraceImageCorrelation.LEVELS - 1) / 255.0 * (hi - lo);
		}
		else {
			TraceImageCorrelation.Peaks peaks = TraceImageCorrelation.peak(width,
				TraceImageCorrelation.rows(reference, lo, hi), TraceImageCorrelation.rows(estimate, lo, hi));
			// The reference's auto-correlation always peaks at zero lag (Cauchy-Schwarz), so the
			// Challenge's "auto peak minus cross peak" is the cross peak's lag.
			TraceImageCorrelation.Peak peak = resolveTie(peaks, maxShift, hi - lo);
			shift = peak.shift;
			offset = offsetMv(peak.offsetRows, hi - lo);
		}
		boolean applied = accepted(shift, offset, maxShift);
		return new Alignment(shift, offset, applied, applied ? shifted(estimate, shift, offset) : estimate);
	}

	/**
	 * Chooses among exactly tied correlation peaks. They occur when the estimate is flat (a missing
	 * lead scored as zeros) and covers the reference's window at many lags. scipy's FFT rounding then
	 * picks one of them effectively at random, and what matters is only whether its shift is within
	 * the limits. So the tie goes to the outcome (applied or not) that most tied positions share,
	 * and within it to numpy's first maximum.
	 */
	static TraceImageCorrelation.Peak resolveTie(TraceImageCorrelation.Peaks peaks, int maxShift, double range) {
		List<TraceImageCorrelation.Peak> tied = peaks.tied;
		if (tied.size() == 1) return tied.get(0);
		int inside = 0;
		for (TraceImageCorrelation.Peak p : tied) if (accepted(p.shift, offsetMv(p.offsetRows, range), maxShift)) inside++;
		int outside = tied.size() - inside;
		boolean firstInside = accepted(tied.get(0).shift, offsetMv(tied.get(0).offsetRows, range), maxShift);
		if (inside == outside || firstInside == inside > outside) return tied.get(0);
		for (TraceImageCorrelation.Peak p : tied) {
			if (accepted(p.shift, offsetMv(p.offsetRows, range), maxShift) == inside > outside) return p;
		}
		throw new AssertionError();
	}

	private static double offsetMv(int rows, double range) {
		return rows / (double) (TraceImageCorrelation.LEVELS - 1) * range;
	}

	private static boolean accepted(int shift, double offset, int maxShift) {
		return Math.abs(shift) <= maxShift && Math.abs(offset) <= MAX_OFFSET_MV;
	}

	/** Drops (shift > 0) or prepends (shift < 0) samples, pads the end with NaN, then subtracts the offset. */
	static double[] shifted(double[] estimate, int shift, double offset) {
		double[] out;
		if (shift < 0) {
			out = new double[estimate.length - shift];
			Arrays.fill(out, 0, -shift, Double.NaN);
			System.arraycopy(estimate, 0, out, -shift, estimate.length);
		}
		else {
			int kept = Math.max(0, estimate.length - shift);
			out = new double[kept + shift];
			System.arraycopy(estimate, Math.min(shift, estimate.length), out, 0, kept);
			Arrays.fill(out, kept, out.length, Double.NaN);
		}
		for (int i = 0; i < out.length; i++) out[i] -= offset;
		return out;
	}

	/**
	 * The Challenge SNR in dB of an (already aligned) estimate: 10 log10(Σx² / Σ(x - y)²) over the
	 * samples finite in both, times the fraction of finite reference samples that are also finite
	 * in the estimate. Returns 0 when the estimate covers none of the reference, and NaN when the
	 * reference has no finite sample or when the signal or noise power is zero (a perfect
	 * reconstruction), which the Challenge's mean then skips.
	 */
	public static double snr(double[] reference, double[] estimate) {
		int n = Math.max(reference.length, estimate.length);
		int finiteRef = 0, both = 0;
		double signal = 0, noise = 0;
		for (int i = 0; i < n; i++) {
			double x = i < reference.length ? reference[i] : Double.NaN;
			if (!Double.isFinite(x)) continue;
			finiteRef++;
			double y = i < estimate.length ? estimate[i] : Double.NaN;
			if (!Double.isFinite(y)) continue;
			both++;
			signal += x * x;
			double d = x - y;
			noise += d * d;
		}
		if (finiteRef == 0) return Double.NaN;
		if (both == 0) return 0;
		if (!(signal > 0 && noise > 0)) return Double.NaN;
		double snr = 10 * Math.log10((signal / both) / (noise / both));
		return snr * ((double) both / finiteRef);
	}

	/** Whether a signal has at least one finite sample. */
	static boolean hasFinite(double[] s) {
		for (double v : s) if (Double.isFinite(v)) return true;
		return false;
	}
}
