package org.ecgdigitizer.core.classify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.InkSource;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Pixel precision and recall of an ink model against a page's true trace, on the page as given at
 * its true scale: a pixel counts as ink above {@link InkModel#MASK_THRESHOLD}; precision is the
 * share of ink pixels within one pixel of the drawn trace (pixels of printed text are left out,
 * since every ink model keeps the labels for the label reader); recall is the share of trace
 * pixels (the pen's centre line) with ink within one pixel.
 */
public final class InkScores {

	/** Counts over one or more pages. */
	public static final class Score {
		public long inkOnTrace;
		public long ink;
		public long traceFound;
		public long trace;

		public void add(Score o) {
			inkOnTrace += o.inkOnTrace;
			ink += o.ink;
			traceFound += o.traceFound;
			trace += o.trace;
		}

		public double precision() {
			return ink == 0 ? Double.NaN : inkOnTrace / (double) ink;
		}

		public double recall() {
			return trace == 0 ? Double.NaN : traceFound / (double) trace;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "precision %.3f recall %.3f", precision(), recall());
		}
	}

	private InkScores() {}

	/** Scores an ink model on a synthetic page (its trace and text layers are the truth). */
	public static Score synthetic(InkSource source, EcgRecord signal, PageSpec spec, long seed) {
		SyntheticPage page = PageGenerator.render(signal, spec, seed);
		BufferedImage img = ImageFiles.toRgb(page.image());
		BufferedImage layers = ImageFiles.toRgb(PageGenerator.renderLayers(signal, spec, seed));
		int w = img.getWidth(), h = img.getHeight();
		int[] lay = layers.getRGB(0, 0, w, h, null, 0, w);
		boolean[] trace = new boolean[w * h];
		boolean[] centre = new boolean[w * h];
		boolean[] text = new boolean[w * h];
		for (int i = 0; i < lay.length; i++) {
			trace[i] = (lay[i] >> 16 & 255) > 0;
			centre[i] = (lay[i] >> 16 & 255) >= 128;
			text[i] = (lay[i] >> 8 & 255) > 0;
		}
		return score(source, img, spec.pxPerMm(), trace, centre, text);
	}

	/** Scores an ink model on an ecg-image-kit page (PNG beside its JSON). */
	public static Score eik(InkSource source, Path png) throws IOException {
		Path jsonFile = png.resolveSibling(png.getFileName().toString().replaceAll("\\.png$", ".json"));
		Map<String, Object> m = Json.object(Json.read(jsonFile));
		BufferedImage img = ImageFiles.toRgb(ImageFiles.read(png).image);
		int w = img.getWidth(), h = img.getHeight();
		double dpi = Json.number(m.get("resolution"), 200);
		double pad = Json.number(m.get("pad_inches"), 0) * dpi;
		BufferedImage truth = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = truth.createGraphics();
		g.translate(pad, pad);
		EikShapes shapes = EikShapes.of(m);
		Path2D lines = shapes.traces;
		Path2D labels = shapes.labels;
		g.setColor(Color.GREEN);
		g.fill(labels);
		// ecg-image-kit draws about a 0.25 mm pen; the centre line is the truth for recall
		g.setColor(Color.RED);
		g.setStroke(new BasicStroke((float) Math.max(1, 0.25 * dpi / 25.4), BasicStroke.CAP_ROUND,
			BasicStroke.JOIN_ROUND));
		g.draw(lines);
		g.setColor(Color.BLUE);
		g.setStroke(new BasicStroke(1f));
		g.draw(lines);
		g.dispose();
		int[] t = truth.getRGB(0, 0, w, h, null, 0, w);
		boolean[] trace = new boolean[w * h], centre = new boolean[w * h], text = new boolean[w * h];
		for (int i = 0; i < t.length; i++) {
			trace[i] = (t[i] >> 16 & 255) > 0 || (t[i] & 255) > 0;
			centre[i] = (t[i] & 255) > 0;
			text[i] = (t[i] >> 8 & 255) > 0;
		}
		return score(source, img, dpi / 25.4, trace, centre, text);
	}

	static Score score(InkSource source, BufferedImage img, double pxPerMm, boolean[] trace, boolean[] centre,
		boolean[] text)
	{
		int w = img.getWidth(), h = img.getHeight();
		int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
		InkModel.Result result = source.separate(rgb, w, h, pxPerMm, pxPerMm, null);
		boolean[] ink = InkModel.mask(result.ink);
		boolean[] nearTrace = dilate(trace, w, h);
		boolean[] nearInk = dilate(ink, w, h);
		boolean[] nearText = dilate(dilate(text, w, h), w, h);
		Score s = new Score();
		for (int i = 0; i < ink.length; i++) {
			if (ink[i] && !(nearText[i] && !nearTrace[i])) {
				s.ink++;
				if (nearTrace[i]) s.inkOnTrace++;
			}
			if (centre[i]) {
				s.trace++;
				if (nearInk[i]) s.traceFound++;
			}
		}
		return s;
	}

	/** 3x3 dilation. */
	static boolean[] dilate(boolean[] m, int w, int h) {
		boolean[] out = new boolean[m.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (!m[y * w + x]) continue;
				for (int dy = -1; dy <= 1; dy++) {
					int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -1; dx <= 1; dx++) {
						int xx = x + dx;
						if (xx >= 0 && xx < w) out[yy * w + xx] = true;
					}
				}
			}
		}
		return out;
	}
}
