package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv stays one record per line with the header's columns, whatever its text holds. */
class BatchSummaryTest {

	@Test
	void layoutsAndMessagesWithCommasAndQuotesAreQuoted(@TempDir Path dir) throws Exception {
		BatchDigitizer.Result free = new BatchDigitizer.Result(dir.resolve("a.png"), 1, 1, "a", "ok",
			"rows read \"as printed\", 2 unnamed", "PNG", "rows:II,aVL;III,aVF", 6, 6, 0.9, 7.87, 7.87, "grid", 1.5,
			null);
		Path csv = dir.resolve("summary.csv");
		BatchDigitizer.writeSummary(List.of(free), csv);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		int columns = lines.get(0).split(",", -1).length;
		// split outside quotes
		assertEquals(columns, lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1).length, lines.get(1));
		assertEquals(true, lines.get(1).contains("\"rows:II,aVL;III,aVF\""), lines.get(1));
	}
}
