package org.ecgdigitizer.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * CPU seconds of the digitizing thread in each of the four stages of one page, so that a slower
 * benchmark says which stage it came from. NaN for a stage that did not run or could not be
 * measured.
 */
public final class StageTimes {

	/** The stages, in pipeline order, as the JSON and the benchmark name them. */
	public static final String[] STAGES = { "preprocess", "leads", "traces", "signal" };

	private final double[] seconds;

	private StageTimes(double[] seconds) {
		this.seconds = seconds;
	}

	/** CPU seconds of stage {@code i} of {@link #STAGES}. */
	public double seconds(int stage) {
		return seconds[stage];
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < STAGES.length; i++) m.put(STAGES[i], seconds[i]);
		return m;
	}

	/** Reads {@link #toJson()}; null for null. */
	public static StageTimes fromJson(Object json) {
		if (json == null) return null;
		Map<String, Object> m = Json.object(json);
		double[] s = new double[STAGES.length];
		for (int i = 0; i < s.length; i++) s[i] = Json.number(m.get(STAGES[i]), Double.NaN);
		return new StageTimes(s);
	}

	/** Measures the stages as they run on the calling thread. */
	static final class Clock {
		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
		private final double[] seconds = new double[STAGES.length];
		private long last;

		Clock() {
			java.util.Arrays.fill(seconds, Double.NaN);
			last = cpuNanos();
		}

		/** Ends stage i: the CPU time since the previous stage ended (or the clock started). */
		void end(int stage) {
			long now = cpuNanos();
			seconds[stage] = now < 0 || last < 0 ? Double.NaN : (now - last) / 1e9;
			last = now;
		}

		StageTimes times() {
			return new StageTimes(seconds.clone());
		}

		private static long cpuNanos() {
			try {
				return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
			}
			catch (UnsupportedOperationException e) {
				return -1;
			}
		}
	}
}
