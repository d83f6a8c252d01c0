package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scores of a set of records, with the two headline numbers: the Challenge 2024 score (mean SNR
 * over all scored leads of all records) and the Kaggle 2025 score.
 */
public final class EvaluationResult {

	public final List<RecordScore> records;
	/** Names of predictions that had no reference; they are not scored. */
	public final List<String> unmatchedPredictions;

	public EvaluationResult(List<RecordScore> records, List<String> unmatchedPredictions) {
		this.records = Collections.unmodifiableList(new ArrayList<>(records));
		this.unmatchedPredictions = Collections.unmodifiableList(new ArrayList<>(unmatchedPredictions));
	}

	/** The Challenge 2024 score: mean over all (record, lead) SNRs, NaN skipped, in dB. */
	public double meanSnr2024() {
		return meanOverLeads(l -> l.snr2024);
	}

	/** The Kaggle 2025 score: 10 log10 of the mean per-record power ratio, over records with printed leads. */
	public double snrKaggle() {
		List<Double> ratios = new ArrayList<>();
		for (RecordScore r : records) if (r.hasKaggleLeads()) ratios.add(r.kaggleRatio());
		double[] a = new double[ratios.size()];
		for (int i = 0; i < a.length; i++) a[i] = ratios.get(i);
		return KaggleSnr.score(a);
	}

	/** References scored without a prediction (all leads as zeros). */
	public List<String> missingPredictions() {
		List<String> out = new ArrayList<>();
		for (RecordScore r : records) if (r.predictionMissing) out.add(r.name);
		return out;
	}

	/** Mean of a per-lead value over the printed leads of all records, NaN skipped. */
	public double meanOverLeads(ToDoubleFunction<LeadScore> value) {
		double sum = 0;
		int n = 0;
		for (RecordScore r : records) {
			for (LeadScore l : r.leads) {
				if (!l.scored()) continue;
				double v = value.applyAsDouble(l);
				if (Double.isNaN(v)) continue;
				sum += v;
				n++;
			}
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	/**
	 * The JSON report: {"records": [{"name", "leads": {"I": {"snr2024", "snr_kaggle", "pearson",
	 * "rmse_uv", ...}, ...}, "mean_snr2024", ...}], "mean_snr2024", "snr_kaggle", ...}. NaN
	 * becomes null when written.
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> root = new LinkedHashMap<>();
		List<Object> recs = new ArrayList<>();
		for (RecordScore r : records) {
			Map<String, Object> rec = new LinkedHashMap<>();
			rec.put("name", r.name);
			Map<String, Object> leads = new LinkedHashMap<>();
			for (LeadScore l : r.leads) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("snr2024", l.snr2024);
				m.put("snr_kaggle", l.snrKaggle);
				m.put("pearson", l.pearson);
				m.put("rmse_uv", l.rmseUv);
				m.put("predicted", l.predicted);
				m.put("reference_samples", l.referenceSamples);
				m.put("coverage", l.coverage);
				m.put("shift_samples", l.shift);
				m.put("offset_mv", l.offsetMv);
				m.put("shift_applied", l.shiftApplied);
				leads.put(l.lead, m);
			}
			rec.put("leads", leads);
			rec.put("mean_snr2024", r.meanSnr2024());
			rec.put("snr_kaggle", r.snrKaggle());
			rec.put("prediction_missing", r.predictionMissing);
			recs.add(rec);
		}
		root.put("records", recs);
		root.put("mean_snr2024", meanSnr2024());
		root.put("snr_kaggle", snrKaggle());
		root.put("mean_pearson", meanOverLeads(l -> l.pearson));
		root.put("mean_rmse_uv", meanOverLeads(l -> l.rmseUv));
		root.put("missing_predictions", missingPredictions());
		root.put("unmatched_predictions", unmatchedPredictions);
		return root;
	}

	/** One row per (record, lead) with the same values as the JSON report; empty fields for NaN. */
	public String toCsv() {
		StringBuilder sb = new StringBuilder();
		sb.append("record,lead,snr2024,snr_kaggle,pearson,rmse_uv,predicted,reference_samples,coverage,")
			.append("shift_samples,offset_mv,shift_applied,record_mean_snr2024,record_snr_kaggle\n");
		for (RecordScore r : records) {
			String recMean = csvNumber(r.meanSnr2024()), recKaggle = csvNumber(r.snrKaggle());
			for (LeadScore l : r.leads) {
				sb.append(csvText(r.name)).append(',').append(csvText(l.lead)).append(',')
					.append(csvNumber(l.snr2024)).append(',').append(csvNumber(l.snrKaggle)).append(',')
					.append(csvNumber(l.pearson)).append(',').append(csvNumber(l.rmseUv)).append(',')
					.append(l.predicted).append(',').append(l.referenceSamples).append(',')
					.append(csvNumber(l.coverage)).append(',').append(l.shift).append(',')
					.append(csvNumber(l.offsetMv)).append(',').append(l.shiftApplied).append(',')
					.append(recMean).append(',').append(recKaggle).append('\n');
			}
		}
		return sb.toString();
	}

	/** Up to ten significant digits, shortest form; empty for NaN. */
	static String csvNumber(double v) {
		if (Double.isNaN(v)) return "";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		String s = String.format(Locale.ROOT, "%.10g", v);
		if (s.contains("e")) return s.replaceFirst("\\.?0+e", "e");
		if (s.contains(".")) {
			s = s.replaceFirst("0+$", "");
			if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static String csvText(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
