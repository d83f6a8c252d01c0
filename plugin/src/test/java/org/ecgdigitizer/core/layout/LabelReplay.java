package org.ecgdigitizer.core.layout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.ecgdigitizer.core.BuildLoader;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.preprocess.Preprocessor;

/**
 * Replays the label reads lead detection makes, to compare two builds of {@link LabelReader}
 * (same readings, and thread CPU taken in turns in one JVM). Not a test.
 *
 * <p>{@code record PAGES... OUT}: digitizes each page through the upside-down check and lead
 * detection with the code on the class path and writes every ink plane that was read, with the
 * (box, size) of each read, to OUT/NAME-upright.bin and OUT/NAME-turned.bin.</p>
 *
 * <p>{@code replay DIR A.jar|classes B.jar|classes [rounds]}: loads LabelReader from each class
 * path in a loader of its own, reads every recorded call with both, checks that the readings and
 * the matches' scores and places are the same bit for bit, then times them in turns (thread CPU,
 * per round the ratio B/A; the median over the rounds is printed).</p>
 */
public final class LabelReplay {

	/** Times WordMatcher.match instead of read (-Dmatch=1). */
	static final boolean MATCH_ONLY = Boolean.getBoolean("match");
	/**
	 * Compares only what the pipeline takes from a reading (-Ddecision=1): its text, rivals, whether
	 * it touches a stroke and its candidate, and an accepted reading's score and box.
	 */
	static final boolean DECISION = Boolean.getBoolean("decision");

	private LabelReplay() {}

	/** One recorded plane and the reads made of it. */
	static final class Plane {
		final String name;
		final int w;
		final int h;
		final float[] ink;
		final double[][] calls;

		Plane(String name, int w, int h, float[] ink, double[][] calls) {
			this.name = name;
			this.w = w;
			this.h = h;
			this.ink = ink;
			this.calls = calls;
		}
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		if (args[0].equals("run")) {
			run(Paths.get(args[1]), args.length > 2 ? args[2] : "");
			return;
		}
		if (args[0].equals("record")) record(Arrays.copyOfRange(args, 1, args.length - 1), Paths.get(args[args.length -
			1]));
		else replay(Paths.get(args[1]), args[2], args[3], args.length > 4 ? Integer.parseInt(args[4]) : 10, args.length > 5 ?
			args[5] : "");
	}

	static void record(String[] pages, Path out) throws Exception {
		Files.createDirectories(out);
		for (String p : pages) {
			Path png = Paths.get(p);
			String name = png.getParent().getFileName() + "_" + png.getFileName().toString().replace(".png", "");
			ImageFiles.LoadedImage loaded = ImageFiles.read(png);
			PreparedPage page = Preprocessor.run(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
			PageOrientation.Look upright = new PageOrientation.Look(page);
			PageOrientation.Look turned = new PageOrientation.Look(page.turnedHalf());
			PageOrientation.Evidence e = PageOrientation.decide(upright, turned, PageOrientation.standardCues());
			PreparedPage chosen = (e.upsideDown ? turned.page : page).withOrientation(e.toJson());
			try {
				Stages.detectLeads(chosen, DigitizerSettings.defaults());
			}
			catch (RuntimeException ex) {
				System.out.println(name + ": " + ex.getMessage());
			}
			int n1 = write(out.resolve(name + "-upright.bin"), upright.page, upright.labels);
			int n2 = write(out.resolve(name + "-turned.bin"), turned.page, turned.labels);
			System.out.println(name + ": " + n1 + " reads upright, " + n2 + " turned");
		}
	}

	private static int write(Path file, PreparedPage page, LabelReadings labels) throws Exception {
		Field f = LabelReadings.class.getDeclaredField("known");
		f.setAccessible(true);
		Map<?, ?> known = (Map<?, ?>) f.get(labels);
		if (known.isEmpty()) return 0;
		try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files
			.newOutputStream(file)), 1 << 16)))
		{
			o.writeInt(page.width());
			o.writeInt(page.height());
			for (float v : page.inkPixels()) o.writeFloat(v);
			o.writeInt(known.size());
			for (Object key : known.keySet()) {
				Field b = key.getClass().getDeclaredField("bits");
				b.setAccessible(true);
				for (long bits : (long[]) b.get(key)) o.writeLong(bits);
			}
		}
		return known.size();
	}

	static List<Plane> load(Path dir) throws IOException {
		List<Plane> out = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".bin")).sorted().collect(Collectors.toList());
		}
		for (Path file : files) {
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(
				file)), 1 << 16)))
			{
				int w = in.readInt();
				int h = in.readInt();
				float[] ink = new float[w * h];
				for (int i = 0; i < ink.length; i++) ink[i] = in.readFloat();
				double[][] calls = new double[in.readInt()][5];
				for (double[] c : calls) for (int k = 0; k < 5; k++) c[k] = Double.longBitsToDouble(in.readLong());
				out.add(new Plane(file.getFileName().toString(), w, h, ink, calls));
			}
		}
		return out;
	}

	/** LabelReader of one class path. */
	static final class Reader {
		final Constructor<?> box;
		final Method read;
		final Method match;
		final Field[] readingFields;
		final Field scores;
		final Field places;
		final Field models;
		final Field modelText;
		final Field modelStyle;
		final Field modelTracking;

		Reader(String spec) throws Exception {
			// PATH@KEY=VALUE: the system property set while the reader's classes are initialised
			String classPath = spec.split("@")[0];
			String property = spec.contains("@") ? spec.split("@")[1] : null;
			ClassLoader loader = BuildLoader.of(classPath);
			Class<?> boxClass = loader.loadClass("org.ecgdigitizer.core.Box");
			if (property != null) System.setProperty(property.split("=")[0], property.split("=")[1]);
			Class<?> reader = Class.forName("org.ecgdigitizer.core.layout.LabelReader", true, loader);
			// the matching engine: WordMatcher, or LabelReader itself in builds before the two were apart
			String matcherName = "org.ecgdigitizer.core.layout.WordMatcher";
			Class<?> matcher;
			try {
				matcher = Class.forName(matcherName, true, loader);
			}
			catch (ClassNotFoundException e) {
				matcher = reader;
				matcherName = reader.getName();
			}
			if (property != null) System.clearProperty(property.split("=")[0]);
			box = boxClass.getConstructor(double.class, double.class, double.class, double.class);
			read = reader.getMethod("read", float[].class, int.class, int.class, boxClass, double.class);
			match = matcher.getDeclaredMethod("match", float[].class, int.class, int.class, boxClass, double.class,
				boolean.class);
			match.setAccessible(true);
			Class<?> reading = loader.loadClass("org.ecgdigitizer.core.layout.LabelReader$Reading");
			readingFields = reading.getFields();
			Arrays.sort(readingFields, (a, b) -> a.getName().compareTo(b.getName()));
			Class<?> m = loader.loadClass(matcherName + "$Match");
			scores = field(m, "scores");
			places = field(m, "places");
			models = field(m, "models");
			Class<?> wm = loader.loadClass(matcherName + "$WordModel");
			modelText = field(wm, "text");
			modelStyle = field(wm, "style");
			modelTracking = field(wm, "tracking");
		}

		private static Field field(Class<?> c, String name) throws Exception {
			Field f = c.getDeclaredField(name);
			f.setAccessible(true);
			return f;
		}

		Object read(Plane p, double[] c) throws Exception {
			if (MATCH_ONLY) return match.invoke(null, p.ink, p.w, p.h, box.newInstance(c[0], c[1], c[2], c[3]), c[4], false);
			return read.invoke(null, p.ink, p.w, p.h, box.newInstance(c[0], c[1], c[2], c[3]), c[4]);
		}

		/** The reading's fields and the match's scores, places and models, as text (doubles by their bits). */
		String describe(Plane p, double[] c) throws Exception {
			StringBuilder s = new StringBuilder();
			Object r = read(p, c);
			if (DECISION) {
				boolean accepted = false;
				for (Field f : readingFields) if (f.getName().equals("text")) accepted = f.get(r) != null;
				for (Field f : readingFields) {
					if (List.of("text", "rivals", "touchesStroke", "candidate").contains(f.getName()) || accepted && List.of(
						"score", "box").contains(f.getName())) s.append(f.getName()).append('=').append(text(f.get(r))).append(' ');
				}
				return s.toString();
			}
			for (Field f : readingFields) s.append(f.getName()).append('=').append(text(f.get(r))).append(' ');
			Object m = match.invoke(null, p.ink, p.w, p.h, box.newInstance(c[0], c[1], c[2], c[3]), c[4], false);
			if (m == null) return s.append("match=null").toString();
			s.append("scores=");
			for (double v : (double[]) scores.get(m)) s.append(Long.toHexString(Double.doubleToLongBits(v))).append(',');
			s.append(" places=").append(Arrays.deepToString((int[][]) places.get(m))).append(" models=");
			for (Object wm : (Object[]) models.get(m)) {
				s.append(wm == null ? "-" : modelText.get(wm) + "/" + modelStyle.get(wm) + "/" + modelTracking.get(wm))
					.append(',');
			}
			return s.toString();
		}

		private static String text(Object v) {
			if (v instanceof Double) return Long.toHexString(Double.doubleToLongBits((Double) v));
			return String.valueOf(v);
		}
	}

	/** Reads every recorded call with the LabelReader on the class path; prints its COUNT field if it has one. */
	static void run(Path dir, String only) throws Exception {
		List<Plane> planes = load(dir);
		if (!only.isEmpty()) planes.removeIf(p -> !p.name.matches(".*(" + only + ").*"));
		int calls = 0;
		long t0 = System.nanoTime();
		for (Plane p : planes) {
			for (double[] c : p.calls) {
				LabelReader.read(p.ink, p.w, p.h, new org.ecgdigitizer.core.Box(c[0], c[1], c[2], c[3]), c[4]);
				calls++;
			}
		}
		System.out.printf(Locale.ROOT, "%d calls, %.3f ms/call%n", calls, (System.nanoTime() - t0) / 1e6 / calls);
		try {
			System.out.println(Arrays.toString((long[]) LabelReader.class.getField("COUNT").get(null)));
		}
		catch (NoSuchFieldException e) {
			// no counters in this build
		}
	}

	static void replay(Path dir, String a, String b, int rounds, String only) throws Exception {
		List<Plane> planes = load(dir);
		if (!only.isEmpty()) planes.removeIf(p -> !p.name.matches(".*(" + only + ").*"));
		Reader ra = new Reader(a);
		Reader rb = new Reader(b);
		int calls = 0;
		int differ = 0;
		for (Plane p : planes) {
			for (double[] c : p.calls) {
				calls++;
				String da = ra.describe(p, c);
				String db = rb.describe(p, c);
				if (!da.equals(db)) {
					if (differ++ < 5) System.out.println("DIFFERENT " + p.name + " " + Arrays.toString(c) + "\n  A " + da +
						"\n  B " + db);
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d calls on %d planes: %d different%n", calls, planes.size(), differ);
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		double[] ratios = new double[rounds];
		double[] msA = new double[rounds];
		double[] msB = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			long ta = 0;
			long tb = 0;
			// ABBA on each plane in turn
			for (Plane p : planes) {
				for (int turn = 0; turn < 4; turn++) {
					boolean first = turn == 0 || turn == 3;
					Reader r = first ? ra : rb;
					long t0 = bean.getCurrentThreadCpuTime();
					for (double[] c : p.calls) r.read(p, c);
					long t = bean.getCurrentThreadCpuTime() - t0;
					if (first) ta += t;
					else tb += t;
				}
			}
			ratios[round] = (double) tb / ta;
			msA[round] = ta / 2e6 / calls;
			msB[round] = tb / 2e6 / calls;
			System.out.printf(Locale.ROOT, "round %d: A %.3f ms/call, B %.3f ms/call, B/A %.3f%n", round, msA[round],
				msB[round], ratios[round]);
		}
		int skip = rounds / 3;
		System.out.printf(Locale.ROOT, "median over rounds %d-%d: A %.3f ms/call, B %.3f ms/call, B/A %.3f%n", skip,
			rounds - 1, median(msA, skip), median(msB, skip), median(ratios, skip));
	}

	private static double median(double[] v, int skip) {
		double[] s = Arrays.copyOfRange(v, skip, v.length);
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
