package org.ecgdigitizer.core.classify;

/**
 * How much of the rules' ink the classifier keeps, per pixel of the page seen at
 * {@link LearnedInk#WORK_PX_PER_MM}, spread from a stroke's core to its edges and ends.
 *
 * <p>At 4 px/mm a work pixel (0.25 mm) is about a pen's width. A work pixel that a stroke only
 * grazes (its edge, the tip of a QRS spike, the corner of a calibration pulse, the end of a
 * letter) is mostly paper or grid, so the classifier gives it a low trace probability, though the
 * rules, at the page's full resolution, place the stroke's ink in it exactly. Fading those pixels
 * erodes every stroke by up to a work pixel, and by how much depends on where the stroke falls
 * against the work grid: the traces lose their peaks and the pulses their edges, and time 0 moves.
 * So a grazed pixel, one the classifier still gives some ink probability, keeps as much as the
 * most trace-like pixel touching it (3 x 3). A pixel the classifier gives no ink probability at
 * all (a fold's shadow or a grid line crossing the trace) keeps its own judgement.</p>
 */
final class StrokeKeep {

	private StrokeKeep() {}

	/**
	 * @param inkProbability per work pixel, the classifier's probability of ink (trace or text), NaN
	 *            where it was not asked (no ink there to keep or drop)
	 * @param keepFrom probability below which a pixel loses all its ink
	 * @param keepTo probability above which it keeps all
	 * @param strokeFrom probability above which a pixel beside a stroke is taken for a part of it
	 * @return per work pixel the share of ink kept (0..1); 1 where the classifier was not asked
	 */
	static float[] of(float[] inkProbability, int w, int h, float keepFrom, float keepTo, float strokeFrom) {
		float[] own = new float[inkProbability.length];
		for (int i = 0; i < own.length; i++) {
			float q = inkProbability[i];
			own[i] = Float.isNaN(q) ? Float.NaN : Math.max(0, Math.min(1, (q - keepFrom) / (keepTo - keepFrom)));
		}
		float[] out = new float[own.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				float q = inkProbability[i];
				if (Float.isNaN(q)) {
					out[i] = 1;
					continue;
				}
				float best = own[i];
				if (q > strokeFrom) {
					for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
						for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
							float n = own[yy * w + xx];
							if (n > best) best = n;
						}
					}
				}
				out[i] = best;
			}
		}
		return out;
	}
}
