package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The scores of one reference record, lead by lead in the reference's channel order. */
public final class RecordScore {

	public final String name;
	/** True when no prediction was found for this record; every lead was then scored as empty (0 dB). */
	public final boolean predictionMissing;
	public final List<LeadScore> leads;

	RecordScore(String name, boolean predictionMissing, List<LeadScore> leads) {
		this.name = name;
		this.predictionMissing = predictionMissing;
		this.leads = Collections.unmodifiableList(new ArrayList<>(leads));
	}

	/** Mean 2024 SNR over this record's leads, skipping NaN; NaN when none is defined. */
	public double meanSnr2024() {
		return meanOverLeads(l -> l.snr2024);
	}

	/** Mean of a per-lead value over this record's printed leads, NaN skipped; NaN when none is defined. */
	public double meanOverLeads(ToDoubleFunction<LeadScore> value) {
		double sum = 0;
		int n = 0;
		for (LeadScore l : leads) {
			if (!l.scored()) continue;
			double v = value.applyAsDouble(l);
			if (Double.isNaN(v)) continue;
			sum += v;
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	/** Whether any lead of the reference was printed (only such records enter the Kaggle mean). */
	public boolean hasKaggleLeads() {
		for (LeadScore l : leads) if (l.scored()) return true;
		return false;
	}

	/** The record's Kaggle power ratio: summed signal over summed noise, capped at 1e6. */
	public double kaggleRatio() {
		double signal = 0, noise = 0;
		for (LeadScore l : leads) {
			if (!l.scored()) continue;
			signal += l.kaggleSignal;
			noise += l.kaggleNoise;
		}
		return KaggleSnr.ratio(signal, noise);
	}

	/** The record's Kaggle SNR in dB. */
	public double snrKaggle() {
		return hasKaggleLeads() ? KaggleSnr.db(kaggleRatio()) : Double.NaN;
	}
}
