package org.ecgdigitizer.core.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times the per-lead Challenge 2024 alignment + SNR (and the Kaggle lead power) on typical cases.
 * Not a test: run it after {@code mvn test-compile} with
 * {@code java -cp target/classes:target/test-classes org.ecgdigitizer.core.eval.MetricBenchmark}.
 */
public final class MetricBenchmark {

	private MetricBenchmark() {}

	public static void main(String[] args) {
		int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		double[] full = TestEcg.trace(1, 10, 0, 10);
		double[] window = TestEcg.masked(full, 2.5, 5);
		double[] full1k = TestEcg.trace(2, 10, 0, 10);
		double[] full1kUp = new double[10000];
		for (int i = 0; i < full1kUp.length; i++) {
			double t = i / 2.0;
			int k = (int) t;
			full1kUp[i] = k + 1 < full1k.length ? 0.5 * (full1k[k] + full1k[k + 1]) : full1k[k];
		}
		Object[][] cases = {
			{ "3x4 lead, 2.5 s window, noise 0.02 mV, shift 7", window, TestEcg.noisy(TestEcg.delayed(window, 7), 0.02, 1), 500.0 },
			{ "3x4 lead, prediction over all 10 s", window, TestEcg.noisy(TestEcg.delayed(full, 7), 0.02, 1), 500.0 },
			{ "3x4 lead, noise 0.1 mV", window, TestEcg.noisy(window, 0.1, 2), 500.0 },
			{ "3x4 lead missing (zeros, exact ties)", window, new double[window.length], 500.0 },
			{ "10-s rhythm strip, noise 0.02 mV, gain 0.9", full, TestEcg.scaled(TestEcg.noisy(full, 0.02, 3), 0.9), 500.0 },
			{ "10-s rhythm strip, noise 0.1 mV", full, TestEcg.noisy(full, 0.1, 4), 500.0 },
			{ "10-s strip at 1000 Hz, noise 0.02 mV", full1kUp, TestEcg.noisy(full1kUp, 0.02, 5), 1000.0 },
		};
		System.out.printf(Locale.ROOT, "%-48s %10s %10s %10s%n", "case", "2024 ms", "Kaggle ms", "columns");
		for (Object[] c : cases) {
			double[] ref = (double[]) c[1], est = (double[]) c[2];
			double fs = (Double) c[3];
			double[] t2024 = new double[reps], tKaggle = new double[reps];
			int columns = 0;
			for (int r = -3; r < reps; r++) {
				long t0 = System.nanoTime();
				ChallengeSnr.Alignment a = ChallengeSnr.align(ref, est, fs);
				ChallengeSnr.snr(ref, a.estimate);
				long t1 = System.nanoTime();
				KaggleSnr.lead(ref, est, fs);
				long t2 = System.nanoTime();
				if (r >= 0) {
					t2024[r] = (t1 - t0) / 1e6;
					tKaggle[r] = (t2 - t1) / 1e6;
				}
			}
			columns = columnsFor(ref, est);
			Arrays.sort(t2024);
			Arrays.sort(tKaggle);
			System.out.printf(Locale.ROOT, "%-48s %10.1f %10.2f %10d%n", c[0], t2024[reps / 2], tKaggle[reps / 2], columns);
		}
	}

	private static int columnsFor(double[] ref, double[] est) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double[] s : new double[][] { ref, est }) {
			for (double v : s) {
				if (!Double.isFinite(v)) continue;
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		int width = Math.max(ref.length, est.length);
		return TraceImageCorrelation.columnsEvaluated(width, TraceImageCorrelation.rows(ref, lo, hi),
			TraceImageCorrelation.rows(est, lo, hi));
	}
}
