package org.ecgdigitizer.core.preprocess;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.BuildLoader;

/**
 * A replay harness, not a test: the ink model and paper displacement of two or more builds
 * (self-contained jars, each in a class loader of its own) on the same pages in one JVM, taking
 * turns, so that a shared machine's load falls on all alike. Each round times every page with
 * each build (the order of the builds rotates from round to round) and sums the thread's CPU
 * time and allocated bytes; the medians over the rounds after the warm-up ones are printed, and
 * each build's time over the first's, per round. Before the rounds, every build's ink, density and
 * displacement are checked against the first's, bit for bit.
 *
 * <pre>
 * java -cp plugin/target/test-classes org.ecgdigitizer.core.preprocess.InkReplay \
 *     --a /tmp/base8/main.jar --b target/ecg-digitizer.jar [--build ...] --rounds 15 --warmup 5 \
 *     --parts ink,disp [--prep] PAGE.png ...
 * </pre>
 *
 * A build may also be class folders before a jar ({@code --b /tmp/classes:/tmp/base8/main.jar}).
 * Parts: {@code ink} InkModel.compute on each page's rectified pixels (the rules); {@code disp}
 * PaperDisplacement.measure; {@code prep} the whole Preprocessor.run with the default ink source;
 * {@code keep} the learned ink's share kept per pixel (LearnedInk.keep, the shipped classifier) on
 * the rectified page and the rules' ink; {@code warp} Rectifier.warp of the page as read through
 * its warp and, where the page's paper displacement was undone, again with it (as Preprocessor).
 * The inputs of ink, disp and keep are each build's own rectified page, made once before the rounds.
 * Before the rounds, keep and warp are also checked against the first build's, bit for bit.
 */
public final class InkReplay {

	private InkReplay() {}

	/** One build's entry points, by reflection. */
	static final class Build {
		final String name;
		final ClassLoader loader;
		final Method asImg;
		final Method run;
		final Method compute;
		final Method measure;
		final Object progress;
		final Object inkSource;
		final Method loadImage;
		/** Per page: the image, its dpi, and from the build's own preprocessing, the rectified page and its geometry. */
		final List<Object> images = new ArrayList<>();
		final List<Double> dpis = new ArrayList<>();
		final List<int[]> rectified = new ArrayList<>();
		final List<int[]> sizes = new ArrayList<>();
		final List<double[]> pitches = new ArrayList<>();
		final List<Object> warps = new ArrayList<>();
		/** Per page: the rules' ink on the rectified page (for keep), the page as read and its displacement. */
		final List<float[]> rulesInk = new ArrayList<>();
		final List<int[]> sources = new ArrayList<>();
		final List<Object> displacements = new ArrayList<>();
		final Object learned;
		final Method keep;
		final Method warp;
		final Method paperColour;

		/** @param path jars or class folders, separated by ':' (the first that holds a class gives it) */
		Build(String name, String path) throws Exception {
			this.name = name;
			loader = BuildLoader.of(path);
			Class<?> imageFiles = loader.loadClass("org.ecgdigitizer.core.io.ImageFiles");
			asImg = imageFiles.getMethod("asImg", BufferedImage.class);
			Class<?> img = loader.loadClass("net.imglib2.img.array.ArrayImg");
			Class<?> progressType = loader.loadClass("org.ecgdigitizer.core.Progress");
			Class<?> sourceType = loader.loadClass("org.ecgdigitizer.core.preprocess.InkSource");
			Class<?> pre = loader.loadClass("org.ecgdigitizer.core.preprocess.Preprocessor");
			run = pre.getMethod("run", img, double.class, sourceType, progressType);
			progress = progressType.getField("NONE").get(null);
			Class<?> sources = loader.loadClass("org.ecgdigitizer.core.classify.InkSources");
			inkSource = sources.getMethod("parse", String.class).invoke(null, "auto");
			Class<?> warp = loader.loadClass("org.ecgdigitizer.core.preprocess.Rectifier$Warp");
			compute = loader.loadClass("org.ecgdigitizer.core.preprocess.InkModel").getMethod("compute", int[].class,
				int.class, int.class, double.class, double.class, warp);
			measure = loader.loadClass("org.ecgdigitizer.core.preprocess.PaperDisplacement").getMethod("measure",
				int[].class, int.class, int.class, double.class, double.class);
			Class<?> inputFile = loader.loadClass("org.ecgdigitizer.core.io.InputFile");
			loadImage = inputFile.getMethod("of", Path.class);
			learned = sources.getMethod("parse", String.class).invoke(null, "learned");
			keep = learned.getClass().getDeclaredMethod("keep", int[].class, int.class, int.class, double.class,
				float[].class);
			keep.setAccessible(true);
			Class<?> rectifier = loader.loadClass("org.ecgdigitizer.core.preprocess.Rectifier");
			this.warp = rectifier.getMethod("warp", int[].class, warp, int.class, loader.loadClass(
				"org.ecgdigitizer.core.preprocess.PaperDisplacement$Field"));
			paperColour = rectifier.getMethod("paperColour", int[].class);
		}

		/** Reads a page and runs the build's preprocessing once for the inputs of the parts. */
		void add(Path file) throws Exception {
			Object input = loadImage.invoke(null, file);
			List<?> pages = (List<?>) input.getClass().getMethod("pages").invoke(input);
			Object page = pages.get(0);
			Class<?> options = loader.loadClass("org.ecgdigitizer.core.io.ReadOptions");
			Object content = page.getClass().getMethod("load", options).invoke(page, options.getMethod("defaults")
				.invoke(null));
			BufferedImage image = (BufferedImage) content.getClass().getField("image").get(content);
			double dpi = content.getClass().getField("dpi").getDouble(content);
			Object arrayImg = asImg.invoke(null, image);
			images.add(arrayImg);
			dpis.add(dpi);
			Object prepared = run.invoke(null, arrayImg, dpi, inkSource, progress);
			Object geometry = prepared.getClass().getField("geometry").get(prepared);
			int[] rgb = (int[]) prepared.getClass().getMethod("rgbPixels").invoke(prepared);
			int w = (Integer) prepared.getClass().getMethod("width").invoke(prepared);
			int h = (Integer) prepared.getClass().getMethod("height").invoke(prepared);
			rectified.add(rgb);
			sizes.add(new int[] { w, h });
			Field gridField = geometry.getClass().getField("grid");
			boolean grid = gridField.get(geometry) != null;
			double px = geometry.getClass().getField("pxPerMmX").getDouble(geometry);
			double py = geometry.getClass().getField("pxPerMmY").getDouble(geometry);
			pitches.add(grid ? new double[] { px, py } : new double[] { Double.NaN, Double.NaN });
			warps.add(geometry.getClass().getField("warp").get(geometry));
			Object rules = compute.invoke(null, rgb, w, h, pitches.get(pitches.size() - 1)[0], pitches.get(pitches.size()
				- 1)[1], warps.get(warps.size() - 1));
			rulesInk.add((float[]) rules.getClass().getField("ink").get(rules));
			Object storage = arrayImg.getClass().getMethod("update", Object.class).invoke(arrayImg, (Object) null);
			sources.add((int[]) storage.getClass().getMethod("getCurrentStorageArray").invoke(storage));
			Object displacement = geometry.getClass().getField("paperDisplacement").get(geometry);
			boolean undone = displacement != null && (Boolean) displacement.getClass().getMethod("worthUndoing").invoke(
				displacement);
			displacements.add(undone ? displacement : null);
		}

		/** LearnedInk.keep on page p's rectified pixels and rules' ink. */
		float[] keep(int p) throws Exception {
			int[] size = sizes.get(p);
			return (float[]) keep.invoke(learned, rectified.get(p), size[0], size[1], pitches.get(p)[0], rulesInk.get(p));
		}

		/** Rectifier.warp of page p as Preprocessor does it: once plain, and again with the displacement if undone. */
		int[][] warp(int p) throws Exception {
			int[] rgb = sources.get(p);
			int paper = (Integer) paperColour.invoke(null, rgb);
			int[] plain = (int[]) warp.invoke(null, rgb, warps.get(p), paper, null);
			Object d = displacements.get(p);
			return new int[][] { plain, d == null ? plain : (int[]) warp.invoke(null, rgb, warps.get(p), paper, d) };
		}

		/** Runs one part on page p. */
		void part(String part, int p) throws Exception {
			int[] size = sizes.get(p);
			double[] pitch = pitches.get(p);
			switch (part) {
				case "ink":
					compute.invoke(null, rectified.get(p), size[0], size[1], pitch[0], pitch[1], warps.get(p));
					break;
				case "disp":
					if (!Double.isNaN(pitch[0])) measure.invoke(null, rectified.get(p), size[0], size[1], pitch[0], pitch[1]);
					break;
				case "prep":
					run.invoke(null, images.get(p), dpis.get(p), inkSource, progress);
					break;
				case "keep":
					keep(p);
					break;
				case "warp":
					warp(p);
					break;
				default:
					throw new IllegalArgumentException(part);
			}
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> paths = new ArrayList<>();
		int rounds = 15;
		int warmup = 5;
		String[] parts = { "ink", "disp" };
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--a":
				case "--b":
				case "--build": paths.add(args[++i]); break;
				case "--rounds": rounds = Integer.parseInt(args[++i]); break;
				case "--warmup": warmup = Integer.parseInt(args[++i]); break;
				case "--parts": parts = args[++i].split(","); break;
				default: files.addAll(pages(args[i]));
			}
		}
		Build[] builds = new Build[paths.size()];
		for (int k = 0; k < builds.length; k++) builds[k] = new Build(String.valueOf((char) ('a' + k)), paths.get(k));
		int nb = builds.length;
		for (Path f : files) for (Build build : builds) build.add(f);
		int pages = files.size();
		// each build's ink and density against the first's, bit for bit, on the first's rectified pixels
		int differ = 0;
		for (int p = 0; p < pages; p++) {
			int[] size = builds[0].sizes.get(p);
			double[] pitch = builds[0].pitches.get(p);
			Object[] results = new Object[nb];
			for (int k = 0; k < nb; k++) {
				Object warp = builds[k].warps.get(p);
				results[k] = builds[k].compute.invoke(null, builds[0].rectified.get(p), size[0], size[1], pitch[0], pitch[1],
					warp);
			}
			for (int k = 1; k < nb; k++) for (String plane : new String[] { "ink", "density" }) {
				float[] x = (float[]) results[0].getClass().getField(plane).get(results[0]);
				float[] y = (float[]) results[k].getClass().getField(plane).get(results[k]);
				int bad = 0;
				for (int i = 0; i < x.length; i++) if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) bad++;
				if (bad > 0) {
					differ++;
					System.out.printf(Locale.ROOT, "DIFFERENT %s of %s on %s: %d pixels%n", plane, builds[k].name, files.get(p),
						bad);
				}
			}
		}
		// and the paper's displacement: its nodes and figures
		for (int p = 0; p < pages; p++) {
			int[] size = builds[0].sizes.get(p);
			double[] pitch = builds[0].pitches.get(p);
			if (Double.isNaN(pitch[0])) continue;
			String[] fields = new String[nb];
			for (int k = 0; k < nb; k++) {
				Object f = builds[k].measure.invoke(null, builds[0].rectified.get(p), size[0], size[1], pitch[0], pitch[1]);
				if (f == null) continue;
				StringBuilder text = new StringBuilder(f.toString());
				for (String axis : new String[] { "dx", "dy" }) {
					Field d = f.getClass().getDeclaredField(axis);
					d.setAccessible(true);
					text.append(Arrays.hashCode((float[]) d.get(f)));
				}
				fields[k] = text.toString();
			}
			for (int k = 1; k < nb; k++) {
				if (!java.util.Objects.equals(fields[0], fields[k])) {
					differ++;
					System.out.printf(Locale.ROOT, "DIFFERENT displacement on %s: %s / %s%n", files.get(p), fields[0],
						fields[k]);
				}
			}
		}
		// the learned ink's keep (on the first build's inputs: every build's own rectified page may
		// differ only if its warp does) and the warps
		for (int p = 0; p < pages; p++) {
			float[] keep0 = builds[0].keep(p);
			int[][] warp0 = builds[0].warp(p);
			for (int k = 1; k < nb; k++) {
				float[] keepK = (float[]) builds[k].keep.invoke(builds[k].learned, builds[0].rectified.get(p), builds[0]
					.sizes.get(p)[0], builds[0].sizes.get(p)[1], builds[0].pitches.get(p)[0], builds[0].rulesInk.get(p));
				int[][] warpK = builds[k].warp(p);
				int bad = 0;
				for (int i = 0; i < keep0.length; i++) if (Float.floatToRawIntBits(keep0[i]) != Float.floatToRawIntBits(
					keepK[i])) bad++;
				if (bad > 0) {
					differ++;
					System.out.printf(Locale.ROOT, "DIFFERENT keep of %s on %s: %d pixels%n", builds[k].name, files.get(p), bad);
				}
				for (int j = 0; j < 2; j++) {
					if (!Arrays.equals(warp0[j], warpK[j])) {
						differ++;
						System.out.printf(Locale.ROOT, "DIFFERENT warp %d of %s on %s%n", j, builds[k].name, files.get(p));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "ink, density, displacement, keep and warp of %d pages: %s%n", pages, differ == 0
			? "identical bit for bit" : differ + " differ");
		com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		// cpu[part][build][round], bytes likewise
		double[][][] cpu = new double[parts.length][nb][rounds];
		double[][][] bytes = new double[parts.length][nb][rounds];
		// and the whole process's CPU: work a library hands to threads of its own (ImageJ's blur) counts too
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		double[][][] process = new double[parts.length][nb][rounds];
		for (int r = 0; r < rounds; r++) {
			for (int turn = 0; turn < nb; turn++) {
				int k = (r + turn) % nb;
				Build build = builds[k];
				for (int q = 0; q < parts.length; q++) {
					for (int p = 0; p < pages; p++) {
						long t0 = bean.getCurrentThreadCpuTime();
						long b0 = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
						long p0 = os.getProcessCpuTime();
						build.part(parts[q], p);
						process[q][k][r] += (os.getProcessCpuTime() - p0) / 1e6;
						cpu[q][k][r] += (bean.getCurrentThreadCpuTime() - t0) / 1e6;
						bytes[q][k][r] += (bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - b0) / 1e6;
					}
				}
			}
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d", r));
			for (int q = 0; q < parts.length; q++) {
				line.append("  ").append(parts[q]);
				for (int k = 0; k < nb; k++) line.append(String.format(Locale.ROOT, " %s %.1f", builds[k].name, cpu[q][k][r] / pages));
				line.append(" ms/page");
			}
			System.out.println(line);
		}
		System.out.printf(Locale.ROOT, "%d pages, median of rounds %d..%d (thread CPU per page; x/a per round)%n", pages,
			warmup, rounds - 1);
		for (int q = 0; q < parts.length; q++) {
			for (int k = 0; k < nb; k++) {
				double[] ratio = new double[rounds - warmup];
				for (int r = warmup; r < rounds; r++) ratio[r - warmup] = cpu[q][k][r] / cpu[q][0][r];
				System.out.printf(Locale.ROOT, "%-5s %s %7.1f ms  %s/a median %.3f (quartiles %.3f-%.3f)  process CPU %.1f ms  " +
					"MB allocated %.1f  %s%n", parts[q], builds[k].name, median(cpu[q][k], warmup) / pages, builds[k].name,
					quantile(ratio, 0.5), quantile(ratio, 0.25), quantile(ratio, 0.75), median(process[q][k], warmup) / pages,
					median(bytes[q][k], warmup) / pages, paths.get(k));
			}
		}
		// a library's idle worker threads would keep the JVM alive
		System.exit(0);
	}

	private static double median(double[] v, int from) {
		return quantile(Arrays.copyOfRange(v, from, v.length), 0.5);
	}

	private static double quantile(double[] v, double q) {
		double[] s = v.clone();
		Arrays.sort(s);
		double at = q * (s.length - 1);
		int i = (int) Math.floor(at);
		return i + 1 < s.length ? s[i] + (at - i) * (s[i + 1] - s[i]) : s[i];
	}

	/** The pages an argument names: a PNG or JPEG file, or those in a folder, sorted by name. */
	public static List<Path> pages(String arg) {
		File f = new File(arg);
		if (!f.isDirectory()) return List.of(f.toPath());
		File[] in = f.listFiles((d, n) -> n.endsWith(".png") || n.endsWith(".jpg"));
		Arrays.sort(in);
		List<Path> out = new ArrayList<>();
		for (File g : in) out.add(g.toPath());
		return out;
	}
}
