package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.junit.jupiter.api.Test;

class JsonTest {

	@Test
	void roundTripKeepsValuesAndKeyOrder() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", "a \"quoted\"\nline");
		m.put("pi", 3.14159);
		m.put("n", 42);
		m.put("nan", Double.NaN);
		m.put("ok", true);
		m.put("xs", new double[] { 1.5, -2, 1e-7 });
		m.put("list", List.of(Map.of("k", "v"), List.of(1, 2)));
		Map<String, Object> back = Json.object(Json.parse(Json.write(m)));
		assertEquals(List.of("name", "pi", "n", "nan", "ok", "xs", "list"), List.copyOf(back.keySet()));
		assertEquals("a \"quoted\"\nline", back.get("name"));
		assertEquals(3.14159, (Double) back.get("pi"), 0);
		assertEquals(42.0, back.get("n"));
		assertNull(back.get("nan"));
		assertEquals(Boolean.TRUE, back.get("ok"));
		assertEquals(List.of(1.5, -2.0, 1e-7), back.get("xs"));
		assertEquals(Json.parse(Json.writeCompact(m)), back);
	}

	@Test
	void numbersAreShortButExact() {
		assertEquals("12", Json.number(12.0));
		assertEquals("0.25", Json.number(0.25));
		assertEquals(7.874015748123, Double.parseDouble(Json.number(7.874015748123)), 0);
		assertEquals(1e-7, Double.parseDouble(Json.number(1e-7)), 0);
		assertEquals("null", Json.number(Double.POSITIVE_INFINITY));
	}

	@Test
	void badJsonSaysWhere() {
		EcgException e = assertThrows(EcgException.class, () -> Json.parse("{\"a\": [1, 2,}"));
		assertEquals("Invalid JSON at character 12: unexpected character '}'", e.getMessage());
	}
}
