package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Scores predicted ECG records against references with the Challenge 2024 SNR, the Kaggle 2025
 * SNR, Pearson correlation and RMSE. Both front ends (the {@code evaluate} subcommand and the
 * Fiji command) format the {@link EvaluationResult} this produces.
 *
 * <p>As in the Challenge, every channel of the reference is scored; prediction channels are
 * matched to them by name, case-insensitively, and a lead the prediction lacks counts as all
 * zeros, as does every lead of a reference that has no prediction at all.</p>
 */
public final class Evaluation {

	private Evaluation() {}

	/**
	 * Scores one record.
	 *
	 * @param prediction the digitized record, or null when there is none (all leads score as zeros)
	 * @throws EcgException when the sampling frequencies differ or a name appears twice
	 */
	public static RecordScore score(EcgRecord reference, EcgRecord prediction) {
		double fs = reference.samplingFrequency();
		checkUniqueNames(reference, "reference");
		if (prediction != null) {
			checkUniqueNames(prediction, "prediction");
			double pfs = prediction.samplingFrequency();
			if (Math.abs(pfs - fs) > 1e-9 * fs) {
				throw new EcgException(String.format(Locale.ROOT,
					"Prediction %s is sampled at %s Hz but its reference at %s Hz; write the prediction at the reference's rate",
					prediction.name(), trim(pfs), trim(fs)));
			}
		}
		List<LeadScore> leads = new ArrayList<>();
		int zerosLength = prediction != null ? prediction.length() : reference.length();
		for (int c = 0; c < reference.leadCount(); c++) {
			String name = reference.leadNames().get(c);
			double[] predicted = prediction != null ? prediction.lead(name) : null;
			boolean present = predicted != null;
			leads.add(scoreLead(name, reference.channel(c), present ? predicted : new double[zerosLength], present, fs));
		}
		return new RecordScore(reference.name(), prediction == null, leads);
	}

	/** Scores one lead; {@code predicted} only records whether the prediction had the lead. */
	public static LeadScore scoreLead(String name, double[] reference, double[] prediction, boolean predicted,
		double samplingFrequency)
	{
		int finite = 0;
		for (double v : reference) if (Double.isFinite(v)) finite++;
		if (finite == 0) {
			return new LeadScore(name, predicted, 0, Double.NaN, 0, Double.NaN, false, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, 0, 0);
		}
		ChallengeSnr.Alignment alignment = ChallengeSnr.align(reference, prediction, samplingFrequency);
		double[] aligned = alignment.estimate;
		double snr = ChallengeSnr.snr(reference, aligned);

		int both = 0;
		for (int i = 0; i < Math.min(reference.length, aligned.length); i++) {
			if (Double.isFinite(reference[i]) && Double.isFinite(aligned[i])) both++;
		}
		KaggleSnr.LeadPower kaggle = KaggleSnr.lead(reference, prediction, samplingFrequency);
		return new LeadScore(name, predicted, finite, snr, alignment.shift, alignment.offsetMv, alignment.applied,
			both / (double) finite, SignalAgreement.pearson(reference, aligned),
			1000 * SignalAgreement.rmse(reference, aligned), kaggle.db(), kaggle.signal, kaggle.noise);
	}

	private static void checkUniqueNames(EcgRecord record, String role) {
		Map<String, String> seen = new HashMap<>();
		for (String name : record.leadNames()) {
			String key = name.trim().toLowerCase(Locale.ROOT);
			String before = seen.put(key, name);
			if (before != null) {
				throw new EcgException("The " + role + " " + record.name() + " has two channels named " + name +
					"; keep one of them");
			}
		}
	}

	private static String trim(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
