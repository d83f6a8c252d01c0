package org.ecgdigitizer.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Scores predicted ECG records against references with the Challenge 2024 SNR, the Kaggle 2025
 * SNR, Pearson correlation and RMSE. Both front ends (the {@code evaluate} subcommand and the
 * Fiji command) format the {@link EvaluationResult} this produces.
 *
 * <p>As in the Challenge, every channel of the reference is scored; prediction channels are
 * matched to them by name, case-insensitively, and a lead the prediction lacks (absent, or
 * without a single finite sample) counts as all zeros, aligned like any other lead. A reference without any prediction is scored with empty (NaN) leads, as the Challenge's
 * evaluate_model does, so each of its leads scores 0 dB.</p>
 */
public final class Evaluation {

	/** Suffix of a masked reference's record name ({@code <name>_masked}, NaN where not plotted). */
	public static final String MASKED_SUFFIX = "_masked";

	private Evaluation() {}

	/**
	 * Scores predictions against references read from files.
	 *
	 * <ul>
	 * <li>Two folders: every reference record (WFDB {@code .hea} or CSV) is scored against the
	 * prediction of the same record name; a reference without one scores as all zeros, and
	 * predictions without a reference are listed as unmatched. A reference {@code <name>_masked}
	 * (as page generators write it) is the reference of prediction {@code <name>} and replaces a full
	 * {@code <name>} in the same folder.</li>
	 * <li>Two files: the one pair, whatever the names.</li>
	 * <li>A file and a folder: the file against the folder's record of the same name.</li>
	 * </ul>
	 */
	public static EvaluationResult evaluate(Path prediction, Path reference, Progress progress) throws IOException {
		checkExists(prediction, "prediction");
		checkExists(reference, "reference");
		boolean predFolder = Files.isDirectory(prediction), refFolder = Files.isDirectory(reference);
		Map<String, Path> refs = new LinkedHashMap<>();
		Map<String, Path> preds = new LinkedHashMap<>();
		if (refFolder) {
			refs = referencesByName(reference);
			if (refs.isEmpty()) {
				throw new EcgException("No reference records (.hea or .csv) in " + reference + "; give the folder that holds them");
			}
		}
		if (predFolder) {
			for (Path p : Records.list(prediction)) preds.put(Records.stem(p), p);
		}
		if (!refFolder && !predFolder) {
			refs.put(Records.stem(reference), reference);
			preds.put(Records.stem(reference), prediction);
		}
		else if (!refFolder) {
			String name = Records.stem(reference);
			if (!preds.containsKey(name) && name.endsWith(MASKED_SUFFIX)) {
				name = name.substring(0, name.length() - MASKED_SUFFIX.length());
			}
			if (!preds.containsKey(name)) {
				throw new EcgException("No prediction named " + name + " in " + prediction + "; give the matching record or file");
			}
			refs.put(name, reference);
			preds = Map.of(name, preds.get(name));
		}
		else if (!predFolder) {
			String name = Records.stem(prediction);
			if (!refs.containsKey(name)) {
				throw new EcgException("No reference named " + name + " in " + reference + "; give the matching record or file");
			}
			refs = Map.of(name, refs.get(name));
			preds.put(name, prediction);
		}

		List<RecordScore> scores = new ArrayList<>();
		int done = 0;
		for (Map.Entry<String, Path> e : refs.entrySet()) {
			if (progress.isCanceled()) throw new EcgException("Evaluation canceled");
			progress.status("Scoring " + e.getKey());
			EcgRecord ref = read(e.getValue(), "reference");
			Path predPath = preds.get(e.getKey());
			EcgRecord pred = predPath != null ? read(predPath, "prediction") : null;
			scores.add(score(ref.withName(e.getKey()), pred));
			progress.items(++done, refs.size());
		}
		List<String> unmatched = new ArrayList<>();
		for (String name : preds.keySet()) if (!refs.containsKey(name)) unmatched.add(name);
		return new EvaluationResult(scores, unmatched);
	}

	/**
	 * The reference records of a folder by record name. A page generator (ours, or ecg-image-kit
	 * with masking) writes {@code <name>_masked} beside the full {@code <name>}; the masked one is
	 * the reference of the page's prediction {@code <name>}, as the Challenge scores only what was
	 * plotted, and the full one is then not listed.
	 */
	static Map<String, Path> referencesByName(Path folder) throws IOException {
		Map<String, Path> byName = new TreeMap<>();
		List<Path> masked = new ArrayList<>();
		for (Path p : Records.list(folder)) {
			String stem = Records.stem(p);
			if (stem.endsWith(MASKED_SUFFIX) && stem.length() > MASKED_SUFFIX.length()) masked.add(p);
			else byName.put(stem, p);
		}
		for (Path p : masked) {
			String stem = Records.stem(p);
			byName.put(stem.substring(0, stem.length() - MASKED_SUFFIX.length()), p);
		}
		return new LinkedHashMap<>(byName);
	}

	/** A file, a folder, or a WFDB record name whose .hea (or a .csv) exists. */
	private static void checkExists(Path path, String role) {
		String name = path.getFileName() == null ? "" : path.getFileName().toString();
		if (Files.exists(path) || Files.exists(path.resolveSibling(name + ".hea")) ||
			Files.exists(path.resolveSibling(name + ".csv")))
		{
			return;
		}
		throw new EcgException("The " + role + " " + path + " does not exist; give a record (.hea or .csv) or a folder of them");
	}

	private static EcgRecord read(Path path, String role) throws IOException {
		try {
			return Records.read(path);
		}
		catch (EcgException e) {
			throw new EcgException("Cannot read the " + role + " " + path + ": " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new EcgException("Cannot read the " + role + " " + path + ": " + e.getMessage() +
				"; check that the file exists and is readable", e);
		}
	}

	/**
	 * Scores one record.
	 *
	 * @param prediction the digitized record, or null when there is none: its leads are then empty
	 *        (NaN, as the Challenge's evaluate_model fills a missing record), so each scores 0 dB
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
		for (int c = 0; c < reference.leadCount(); c++) {
			String name = reference.leadNames().get(c);
			double[] predicted = prediction != null ? prediction.lead(name) : null;
			boolean present = predicted != null && ChallengeSnr.hasFinite(predicted);
			if (!present) {
				// evaluate_model: a missing record is all NaN (each lead then scores 0 dB: nothing
				// covered); reorder_signal: a lead missing from a record is all zeros, aligned like any
				// other lead. A lead without one finite sample is missing too: a digitizer writes it so
				// when it found nothing, and a reader cannot tell it from an absent channel.
				predicted = new double[prediction != null ? prediction.length() : reference.length()];
				if (prediction == null) Arrays.fill(predicted, Double.NaN);
			}
			leads.add(scoreLead(name, reference.channel(c), predicted, present, fs));
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
