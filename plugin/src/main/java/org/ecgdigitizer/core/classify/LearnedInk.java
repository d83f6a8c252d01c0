package org.ecgdigitizer.core.classify;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.InkSource;
import org.ecgdigitizer.core.preprocess.Rectifier;

/**
 * The ink model with a pixel classifier's judgement: the rules find every pixel that may be ink
 * and measure how much ink it holds; the classifier, on the page at {@link #WORK_PX_PER_MM},
 * says which of those are trace or text and which are grid, paper or shading, and the rules' ink
 * is kept in proportion. Only the rules' ink pixels are classified, which keeps it fast.
 */
public final class LearnedInk implements InkSource {

	/** The classifiers see the page at this scale (about 100 dpi), so one model serves every resolution. */
	public static final double WORK_PX_PER_MM = 4;
	/** Ink-class probability below which a pixel loses all its ink, and above which it keeps all. */
	static final float KEEP_FROM = 0.25f;
	static final float KEEP_TO = 0.65f;
	/** Ink-class probability above which a pixel beside a kept stroke counts as part of it (see {@link StrokeKeep}). */
	static final float STROKE_FROM = 0f;

	private final String name;
	private final InkClassifier classifier;
	/** Classes whose probability keeps a pixel's ink (trace, and text so that labels stay readable). */
	private final int[] inkClasses;

	public LearnedInk(String name, InkClassifier classifier) {
		this.name = name;
		this.classifier = classifier;
		List<Integer> ink = new ArrayList<>();
		List<String> classes = classifier.classes();
		for (int c = 0; c < classes.size(); c++) {
			String n = classes.get(c).toLowerCase(java.util.Locale.ROOT);
			if (n.equals("trace") || n.equals("ink") || n.equals("text")) ink.add(c);
		}
		if (ink.isEmpty()) {
			throw new EcgException("the model has no class named 'trace' (or 'ink'); its classes are " + classes +
				"; name the ink class trace when training");
		}
		inkClasses = ink.stream().mapToInt(Integer::intValue).toArray();
	}

	@Override
	public String name() {
		return name;
	}

	public InkClassifier classifier() {
		return classifier;
	}

	@Override
	public InkModel.Result separate(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY, Rectifier.Warp warp) {
		InkModel.Result rules = InkModel.compute(rgb, w, h, pxPerMmX, pxPerMmY, warp);
		return rules.keeping(keep(rgb, w, h, pxPerMmX, rules.ink)).madeBy(name);
	}

	/** Per pixel of the page, the share of the rules' ink the classifier keeps (0..1). */
	float[] keep(int[] rgb, int w, int h, double pxPerMm, float[] rulesInk) {
		double mm = Double.isNaN(pxPerMm) ? Math.max(w, h) / 280.0 : pxPerMm;
		double f = WORK_PX_PER_MM / mm;
		int ws = Math.max(1, (int) Math.round(w * f));
		int hs = Math.max(1, (int) Math.round(h * f));
		float[] plane = InkPlanes.resize(InkPlanes.brightestChannel(rgb), w, h, ws, hs);
		float[] ink = InkPlanes.resize(rulesInk, w, h, ws, hs);
		boolean[] candidate = new boolean[ws * hs];
		for (int i = 0; i < candidate.length; i++) candidate[i] = ink[i] > 0.02f;
		int[] pixels = Pixels.of(candidate);
		float[][] p = classifier.probabilitiesAt(plane, ws, hs, pixels);
		float[] inkProbability = new float[ws * hs];
		java.util.Arrays.fill(inkProbability, Float.NaN);
		for (int k = 0; k < pixels.length; k++) {
			float q = 0;
			for (int c : inkClasses) q += p[c][k];
			inkProbability[pixels[k]] = q;
		}
		// spreading along strokes assumes a work pixel of a pen's width: only where the scale was measured
		float strokeFrom = Double.isNaN(pxPerMm) ? Float.POSITIVE_INFINITY : STROKE_FROM;
		float[] keep = StrokeKeep.of(inkProbability, ws, hs, KEEP_FROM, KEEP_TO, strokeFrom);
		return InkPlanes.resize(keep, ws, hs, w, h);
	}

	/**
	 * Every class's probability for every pixel of a page, computed as the pipeline does (the page
	 * seen at {@link #WORK_PX_PER_MM}) and brought back to the page's own size.
	 */
	public static float[][] classify(InkClassifier classifier, int[] rgb, int w, int h, double pxPerMm) {
		double f = WORK_PX_PER_MM / pxPerMm;
		int ws = Math.max(1, (int) Math.round(w * f));
		int hs = Math.max(1, (int) Math.round(h * f));
		float[] plane = InkPlanes.resize(InkPlanes.brightestChannel(rgb), w, h, ws, hs);
		float[][] p = classifier.probabilities(plane, ws, hs, null, -1);
		for (int c = 0; c < p.length; c++) p[c] = InkPlanes.resize(p[c], ws, hs, w, h);
		return p;
	}
}
