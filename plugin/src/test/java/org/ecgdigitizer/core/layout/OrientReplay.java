package org.ecgdigitizer.core.layout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.BuildLoader;

/**
 * A replay harness, not a test: the upside-down check ({@code PageOrientation.orient}) and lead
 * detection ({@code LeadDetector.detect}) of two or more builds (jars or class folders, each in a
 * class loader of its own) on the same prepared pages in one JVM, taking turns, so that a shared
 * machine's load falls on all alike. Each page is preprocessed once by the first build (the
 * planes are shared; each build rebuilds its own page and geometry from them), and every timed
 * call starts from a fresh page that shares nothing found before. Before the rounds, each build's
 * orientation evidence and detected layout (JSON) are checked against the first's.
 *
 * <pre>
 * java -cp plugin/target/test-classes org.ecgdigitizer.core.layout.OrientReplay \
 *     --build /tmp/r10/main.jar --build target/ecg-digitizer.jar --rounds 8 --warmup 2 DIR|PAGE ...
 * </pre>
 *
 * Prints per round each build's thread CPU for the check and for detection summed over the
 * pages, then the medians of the rounds after the warm-up in ms per page.
 */
public final class OrientReplay {

	private OrientReplay() {}

	/** One build's entry points, by reflection. */
	static final class Build {
		final String name;
		final ClassLoader loader;
		final Method read;
		final Method asImg;
		final Method run;
		final Constructor<?> page;
		final Method orient;
		final Method detect;
		final Object settings;
		final Object progress;
		final Object inkSource;
		final List<Object> geometries = new ArrayList<>();
		final List<Object> inkModels = new ArrayList<>();

		Build(String name, String path) throws Exception {
			this.name = name;
			loader = BuildLoader.of(path);
			Class<?> imageFiles = loader.loadClass("org.ecgdigitizer.core.io.ImageFiles");
			read = imageFiles.getMethod("read", Path.class);
			asImg = imageFiles.getMethod("asImg", java.awt.image.BufferedImage.class);
			Class<?> img = loader.loadClass("net.imglib2.img.array.ArrayImg");
			Class<?> progressType = loader.loadClass("org.ecgdigitizer.core.Progress");
			Class<?> sourceType = loader.loadClass("org.ecgdigitizer.core.preprocess.InkSource");
			run = loader.loadClass("org.ecgdigitizer.core.preprocess.Preprocessor").getMethod("run", img, double.class,
				sourceType, progressType);
			progress = progressType.getField("NONE").get(null);
			Class<?> settingsType = loader.loadClass("org.ecgdigitizer.core.DigitizerSettings");
			settings = settingsType.getMethod("defaults").invoke(null);
			inkSource = settingsType.getMethod("ink").invoke(settings);
			Class<?> prepared = loader.loadClass("org.ecgdigitizer.core.preprocess.PreparedPage");
			page = prepared.getConstructor(int[].class, float[].class, float[].class, loader.loadClass(
				"org.ecgdigitizer.core.preprocess.PageGeometry"), loader.loadClass(
					"org.ecgdigitizer.core.preprocess.InkModel$Result"));
			orient = loader.loadClass("org.ecgdigitizer.core.layout.PageOrientation").getMethod("orient", prepared);
			detect = loader.loadClass("org.ecgdigitizer.core.layout.LeadDetector").getMethod("detect", prepared,
				settingsType);
		}

		/** Preprocesses a page: its planes {rgb, ink, density}, and this build's geometry and ink model kept. */
		Object[] prepare(Path file) throws Exception {
			Object loaded = read.invoke(null, file);
			Object image = loaded.getClass().getField("image").get(loaded);
			double dpi = loaded.getClass().getField("dpi").getDouble(loaded);
			Object p = run.invoke(null, asImg.invoke(null, image), dpi, inkSource, progress);
			geometries.add(p.getClass().getField("geometry").get(p));
			inkModels.add(p.getClass().getField("inkModel").get(p));
			return new Object[] { p.getClass().getMethod("rgbPixels").invoke(p), p.getClass().getMethod("inkPixels")
				.invoke(p), p.getClass().getMethod("densityPixels").invoke(p) };
		}

		/** A fresh page of page i's planes. */
		Object fresh(Object[] planes, int i) throws Exception {
			return page.newInstance(planes[0], planes[1], planes[2], geometries.get(i), inkModels.get(i));
		}

		Object orient(Object fresh) throws Exception {
			return orient.invoke(null, fresh);
		}

		/** The layout, or the message it failed with. */
		Object detect(Object oriented) throws Exception {
			try {
				return detect.invoke(null, oriented, settings);
			}
			catch (InvocationTargetException e) {
				return String.valueOf(e.getCause().getMessage());
			}
		}

		String describe(Object oriented, Object layout) throws Exception {
			Object evidence = oriented.getClass().getField("orientation").get(oriented);
			String l = layout instanceof String ? (String) layout : String.valueOf(layout.getClass().getMethod("toJson")
				.invoke(layout));
			return evidence + "\n" + l;
		}
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		if (args.length > 0 && args[0].equals("--ink-rows")) {
			inkRows(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		List<String> paths = new ArrayList<>();
		int rounds = 8;
		int warmup = 2;
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--build": paths.add(args[++i]); break;
				case "--rounds": rounds = Integer.parseInt(args[++i]); break;
				case "--warmup": warmup = Integer.parseInt(args[++i]); break;
				default: files.addAll(org.ecgdigitizer.core.preprocess.InkReplay.pages(args[i]));
			}
		}
		int nb = paths.size();
		Build[] builds = new Build[nb];
		for (int k = 0; k < nb; k++) builds[k] = new Build(String.valueOf((char) ('a' + k)), paths.get(k));
		List<Object[]> planes = new ArrayList<>();
		for (Path f : files) {
			Object[] p = builds[0].prepare(f);
			planes.add(p);
			for (int k = 1; k < nb; k++) builds[k].prepare(f);
		}
		int pages = files.size();
		int differ = 0;
		for (int i = 0; i < pages; i++) {
			String first = null;
			for (int k = 0; k < nb; k++) {
				Object oriented = builds[k].orient(builds[k].fresh(planes.get(i), i));
				String d = builds[k].describe(oriented, builds[k].detect(oriented));
				if (k == 0) first = d;
				else if (!d.equals(first)) {
					differ++;
					System.out.println("DIFFERENT " + builds[k].name + " on " + files.get(i));
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d pages, %d different%n", pages, differ);
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		double[][][] ms = new double[nb][2][rounds];
		for (int r = 0; r < rounds; r++) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", r));
			for (int j = 0; j < nb; j++) {
				int k = (j + r) % nb;
				Build b = builds[k];
				long orientNs = 0;
				long detectNs = 0;
				for (int i = 0; i < pages; i++) {
					Object fresh = b.fresh(planes.get(i), i);
					long t0 = mx.getCurrentThreadCpuTime();
					Object oriented = b.orient(fresh);
					long t1 = mx.getCurrentThreadCpuTime();
					b.detect(oriented);
					long t2 = mx.getCurrentThreadCpuTime();
					orientNs += t1 - t0;
					detectNs += t2 - t1;
				}
				ms[k][0][r] = orientNs / 1e6 / pages;
				ms[k][1][r] = detectNs / 1e6 / pages;
			}
			for (int k = 0; k < nb; k++) line.append(String.format(Locale.ROOT, "  %s orient %.1f detect %.1f", builds[k].name,
				ms[k][0][r], ms[k][1][r]));
			if (nb > 1) line.append(String.format(Locale.ROOT, "  b/a orient %.3f both %.3f", ms[1][0][r] / ms[0][0][r],
				(ms[1][0][r] + ms[1][1][r]) / (ms[0][0][r] + ms[0][1][r])));
			System.out.println(line);
		}
		for (int k = 0; k < nb; k++) {
			System.out.printf(Locale.ROOT, "%s (%s): median of rounds %d-%d, ms per page: orient %.2f, detect %.2f, both %.2f%n",
				builds[k].name, paths.get(k), warmup, rounds - 1, median(ms[k][0], warmup), median(ms[k][1], warmup), median(
					sum(ms[k][0], ms[k][1]), warmup));
		}
		if (nb > 1) {
			double[] ro = new double[rounds];
			double[] rb = new double[rounds];
			for (int r = 0; r < rounds; r++) {
				ro[r] = ms[1][0][r] / ms[0][0][r];
				rb[r] = (ms[1][0][r] + ms[1][1][r]) / (ms[0][0][r] + ms[0][1][r]);
			}
			System.out.printf(Locale.ROOT, "b/a median of rounds %d-%d: orient %.3f, orient+detect %.3f%n", warmup, rounds - 1,
				median(ro, warmup), median(rb, warmup));
		}
	}

	private static double[] sum(double[] a, double[] b) {
		double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++) out[i] = a[i] + b[i];
		return out;
	}

	private static double median(double[] v, int from) {
		double[] s = Arrays.copyOfRange(v, from, v.length);
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}

	/**
	 * {@code --ink-rows ROUNDS PAGE...} with this build on the class path: the ink and rows of a
	 * page and its turned copy, read each afresh (as before {@link InkRows#bothWays}) and from one
	 * threshold, taking turns on the same pages; thread CPU per page, median of the rounds after
	 * the first.
	 */
	static void inkRows(String[] args) throws Exception {
		int rounds = Integer.parseInt(args[0]);
		List<org.ecgdigitizer.core.preprocess.PreparedPage> pages = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			org.ecgdigitizer.core.io.ImageFiles.LoadedImage loaded = org.ecgdigitizer.core.io.ImageFiles.read(Paths.get(
				args[i]));
			pages.add(org.ecgdigitizer.core.preprocess.Preprocessor.run(org.ecgdigitizer.core.io.ImageFiles.asImg(
				loaded.image), loaded.dpi, org.ecgdigitizer.core.DigitizerSettings.defaults().ink(),
				org.ecgdigitizer.core.Progress.NONE));
		}
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		double[][] ms = new double[2][rounds];
		for (int r = 0; r < rounds; r++) {
			for (int j = 0; j < 2; j++) {
				int way = (j + r) % 2;
				long ns = 0;
				for (org.ecgdigitizer.core.preprocess.PreparedPage p : pages) {
					org.ecgdigitizer.core.preprocess.PreparedPage fresh = new org.ecgdigitizer.core.preprocess.PreparedPage(p
						.rgbPixels(), p.inkPixels(), p.densityPixels(), p.geometry, p.inkModel);
					long t0 = mx.getCurrentThreadCpuTime();
					org.ecgdigitizer.core.preprocess.PreparedPage turned = fresh.turnedHalf();
					if (way == 0) {
						InkRows.of(fresh);
						InkRows.of(turned);
					}
					else {
						InkRows.bothWays(fresh, turned);
					}
					ns += mx.getCurrentThreadCpuTime() - t0;
				}
				ms[way][r] = ns / 1e6 / pages.size();
			}
			System.out.printf(Locale.ROOT, "round %d: afresh %.2f ms, one threshold %.2f ms per page, %.3f%n", r, ms[0][r],
				ms[1][r], ms[1][r] / ms[0][r]);
		}
		double[] ratio = new double[rounds];
		for (int r = 0; r < rounds; r++) ratio[r] = ms[1][r] / ms[0][r];
		System.out.printf(Locale.ROOT, "median of rounds 1-%d: afresh %.2f, one threshold %.2f ms per page (ratio %.3f)%n",
			rounds - 1, median(ms[0], 1), median(ms[1], 1), median(ratio, 1));
	}
}
