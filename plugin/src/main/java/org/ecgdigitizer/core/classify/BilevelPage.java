package org.ecgdigitizer.core.classify;

/**
 * Whether a page holds only two tones, paper white and ink black, as a 1-bit scan, a fax or a
 * thresholded photocopy does: no grid tones and no shading, so a pixel classifier has nothing to
 * tell from ink and can only take ink away (docs/classifier.md).
 */
final class BilevelPage {

	/** Middle tones: a pixel whose channel mean is this far from both black and white (0..255). */
	static final int MIDDLE_FROM = 48;
	static final int MIDDLE_TO = 207;
	/**
	 * At most this share of a two-tone page's pixels is in middle tones: the blurred edges of its
	 * ink, which covers a few percent of a page; a grid's or a shadow's tones cover far more.
	 */
	static final double MAX_MIDDLE_SHARE = 0.01;

	private BilevelPage() {}

	static boolean is(int[] rgb) {
		long middle = 0;
		for (int p : rgb) {
			int sum = (p >> 16 & 255) + (p >> 8 & 255) + (p & 255);
			if (sum > 3 * MIDDLE_FROM && sum < 3 * MIDDLE_TO) middle++;
		}
		return middle <= MAX_MIDDLE_SHARE * rgb.length;
	}
}
