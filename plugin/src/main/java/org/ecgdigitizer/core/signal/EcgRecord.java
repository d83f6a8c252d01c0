package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A multi-lead ECG: named leads sampled at one frequency, values in millivolts.
 * NaN marks a sample that is not available (a lead that was not printed, a gap in a trace).
 *
 * <p>The sample arrays are shared, not copied, for speed; treat a record as immutable and
 * use {@link #copy()} before changing values.</p>
 */
public final class EcgRecord {

	private final String name;
	private final double samplingFrequency;
	private final List<String> leadNames;
	private final double[][] samples;
	private final List<String> comments;

	/**
	 * @param name record name (WFDB record names are letters, digits, '_' and '-')
	 * @param samplingFrequency samples per second
	 * @param leadNames one name per channel
	 * @param samples samples[channel][time] in mV; every channel has the same length
	 */
	public EcgRecord(String name, double samplingFrequency, List<String> leadNames, double[][] samples) {
		this(name, samplingFrequency, leadNames, samples, List.of());
	}

	public EcgRecord(String name, double samplingFrequency, List<String> leadNames, double[][] samples,
		List<String> comments)
	{
		if (!(samplingFrequency > 0)) {
			throw new IllegalArgumentException("Sampling frequency must be positive, got " + samplingFrequency);
		}
		if (leadNames.size() != samples.length) {
			throw new IllegalArgumentException(leadNames.size() + " lead names for " + samples.length + " channels");
		}
		for (double[] channel : samples) {
			if (channel.length != samples[0].length) {
				throw new IllegalArgumentException("All channels of a record must have the same length");
			}
		}
		this.name = name;
		this.samplingFrequency = samplingFrequency;
		this.leadNames = Collections.unmodifiableList(new ArrayList<>(leadNames));
		this.samples = samples;
		this.comments = Collections.unmodifiableList(new ArrayList<>(comments));
	}

	/** A record of the twelve standard leads, all NaN. */
	public static EcgRecord emptyStandard(String name, double samplingFrequency, int length) {
		double[][] s = new double[12][length];
		for (double[] channel : s) Arrays.fill(channel, Double.NaN);
		return new EcgRecord(name, samplingFrequency, Lead.standardLabels(), s);
	}

	public String name() {
		return name;
	}

	public double samplingFrequency() {
		return samplingFrequency;
	}

	public List<String> leadNames() {
		return leadNames;
	}

	public List<String> comments() {
		return comments;
	}

	public int leadCount() {
		return samples.length;
	}

	public int length() {
		return samples.length == 0 ? 0 : samples[0].length;
	}

	public double durationSeconds() {
		return length() / samplingFrequency;
	}

	/** Samples of one channel, by index. The array is shared. */
	public double[] channel(int index) {
		return samples[index];
	}

	/** All channels, shared. */
	public double[][] samples() {
		return samples;
	}

	/** Index of a lead by name, case-insensitively, or -1. */
	public int indexOf(String lead) {
		for (int i = 0; i < leadNames.size(); i++) {
			if (leadNames.get(i).equalsIgnoreCase(lead.trim())) return i;
		}
		return -1;
	}

	/** Samples of a lead by name (case-insensitive), or null if the record has no such lead. */
	public double[] lead(String lead) {
		int i = indexOf(lead);
		return i < 0 ? null : samples[i];
	}

	public double[] lead(Lead lead) {
		return lead(lead.label());
	}

	/**
	 * The twelve standard leads in standard order, with the standard spelling. Leads this
	 * record lacks are all NaN. Other channels (for example Frank leads) are dropped.
	 */
	public EcgRecord toStandardLeads() {
		double[][] out = new double[12][];
		for (Lead lead : Lead.values()) {
			double[] src = lead(lead);
			if (src != null) {
				out[lead.ordinal()] = src;
			}
			else {
				double[] nan = new double[length()];
				Arrays.fill(nan, Double.NaN);
				out[lead.ordinal()] = nan;
			}
		}
		return new EcgRecord(name, samplingFrequency, Lead.standardLabels(), out, comments);
	}

	public EcgRecord withName(String newName) {
		return new EcgRecord(newName, samplingFrequency, leadNames, samples, comments);
	}

	public EcgRecord withComments(List<String> newComments) {
		return new EcgRecord(name, samplingFrequency, leadNames, samples, newComments);
	}

	/** Samples [from, to) of every channel, as a new record. */
	public EcgRecord slice(int from, int to) {
		double[][] out = new double[samples.length][];
		for (int c = 0; c < samples.length; c++) out[c] = Arrays.copyOfRange(samples[c], from, to);
		return new EcgRecord(name, samplingFrequency, leadNames, out, comments);
	}

	/** A deep copy, safe to modify. */
	public EcgRecord copy() {
		double[][] out = new double[samples.length][];
		for (int c = 0; c < samples.length; c++) out[c] = samples[c].clone();
		return new EcgRecord(name, samplingFrequency, leadNames, out, comments);
	}

	/** Number of finite samples in a channel. */
	public int finiteCount(int channel) {
		int n = 0;
		for (double v : samples[channel]) if (Double.isFinite(v)) n++;
		return n;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "EcgRecord[%s, %d leads %s, %.1f Hz, %d samples]", name,
			leadCount(), leadNames, samplingFrequency, length());
	}
}
