package org.ecgdigitizer.core.eval;

/**
 * The scores of one reference lead against its prediction. NaN means the metric is undefined for
 * this lead (for example the SNR of a perfect reconstruction, or any metric of an unprinted lead).
 */
public final class LeadScore {

	/** The lead's name as the reference spells it. */
	public final String lead;
	/**
	 * False when the prediction lacked this lead (no channel of that name, or one without a finite
	 * sample), which was then scored as all zeros, aligned like any other lead.
	 */
	public final boolean predicted;
	/** Finite samples in the reference (0: nothing printed, nothing scored). */
	public final int referenceSamples;

	/** The Challenge 2024 SNR in dB (already scaled by {@link #coverage}). */
	public final double snr2024;
	/** The Challenge alignment: samples the prediction was advanced by, and mV subtracted. */
	public final int shift;
	public final double offsetMv;
	/** Whether that alignment was within the limits (±0.5 s, ±1 mV) and so applied. */
	public final boolean shiftApplied;
	/** Fraction of finite reference samples that the aligned prediction also has. */
	public final double coverage;

	/** Pearson correlation over the samples finite in both, after the 2024 alignment. */
	public final double pearson;
	/** Root-mean-square error in µV over the same samples. */
	public final double rmseUv;

	/** This lead's own Kaggle power ratio in dB, and the powers that enter its record's sum. */
	public final double snrKaggle;
	public final double kaggleSignal;
	public final double kaggleNoise;

	LeadScore(String lead, boolean predicted, int referenceSamples, double snr2024, int shift, double offsetMv,
		boolean shiftApplied, double coverage, double pearson, double rmseUv, double snrKaggle, double kaggleSignal,
		double kaggleNoise)
	{
		this.lead = lead;
		this.predicted = predicted;
		this.referenceSamples = referenceSamples;
		this.snr2024 = snr2024;
		this.shift = shift;
		this.offsetMv = offsetMv;
		this.shiftApplied = shiftApplied;
		this.coverage = coverage;
		this.pearson = pearson;
		this.rmseUv = rmseUv;
		this.snrKaggle = snrKaggle;
		this.kaggleSignal = kaggleSignal;
		this.kaggleNoise = kaggleNoise;
	}

	/** Whether the reference printed this lead at all. */
	public boolean scored() {
		return referenceSamples > 0;
	}
}
