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
			if (kind == PageLayout.Kind.FREE) continue;
			for (boolean cabrera : new boolean[] { false, true }) {
				for (int strips = 0; strips <= 3; strips++) {
					PageLayout layout = PageLayout.of(kind, cabrera, strips);
					List<Lead> seen = new ArrayList<>();
					for (PageLayout.Cell c : layout.cells()) if (!seen.contains(c.lead)) seen.add(c.lead);
					assertEquals(12, seen.size(), layout.spec());
					assertEquals(kind.rows + strips, layout.rowCount());
					assertEquals(layout, PageLayout.parse(layout.spec()));
				}
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
			.contains("3x4"));
	}

	@Test
	void sameWindowColumnsShowTheFirstWindowWhereTheirColumnIs() {
		PageLayout layout = PageLayout.parse("6x2+1:I/same-window");
		assertEquals(PageLayout.ColumnTiming.SAME_WINDOW, layout.timing());
		assertEquals(7, layout.rowCount());
		for (PageLayout.Cell c : layout.cells()) {
			if (c.rhythm) {
				assertEquals(Lead.I, c.lead);
				assertEquals(0.0, c.windowStart);
				assertEquals(1.0, c.windowEnd);
			}
			else {
				// drawn in its column, showing the first half of the page's time
				assertEquals(c.column * 0.5, c.startFraction(2));
				assertEquals(0.0, c.windowStart);
				assertEquals(0.5, c.windowEnd);
			}
		}
		assertEquals("6x2+1:I/same-window", layout.spec());
		assertEquals(layout, PageLayout.parse(layout.spec()));
		assertEquals(PageLayout.ColumnTiming.SEQUENTIAL, PageLayout.parse("6x2").timing());
		assertEquals("6x2/cabrera/same-window", PageLayout.parse("6x2/same-window/cabrera").spec());
	}

	@Test
	void freeLayoutsDescribeWhatIsPrintedRowByRow() {
		PageLayout limb = PageLayout.parse("rows:I;II;III;aVR;aVL;aVF");
		assertTrue(limb.isFree());
		assertEquals(6, limb.rowCount());
		assertEquals(1, limb.columnCount());
		assertEquals("I II III aVR aVL aVF", labels(limb));
		for (PageLayout.Cell c : limb.cells()) {
			assertEquals(0.0, c.windowStart);
			assertEquals(1.0, c.windowEnd);
			assertEquals(false, c.rhythm);
		}
		// 15 leads: names outside the 12 are kept as printed, without a lead
		PageLayout fifteen = PageLayout.parse("rows:I,aVR,V1,V4,v4r;II,aVL,V2,V5,V8;III,aVF,V3,V6,V9");
		assertEquals(5, fifteen.columnCount());
		PageLayout.Cell v4r = fifteen.cells().get(4);
		assertEquals("V4R", v4r.name);
		assertEquals(null, v4r.lead);
		assertEquals(0.8, v4r.windowStart, 1e-12);
		// a strip under a 3x4 block is a rhythm strip over the whole page
		PageLayout mixed = PageLayout.parse("rows:I,aVR,V1,V4;II,aVL,V2,V5;III,aVF,V3,V6;?");
		PageLayout.Cell strip = mixed.cells().get(12);
		assertTrue(strip.rhythm);
		assertEquals(null, strip.lead);
		assertEquals(4, strip.columnSpan);
		for (PageLayout p : new PageLayout[] { limb, fifteen, mixed, PageLayout.parse("rows:V1,V4;I,aVR/same-window") }) {
			assertEquals(p, PageLayout.parse(p.spec()), p.spec());
		}
		assertThrows(IllegalArgumentException.class, () -> PageLayout.parse("rows:I,II,III,aVR,aVL;V1,V2,V3,V4"));
		assertThrows(IllegalArgumentException.class, () -> PageLayout.parse("rows:I/cabrera"));
	}
}
