package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridLineEraserTest {

	static final int W = 800;
	static final int H = 600;
	static final double MM = 8;

	private static void horizontal(float[] p, int y, int x0, int x1) {
		for (int x = x0; x < x1; x++) p[y * W + x] = 1;
	}

	private static void vertical(float[] p, int x, int y0, int y1) {
		for (int y = y0; y < y1; y++) p[y * W + x] = 1;
	}

	private static int inked(float[] p, int x0, int y0, int x1, int y1) {
		int n = 0;
		for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (p[y * W + x] > 0.3f) n++;
		return n;
	}

	/** A photocopied grid: 5 mm lines in fragments, some missing, with a trace crossing them. */
	@Test
	void erasesSurvivingMajorLinesButNotTheTraceCrossingThem() {
		float[] p = new float[W * H];
		for (int k = 0; k * 40 + 20 < H; k++) {
			if (k % 3 == 2) continue; // every third line lost in the copy
			horizontal(p, k * 40 + 20, 0, 300);
			horizontal(p, k * 40 + 20, 420, 700);
		}
		vertical(p, 350, 10, 590); // a tall QRS stroke crossing every line
		GridLineEraser.erase(p, W, H, MM, MM);
		assertEquals(0, inked(p, 0, 0, 300, H), "line fragments left");
		assertEquals(0, inked(p, 420, 0, 700, H), "line fragments left");
		assertEquals(580, inked(p, 350, 0, 351, H), "the stroke crossing the lines keeps all its ink");
	}

	/** A calibration pulse whose flat top lies on a grid line, crossed by another, keeps its top. */
	@Test
	void keepsAPulseTopLyingOnAGridLine() {
		float[] p = new float[W * H];
		for (int k = 0; k * 40 + 20 < H; k++) horizontal(p, k * 40 + 20, 0, W);
		// pulse: foot on the line at y=260, 10 mm (80 px) tall, top on the line at y=180, 5 mm wide
		vertical(p, 100, 180, 261);
		vertical(p, 140, 180, 261);
		vertical(p, 120, 0, H); // a vertical grid line through the top
		GridLineEraser.erase(p, W, H, MM, MM);
		assertEquals(39, inked(p, 101, 180, 140, 181), "the pulse top between its strokes");
		assertEquals(0, inked(p, 300, 180, 700, 181), "the rest of that grid line");
	}

	/**
	 * A patch of grid that survived only under the header: too little of the page to fill the
	 * lattice, but lines every 5 mm without a gap. The grid lines that leave its edge line, all
	 * the same length, do not pass for calibration pulses standing on it.
	 */
	@Test
	void erasesAPatchOfGridUnderAHeader() {
		float[] p = new float[W * H];
		for (int k = 0; k < 5; k++) horizontal(p, 20 + k * 40, 0, W);
		for (int x = 20; x < W; x += 40) vertical(p, x, 20, 181);
		GridLineEraser.erase(p, W, H, MM, MM);
		assertEquals(0, inked(p, 0, 0, W, H), "grid left under the header");
	}

	/** Flat baselines of four rows that happen to lie on grid lines are not a grid. */
	@Test
	void keepsASparseSetOfFlatBaselines() {
		float[] p = new float[W * H];
		for (int row = 0; row < 4; row++) horizontal(p, 60 + row * 160, 50, 750);
		float[] before = p.clone();
		GridLineEraser.erase(p, W, H, MM, MM);
		assertTrue(java.util.Arrays.equals(before, p), "baselines erased");
	}

	/** Without a measured scale nothing is erased. */
	@Test
	void needsTheGridScale() {
		float[] p = new float[W * H];
		for (int k = 0; k * 40 + 20 < H; k++) horizontal(p, k * 40 + 20, 0, W);
		float[] before = p.clone();
		GridLineEraser.erase(p, W, H, Double.NaN, Double.NaN);
		assertTrue(java.util.Arrays.equals(before, p));
	}
}
