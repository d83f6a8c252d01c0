package org.ecgdigitizer.core.classify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;

/**
 * Trains the shipped ink classifier from pages whose every pixel's class is known: our generator's
 * pages (every distortion, with the trace, text and grid layers the generator drew) and, when
 * given, ecg-image-kit pages (their JSON gives every plotted sample's pixel and the label boxes).
 * Seeded: the same seed and pages give the same model.
 */
public final class InkTraining {

	/**
	 * The features of the shipped model, chosen for ECG ink at {@link LearnedInk#WORK_PX_PER_MM}:
	 * sigmas 1, 2 and 4 px there are 0.25, 0.5 and 1 mm nominal (real blurs of 0.1 to 0.4 mm, from a
	 * pen's width to a small box), and the Hessian tells a line from a blob. Membrane projections
	 * (a 19 px = 5 mm kernel in ten orientations) cost more than the rest together and were left out.
	 */
	public static final TwsFeatures ECG_FEATURES = new TwsFeatures(EnumSet.of(TwsFeatures.Group.GAUSSIAN,
		TwsFeatures.Group.SOBEL, TwsFeatures.Group.HESSIAN, TwsFeatures.Group.DOG), 1, 4, 19, 1, false);
	public static final int TRACE = 0, GRID = 1, PAPER = 2, TEXT = 3;
	/** The seed of the shipped model's pages and forest. */
	public static final long DEFAULT_SEED = 11;
	/** Examples drawn per class and page (fewer when a page has fewer). */
	static final int[] PER_PAGE = { 400, 400, 400, 200 };
	static final int TREES = 24;
	static final int MAX_DEPTH = 14;
	static final int RANDOM_FEATURES = 6;
	/** Every distortion of the generator, alone and in the combinations photos and old archives show. */
	static final String[] DISTORTIONS = { "none", "rotate", "perspective", "wrinkle", "crease", "wrinkle,crease",
		"shadow", "colorcast", "noise", "blur", "jpeg", "bw", "fade", "stain", "lowcontrast", "perspective,shadow,noise,jpeg",
		"rotate,wrinkle,crease,shadow", "noise:0.04,jpeg:0.5", "crease:0.5,wrinkle:1.5,shadow" };
	static final PageSpec.GridColor[] GRID_COLOURS = PageSpec.GridColor.values();

	private InkTraining() {}

	/** A page and the class of each of its pixels at the classifier's scale. */
	public static final class LabelledPage {
		public final String name;
		/** The plane the classifier sees, at {@link LearnedInk#WORK_PX_PER_MM}. */
		public final float[] plane;
		public final int w, h;
		/** {@link #TRACE}, {@link #GRID}, {@link #PAPER}, {@link #TEXT}, or -1 where unknown or mixed. */
		public final byte[] label;
		/** Pixels the pipeline asks the classifier about: where the rules found ink. */
		public final boolean[] candidate;

		LabelledPage(String name, float[] plane, int w, int h, byte[] label, boolean[] candidate) {
			this.name = name;
			this.plane = plane;
			this.w = w;
			this.h = h;
			this.label = label;
			this.candidate = candidate;
		}
	}

	/** Page {@code index} of the synthetic training set for a seed: its own signal, layout, grid and distortions. */
	public static LabelledPage synthetic(long seed, int index) {
		return synthetic(seed, index, 0);
	}

	/** As {@link #synthetic(long, int)}, at a given resolution (0: the page's own draw). */
	public static LabelledPage synthetic(long seed, int index, int dpi) {
		SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
		long pageSeed = r.nextLong() & Long.MAX_VALUE;
		String[] layouts = { "3x4+1", "3x4", "3x4+3", "6x2", "12x1", "3x4+1/cabrera" };
		PageSpec spec = PageSpec.defaults().withLayout(layouts[r.nextInt(layouts.length)]).withDpi(new int[] { 100, 150,
			200, 200, 300 }[r.nextInt(5)]).withGridColor(GRID_COLOURS[r.nextInt(GRID_COLOURS.length)]).withGridStyle(r
				.nextInt(5) == 0 ? PageSpec.GridStyle.DOTS : PageSpec.GridStyle.LINES).withGridContrast(0.4 + 0.6 * r
					.nextDouble()).withPaper(r.nextBoolean() ? PageSpec.Paper.LETTER : PageSpec.Paper.A4).withTraceWidthMm(
						0.2 + 0.25 * r.nextDouble()).withTraceColor(r.nextInt(4) == 0 ? PageSpec.TraceColor.DARKBLUE
							: PageSpec.TraceColor.BLACK).withHeader(r.nextBoolean()).withSeparators(r.nextBoolean())
			.withDistortions(DISTORTIONS[index % DISTORTIONS.length]);
		if (dpi > 0) spec = spec.withDpi(dpi);
		String name = String.format(Locale.ROOT, "train-%d", index);
		EcgRecord signal = PageGenerator.synthesize(pageSeed, 500, name);
		BufferedImage page = ImageFiles.toRgb(PageGenerator.render(signal, spec, pageSeed).image());
		BufferedImage layers = ImageFiles.toRgb(PageGenerator.renderLayers(signal, spec, pageSeed));
		int w = page.getWidth(), h = page.getHeight();
		int[] rgb = page.getRGB(0, 0, w, h, null, 0, w);
		int[] lay = layers.getRGB(0, 0, w, h, null, 0, w);
		double mm = spec.pxPerMm();
		double f = LearnedInk.WORK_PX_PER_MM / mm;
		int ws = (int) Math.round(w * f), hs = (int) Math.round(h * f);
		float[] tr = new float[w * h], tx = new float[w * h], gr = new float[w * h];
		for (int i = 0; i < lay.length; i++) {
			tr[i] = lay[i] >> 16 & 255;
			tx[i] = lay[i] >> 8 & 255;
			gr[i] = lay[i] & 255;
		}
		tr = InkPlanes.resize(tr, w, h, ws, hs);
		tx = InkPlanes.resize(tx, w, h, ws, hs);
		gr = InkPlanes.resize(gr, w, h, ws, hs);
		byte[] label = new byte[ws * hs];
		for (int i = 0; i < label.length; i++) {
			int l = -1;
			if (tr[i] >= 100) l = TRACE;
			else if (tx[i] >= 100) l = TEXT;
			else if (tr[i] < 30 && tx[i] < 30 && gr[i] >= 60) l = GRID;
			else if (tr[i] + tx[i] + gr[i] < 20) l = PAPER;
			label[i] = (byte) l;
		}
		return labelled(name, rgb, w, h, mm, ws, hs, label);
	}

	/** The plane and the rules' candidates at the classifier's scale. */
	private static LabelledPage labelled(String name, int[] rgb, int w, int h, double mm, int ws, int hs,
		byte[] label)
	{
		float[] plane = InkPlanes.resize(InkPlanes.brightestChannel(rgb), w, h, ws, hs);
		InkModel.Result rules = InkModel.compute(rgb, w, h, mm, mm);
		float[] ink = InkPlanes.resize(rules.ink, w, h, ws, hs);
		boolean[] candidate = new boolean[ws * hs];
		for (int i = 0; i < candidate.length; i++) candidate[i] = ink[i] > 0.02f;
		return new LabelledPage(name, plane, ws, hs, label, candidate);
	}

	/**
	 * An ecg-image-kit page (PNG + the generator's JSON): trace where the JSON plots samples, text in
	 * the label boxes where the page is dark, grid and paper inside the leads' boxes more than 1 mm
	 * from any trace (dark pixels there are grid lines).
	 */
	@SuppressWarnings("unchecked")
	public static LabelledPage eik(Path png) throws IOException {
		Path json = png.resolveSibling(png.getFileName().toString().replaceAll("\\.png$", ".json"));
		Map<String, Object> m = Json.object(Json.read(json));
		BufferedImage page = ImageFiles.toRgb(ImageFiles.read(png).image);
		int w = page.getWidth(), h = page.getHeight();
		int[] rgb = page.getRGB(0, 0, w, h, null, 0, w);
		double dpi = Json.number(m.get("resolution"), 200);
		double pad = Json.number(m.get("pad_inches"), 0) * dpi;
		double mm = dpi / 25.4;
		double f = LearnedInk.WORK_PX_PER_MM / mm;
		int ws = (int) Math.round(w * f), hs = (int) Math.round(h * f);
		// drawn at the classifier's scale: the trace one pixel wide there, the exclusion 1 mm either side
		BufferedImage traces = new BufferedImage(ws, hs, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = traces.createGraphics();
		g.scale(f, f);
		g.translate(pad, pad);
		EikShapes shapes = EikShapes.of(m);
		Path2D lines = shapes.traces;
		Path2D boxes = shapes.boxes;
		Path2D labels = shapes.labels;
		g.setColor(Color.BLUE);
		g.fill(boxes);
		g.setColor(Color.GREEN);
		g.setStroke(new BasicStroke((float) (2 * mm), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(lines);
		g.fill(labels);
		g.setColor(Color.RED);
		g.setStroke(new BasicStroke((float) (1 / f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(lines);
		g.dispose();
		int[] lay = traces.getRGB(0, 0, ws, hs, null, 0, ws);
		float[] gray = InkPlanes.resize(InkPlanes.gray(rgb), w, h, ws, hs);
		// paper white: the page's bright pixels
		float[] sorted = gray.clone();
		java.util.Arrays.sort(sorted);
		float white = sorted[(int) (0.9 * (sorted.length - 1))];
		byte[] label = new byte[ws * hs];
		for (int i = 0; i < label.length; i++) {
			int p = lay[i];
			boolean trace = (p >> 16 & 255) > 128;
			boolean near = (p >> 8 & 255) > 128 && !trace;
			boolean inBox = (p & 255) > 128;
			boolean dark = gray[i] < white - 30;
			int l = -1;
			if (trace) l = TRACE;
			else if (inLabel(labels, i % ws, i / ws, f, pad) && dark) l = TEXT;
			else if (inBox && !near) l = dark ? GRID : gray[i] > white - 10 ? PAPER : -1;
			label[i] = (byte) l;
		}
		return labelled("eik:" + png.getParent().getFileName() + "/" + png.getFileName(), rgb, w, h, mm, ws, hs, label);
	}

	private static boolean inLabel(Path2D labels, int x, int y, double f, double pad) {
		return labels.contains((x + 0.5) / f - pad, (y + 0.5) / f - pad);
	}

	/** Four [row, col] corners keyed "0".."3". */
	/** The ecg-image-kit pages (PNG with a JSON beside it) in a folder and its sub-folders, sorted. */
	public static List<Path> eikPages(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) throw new EcgException(dir + " is not a folder of ecg-image-kit pages");
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> p.toString().endsWith(".png") && Files.exists(p.resolveSibling(p.getFileName()
				.toString().replaceAll("\\.png$", ".json")))).sorted().collect(Collectors.toList());
		}
	}

	/** Up to {@code n} distinct members of the pool, drawn at random (seeded). */
	private static int[] draw(List<Integer> pool, int n, SplittableRandom r) {
		n = Math.min(n, pool.size());
		int[] out = new int[n];
		for (int k = 0; k < n; k++) {
			int j = k + r.nextInt(pool.size() - k);
			int t = pool.get(j);
			pool.set(j, pool.get(k));
			pool.set(k, t);
			out[k] = t;
		}
		return out;
	}

	/** {@code n} of the pages, spread evenly over the list (all of them when n is not smaller). */
	public static List<Path> spread(List<Path> pages, int n) {
		if (n < 0) throw new EcgException("the number of pages must be 0 or more, got " + n);
		if (n >= pages.size()) return pages;
		List<Path> out = new ArrayList<>();
		for (int i = 0; i < n; i++) out.add(pages.get((int) ((i + 0.5) * pages.size() / n)));
		return out;
	}

	/**
	 * Adds a page's examples: per class up to {@link #PER_PAGE}, drawn at random (seeded) among the
	 * pixels the pipeline will ask about, and trace and text anywhere.
	 */
	public static void sample(LabelledPage page, InkClassifier.Samples samples, SplittableRandom r) {
		int[][] chosen = new int[4][];
		boolean[] wanted = new boolean[page.w * page.h];
		for (int c = 0; c < 4; c++) {
			// grid and paper: half among the pixels the pipeline asks about (the rules' mistakes), half
			// anywhere, so that the model knows plain paper too (Apply Ink Classifier shows every pixel)
			List<Integer> asked = new ArrayList<>(), anywhere = new ArrayList<>();
			for (int i = 0; i < page.label.length; i++) {
				if (page.label[i] != c) continue;
				if (c == TRACE || c == TEXT || page.candidate[i]) asked.add(i);
				else anywhere.add(i);
			}
			int fromAsked = c == TRACE || c == TEXT ? PER_PAGE[c] : PER_PAGE[c] / 2;
			int[] a = draw(asked, fromAsked, r);
			int[] b = draw(anywhere, PER_PAGE[c] - a.length, r);
			chosen[c] = new int[a.length + b.length];
			System.arraycopy(a, 0, chosen[c], 0, a.length);
			System.arraycopy(b, 0, chosen[c], a.length, b.length);
			for (int t : chosen[c]) wanted[t] = true;
		}
		float[][] stack = ECG_FEATURES.compute(page.plane, page.w, page.h, wanted);
		for (int c = 0; c < 4; c++) samples.add(stack, chosen[c], c);
	}

	/**
	 * Trains the ink classifier: {@code pages} synthetic pages from {@code seed}, then the
	 * ecg-image-kit pages given.
	 */
	public static ModelFiles.Model train(int pages, long seed, List<Path> eik, Progress progress) throws IOException {
		InkClassifier.Samples samples = new InkClassifier.Samples(ECG_FEATURES, InkClassifier.CLASSES);
		SplittableRandom r = new SplittableRandom(seed);
		int total = pages + eik.size();
		for (int i = 0; i < pages; i++) {
			progress.status("Training page " + (i + 1) + "/" + total + " (synthetic)");
			progress.items(i, total + 1);
			sample(synthetic(seed, i), samples, r);
		}
		for (int i = 0; i < eik.size(); i++) {
			progress.status("Training page " + (pages + i + 1) + "/" + total + " (" + eik.get(i).getFileName() + ")");
			progress.items(pages + i, total + 1);
			sample(eik(eik.get(i)), samples, r);
		}
		progress.status("Training the forest on " + samples.size() + " pixels");
		ModelFiles.Model model = InkClassifier.train(samples, TREES, RANDOM_FEATURES, MAX_DEPTH, (int) seed);
		progress.items(total + 1, total + 1);
		return model;
	}

	/** Pixels a user marked on one page, per class name: the TWS way of training. */
	public static final class Strokes {
		final int[] rgb;
		final int w, h;
		final double pxPerMm;
		final java.util.Map<String, List<int[]>> points = new java.util.LinkedHashMap<>();

		/** @param pxPerMm the page's scale, pixels per millimetre */
		public Strokes(int[] rgb, int w, int h, double pxPerMm) {
			if (!(pxPerMm > 0)) throw new EcgException("the page's scale is unknown; calibrate it in mm (Analyze > " +
				"Set Scale) or give px_per_mm");
			this.rgb = rgb;
			this.w = w;
			this.h = h;
			this.pxPerMm = pxPerMm;
		}

		/** Marks pixel (x, y) of the page as class {@code name}. */
		public void add(String name, int x, int y) {
			if (x < 0 || y < 0 || x >= w || y >= h) return;
			points.computeIfAbsent(name.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(new int[] { x, y });
		}
	}

	/**
	 * Trains a classifier on pixels users marked (line or freehand strokes named after classes), on
	 * the same plane and scale as the shipped model; the classes are those named, in the order of
	 * {@link InkClassifier#CLASSES} first, then any others alphabetically.
	 */
	public static ModelFiles.Model trainOnStrokes(List<Strokes> pages, int trees, int seed, Progress progress) {
		java.util.TreeSet<String> named = new java.util.TreeSet<>();
		for (Strokes s : pages) named.addAll(s.points.keySet());
		List<String> classes = new ArrayList<>();
		for (String c : InkClassifier.CLASSES) if (named.remove(c)) classes.add(c);
		classes.addAll(named);
		if (classes.size() < 2) {
			throw new EcgException("draw lines over at least two classes (name each ROI trace, grid, paper or text); " +
				"found " + classes);
		}
		if (!classes.contains("trace")) {
			throw new EcgException("no ROI is named 'trace'; name the lines drawn over the ECG trace 'trace'");
		}
		InkClassifier.Samples samples = new InkClassifier.Samples(ECG_FEATURES, classes);
		for (int p = 0; p < pages.size(); p++) {
			Strokes s = pages.get(p);
			progress.status("Computing features of page " + (p + 1) + "/" + pages.size());
			progress.items(p, pages.size() + 1);
			double f = LearnedInk.WORK_PX_PER_MM / s.pxPerMm;
			int ws = Math.max(1, (int) Math.round(s.w * f)), hs = Math.max(1, (int) Math.round(s.h * f));
			float[] plane = InkPlanes.resize(InkPlanes.brightestChannel(s.rgb), s.w, s.h, ws, hs);
			java.util.Map<String, int[]> at = new java.util.LinkedHashMap<>();
			boolean[] wanted = new boolean[ws * hs];
			for (java.util.Map.Entry<String, List<int[]>> e : s.points.entrySet()) {
				java.util.LinkedHashSet<Integer> pixels = new java.util.LinkedHashSet<>();
				for (int[] xy : e.getValue()) {
					int x = Math.min(ws - 1, (int) ((xy[0] + 0.5) * f)), y = Math.min(hs - 1, (int) ((xy[1] + 0.5) * f));
					pixels.add(y * ws + x);
					wanted[y * ws + x] = true;
				}
				at.put(e.getKey(), pixels.stream().mapToInt(Integer::intValue).toArray());
			}
			float[][] stack = ECG_FEATURES.compute(plane, ws, hs, wanted);
			for (java.util.Map.Entry<String, int[]> e : at.entrySet()) samples.add(stack, e.getValue(), classes.indexOf(e
				.getKey()));
		}
		progress.status("Training on " + samples.size() + " pixels");
		ModelFiles.Model model = InkClassifier.train(samples, trees, RANDOM_FEATURES, 0, seed);
		progress.items(pages.size() + 1, pages.size() + 1);
		return model;
	}
}
