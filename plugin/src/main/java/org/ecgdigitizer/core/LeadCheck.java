package org.ecgdigitizer.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.Lead;
import org.ecgdigitizer.core.trace.Trace;

/**
 * The rule that keeps empty records from passing as results: a page is digitized only when enough
 * of the leads its layout printed were traced. A printer draws every lead of a page with the same
 * pen on the same paper, so local damage (a stain, a crease, a fold) costs a lead or three; losing
 * more than half of a page's leads means its rows or layout were misread, and the record would be
 * mostly wrong or empty. Pages of three leads or fewer (a rhythm strip) must give all of them.
 *
 * <p>A lead counts as digitized when its signal covers at least half of the time the layout
 * printed it for.</p>
 */
public final class LeadCheck {

	/** A lead is digitized when its samples cover this share of its printed time. */
	static final double MIN_COVERAGE = 0.5;
	/** Confidence below which stage 4 leaves a segment out (SignalBuilder's rule). */
	static final double MIN_TRACE_CONFIDENCE = 0.5;

	/** The leads the layout printed, in standard order. */
	public final List<Lead> printed;
	/** The printed leads that were digitized. */
	public final List<Lead> digitized;
	/** Why each printed lead that was not digitized was lost. */
	public final Map<Lead, String> lost;
	/** How many digitized leads the page needs. */
	public final int required;
	/** Mean confidence over the printed leads (0 for one not traced at all). */
	public final double meanConfidence;

	private LeadCheck(List<Lead> printed, List<Lead> digitized, Map<Lead, String> lost, double meanConfidence) {
		this.printed = printed;
		this.digitized = digitized;
		this.lost = lost;
		this.required = required(printed.size());
		this.meanConfidence = meanConfidence;
	}

	/** Digitized leads a page that printed {@code printed} leads needs: all up to 3, else half (6 of 12, 3 of 6). */
	public static int required(int printed) {
		return printed <= 3 ? printed : (printed + 1) / 2;
	}

	public boolean passes() {
		return digitized.size() >= required && !digitized.isEmpty();
	}

	/** Checks a digitization against its layout. */
	public static LeadCheck of(Digitization d) {
		PageLayout layout = d.layout.layout;
		double fs = d.record.samplingFrequency();
		int length = d.record.length();
		Set<Lead> printedSet = new LinkedHashSet<>();
		Map<Lead, boolean[]> windows = new LinkedHashMap<>();
		for (PageLayout.Cell cell : layout.cells()) {
			printedSet.add(cell.lead);
			boolean[] w = windows.computeIfAbsent(cell.lead, k -> new boolean[length]);
			int from = (int) Math.round(cell.startFraction(layout.columnCount()) * d.layout.pageSeconds * fs);
			int to = (int) Math.round(cell.endFraction(layout.columnCount()) * d.layout.pageSeconds * fs);
			for (int k = Math.max(0, from); k < Math.min(length, to); k++) w[k] = true;
		}
		List<Lead> printed = new ArrayList<>();
		for (Lead lead : Lead.values()) if (printedSet.contains(lead)) printed.add(lead);
		List<Lead> digitized = new ArrayList<>();
		Map<Lead, String> lost = new LinkedHashMap<>();
		double confidenceSum = 0;
		for (Lead lead : printed) {
			double[] v = d.record.channel(lead.ordinal());
			boolean[] w = windows.get(lead);
			int shown = 0, covered = 0;
			for (int k = 0; k < length; k++) {
				if (!w[k]) continue;
				shown++;
				if (!Double.isNaN(v[k])) covered++;
			}
			Double c = d.leadConfidence.get(lead.label());
			confidenceSum += c == null || c.isNaN() ? 0 : c;
			double coverage = shown == 0 ? 0 : covered / (double) shown;
			if (coverage >= MIN_COVERAGE) digitized.add(lead);
			else lost.put(lead, reason(d, lead, coverage));
		}
		return new LeadCheck(printed, digitized, lost, printed.isEmpty() ? 0 : confidenceSum / printed.size());
	}

	/** Why a lead was lost: the kind of reason, then a tab and the lead's own figure (empty for none). */
	private static String reason(Digitization d, Lead lead, double coverage) {
		double best = -1;
		for (Trace t : d.traces) if (t.region.lead == lead) best = Math.max(best, t.confidence);
		if (best < 0) return NOT_FOUND + "\t";
		if (best < MIN_TRACE_CONFIDENCE) return String.format(Locale.ROOT, "%s\t%.0f%%", FOLLOWED, 100 * best);
		return String.format(Locale.ROOT, "%s\t%.0f%%", COVERS, 100 * coverage);
	}

	private static final String NOT_FOUND = "no trace found where the layout prints them";
	private static final String FOLLOWED = "trace followed over too little of the segment";
	private static final String COVERS = "signal covers too little of its time";

	/**
	 * One line: how many leads were digitized, which, and why the others were not; for example "only
	 * 3 of 12 printed leads digitized (6 needed): II, V1, V5; not digitized: trace followed over too
	 * little of the segment: I 3%, III 33%; no trace found where the layout prints them: aVR".
	 */
	public String message() {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s%d of %d printed leads digitized (%d " +
			"needed)", passes() ? "" : "only ", digitized.size(), printed.size(), required));
		sb.append(": ").append(digitized.isEmpty() ? "none" : labels(digitized));
		if (!lost.isEmpty()) {
			sb.append("; not digitized: ");
			// leads lost for the same reason are listed together, each with its figure
			Map<String, List<String>> byReason = new LinkedHashMap<>();
			for (Map.Entry<Lead, String> e : lost.entrySet()) {
				String[] kind = e.getValue().split("\t", -1);
				byReason.computeIfAbsent(kind[0], k -> new ArrayList<>()).add(e.getKey().label() + (kind[1].isEmpty() ? ""
					: " " + kind[1]));
			}
			List<String> parts = new ArrayList<>();
			for (Map.Entry<String, List<String>> e : byReason.entrySet()) parts.add(e.getKey() + ": " + String.join(
				", ", e.getValue()));
			sb.append(String.join("; ", parts));
		}
		return sb.toString();
	}

	private static String labels(List<Lead> leads) {
		List<String> s = new ArrayList<>();
		for (Lead l : leads) s.add(l.label());
		return String.join(", ", s);
	}

	/** For the record's JSON. */
	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("printed", printed.size());
		m.put("digitized", digitized.size());
		m.put("required", required);
		List<String> names = new ArrayList<>();
		for (Lead l : digitized) names.add(l.label());
		m.put("digitized_leads", names);
		Map<String, Object> why = new LinkedHashMap<>();
		for (Map.Entry<Lead, String> e : lost.entrySet()) why.put(e.getKey().label(), e.getValue().replace("\t", " ")
			.trim());
		m.put("not_digitized", why);
		m.put("mean_confidence", meanConfidence);
		return m;
	}
}
