package org.ecgdigitizer.core.preprocess;

/**
 * Where a page's ink probability comes from: the hand-made rules ({@link InkModel}), a learned
 * pixel classifier, or a choice between them per page. The rest of the pipeline sees only the
 * {@link InkModel.Result}.
 */
public interface InkSource {

	/** How users name it: rules, learned, auto, or a model file's path. */
	String name();

	/**
	 * Separates ink from grid and paper on a rectified page.
	 *
	 * @param pxPerMmX the grid pitch along x if known, else NaN
	 * @param pxPerMmY the grid pitch along y if known, else NaN
	 * @param warp how the page was rectified, or null
	 */
	InkModel.Result separate(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY, Rectifier.Warp warp);

	/** The hand-made rules. */
	InkSource RULES = new InkSource() {
		@Override
		public String name() {
			return "rules";
		}

		@Override
		public InkModel.Result separate(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY, Rectifier.Warp warp) {
			return InkModel.compute(rgb, w, h, pxPerMmX, pxPerMmY, warp);
		}
	};
}
