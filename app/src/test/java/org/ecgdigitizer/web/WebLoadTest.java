package org.ecgdigitizer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ecgdigitizer.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 uploads from 10 concurrent clients on the loopback interface against {@code serve --workers 2}
 * in its own JVM with a fixed heap: every accepted job completes with the record the command line
 * gives for that page, the uploads refused with 429 succeed on retry, the heap stays under its
 * bound, nothing is lost or mixed up, and stopping the server deletes its folder. Prints the
 * throughput and latencies recorded in docs/web.md.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WebLoadTest {

	static final String[] PAGES = { "rotated-noisy/ecg-102.png", "photo/ecg-103.png", "6x2/ecg-104.png",
		"12x1/ecg-105.png", "bw/ecg-107.png" };
	static final int CLIENTS = 10;
	static final int UPLOADS_PER_CLIENT = 5;
	static final int WORKERS = 2;
	static final int QUEUE = 4;
	static final String HEAP = "768m";

	@TempDir
	Path temp;

	/** What one upload went through. */
	static final class Upload {
		final String page;
		final String fileName;
		int refused;
		double acceptedToDone;
		double firstTryToDone;

		Upload(String page, String fileName) {
			this.page = page;
			this.fileName = fileName;
		}
	}

	@Test
	void fiftyUploadsFromTenClientsAgainstTwoWorkers() throws Exception {
		Path reference = temp.resolve("cli");
		List<String> argv = new ArrayList<>(List.of("digitize", "--out", reference.toString(), "--formats",
			"wfdb,csv,json", "--overwrite"));
		for (String page : PAGES) argv.add(Path.of("sample-data", page).toString());
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(0, Main.run(argv.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());

		Path tmp = Files.createDirectories(temp.resolve("tmp"));
		Path gcLog = temp.resolve("gc.log");
		Path serverLog = temp.resolve("server.log");
		ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-Djava.io.tmpdir=" + tmp, "-cp",
			System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0", "--workers", String
				.valueOf(WORKERS), "--queue", String.valueOf(QUEUE), "--keep-minutes", "30");
		pb.redirectError(serverLog.toFile());
		Process server = pb.start();
		try {
			BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
				StandardCharsets.UTF_8));
			String first = lines.readLine();
			Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(String.valueOf(first));
			assertTrue(port.find(), first + "\n" + Files.readString(serverLog));
			Http http = new Http(Integer.parseInt(port.group(1)));

			List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger refusals = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> done = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				done.add(clients.submit(() -> {
					for (int u = 0; u < UPLOADS_PER_CLIENT; u++) {
						String page = PAGES[(client + u) % PAGES.length];
						String stem = Path.of(page).getFileName().toString().replace(".png", "");
						Upload upload = new Upload(page, "c" + client + "-u" + u + "-" + stem + ".png");
						run(http, upload, reference.resolve(stem), refusals);
						uploads.add(upload);
					}
					return null;
				}));
			}
			for (Future<?> f : done) f.get();
			double wall = (System.nanoTime() - start) / 1e9;
			clients.shutdown();

			assertEquals(CLIENTS * UPLOADS_PER_CLIENT, uploads.size(), "no upload lost");
			assertTrue(refusals.get() > 0, "10 clients against 2 workers and a queue of 4 must meet 429");
			double peakHeapMb = peakHeapMb(gcLog);
			long rssKb = peakRssKb(server.pid());
			String summary = summary(uploads, wall, refusals.get(), peakHeapMb, rssKb);
			System.out.println(summary);
			Files.writeString(Path.of("target", "web-load.txt"), summary + "\n");
			assertTrue(peakHeapMb > 0 && peakHeapMb <= 768, "heap within -Xmx" + HEAP + ": " + peakHeapMb);
			assertTrue(server.isAlive(), "the server survived");
		}
		finally {
			server.destroy();
			assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
		}
		try (Stream<Path> left = Files.list(tmp)) {
			assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("ecg-digitizer-web-")),
				"stopping deletes the private folder");
		}
	}

	/** Uploads until accepted (429: wait and retry), waits for the job and compares its files with the CLI's. */
	private static void run(Http http, Upload upload, Path cli, AtomicInteger refusals) throws Exception {
		byte[] page = Http.read(upload.page);
		long first = System.nanoTime();
		String id;
		for (;;) {
			HttpResponse<String> r = http.upload(upload.fileName, page);
			if (r.statusCode() == 202) {
				id = (String) Http.json(r).get("id");
				break;
			}
			assertEquals(429, r.statusCode(), r.body());
			upload.refused++;
			refusals.incrementAndGet();
			// a real client waits Retry-After (5 s); the test retries sooner to stay short
			Thread.sleep(1000);
		}
		long accepted = System.nanoTime();
		Map<String, Object> job = http.await(id, Duration.ofMinutes(8));
		long end = System.nanoTime();
		upload.acceptedToDone = (end - accepted) / 1e9;
		upload.firstTryToDone = (end - first) / 1e9;
		assertEquals("done", job.get("state"), upload.fileName + ": " + job);
		String record = upload.fileName.replace(".png", "");
		assertEquals(upload.fileName, job.get("file"), "this job is this client's upload");
		assertEquals(record, job.get("record"));
		String stem = cli.getFileName().toString();
		Path dir = cli.getParent();
		byte[] csv = http.bytes("/api/jobs/" + id + "/record.csv").body();
		assertEquals(Files.readString(dir.resolve(stem + ".csv")), new String(csv, StandardCharsets.UTF_8),
			upload.fileName + ": the CSV the command line writes for " + upload.page);
		Map<String, byte[]> wfdb = Http.unzip(http.bytes("/api/jobs/" + id + "/record.zip").body());
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve(stem + ".dat")), wfdb.get(record + ".dat")),
			upload.fileName + ": the WFDB signal file");
		assertEquals(Files.readString(dir.resolve(stem + ".hea")), new String(wfdb.get(record + ".hea"),
			StandardCharsets.UTF_8).replace(record, stem), upload.fileName + ": the WFDB header, but for its name");
		String json = new String(http.bytes("/api/jobs/" + id + "/record.json").body(), StandardCharsets.UTF_8);
		assertEquals(Files.readString(dir.resolve(stem + ".json")), json.replace(record, stem), upload.fileName +
			": the diagnostics, but for the record name");
	}

	/** The largest heap in use before a collection, from the server's GC log ("123M->45M(768M)"). */
	static double peakHeapMb(Path gcLog) throws IOException {
		double peak = 0;
		Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(Files.readString(gcLog));
		while (m.find()) peak = Math.max(peak, Double.parseDouble(m.group(1)));
		return peak;
	}

	/** The server process's peak resident memory (Linux), 0 where unknown. */
	static long peakRssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		catch (IOException | RuntimeException e) {
			// not Linux
		}
		return 0;
	}

	private static String summary(List<Upload> uploads, double wall, int refusals, double heapMb, long rssKb) {
		List<Double> service = new ArrayList<>();
		List<Double> total = new ArrayList<>();
		int retried = 0;
		for (Upload u : uploads) {
			service.add(u.acceptedToDone);
			total.add(u.firstTryToDone);
			if (u.refused > 0) retried++;
		}
		Collections.sort(service);
		Collections.sort(total);
		return String.format(Locale.ROOT,
			"web load: %d uploads, %d clients, %d workers, queue %d, -Xmx%s: %.1f s wall, %.2f pages/s; %d refusals " +
				"(429) on %d uploads, all accepted on retry; accepted->done median %.1f s, p95 %.1f s, max %.1f s; " +
				"first try->done median %.1f s, p95 %.1f s, max %.1f s; peak heap before GC %.0f MB; peak RSS %d MB",
			uploads.size(), CLIENTS, WORKERS, QUEUE, HEAP, wall, uploads.size() / wall, refusals, retried, pct(service,
				0.5), pct(service, 0.95), pct(service, 1), pct(total, 0.5), pct(total, 0.95), pct(total, 1), heapMb,
			rssKb / 1024);
	}

	private static double pct(List<Double> sorted, double q) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
	}
}
