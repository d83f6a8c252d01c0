package org.ecgdigitizer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.ecgdigitizer.core.io.FileKind;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.PdfWriter;
import org.ecgdigitizer.core.io.CsvRecords;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API: every status code, the content and size checks, file names, expiry, deletion, shutdown. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebApiTest {

	/** A small page (792 x 612, rotated, noisy) that digitizes in about a second. */
	static final String SMALL_PAGE = "rotated-noisy/ecg-102.png";
	/** A large page (2200 x 1700) that keeps a worker busy for a while. */
	static final String LARGE_PAGE = "clean-3x4+1/ecg-101.png";
	static final Duration WAIT = Duration.ofSeconds(120);

	@TempDir
	Path temp;

	private final List<WebServer> servers = new ArrayList<>();

	@AfterEach
	void stopServers() {
		for (WebServer s : servers) s.close();
	}

	private WebServer start(Consumer<WebServer.Options> settings) throws IOException {
		WebServer.Options o = new WebServer.Options();
		o.port = 0;
		o.workers = 1;
		o.queue = 4;
		o.tempParent = temp;
		settings.accept(o);
		WebServer s = WebServer.start(o);
		servers.add(s);
		return s;
	}

	private Http http(Consumer<WebServer.Options> settings) throws IOException {
		return new Http(start(settings).port());
	}

	private static String id(HttpResponse<String> r) {
		assertEquals(202, r.statusCode(), r.body());
		String id = (String) Http.json(r).get("id");
		assertNotNull(id, r.body());
		return id;
	}

	private static String message(HttpResponse<String> r) {
		assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers()
			.toString());
		return (String) Http.json(r).get("message");
	}

	@Test
	void aPageIsDigitizedWithItsSettingsAndEveryFileDownloads() throws Exception {
		Http http = http(o -> {});
		HttpResponse<String> posted = http.upload("ecg-104.png", Http.read("6x2/ecg-104.png"), "layout", "6x2", "fs",
			"250", "gain", "auto", "speed", "25");
		String id = id(posted);
		assertEquals("/api/jobs/" + id, posted.headers().firstValue("Location").orElse(null));
		Map<String, Object> job = http.await(id, WAIT);
		assertEquals("done", job.get("state"), job.toString());
		assertEquals("ecg-104.png", job.get("file"));
		assertEquals("ecg-104", job.get("record"));
		assertEquals("6x2", job.get("layout"));
		assertEquals(1.0, job.get("progress"));
		assertEquals(Set.of("record.json", "record.csv", "record.zip", "overlay.png", "plot.png", "all.zip"), Json
			.object(job.get("files")).keySet());

		Map<String, Object> diagnostics = Json.object(Json.parse(new String(get(http, id, "record.json",
			"application/json"), java.nio.charset.StandardCharsets.UTF_8)));
		assertEquals(250.0, diagnostics.get("fs"));
		assertEquals("6x2", Json.object(diagnostics.get("settings")).get("layout"));
		assertEquals(25.0, Json.object(diagnostics.get("settings")).get("speed"));

		Path csv = temp.resolve("r.csv");
		Files.write(csv, get(http, id, "record.csv", "text/csv; charset=utf-8"));
		EcgRecord fromCsv = CsvRecords.read(csv);
		assertEquals(Lead.standardLabels(), fromCsv.leadNames());
		assertEquals(250.0, fromCsv.samplingFrequency());

		Map<String, byte[]> wfdb = Http.unzip(get(http, id, "record.zip", "application/zip"));
		assertEquals(Set.of("ecg-104.hea", "ecg-104.dat"), wfdb.keySet());
		EcgRecord fromWfdb = readWfdb(wfdb, "ecg-104");
		assertEquals(Lead.standardLabels(), fromWfdb.leadNames());
		assertEquals(fromCsv.length(), fromWfdb.length());

		for (String png : List.of("overlay.png", "plot.png")) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(get(http, id, png, "image/png")));
			assertNotNull(image, png);
		}
		Map<String, byte[]> all = Http.unzip(get(http, id, "all.zip", "application/zip"));
		assertEquals(Set.of("ecg-104.hea", "ecg-104.dat", "ecg-104.csv", "ecg-104.json", "ecg-104-overlay.png",
			"ecg-104-plot.png"), all.keySet());
		assertEquals(new String(wfdb.get("ecg-104.hea")), new String(all.get("ecg-104.hea")));

		HttpResponse<byte[]> csvResponse = http.bytes("/api/jobs/" + id + "/record.csv");
		assertEquals("attachment; filename=\"ecg-104.csv\"", csvResponse.headers().firstValue("Content-Disposition")
			.orElse(null));
		assertEquals("no-store", csvResponse.headers().firstValue("Cache-Control").orElse(null));
	}

	/** Reads a WFDB record from zip entries with the project's own reader. */
	static EcgRecord readWfdb(Map<String, byte[]> entries, String record) throws IOException {
		Path dir = Files.createTempDirectory("wfdb");
		try {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
			return Wfdb.read(dir.resolve(record + ".hea"));
		}
		finally {
			JobQueue.deleteTree(dir);
		}
	}

	private static byte[] get(Http http, String id, String file, String contentType) throws Exception {
		HttpResponse<byte[]> r = http.bytes("/api/jobs/" + id + "/" + file);
		assertEquals(200, r.statusCode(), file);
		assertEquals(contentType, r.headers().firstValue("Content-Type").orElse(null), file);
		assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
		return r.body();
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() throws Exception {
		Http http = http(o -> {});
		for (String path : List.of("/", "/app.js", "/app.css", "/api/info", "/api/jobs/nope")) {
			HttpResponse<String> r = http.get(path);
			assertEquals(WebServer.CONTENT_SECURITY_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(
				null), path);
			assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
			assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
		}
		assertTrue(WebServer.CONTENT_SECURITY_POLICY.contains("script-src 'self';"));
		assertFalse(WebServer.CONTENT_SECURITY_POLICY.contains("unsafe"), "no inline scripts or eval");
		HttpResponse<String> page = http.get("/");
		assertEquals(200, page.statusCode());
		assertTrue(page.body().contains("<script src=\"app.js\" defer></script>"));
		assertFalse(page.body().contains("<script>"), "no inline script: the policy would block it");
		assertTrue(http.get("/app.js").headers().firstValue("Content-Type").orElse("").contains("javascript"));
		Map<String, Object> info = Http.json(http.get("/api/info"));
		assertEquals(40.0, info.get("max_upload_mb"));
		assertEquals(60.0, info.get("keep_minutes"));
	}

	@Test
	void badRequestsGet400WithAMessage() throws Exception {
		Http http = http(o -> {});
		byte[] page = Http.read(SMALL_PAGE);
		assertTrue(message(expect(400, http.post(new Http.Form().field("layout", "auto")))).contains("'file'"));
		HttpResponse<String> notMultipart = http.client.send(HttpRequest.newBuilder(URI.create(http.base + "/api/jobs"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertTrue(message(expect(400, notMultipart)).contains("multipart/form-data"));
		assertTrue(message(expect(400, http.upload("empty.png", new byte[0]))).contains("empty"));
		assertTrue(message(expect(400, http.upload("p.png", page, "gain", "7"))).contains("Gain must be"));
		assertTrue(message(expect(400, http.upload("p.png", page, "speed", "fast"))).contains("speed"));
		assertTrue(message(expect(400, http.upload("p.png", page, "layout", "5x5"))).toLowerCase().contains("layout"));
		assertTrue(message(expect(400, http.upload("p.png", page, "fs", "abc"))).contains("fs must be"));
		assertTrue(message(expect(400, http.upload("p.png", page, "fs", "20"))).contains("Sampling frequency"));
		byte[] corrupt = new byte[100];
		System.arraycopy(page, 0, corrupt, 0, 8);
		assertTrue(message(expect(400, http.upload("corrupt.png", corrupt))).contains("corrupt or truncated"));
		assertEquals(0, jobFolders(), "refused uploads leave nothing behind");
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
		assertEquals(status, r.statusCode(), r.body());
		return r;
	}

	/** Sends a request as written, without a client's normalisation, and returns the answer. */
	private static String raw(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Job folders in every server's private folder. */
	private long jobFolders() throws IOException {
		try (Stream<Path> s = Files.walk(temp, 3)) {
			return s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("jobs")).count();
		}
	}

	@Test
	void theContentDecidesNotTheNameOrDeclaredType() throws Exception {
		Http http = http(o -> {});
		assertTrue(message(expect(415, http.upload("page.png", "just text, not a page".getBytes()))).contains(
			"not an image"));
		assertEquals(415, http.upload("page.png", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()).statusCode());
		// a PNG named as text, declared as text, is still a PNG
		HttpResponse<String> r = http.post(new Http.Form().file("file", "notes.txt", "text/plain", Http.read(
			SMALL_PAGE)));
		assertEquals("done", http.await(id(r), WAIT).get("state"));
	}

	@Test
	void uploadsOverTheLimitGet413() throws Exception {
		WebServer server = start(o -> o.maxUploadBytes = 1 << 20);
		Http http = new Http(server.port());
		byte[] big = new byte[(1 << 20) + 1];
		System.arraycopy(Http.read(SMALL_PAGE), 0, big, 0, 8);
		// with a Content-Length over the limit the server answers before it reads the body
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n" +
				"Content-Length: " + (3 << 20) + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
			assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
			assertTrue(answer.contains("larger than the 1 MB"), answer);
		}
		// within the framing allowance, the file itself is measured
		assertTrue(message(expect(413, http.upload("big.png", big))).contains("larger than"));
		// without a Content-Length (chunked), the multipart parser stops at the limit
		Http.Form form = new Http.Form().file("file", "big.png", "image/png", new byte[3 << 20]);
		HttpResponse<String> chunked = http.client.send(HttpRequest.newBuilder(URI.create(http.base + "/api/jobs"))
			.header("Content-Type", "multipart/form-data; boundary=" + form.boundary).POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(form.bytes()))).build(), HttpResponse.BodyHandlers
					.ofString());
		assertEquals(413, chunked.statusCode(), chunked.body());
		assertEquals(0, jobFolders());
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
		Http http = http(o -> {});
		// 40000 x 40000 RGB would need 6.4 GB decoded; the file is a few hundred bytes
		byte[] bomb = png(40000, 40000);
		assertTrue(bomb.length < 2000);
		String m = message(expect(413, http.upload("bomb.png", bomb)));
		assertTrue(m.contains("40000 x 40000"), m);
		assertEquals(0, jobFolders());
		java.awt.Dimension h = ImageFiles.headerSize(bomb, FileKind.PNG);
		assertEquals(1_600_000_000L, (long) h.width * h.height);
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path p = temp.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	/** A PNG that says it is width x height and holds only the first row's compressed zeros. */
	static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(
			(byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1 + 3 * 100]);
		deflater.finish();
		byte[] buffer = new byte[1000];
		int n = deflater.deflate(buffer);
		chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] t = type.getBytes();
		out.writeBytes(t);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	@Test
	void unknownExpiredAndDeletedJobsGet404() throws Exception {
		WebServer server = start(o -> o.keep = Duration.ofMillis(300));
		Http http = new Http(server.port());
		assertTrue(message(expect(404, http.get("/api/jobs/AAAAAAAAAAAAAAAAAAAAAA"))).contains("no such job"));
		assertEquals(404, http.get("/api/jobs/../../etc/passwd").statusCode());
		assertEquals(404, http.get("/api/nothing").statusCode());
		for (String path : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
			"/web/../../pom.xml", "/simplelogger.properties"))
		{
			String answer = raw(server.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertTrue(answer.startsWith("HTTP/1.1 4"), path + ": " + answer);
			assertFalse(answer.contains("root:") || answer.contains("<project") || answer.contains("simpleLogger"), path);
		}
		String id = id(http.upload("p.png", Http.read(SMALL_PAGE)));
		assertEquals("done", http.await(id, WAIT).get("state"));
		assertTrue(message(expect(404, http.get("/api/jobs/" + id + "/passwd"))).contains("record.csv"));
		assertEquals(200, http.bytes("/api/jobs/" + id + "/record.csv").statusCode());
		// expiry: the sweep runs every 100 ms here
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (http.get("/api/jobs/" + id).statusCode() == 200 && System.nanoTime() < end) Thread.sleep(50);
		assertEquals(404, http.get("/api/jobs/" + id).statusCode(), "expired");
		assertEquals(404, http.bytes("/api/jobs/" + id + "/record.csv").statusCode());
		assertEquals(0, jobFolders(), "an expired job's files are deleted");

		Http keeping = http(o -> {});
		String kept = id(keeping.upload("p.png", Http.read(SMALL_PAGE)));
		keeping.await(kept, WAIT);
		assertEquals(204, keeping.delete("/api/jobs/" + kept).statusCode());
		assertEquals(404, keeping.get("/api/jobs/" + kept).statusCode());
		assertEquals(404, keeping.delete("/api/jobs/" + kept).statusCode());
		assertEquals(0, jobFolders(), "a deleted job's files are gone");
	}

	@Test
	void aPdfIsDigitizedPageByPageAndABrokenPdfFailsWithItsReason() throws Exception {
		Http http = http(o -> {});
		BufferedImage page = ImageIO.read(new ByteArrayInputStream(Http.read(SMALL_PAGE)));
		String one = id(http.upload("scan.pdf", pdf(new BufferedImage[] { page })));
		Map<String, Object> job = http.await(one, WAIT);
		assertEquals("done", job.get("state"), job.toString());
		Map<String, Object> diagnostics = Json.object(Json.parse(new String(get(http, one, "record.json",
			"application/json"), java.nio.charset.StandardCharsets.UTF_8)));
		assertEquals("ok", diagnostics.get("status"));
		assertTrue(String.valueOf(Json.object(diagnostics.get("input")).get("read_as")).contains("PDF"), diagnostics
			.toString());

		// a file of two pages is two jobs, named as digitize names the pages; or the one page asked for
		HttpResponse<String> both = http.upload("two.pdf", pdf(new BufferedImage[] { page, page }));
		List<Object> ids = Json.array(Json.object(Json.parse(expect(202, both).body())).get("ids"));
		assertEquals(2, ids.size());
		for (int i = 0; i < 2; i++) {
			job = http.await((String) ids.get(i), WAIT);
			assertEquals("done", job.get("state"), job.toString());
			assertEquals("two-p" + (i + 1), job.get("record"));
			assertEquals(i + 1.0, job.get("page"));
			assertEquals(2.0, job.get("pages"));
		}
		String second = id(http.upload("two.pdf", pdf(new BufferedImage[] { page, page }), "page", "2"));
		assertEquals("two-p2", http.await(second, WAIT).get("record"));
		assertTrue(message(expect(400, http.upload("two.pdf", pdf(new BufferedImage[] { page, page }), "page", "3")))
			.contains("1 to 2"));

		String broken = id(http.upload("page.jpg", "%PDF-1.7\n...".getBytes()));
		job = http.await(broken, WAIT);
		assertEquals("failed", job.get("state"));
		String why = (String) job.get("message");
		assertTrue(why.contains("PDF") && why.lines().count() == 1, why);
	}

	private static byte[] pdf(BufferedImage[] pages) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		PdfWriter.images(pages, 200).writeTo(b);
		return b.toByteArray();
	}

	@Test
	void aFailedJobSaysWhyAndHasNoFiles() throws Exception {
		Http http = http(o -> {});
		BufferedImage tiny = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(tiny, "png", png);
		String id = id(http.upload("tiny.png", png.toByteArray()));
		Map<String, Object> job = http.await(id, WAIT);
		assertEquals("failed", job.get("state"));
		assertTrue(((String) job.get("message")).contains("only 100x80 pixels"), job.toString());
		assertFalse(job.containsKey("files"));
		HttpResponse<String> csv = http.get("/api/jobs/" + id + "/record.csv");
		assertTrue(message(expect(409, csv)).contains("only 100x80 pixels"));

		// a page the engine reads as far as its header, then finds truncated
		byte[] page = Http.read(SMALL_PAGE);
		String cut = id(http.upload("cut.png", java.util.Arrays.copyOf(page, page.length / 2)));
		Map<String, Object> truncated = http.await(cut, WAIT);
		assertEquals("failed", truncated.get("state"));
		assertTrue(((String) truncated.get("message")).contains("corrupt or truncated"), truncated.toString());
	}

	@Test
	void aFullQueueGets429AndTheRetryIsAccepted() throws Exception {
		Http http = http(o -> o.queue = 1);
		byte[] large = Http.read(LARGE_PAGE);
		String running = id(http.upload("a.png", large));
		// the first is taken by the worker at once; the next fills the queue of one
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!"running".equals(Http.json(http.get("/api/jobs/" + running)).get("state")) && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		String queued = id(http.upload("b.png", large));
		Map<String, Object> waiting = Http.json(http.get("/api/jobs/" + queued));
		assertEquals("queued", waiting.get("state"));
		assertEquals(0.0, waiting.get("queue_position"));
		HttpResponse<String> refused = http.upload("c.png", large);
		assertTrue(message(expect(429, refused)).contains("busy"));
		assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
		HttpResponse<String> notDone = http.get("/api/jobs/" + queued + "/record.csv");
		assertTrue(message(expect(409, notDone)).contains("not digitized yet"));
		assertEquals("done", http.await(running, WAIT).get("state"));
		String retried = id(http.upload("c.png", Http.read(SMALL_PAGE)));
		assertEquals("done", http.await(queued, WAIT).get("state"));
		assertEquals("done", http.await(retried, WAIT).get("state"));
	}

	@Test
	void fileNamesNeverBecomePaths() throws Exception {
		WebServer server = start(o -> {});
		Http http = new Http(server.port());
		byte[] page = Http.read(SMALL_PAGE);
		String longName = "a".repeat(300) + ".png";
		Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("../../etc/passwd.png", "passwd");
		expected.put("..\\..\\windows\\win.ini.png", "win_ini");
		expected.put("<script>alert(1)</script>.png", "script_");
		expected.put(longName, "a".repeat(PageRunner.MAX_RECORD_NAME));
		expected.put("Schön EKG 心电图.png", "Sch_n_EKG____");
		expected.put("same.png", "same");
		expected.put("same.png ", "same");
		Set<String> ids = new HashSet<>();
		for (Map.Entry<String, String> e : expected.entrySet()) {
			String id = id(http.upload(e.getKey(), page));
			assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
			assertTrue(ids.add(id));
			Map<String, Object> job = http.await(id, WAIT);
			assertEquals("done", job.get("state"), job.toString());
			assertEquals(e.getKey(), job.get("file"), "the name is reported as sent, for the page to show as text");
			assertEquals(e.getValue(), job.get("record"));
			HttpResponse<byte[]> csv = http.bytes("/api/jobs/" + id + "/record.csv");
			assertEquals("attachment; filename=\"" + e.getValue() + ".csv\"", csv.headers().firstValue(
				"Content-Disposition").orElse(null));
		}
		// everything the server wrote is inside its private folder, in the jobs' own folders, under our names
		Path root = server.folder();
		try (Stream<Path> s = Files.walk(temp)) {
			for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
				assertTrue(p.startsWith(root.resolve("jobs")), p.toString());
				Path inJob = root.resolve("jobs").relativize(p);
				assertTrue(ids.contains(inJob.getName(0).toString()), p.toString());
				String name = p.getFileName().toString();
				assertTrue(name.matches("(record|all)\\.zip|[A-Za-z0-9_-]{1,80}(\\.hea|\\.dat|\\.csv|\\.json|-overlay\\.png|" +
					"-plot\\.png)"), name);
			}
		}
		// both uploads named same.png kept their own files
		assertEquals(2, ids.stream().filter(id -> Files.exists(root.resolve("jobs").resolve(id).resolve("out").resolve(
			"same.csv"))).count());
	}

	@Test
	void aJobOverItsTimeLimitFailsWithTheLimitInItsMessage() throws Exception {
		Http http = http(o -> o.timeLimit = Duration.ofMillis(50));
		Map<String, Object> job = http.await(id(http.upload("p.png", Http.read(LARGE_PAGE))), WAIT);
		assertEquals("failed", job.get("state"));
		assertTrue(((String) job.get("message")).contains("longer than the 0.05 s allowed"), job.toString());
		// the worker is free again
		Http.json(http.get("/api/info"));
	}

	@Test
	void stoppingTheServerDeletesItsFolderAndStopsItsJobs() throws Exception {
		WebServer server = start(o -> {});
		Http http = new Http(server.port());
		Path root = server.folder();
		String done = id(http.upload("p.png", Http.read(SMALL_PAGE)));
		http.await(done, WAIT);
		id(http.upload("q.png", Http.read(LARGE_PAGE)));
		id(http.upload("r.png", Http.read(LARGE_PAGE)));
		assertTrue(Files.isDirectory(root));
		try (Stream<Path> s = Files.list(root.resolve("jobs"))) {
			assertEquals(3, s.count());
		}
		long start = System.nanoTime();
		server.close();
		servers.remove(server);
		assertTrue((System.nanoTime() - start) / 1e9 < 30, "a running page stops at its next progress report");
		assertFalse(Files.exists(root), "the private folder is deleted on shutdown");
		assertThrows(IOException.class, () -> http.get("/api/info"), "no longer listening");
	}

	@Test
	void theHeaderCheckReadsEveryFormatWithoutDecoding() throws Exception {
		BufferedImage image = new BufferedImage(321, 123, BufferedImage.TYPE_INT_RGB);
		for (String format : List.of("png", "jpeg", "tiff", "bmp", "gif")) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertTrue(ImageIO.write(image, format, out), format);
			byte[] bytes = out.toByteArray();
			FileKind kind = FileKind.sniff(bytes);
			assertEquals(format, kind.label.toLowerCase(java.util.Locale.ROOT));
			java.awt.Dimension h = ImageFiles.headerSize(bytes, kind);
			assertEquals(321, h.width, format);
			assertEquals(123, h.height, format);
		}
		assertFalse(FileKind.sniff(new byte[] { 'B' }).readable(), "a lone B is no BMP");
		assertEquals(FileKind.PDF, FileKind.sniff("%PDF-1.4".getBytes()));
		try (InputStream in = Files.newInputStream(Path.of("sample-data", SMALL_PAGE))) {
			assertNotEquals(FileKind.UNKNOWN, FileKind.sniff(in.readNBytes(16)));
		}
	}
}
