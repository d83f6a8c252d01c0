package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.trace.Trace;

/**
 * Stage 4: turns traced paths into millivolts at the requested sampling frequency, places each
 * segment at its time offset, fuses leads printed twice, and assembles the 12 standard leads.
 */
public final class SignalBuilder {

	/** Gaps in a trace up to this long are bridged by interpolation; longer ones stay NaN. */
	static final double MAX_BRIDGED_GAP_S = 0.02;
	/** Below this confidence a segment is left out (NaN) rather than invent a signal. */
	static final double MIN_CONFIDENCE = 0.5;

	private SignalBuilder() {}

	public static Digitization build(List<Trace> traces, LeadLayout layout, DigitizerSettings settings, String name) {
		double fs = settings.samplingFrequency;
		int length = (int) Math.round(layout.pageSeconds * fs);
		double[][] sum = new double[12][length];
		double[][] weight = new double[12][length];
		double[] confidenceSum = new double[12];
		int[] segments = new int[12];
		List<String> warnings = new ArrayList<>(layout.warnings);
		for (Trace trace : traces) {
			LeadRegion r = trace.region;
			int lead = r.lead.ordinal();
			segments[lead]++;
			confidenceSum[lead] += trace.confidence;
			if (trace.confidence < MIN_CONFIDENCE) {
				warnings.add(String.format(Locale.ROOT, "%s (row %d, column %d): trace followed over only %.0f%% of " +
					"the segment; left empty", r.label(), r.row + 1, r.column + 1, 100 * trace.confidence));
				continue;
			}
			// the sample loops in methods of their own: C2 would otherwise compile all of build, called once a
			// page, once per hot loop (on-stack replacement)
			add(segment(trace, layout, fs, length), sum[lead], weight[lead]);
		}
		double[][] samples = new double[12][];
		Map<String, Double> confidence = new LinkedHashMap<>();
		for (Lead lead : Lead.values()) {
			int i = lead.ordinal();
			samples[i] = mean(sum[i], weight[i]);
			confidence.put(lead.label(), segments[i] == 0 ? Double.NaN : confidenceSum[i] / segments[i]);
			if (segments[i] == 0) warnings.add(lead.label() + " is not printed on this page; its samples are NaN");
		}
		EcgRecord record = new EcgRecord(name, fs, Lead.standardLabels(), samples);
		return new Digitization(record, layout, traces, settings, confidence, warnings);
	}

	/** Adds a segment's finite samples to the lead's sums and counts them in its weights. */
	private static void add(double[] mv, double[] sum, double[] weight) {
		for (int k = 0; k < mv.length; k++) {
			if (Double.isNaN(mv[k])) continue;
			sum[k] += mv[k];
			weight[k] += 1;
		}
	}

	/** The mean of the segments at each sample, NaN where none has one. */
	private static double[] mean(double[] sum, double[] weight) {
		double[] samples = new double[sum.length];
		for (int k = 0; k < sum.length; k++) samples[k] = weight[k] > 0 ? sum[k] / weight[k] : Double.NaN;
		return samples;
	}

	/** The longest gap in a trace (columns) that a signal bridges, on this layout's time scale. */
	public static int maxBridgedGapPx(LeadLayout layout) {
		return (int) Math.round(MAX_BRIDGED_GAP_S * layout.pxPerSecond());
	}

	/**
	 * One traced segment as a signal in mV on the record's time grid: {@code length} samples at fs,
	 * finite only within the segment's time window and where the trace was followed (short gaps
	 * bridged). The sign is that of the lead, undoing Cabrera's printed -aVR.
	 */
	public static double[] segment(Trace trace, LeadLayout layout, double fs, int length) {
		LeadRegion r = trace.region;
		double pxPerSecond = layout.pxPerSecond();
		double pxPerMv = layout.pxPerMv();
		int steps = trace.stepsPerColumn();
		double[] ys = bridgeGaps(trace.path(), maxBridgedGapPx(layout) * steps);
		double[] out = new double[length];
		java.util.Arrays.fill(out, Double.NaN);
		int first = Math.max(0, r.startSample(fs));
		int last = Math.min(length, r.endSample(fs));
		double sign = r.inverted ? -1 : 1;
		for (int k = first; k < last; k++) {
			// the path's point at this sample's time, where the segment draws it
			double u = (layout.x0 + (k / fs + r.pageOffsetSeconds) * pxPerSecond - trace.x0) * steps - 0.5;
			double y = interpolate(ys, u);
			if (!Double.isNaN(y)) out[k] = sign * (r.baselineY - y) / pxPerMv;
		}
		return out;
	}

	/** Linear interpolation of ys at fractional index u; NaN outside or next to a gap. */
	static double interpolate(double[] ys, double u) {
		if (u < -0.5 || u > ys.length - 0.5) return Double.NaN;
		int i = (int) Math.floor(u);
		double f = u - i;
		if (i < 0) return ys[0];
		if (i >= ys.length - 1) return ys[ys.length - 1];
		double a = ys[i];
		double b = ys[i + 1];
		if (Double.isNaN(a)) return f > 0.5 ? b : Double.NaN;
		if (Double.isNaN(b)) return f < 0.5 ? a : Double.NaN;
		return a + f * (b - a);
	}

	/** Fills runs of NaN no longer than maxGap by linear interpolation. */
	static double[] bridgeGaps(double[] ys, int maxGap) {
		double[] out = ys.clone();
		int i = 0;
		while (i < out.length) {
			if (!Double.isNaN(out[i])) {
				i++;
				continue;
			}
			int start = i;
			while (i < out.length && Double.isNaN(out[i])) i++;
			if (start > 0 && i < out.length && i - start <= maxGap) {
				double a = out[start - 1];
				double b = out[i];
				for (int k = start; k < i; k++) out[k] = a + (b - a) * (k - start + 1) / (i - start + 1);
			}
		}
		return out;
	}
}
