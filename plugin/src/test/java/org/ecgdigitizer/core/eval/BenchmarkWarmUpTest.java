package org.ecgdigitizer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkWarmUpTest {

	private static List<BenchmarkCondition> conditions(int... pages) {
		List<BenchmarkCondition> list = new ArrayList<>();
		for (int c = 0; c < pages.length; c++) {
			list.add(new BenchmarkCondition("c" + c, "", pages[c], i -> "p" + i, i -> {
				throw new AssertionError("no page is made to plan the warm-up");
			}));
		}
		return list;
	}

	private static String plan(List<int[]> pages) {
		StringBuilder sb = new StringBuilder();
		for (int[] p : pages) sb.append(p[0]).append(':').append(p[1]).append(' ');
		return sb.toString().trim();
	}

	@Test
	void everyConditionWarmsUpOnceThenTheyTakeTurnsUntilEnough() {
		assertEquals("0:0 1:0 2:0 0:1 1:1 2:1 0:2 1:2 2:2 0:3", plan(Benchmark.warmUpPages(conditions(5, 5, 5))));
		// a condition out of pages is passed over
		assertEquals("0:0 1:0 1:1 1:2 1:3 1:4 1:5 1:6 1:7 1:8", plan(Benchmark.warmUpPages(conditions(1, 20))));
	}

	@Test
	void manyConditionsEachGetTheirFirstPageAndFewPagesAreAllUsed() {
		assertEquals(12, Benchmark.warmUpPages(conditions(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).size());
		assertEquals("0:0 1:0 0:1", plan(Benchmark.warmUpPages(conditions(2, 1))));
		assertEquals(0, Benchmark.warmUpPages(conditions()).size());
	}
}
