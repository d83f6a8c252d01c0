package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.eval.EvaluationResult;
import org.ecgdigitizer.core.eval.LeadScore;
import org.ecgdigitizer.core.eval.RecordScore;
import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.Json;

/** {@code evaluate}: scores digitized records against references (Challenge 2024 and Kaggle 2025 SNR). */
public final class EvaluateCli implements CliCommand {

	@Override
	public String name() {
		return "evaluate";
	}

	@Override
	public String summary() {
		return "Score digitized records against references: PhysioNet 2024 SNR, Kaggle 2025 SNR, Pearson r, RMSE.";
	}

	@Override
	public String synopsis() {
		return "--pred PRED --ref REF [--json FILE] [--csv FILE] [--quiet]";
	}

	@Override
	public List<Option> options() {
		return List.of(
			Option.value("pred", "PRED", "predicted record (.hea or .csv) or a folder of them"),
			Option.value("ref", "REF", "reference record or folder; records are matched by name"),
			Option.value("json", "FILE", "write the scores as JSON"),
			Option.value("csv", "FILE", "write one row per record and lead as CSV"),
			Option.flag("quiet", "print only the summary, not the per-lead and per-record tables"));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		Path pred = Paths.get(args.required("pred"));
		Path ref = Paths.get(args.required("ref"));
		ProgressLine progress = new ProgressLine(err);
		EvaluationResult result;
		try {
			result = Evaluation.evaluate(pred, ref, progress);
		}
		finally {
			progress.finish();
		}
		if (!args.flag("quiet")) {
			printLeads(result, out);
			printRecords(result, out);
		}
		printSummary(result, out);
		if (args.has("json")) {
			Path json = Paths.get(args.required("json"));
			AtomicFiles.writeString(json, Json.write(result.toJson()));
			out.println("Wrote " + json);
		}
		if (args.has("csv")) {
			Path csv = Paths.get(args.required("csv"));
			AtomicFiles.writeString(csv, result.toCsv());
			out.println("Wrote " + csv);
		}
		return 0;
	}

	private static void printLeads(EvaluationResult result, PrintStream out) {
		int width = Math.max(6, result.records.stream().mapToInt(r -> r.name.length()).max().orElse(6));
		String format = "%-" + width + "s  %-5s %9s %10s %8s %9s %7s %10s %9s%n";
		out.printf(Locale.ROOT, format, "record", "lead", "SNR2024", "SNRKaggle", "Pearson", "RMSE(uV)", "shift",
			"offset(mV)", "coverage");
		for (RecordScore r : result.records) {
			for (LeadScore l : r.leads) {
				// a record without prediction has nothing to align; its note is in the record table
				boolean aligned = l.scored() && !r.predictionMissing;
				String shift = !aligned ? "" : (l.shift > 0 ? "+" : "") + l.shift + (l.shiftApplied ? "" : "!");
				String lead = l.lead + (l.predicted || r.predictionMissing ? "" : "*");
				out.printf(Locale.ROOT, format, r.name, lead, db(l.snr2024), db(l.snrKaggle), fixed(l.pearson, 4),
					fixed(l.rmseUv, 1), shift, aligned && l.shiftApplied ? fixed(l.offsetMv, 3) : "",
					fixed(l.coverage, 3));
			}
		}
		out.println("  * lead missing from the prediction (absent, or without a finite sample), scored as zeros aligned like any other;"
			+ " ! shift or offset beyond 0.5 s / 1 mV, not applied; shifts in samples");
		out.println();
	}

	private static void printRecords(EvaluationResult result, PrintStream out) {
		int width = Math.max(6, result.records.stream().mapToInt(r -> r.name.length()).max().orElse(6));
		String format = "%-" + width + "s %6s %9s %10s %8s %9s  %s%n";
		out.printf(Locale.ROOT, format, "record", "leads", "SNR2024", "SNRKaggle", "Pearson", "RMSE(uV)", "");
		for (RecordScore r : result.records) {
			long scored = r.leads.stream().filter(LeadScore::scored).count();
			out.printf(Locale.ROOT, format, r.name, scored, db(r.meanSnr2024()), db(r.snrKaggle()),
				fixed(r.meanOverLeads(l -> l.pearson), 4), fixed(r.meanOverLeads(l -> l.rmseUv), 1),
				r.predictionMissing ? "no prediction: every lead scored as empty (0 dB)" : "");
		}
		out.println();
	}

	private static void printSummary(EvaluationResult result, PrintStream out) {
		int leads = 0, undefined = 0;
		for (RecordScore r : result.records) {
			for (LeadScore l : r.leads) {
				if (!l.scored()) continue;
				leads++;
				if (Double.isNaN(l.snr2024)) undefined++;
			}
		}
		out.printf(Locale.ROOT, "Records scored: %d, leads: %d%s%n", result.records.size(), leads,
			undefined > 0 ? " (" + undefined + " with an undefined 2024 SNR, e.g. perfect, left out of the mean)" : "");
		List<String> missing = result.missingPredictions();
		if (!missing.isEmpty()) {
			out.println("References without a prediction (every lead scored as empty, 0 dB, as in the Challenge): " +
				String.join(", ", missing));
		}
		if (!result.unmatchedPredictions.isEmpty()) {
			out.println("Predictions without a reference (not scored): " + String.join(", ", result.unmatchedPredictions));
		}
		out.printf(Locale.ROOT, "PhysioNet 2024 SNR (mean over leads): %s dB%n", db(result.meanSnr2024()).trim());
		out.printf(Locale.ROOT, "Kaggle 2025 SNR (over records):       %s dB%n", db(result.snrKaggle()).trim());
		out.printf(Locale.ROOT, "Mean Pearson r: %s, mean RMSE: %s uV%n",
			fixed(result.meanOverLeads(l -> l.pearson), 4).trim(), fixed(result.meanOverLeads(l -> l.rmseUv), 1).trim());
	}

	private static String db(double v) {
		return fixed(v, 2);
	}

	private static String fixed(double v, int decimals) {
		if (Double.isNaN(v)) return "-";
		return String.format(Locale.ROOT, "%." + decimals + "f", v);
	}
}
