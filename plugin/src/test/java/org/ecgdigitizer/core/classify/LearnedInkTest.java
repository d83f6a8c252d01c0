package org.ecgdigitizer.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.ecgdigitizer.core.preprocess.InkSource;
import org.junit.jupiter.api.Test;

/** The shipped ink classifier on generated pages it was not trained on. */
class LearnedInkTest {

	/** Held-back pages: another seed than train-ink's, so other signals, layouts, grids and distortion draws. */
	static final long HELD_BACK_SEED = 4242;
	/** Page indices whose distortions (in InkTraining.DISTORTIONS' order) are the hard ones: wrinkle and crease, a photo. */
	static final int[] PAGES = { 5, 15 };
	/** The F1 margin over the best darkness threshold that the test asserts (measured: see docs/classifier.md). */
	static final double MARGIN = 0.10;

	/** F1 of "trace" over the page's labelled pixels (every seventh, to keep the test fast). */
	static double[] f1LearnedAndThreshold(InkTraining.LabelledPage page, InkClassifier c) {
		boolean[] asked = new boolean[page.label.length];
		for (int i = 0; i < asked.length; i += 7) asked[i] = page.label[i] >= 0;
		float[][] p = c.probabilities(page.plane, page.w, page.h, asked, InkTraining.PAPER);
		int trace = c.classIndex("trace");
		long tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < asked.length; i++) {
			if (!asked[i]) continue;
			boolean truth = page.label[i] == InkTraining.TRACE;
			boolean said = p[trace][i] > 0.5;
			if (said && truth) tp++;
			else if (said) fp++;
			else if (truth) fn++;
		}
		double learned = 2.0 * tp / (2.0 * tp + fp + fn);
		// the trivial model: darker than a threshold, with the best threshold for these very pixels
		double best = 0;
		for (int t = 0; t <= 255; t += 5) {
			long a = 0, b = 0, d = 0;
			for (int i = 0; i < asked.length; i++) {
				if (!asked[i]) continue;
				boolean truth = page.label[i] == InkTraining.TRACE;
				boolean said = page.plane[i] < t;
				if (said && truth) a++;
				else if (said) b++;
				else if (truth) d++;
			}
			best = Math.max(best, 2.0 * a / (2.0 * a + b + d));
		}
		return new double[] { learned, best };
	}

	@Test
	void theShippedModelBeatsADarknessThresholdOnHeldBackPages() {
		InkClassifier c = InkSources.shipped();
		assertEquals(InkClassifier.CLASSES, c.classes());
		for (int index : PAGES) {
			InkTraining.LabelledPage page = InkTraining.synthetic(HELD_BACK_SEED, index);
			double[] f1 = f1LearnedAndThreshold(page, c);
			String msg = String.format(Locale.ROOT, "page %d (%s): learned F1 %.3f, best darkness threshold F1 %.3f",
				index, InkTraining.DISTORTIONS[index % InkTraining.DISTORTIONS.length], f1[0], f1[1]);
			System.out.println(msg);
			assertTrue(f1[0] > f1[1] + MARGIN, msg);
		}
	}

	@Test
	void theChoicesAreNamedAsUsersTypeThem() {
		assertEquals("rules", InkSources.parse("rules").name());
		assertEquals("learned", InkSources.parse(" Learned ").name());
		assertEquals("auto", InkSources.parse("").name());
		assertTrue(InkSources.parse("rules") == InkSource.RULES);
		org.ecgdigitizer.core.EcgException e = org.junit.jupiter.api.Assertions.assertThrows(
			org.ecgdigitizer.core.EcgException.class, () -> InkSources.parse("magic"));
		assertTrue(e.getMessage().contains("rules, learned, auto"), e.getMessage());
	}
}
