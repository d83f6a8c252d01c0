package org.ecgdigitizer.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.ecgdigitizer.core.io.GlyphOutlines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lead names read upright on an upright page, and turned on a page turned half-way round. */
class LabelOrientationTest {

	static final double PX_PER_MM = 8;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** A 3x4 page's twelve labels in one font, 2.5 mm capitals, each alone on paper. */
	static BufferedImage labels(GlyphOutlines.Style style) {
		String[][] rows = { { "I", "aVR", "V1", "V4" }, { "II", "aVL", "V2", "V5" }, { "III", "aVF", "V3", "V6" } };
		BufferedImage page = new BufferedImage(1600, 700, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = page.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
		double cap = 2.5 * PX_PER_MM;
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < 4; c++) {
				double x = 60 + c * 380;
				for (char ch : rows[r][c].toCharArray()) {
					g.fill(style.glyph(ch, x, 150 + r * 200, cap));
					x += style.advance(ch, cap);
				}
			}
		}
		g.dispose();
		return page;
	}

	private static LabelOrientation.Evidence read(BufferedImage img) {
		LabelReaderTest.Inked inked = new LabelReaderTest.Inked(img);
		return LabelOrientation.read(inked.ink, inked.w, inked.h, PX_PER_MM, PX_PER_MM);
	}

	@Test
	void labelsTellWhichWayUp() {
		for (String font : new String[] { "dejavu-sans", "arial-metric-bold" }) {
			BufferedImage page = labels(GlyphOutlines.style(font));
			LabelOrientation.Evidence upright = read(page);
			assertEquals(0, upright.turned, font + " upright: " + upright);
			assertTrue(upright.saysUpright(), font + " upright: " + upright);
			assertFalse(upright.saysTurned(), font + " upright: " + upright);
			LabelOrientation.Evidence turned = read(LabelReaderTest.turned(page));
			assertEquals(0, turned.upright, font + " turned: " + turned);
			assertTrue(turned.saysTurned(), font + " turned: " + turned);
		}
	}

	@Test
	void aPageWithoutLabelsSaysNothing() {
		LabelOrientation.Evidence none = read(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB));
		assertEquals(0, none.upright + none.turned);
		assertFalse(none.saysTurned() || none.saysUpright());
	}
}
