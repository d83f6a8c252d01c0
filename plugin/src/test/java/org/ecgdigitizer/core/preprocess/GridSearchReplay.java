package org.ecgdigitizer.core.preprocess;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.BuildLoader;

/**
 * Not a test: a replay harness for the grid-angle and perspective searches of stage 1. It loads two
 * builds of the digitizer (for example main's jar and a branch's) each in its own class loader, reads
 * the same pages with each, and replays on them what {@code Preprocessor.run} does to find the grid:
 * the grid plane, the whole page's analysis, the perspective fit, the tilt from the traces when no
 * grid is found, the rectification (a rotation or a homography) and the grid read again (plane and
 * analysis) after a perspective rectification. The two builds take turns page by page (the one that
 * goes first alternates), each step's thread CPU is summed per round, and the median over the rounds
 * after the first is printed in ms per page; any step whose result differs between the builds is
 * reported.
 *
 * <pre>
 * java -cp plugin/target/test-classes org.ecgdigitizer.core.preprocess.GridSearchReplay \
 *     A.jar B.jar ROUNDS PAGE...   (or CLASSES:B.jar for B: a folder of changed classes before a jar)
 * </pre>
 */
public final class GridSearchReplay {

	static final String[] STEPS = { "plane", "analyze", "perspective", "traces", "rectify", "regrid" };
	/** -Dreplay.perPage=true: each page's steps in the last round. */
	static final boolean PER_PAGE = Boolean.getBoolean("replay.perPage");
	static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	/** One build's classes and the page replay on them. */
	static final class Build {
		final String name;
		final ClassLoader loader;

		/** @param classPath jars or class folders, separated by File.pathSeparator (a folder of changed classes first) */
		Build(String classPath) throws Exception {
			name = new File(classPath.split(File.pathSeparator)[0]).getName();
			loader = BuildLoader.of(classPath);
		}

		Class<?> cls(String name) throws ClassNotFoundException {
			return Class.forName("org.ecgdigitizer.core." + name, true, loader);
		}

		/** Reads a page as the engine does: the decoded image, its dpi, reduced as stage 1 reduces it. */
		Object[] load(String path) throws Exception {
			Object input = call(cls("io.InputFile"), null, "of", java.nio.file.Paths.get(path));
			Object page = ((List<?>) call(input.getClass(), input, "pages")).get(0);
			Object options = call(cls("io.ReadOptions"), null, "defaults");
			Object content = call(page.getClass(), page, "load", options);
			java.awt.image.BufferedImage img = (java.awt.image.BufferedImage) get(content, "image");
			double dpi = (Double) get(content, "dpi");
			int w = img.getWidth();
			int h = img.getHeight();
			int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
			long max = (Long) get(cls("preprocess.Preprocessor"), "MAX_WORKING_PIXELS");
			int shrink = (int) Math.ceil(Math.sqrt((double) w * h / max));
			if (shrink > 1) {
				rgb = (int[]) call(cls("preprocess.Planes"), null, "downsampleRgb", rgb, w, h, shrink);
				w /= shrink;
				h /= shrink;
				dpi /= shrink;
			}
			return new Object[] { rgb, w, h, dpi };
		}

		/** The replay of one page: adds each step's thread CPU (ns) to cpu, returns each step's result. */
		String[] replay(Object[] page, long[] cpu) throws Exception {
			int[] rgb = (int[]) page[0];
			int w = (Integer) page[1];
			int h = (Integer) page[2];
			double dpi = (Double) page[3];
			Class<?> grid = cls("preprocess.GridAnalysis");
			Class<?> planes = cls("preprocess.Planes");
			String[] out = new String[STEPS.length];
			long t = time();
			float[] plane = (float[]) call(planes, null, "gridPlane", rgb);
			cpu[0] += time() - t;
			out[0] = String.valueOf(Arrays.hashCode(plane));
			t = time();
			Object estimate = call(grid, null, "analyze", plane, w, h, dpi);
			cpu[1] += time() - t;
			out[1] = describe(estimate);
			double px = (Double) get(estimate, "pxPerMmX");
			double py = (Double) get(estimate, "pxPerMmY");
			boolean found = (Boolean) get(estimate, "found");
			double angle = (Double) call(estimate.getClass(), estimate, "angleDeg");
			double pitchGuess = Double.isNaN(px) || Double.isNaN(py) ? Double.NaN : Math.sqrt(px * py);
			t = time();
			Object fit = call(cls("preprocess.Perspective"), null, "estimate", plane, w, h, pitchGuess, angle, found);
			cpu[2] += time() - t;
			out[2] = describe(fit);
			boolean perspective = fit != null && (Double) get(fit, "rmsPitchError") < (Double) get(cls(
				"preprocess.Preprocessor"), "MAX_PERSPECTIVE_MISFIT") && ((Boolean) call(fit.getClass(), fit,
					"needsPerspective") || !found);
			if (!perspective && !found) {
				float[] dark = (float[]) call(planes, null, "clippedDarkness", call(planes, null, "darkness", rgb), 0.97);
				t = time();
				Object tan = call(grid, null, "coarseTan", dark, w, h);
				cpu[3] += time() - t;
				out[3] = String.valueOf(tan);
				angle = Math.toDegrees(Math.atan((Double) tan));
			}
			Class<?> rectifier = cls("preprocess.Rectifier");
			Class<?> warps = cls("preprocess.Rectifier$Warp");
			Object warp;
			double scale = Double.NaN;
			if (perspective) {
				Class<?> homography = cls("preprocess.Homography");
				Object toPaper = get(fit, "imageToPaper");
				double[] j = (double[]) call(homography, toPaper, "jacobian", w / 2.0, h / 2.0);
				scale = 1 / Math.sqrt(Math.abs(j[0] * j[3] - j[1] * j[2]));
				double tilt = Math.toDegrees(Math.atan(-j[2] / j[3]));
				Constructor<?> make = homography.getDeclaredConstructor(double[].class);
				make.setAccessible(true);
				Object toRectified = call(homography, toPaper, "then", make.newInstance((Object) new double[] { scale, 0,
					0, 0, scale, 0, 0, 0, 1 }));
				double growth = (Double) get(cls("preprocess.Preprocessor"), "MAX_GROWTH");
				warp = call(warps, null, "homography", toRectified, w, h, tilt, (long) (growth * w * h));
			}
			else {
				double least = (Double) get(cls("preprocess.Preprocessor"), "MIN_ROTATION_DEG");
				warp = call(warps, null, "rotation", Math.abs(angle) < least ? 0.0 : angle, w, h);
			}
			int paper = (Integer) call(rectifier, null, "paperColour", rgb);
			t = time();
			int[] rectified = (int[]) call(rectifier, null, "warp", rgb, warp, paper);
			cpu[4] += time() - t;
			out[4] = String.valueOf(Arrays.hashCode(rectified));
			if (perspective) {
				int rw = (Integer) get(warp, "width");
				int rh = (Integer) get(warp, "height");
				t = time();
				float[] again = (float[]) call(planes, null, "gridPlane", rectified);
				Object estimateAgain = call(grid, null, "analyze", again, rw, rh, scale * 25.4, 0.0, 1.0, scale);
				cpu[5] += time() - t;
				out[5] = describe(estimateAgain);
			}
			return out;
		}
	}

	static long time() {
		return CPU.getCurrentThreadCpuTime();
	}

	/** Every field of a result, doubles in full, nested results and arrays expanded. */
	static String describe(Object o) throws Exception {
		if (o == null) return "null";
		if (o instanceof Number || o instanceof Boolean || o instanceof String) return String.valueOf(o);
		if (o.getClass().isArray()) {
			StringBuilder s = new StringBuilder("[");
			for (int i = 0; i < Array.getLength(o); i++) s.append(describe(Array.get(o, i))).append(' ');
			return s.append(']').toString();
		}
		StringBuilder s = new StringBuilder(o.getClass().getSimpleName()).append('{');
		for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
			for (Field f : c.getDeclaredFields()) {
				if (Modifier.isStatic(f.getModifiers())) continue;
				f.setAccessible(true);
				s.append(f.getName()).append('=').append(describe(f.get(o))).append(' ');
			}
		}
		return s.append('}').toString();
	}

	static Object get(Object target, String field) throws Exception {
		Class<?> c = target instanceof Class ? (Class<?>) target : target.getClass();
		Field f = c.getDeclaredField(field);
		f.setAccessible(true);
		return f.get(target instanceof Class ? null : target);
	}

	/** Calls the method of that name whose parameters take these arguments. */
	static Object call(Class<?> c, Object target, String name, Object... args) throws Exception {
		for (Method m : c.getDeclaredMethods()) {
			if (!m.getName().equals(name) || m.getParameterCount() != args.length) continue;
			if (!fits(m.getParameterTypes(), args)) continue;
			m.setAccessible(true);
			return m.invoke(target, args);
		}
		throw new NoSuchMethodException(c.getName() + "." + name + "/" + args.length);
	}

	static boolean fits(Class<?>[] types, Object[] args) {
		for (int i = 0; i < types.length; i++) {
			Class<?> t = types[i];
			Object a = args[i];
			if (a == null) {
				if (t.isPrimitive()) return false;
				continue;
			}
			if (t == int.class ? a instanceof Integer : t == double.class ? a instanceof Double : t == boolean.class
				? a instanceof Boolean : t == long.class ? a instanceof Long : t.isInstance(a)) continue;
			return false;
		}
		return true;
	}

	public static void main(String[] args) throws Exception {
		Build[] builds = { new Build(args[0]), new Build(args[1]) };
		int rounds = Integer.parseInt(args[2]);
		List<String> paths = Arrays.asList(args).subList(3, args.length);
		List<Object[][]> pages = new ArrayList<>();
		for (String p : paths) pages.add(new Object[][] { builds[0].load(p), builds[1].load(p) });
		// per build, step and round: thread CPU in ns
		long[][][] cpu = new long[2][STEPS.length][rounds];
		Map<String, String> differences = new LinkedHashMap<>();
		for (int r = 0; r < rounds; r++) {
			for (int i = 0; i < pages.size(); i++) {
				String[][] results = new String[2][];
				for (int turn = 0; turn < 2; turn++) {
					int b = (turn + r + i) % 2;
					long[] sums = new long[STEPS.length];
					results[b] = builds[b].replay(pages.get(i)[b], sums);
					for (int s = 0; s < STEPS.length; s++) cpu[b][s][r] += sums[s];
					if (PER_PAGE && r == rounds - 1) {
						System.out.printf(Locale.ROOT, "%-60s %s", paths.get(i), builds[b].name);
						for (int s = 0; s < STEPS.length; s++) System.out.printf(Locale.ROOT, " %s %.1f", STEPS[s], sums[s] / 1e6);
						System.out.println();
					}
				}
				for (int s = 0; s < STEPS.length; s++) {
					if (r == 0 && !String.valueOf(results[0][s]).equals(String.valueOf(results[1][s]))) {
						differences.put(paths.get(i) + " " + STEPS[s], results[0][s] + "\n    " + results[1][s]);
					}
				}
			}
			System.err.printf(Locale.ROOT, "round %d done%n", r + 1);
		}
		differences.forEach((k, v) -> System.out.println("DIFFERS " + k + "\n    " + v));
		System.out.printf(Locale.ROOT, "%d pages, %d rounds, median of rounds 2-%d, thread CPU ms per page%n", pages
			.size(), rounds, rounds);
		System.out.printf(Locale.ROOT, "%-12s %12s %12s %8s   per round (A / B)%n", "step", builds[0].name,
			builds[1].name, "B/A");
		for (int s = 0; s <= STEPS.length; s++) {
			double[][] perRound = new double[2][rounds - 1];
			for (int b = 0; b < 2; b++) {
				for (int r = 1; r < rounds; r++) {
					long ns = 0;
					for (int k = 0; k < STEPS.length; k++) if (k == s || s == STEPS.length) ns += cpu[b][k][r];
					perRound[b][r - 1] = ns / 1e6 / pages.size();
				}
			}
			double[] ratios = new double[rounds - 1];
			for (int r = 0; r < rounds - 1; r++) ratios[r] = perRound[1][r] / perRound[0][r];
			StringBuilder detail = new StringBuilder();
			for (int r = 0; r < rounds - 1; r++) detail.append(String.format(Locale.ROOT, " %.1f/%.1f", perRound[0][r],
				perRound[1][r]));
			System.out.printf(Locale.ROOT, "%-12s %12.2f %12.2f %8.3f  %s%n", s == STEPS.length ? "all" : STEPS[s],
				median(perRound[0]), median(perRound[1]), median(ratios), detail);
		}
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}
}
