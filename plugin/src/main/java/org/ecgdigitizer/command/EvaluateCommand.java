package org.ecgdigitizer.command;

import java.io.File;
import java.io.IOException;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.eval.EvaluationResult;
import org.ecgdigitizer.core.eval.LeadScore;
import org.ecgdigitizer.core.eval.RecordScore;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;

/**
 * Scores digitized records against references (PhysioNet 2024 SNR, Kaggle 2025 SNR, Pearson r,
 * RMSE) and shows one row per lead, then one mean row per record and one for all records.
 * Macro: {@code run("Evaluate Digitization", "pred=/data/digitized ref=/data/reference");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>ECG Digitizer>Evaluate Digitization")
public class EvaluateCommand extends DigitizerCommand {

	@Parameter(label = "Predictions (record or folder)", description =
		"Digitized record (.hea or .csv), or a folder of them matched to the references by record name")
	private File pred;

	@Parameter(label = "References (record or folder)", description =
		"Reference record (.hea or .csv), or a folder of them; NaN marks samples that were not printed")
	private File ref;

	// shown in its own window, not an output, which Fiji cannot display
	private ResultsTable results;

	@Override
	protected void execute(StatusProgress progress) {
		EvaluationResult result;
		try {
			result = Evaluation.evaluate(pred.toPath(), ref.toPath(), progress);
		}
		catch (IOException e) {
			throw new EcgException("Cannot evaluate: " + e.getMessage() + "; check the prediction and reference paths", e);
		}
		results = table(result);
		ResultTables.show(results, "ECG evaluation");
	}

	/** The scores, one row per lead, record mean and overall mean. Null until the command has run. */
	public ResultsTable getResults() {
		return results;
	}

	/** One row per lead, then a "mean" row per record and a final "all records" row. */
	static ResultsTable table(EvaluationResult result) {
		ResultsTable t = new ResultsTable();
		for (RecordScore r : result.records) {
			for (LeadScore l : r.leads) {
				t.incrementCounter();
				t.addValue("Record", r.name);
				t.addValue("Lead", l.lead);
				t.addValue("SNR_2024_dB", l.snr2024);
				t.addValue("SNR_Kaggle_dB", l.snrKaggle);
				t.addValue("Pearson", l.pearson);
				t.addValue("RMSE_uV", l.rmseUv);
				t.addValue("Shift_samples", l.scored() ? l.shift : Double.NaN);
				t.addValue("Offset_mV", l.offsetMv);
				t.addValue("Shift_applied", l.shiftApplied ? 1 : 0);
				t.addValue("Coverage", l.coverage);
				t.addValue("Predicted", l.predicted ? 1 : 0);
			}
		}
		for (RecordScore r : result.records) {
			meanRow(t, r.name, r.meanSnr2024(), r.snrKaggle(), r.meanOverLeads(l -> l.pearson),
				r.meanOverLeads(l -> l.rmseUv), r.predictionMissing ? 0 : 1);
		}
		meanRow(t, "all records", result.meanSnr2024(), result.snrKaggle(), result.meanOverLeads(l -> l.pearson),
			result.meanOverLeads(l -> l.rmseUv), Double.NaN);
		return t;
	}

	private static void meanRow(ResultsTable t, String record, double snr, double kaggle, double pearson, double rmse,
		double predicted)
	{
		t.incrementCounter();
		t.addValue("Record", record);
		t.addValue("Lead", "mean");
		t.addValue("SNR_2024_dB", snr);
		t.addValue("SNR_Kaggle_dB", kaggle);
		t.addValue("Pearson", pearson);
		t.addValue("RMSE_uV", rmse);
		t.addValue("Shift_samples", Double.NaN);
		t.addValue("Offset_mV", Double.NaN);
		t.addValue("Shift_applied", Double.NaN);
		t.addValue("Coverage", Double.NaN);
		t.addValue("Predicted", predicted);
	}
}
