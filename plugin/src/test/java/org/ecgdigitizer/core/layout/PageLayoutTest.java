package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.Test;

class PageLayoutTest {

	private static String labels(PageLayout layout) {
		return layout.cells().stream().map(PageLayout.Cell::label).collect(Collectors.joining(" "));
	}

	@Test
	void standardLayoutsPrintLeadsInTheUsualPlaces() {
		assertEquals("I aVR V1 V4 II aVL V2 V5 III aVF V3 V6", labels(PageLayout.parse("3x4")));
		assertEquals("I aVR V1 V4 II aVL V2 V5 III aVF V3 V6 II", labels(PageLayout.parse("3x4+1")));
		assertEquals("I aVR V1 V4 II aVL V2 V5 III aVF V3 V6 V1 II", labels(PageLayout.parse("3x4+2")));
		assertEquals("I aVR V1 V4 II aVL V2 V5 III aVF V3 V6 V1 II V5", labels(PageLayout.parse("3x4+3")));
		assertEquals("I V1 II V2 III V3 aVR V4 aVL V5 aVF V6", labels(PageLayout.parse("6x2")));
		assertEquals("I II III aVR aVL aVF V1 V2 V3 V4 V5 V6", labels(PageLayout.parse("12x1")));
	}

	@Test
	void cabreraOrderInvertsAvr() {
		assertEquals("aVL II V1 V4 I aVF V2 V5 -aVR III V3 V6", labels(PageLayout.parse("3x4/cabrera")));
		assertEquals("aVL I -aVR II aVF III V1 V2 V3 V4 V5 V6", labels(PageLayout.parse("12x1/cabrera")));
	}

	@Test
	void everyLayoutPrintsEachStandardLeadAtLeastOnce() {
		for (PageLayout.Kind kind : PageLayout.Kind.values()) {
			for (boolean cabrera : new boolean[] { false, true }) {
				PageLayout layout = PageLayout.of(kind, cabrera);
				List<Lead> seen = new ArrayList<>();
				for (PageLayout.Cell c : layout.cells()) if (!seen.contains(c.lead)) seen.add(c.lead);
				assertEquals(12, seen.size(), layout.spec());
				assertEquals(layout, PageLayout.parse(layout.spec()));
			}
		}
	}

	@Test
	void columnsShowConsecutiveTimeWindows() {
		PageLayout layout = PageLayout.parse("3x4+1:V1");
		for (PageLayout.Cell c : layout.cells()) {
			if (c.rhythm) {
				assertEquals(Lead.V1, c.lead);
				assertEquals(0.0, c.startFraction(4));
				assertEquals(1.0, c.endFraction(4));
			}
			else {
				assertEquals(c.column * 0.25, c.startFraction(4));
				assertEquals((c.column + 1) * 0.25, c.endFraction(4));
			}
		}
		assertEquals("3x4+1:V1", layout.spec());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PageLayout.parse("5x5")).getMessage()
			.contains("3x4+1"));
	}
}
