package org.ecgdigitizer.core.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;

/** TEMPORARY: the synthetic matrix waits for core.synth. */
public final class BenchmarkMatrix {

	private BenchmarkMatrix() {}

	public static Map<String, String> descriptions() {
		return new LinkedHashMap<>();
	}

	public static List<BenchmarkCondition> conditions(List<String> names, int pages, long seed) {
		throw new EcgException("synthetic pages need core.synth, which this build lacks; use --dataset DIR");
	}
}
