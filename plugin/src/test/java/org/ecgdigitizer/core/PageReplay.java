package org.ecgdigitizer.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A replay harness, not a test: whole pages as a folder run does them (BatchDigitizer with one
 * thread and no page timeout, so that all of a page runs on this thread: reading, digitizing and
 * the default outputs, overlay included) with two or more builds (self-contained jars, each in a
 * class loader of its own) in one JVM, taking turns; the order rotates from round to round. Each
 * round prints each build's thread CPU per page; at the end, the medians over the rounds after
 * the warm-up ones and each build's time over the first's. The first rounds show how soon each
 * build's code is compiled (all builds share the JIT's queue). Give the first jar twice to see
 * the spread of identical builds.
 *
 * <pre>
 * java -cp plugin/target/test-classes:plugin/target/classes org.ecgdigitizer.core.PageReplay \
 *     --rounds 30 --warmup 10 --out /tmp/replay /tmp/main.jar target/ecg-digitizer.jar /tmp/main.jar -- PAGE.png ...
 * </pre>
 */
public final class PageReplay {

	private PageReplay() {}

	/** One build's batch, by reflection. */
	static final class Build {
		final String jar;
		final Object batch;
		final Method run;
		final Object progress;

		Build(String jar, Path out) throws Exception {
			this.jar = jar;
			ClassLoader loader = BuildLoader.of(jar);
			Class<?> settings = loader.loadClass("org.ecgdigitizer.core.DigitizerSettings");
			Class<?> read = loader.loadClass("org.ecgdigitizer.core.io.ReadOptions");
			Class<?> pageDigitizer = loader.loadClass("org.ecgdigitizer.core.PageDigitizer");
			Object pages = pageDigitizer.getConstructor(settings, read, double.class, boolean.class).newInstance(settings
				.getMethod("defaults").invoke(null), read.getMethod("defaults").invoke(null), 0.0, false);
			Object formats = loader.loadClass("org.ecgdigitizer.core.io.DigitizationFiles$Format").getMethod("parse",
				String.class).invoke(null, "wfdb,csv,json,png");
			Class<?> batchType = loader.loadClass("org.ecgdigitizer.core.BatchDigitizer");
			Files.createDirectories(out);
			batch = batchType.getConstructor(pageDigitizer, Path.class, Set.class, boolean.class).newInstance(pages, out,
				formats, true);
			Class<?> progressType = loader.loadClass("org.ecgdigitizer.core.Progress");
			progress = progressType.getField("NONE").get(null);
			run = batchType.getMethod("run", List.class, progressType);
		}
	}

	public static void main(String[] args) throws Exception {
		int rounds = 20;
		int warmup = 5;
		Path out = Paths.get(System.getProperty("java.io.tmpdir"), "page-replay");
		List<String> jars = new ArrayList<>();
		List<Path> pages = new ArrayList<>();
		boolean pagesNow = false;
		for (int i = 0; i < args.length; i++) {
			if (pagesNow) pages.add(Paths.get(args[i]));
			else if (args[i].equals("--")) pagesNow = true;
			else if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[++i]);
			else if (args[i].equals("--warmup")) warmup = Integer.parseInt(args[++i]);
			else if (args[i].equals("--out")) out = Paths.get(args[++i]);
			else jars.add(args[i]);
		}
		if (jars.isEmpty() || pages.isEmpty() || warmup >= rounds) {
			throw new IllegalArgumentException("usage: [--rounds N] [--warmup N] [--out DIR] JAR... -- PAGE...");
		}
		List<Build> builds = new ArrayList<>();
		for (int b = 0; b < jars.size(); b++) builds.add(new Build(jars.get(b), out.resolve("build" + b)));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[][] perPage = new double[builds.size()][rounds];
		for (int r = 0; r < rounds; r++) {
			for (int k = 0; k < builds.size(); k++) {
				int b = (r + k) % builds.size();
				Build build = builds.get(b);
				long start = threads.getCurrentThreadCpuTime();
				build.run.invoke(build.batch, pages, build.progress);
				perPage[b][r] = (threads.getCurrentThreadCpuTime() - start) / 1e9 / pages.size();
			}
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d:", r));
			for (int b = 0; b < builds.size(); b++) line.append(String.format(Locale.ROOT, " %d %.4f s", b, perPage[b][r]));
			System.out.println(line);
		}
		System.out.printf(Locale.ROOT, "%d pages, medians of rounds %d..%d (thread CPU per page; x/0 per round)%n", pages
			.size(), warmup, rounds - 1);
		for (int b = 0; b < builds.size(); b++) {
			double[] ratio = new double[rounds - warmup];
			for (int r = warmup; r < rounds; r++) ratio[r - warmup] = perPage[b][r] / perPage[0][r];
			System.out.printf(Locale.ROOT, "%d %.4f s  %d/0 median %.3f  %s%n", b, Median.of(Arrays.copyOfRange(perPage[b],
				warmup, rounds)), b, Median.of(ratio), builds.get(b).jar);
		}
	}
}
