package org.ecgdigitizer.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A photo often shows the page up to the image's edge, with pulses and rhythm strips right there.
 * Rectifying it fills what lies beyond the image with paper colour; the tiles that edge crosses
 * must still keep their ink, while a desk beside the page stays out.
 */
class PhotoEdgeInkTest {

	private static final int W = 600;
	private static final int H = 400;
	private static final int PAPER = 0xF4F0EA;
	private static final int INK = 0x202020;
	private static final int DESK = 0x6A4A30;

	/** The page rectified: each pixel from the tilted source, paper colour beyond it. */
	private static int[] rectified(int[] source, Rectifier.Warp warp) {
		int[] out = new int[warp.width * warp.height];
		for (int y = 0; y < warp.height; y++) {
			for (int x = 0; x < warp.width; x++) {
				double[] p = warp.toSource(x + 0.5, y + 0.5);
				int sx = (int) Math.floor(p[0]);
				int sy = (int) Math.floor(p[1]);
				out[y * warp.width + x] = sx < 0 || sy < 0 || sx >= W || sy >= H ? PAPER : source[sy * W + sx];
			}
		}
		return out;
	}

	/** Share of the rectified pixels from the source's column band [x0, x1) that are ink. */
	private static double inkShare(float[] prob, Rectifier.Warp warp, int x0, int x1) {
		int inside = 0;
		int inked = 0;
		for (int y = 0; y < warp.height; y++) {
			for (int x = 0; x < warp.width; x++) {
				double[] p = warp.toSource(x + 0.5, y + 0.5);
				if (p[0] < x0 || p[0] >= x1 || p[1] < 2 || p[1] >= H - 2) continue;
				inside++;
				if (prob[y * warp.width + x] > 0.3) inked++;
			}
		}
		return inked / (double) Math.max(1, inside);
	}

	private static int[] page(int deskWidth) {
		int[] source = new int[W * H];
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				boolean stroke = x >= deskWidth + 12 && x < deskWidth + 15 || y >= 200 && y < 203 && x >= deskWidth;
				source[y * W + x] = x < deskWidth ? DESK : stroke ? INK : PAPER;
			}
		}
		return source;
	}

	@Test
	void inkAtTheImagesEdgeIsKept() {
		Rectifier.Warp warp = Rectifier.Warp.rotation(4, W, H);
		InkModel.Result ink = InkModel.compute(rectified(page(0), warp), warp.width, warp.height, 8, 8, warp);
		// a stroke 12 px from the photo's left edge, in tiles the edge crosses
		double share = inkShare(ink.ink, warp, 12, 15);
		assertTrue(share > 0.8, "stroke at the edge kept: " + share);
	}

	@Test
	void aDeskAtTheImagesEdgeStaysOut() {
		Rectifier.Warp warp = Rectifier.Warp.rotation(4, W, H);
		InkModel.Result ink = InkModel.compute(rectified(page(60), warp), warp.width, warp.height, 8, 8, warp);
		double desk = inkShare(ink.ink, warp, 0, 50);
		assertTrue(desk < 0.05, "desk taken for ink: " + desk);
		double stroke = inkShare(ink.ink, warp, 72, 75);
		assertTrue(stroke > 0.8, "stroke on the page kept: " + stroke);
	}
}
