package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;

class BenchmarkMatrixTest {

	@Test
	void theFlatBaselineScoresAboutZeroOnATinyMatrix() throws Exception {
		List<BenchmarkCondition> conditions = BenchmarkMatrix.conditions(List.of("dpi100"), 3, 3);
		BenchmarkReport report = new Benchmark(BenchmarkDigitizer.flat(), null).run(conditions, Map.of("seed", 3L),
			Progress.NONE);
		assertEquals(1, report.conditions.size());
		for (BenchmarkReport.ConditionResult c : report.conditions) {
			assertEquals(3, c.attempted(), report.problems());
			assertEquals(0, c.failures());
			assertEquals(0, c.meanSnr2024(), 1.0, report.table());
			assertEquals(0, c.overallSnr2024(), 1.0, report.table());
			// Kaggle removes the offset: a flat line counts as the reference's mean, a little above 0 dB
			assertEquals(0, c.snrKaggle(), 2.0, report.table());
			for (BenchmarkReport.PageResult p : c.pages) assertEquals(12, p.leadSnr2024.size(), p.name);
		}
	}

	@Test
	void pagesAreFixedBySeedAndPageIShowsTheSameSignalInEveryCondition() throws Exception {
		BenchmarkPage a = BenchmarkMatrix.conditions(List.of("dpi100"), 2, 11).get(0).page(1);
		BenchmarkPage b = BenchmarkMatrix.conditions(List.of("dpi100"), 2, 11).get(0).page(1);
		BenchmarkPage other = BenchmarkMatrix.conditions(List.of("dpi100"), 2, 12).get(0).page(1);
		assertEquals("dpi100-02", a.name);
		assertArrayEquals(pixels(a), pixels(b));
		assertFalse(java.util.Arrays.equals(pixels(a), pixels(other)));
		for (int c = 0; c < 12; c++) assertArrayEquals(a.reference.channel(c), b.reference.channel(c));
		assertEquals(a.details, b.details);

		// the 12x1 page shows every lead in full; its signal is the one dpi100's page shows in part
		BenchmarkPage full = BenchmarkMatrix.conditions(List.of("12x1"), 2, 11).get(0).page(1);
		int shared = 0;
		for (int c = 0; c < 12; c++) {
			double[] x = a.reference.channel(c), y = full.reference.channel(c);
			for (int i = 0; i < Math.min(x.length, y.length); i++) {
				if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
				assertEquals(x[i], y[i], 1e-9);
				shared++;
			}
		}
		assertTrue(shared > 12 * 1000, "shared samples: " + shared);
	}

	@Test
	void everyConditionHasADescriptionAndUnknownNamesAreRefused() {
		Map<String, String> d = BenchmarkMatrix.descriptions();
		assertEquals(16, d.size());
		assertTrue(d.keySet().containsAll(List.of("clean", "dpi100", "dpi300", "rotation", "perspective", "noise-jpeg",
			"bw", "creases", "lowcontrast", "dotted", "6x2", "12x1", "rhythm3", "gain5", "gain20", "speed50")));
		assertEquals(16, BenchmarkMatrix.conditions(List.of(), 1, 1).size());
		EcgException e = assertThrows(EcgException.class, () -> BenchmarkMatrix.conditions(List.of("fog"), 1, 1));
		assertTrue(e.getMessage().contains("Unknown benchmark condition 'fog'") && e.getMessage().contains("speed50"));
	}

	private static int[] pixels(BenchmarkPage p) {
		return ((DataBufferInt) p.image.getRaster().getDataBuffer()).getData();
	}
}
