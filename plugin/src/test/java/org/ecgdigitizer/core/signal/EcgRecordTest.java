package org.ecgdigitizer.core.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EcgRecordTest {

	@Test
	void standardLeadsAreFoundCaseInsensitivelyAndMissingOnesAreNaN() {
		double[][] s = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
		EcgRecord r = new EcgRecord("r", 500, List.of("AVR", "ii", "vx"), s);
		EcgRecord std = r.toStandardLeads();
		assertEquals(Lead.standardLabels(), std.leadNames());
		assertArrayEquals(new double[] { 1, 2 }, std.lead("aVR"));
		assertArrayEquals(new double[] { 3, 4 }, std.lead(Lead.II));
		assertTrue(Double.isNaN(std.lead("V6")[1]));
		assertNull(std.lead("vx"));
		assertEquals(0, std.finiteCount(0));
	}

	@Test
	void leadNamesParse() {
		assertEquals(Lead.AVR, Lead.parse("avr"));
		assertEquals(Lead.V1, Lead.parse(" V1 "));
		assertNull(Lead.parse("MLII"));
	}
}
