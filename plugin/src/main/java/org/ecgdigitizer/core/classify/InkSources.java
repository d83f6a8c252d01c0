package org.ecgdigitizer.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.InkSource;
import org.ecgdigitizer.core.preprocess.Rectifier;

/** The ink models users can name: rules, learned, auto, or a .model file. */
public final class InkSources {

	/** The default, chosen by the benchmark (docs/classifier.md). */
	public static final String DEFAULT = "auto";
	/** The shipped classifier, trained by {@code train-ink} (docs/classifier.md says on what). */
	public static final String SHIPPED_RESOURCE = "/org/ecgdigitizer/core/classify/ecg-ink.model";

	private static volatile InkClassifier shipped;

	private InkSources() {}

	/** rules, learned, auto, or the path of a .model (or .model.gz) file, which is read now. */
	public static InkSource parse(String spec) {
		String s = spec == null ? DEFAULT : spec.trim();
		switch (s.toLowerCase(Locale.ROOT)) {
			case "":
			case "auto":
				return auto();
			case "rules":
				return InkSource.RULES;
			case "learned":
				return new LearnedInk("learned", shipped());
			default:
				String lower = s.toLowerCase(Locale.ROOT);
				if (!lower.endsWith(".model") && !lower.endsWith(".model.gz")) {
					throw new EcgException("unknown ink model '" + s + "': use rules, learned, auto or the path of a " +
						".model file");
				}
				Path file = Paths.get(s);
				return new LearnedInk(file.toString(), new InkClassifier(ModelFiles.read(file)));
		}
	}

	/** The classifier shipped in the jar. */
	public static InkClassifier shipped() {
		InkClassifier c = shipped;
		if (c != null) return c;
		synchronized (InkSources.class) {
			if (shipped == null) {
				try (InputStream in = InkSources.class.getResourceAsStream(SHIPPED_RESOURCE)) {
					if (in == null) throw new EcgException("the shipped ink classifier is missing from the jar; rebuild " +
						"it or use --ink rules");
					shipped = new InkClassifier(ModelFiles.read(in, false, "the shipped ink classifier"));
				}
				catch (IOException e) {
					throw new EcgException("cannot read the shipped ink classifier: " + e.getMessage());
				}
			}
			return shipped;
		}
	}

	/**
	 * The rules, and the classifier on photographed pages and pages whose grid could not be read
	 * (see {@link AutoInk}).
	 */
	static InkSource auto() {
		return new AutoInk();
	}

	/** Chooses per page, from what the page shows. */
	static final class AutoInk implements InkSource {
		@Override
		public String name() {
			return "auto";
		}

		@Override
		public InkModel.Result separate(int[] rgb, int w, int h, double pxPerMmX, double pxPerMmY, Rectifier.Warp warp) {
			if (needsClassifier(warp, pxPerMmX, rgb)) return new LearnedInk("learned", shipped()).separate(rgb, w, h, pxPerMmX,
				pxPerMmY, warp);
			return InkSource.RULES.separate(rgb, w, h, pxPerMmX, pxPerMmY, warp);
		}

		/**
		 * A photographed page (rectified by a perspective fit), or one whose grid could not be read: on
		 * those the rules' ink holds desk, shadow and grid, and the classifier measurably helps
		 * (docs/classifier.md); elsewhere the rules are as good and cost nothing more. A two-tone page
		 * (a 1-bit scan or photocopy) has no shadow or grid tones to remove: the rules keep it.
		 */
		static boolean needsClassifier(Rectifier.Warp warp, double pxPerMm, int[] rgb) {
			return (warp != null && !warp.fromSource.isAffine() || Double.isNaN(pxPerMm)) && !BilevelPage.is(rgb);
		}
	}
}
