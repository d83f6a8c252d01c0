package org.ecgdigitizer.web;

import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.FileKind;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.Json;

/**
 * The web app: the page (static files from the jar) and the HTTP API it uses, on Javalin. Uploads
 * are bounded in size, checked by their bytes and their header's pixel count before anything is
 * decoded, and queued on a {@link JobQueue}; every answer carries the security headers.
 */
public final class WebServer implements AutoCloseable {

	/** What {@code serve} can set. */
	public static final class Options {
		public String host = "127.0.0.1";
		/** 0 picks a free port. */
		public int port = 8080;
		public int workers = defaultWorkers();
		/** Jobs waiting for a worker at most; more get 429. */
		public int queue = 4 * defaultWorkers();
		public long maxUploadBytes = 40L << 20;
		public Duration keep = Duration.ofMinutes(60);
		public Duration timeLimit = Duration.ofSeconds(120);
		/** Where the private folder is made; null for the system's temporary folder. */
		public Path tempParent;
		/** One line per job and unexpected errors; null for none. */
		public PrintStream log;

		/** One worker per core, but no more than one per GiB of heap (a large page needs several hundred MB). */
		public static int defaultWorkers() {
			int byHeap = (int) (Runtime.getRuntime().maxMemory() / (1L << 30));
			return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byHeap));
		}
	}

	/** Multipart framing and the small setting fields around the file. */
	private static final long MULTIPART_SLACK = 64 * 1024;

	/** Only the app's own scripts, styles and images; no framing, no plug-ins, no other origins. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; " +
		"img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; " +
		"frame-ancestors 'none'";

	private final Options options;
	private final JobQueue jobs;
	private final Javalin app;

	private WebServer(Options options, JobQueue jobs, Javalin app) {
		this.options = options;
		this.jobs = jobs;
		this.app = app;
	}

	/** Starts the server; it listens until {@link #close()}. */
	public static WebServer start(Options options) throws IOException {
		if (options.maxUploadBytes < 1) throw new IllegalArgumentException("--max-upload-mb must be positive");
		// a private folder: only this user can list or read it
		Path root = options.tempParent == null ? Files.createTempDirectory("ecg-digitizer-web-") : Files
			.createTempDirectory(options.tempParent, "ecg-digitizer-web-");
		JobQueue jobs = new JobQueue(root, options.workers, options.queue, options.keep, options.timeLimit, options.log);
		Path uploads = Files.createDirectories(root.resolve("uploads"));
		Javalin app = Javalin.create(config -> {
			config.showJavalinBanner = false;
			config.startupWatcherEnabled = false;
			config.staticFiles.add(files -> {
				files.hostedPath = "/";
				files.directory = "/web";
				files.location = Location.CLASSPATH;
			});
			config.jetty.multipartConfig.cacheDirectory(uploads.toString());
			config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes, SizeUnit.BYTES);
			config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes + MULTIPART_SLACK, SizeUnit.BYTES);
			config.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, SizeUnit.BYTES);
		});
		WebServer server = new WebServer(options, jobs, app);
		server.routes();
		try {
			app.start(options.host, options.port);
		}
		catch (RuntimeException e) {
			app.stop();
			jobs.close();
			throw new EcgException("cannot listen on " + options.host + ":" + options.port + " (" + rootCause(e) +
				"); choose another --port or --host");
		}
		return server;
	}

	private static String rootCause(Throwable e) {
		while (e.getCause() != null && e.getCause() != e) e = e.getCause();
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	/** The port it listens on (useful with port 0). */
	public int port() {
		return app.port();
	}

	/** The private folder holding the jobs' files. */
	public Path folder() {
		return jobs.root();
	}

	/** Stops listening, stops the workers and deletes every job's files. */
	@Override
	public void close() {
		app.stop();
		jobs.close();
	}

	private void routes() {
		app.before(WebServer::securityHeaders);
		app.get("/api/info", this::info);
		app.post("/api/jobs", this::submit);
		app.get("/api/jobs/{id}", ctx -> json(ctx, 200, status(job(ctx))));
		app.delete("/api/jobs/{id}", ctx -> {
			jobs.discard(job(ctx));
			ctx.status(204);
		});
		app.get("/api/jobs/{id}/{file}", this::download);
		app.exception(ApiException.class, (e, ctx) -> {
			if (e.status == 429) ctx.header("Retry-After", "5");
			error(ctx, e.status, e.getMessage());
		});
		app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
		app.exception(Exception.class, (e, ctx) -> {
			if (options.log != null) e.printStackTrace(options.log);
			error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); try again, and report it if it " +
				"happens again");
		});
		app.error(404, ctx -> {
			if (ctx.resultInputStream() == null && ctx.path().startsWith("/api/")) {
				error(ctx, 404, "no such address; the API is POST /api/jobs and GET /api/jobs/{id}");
			}
		});
	}

	private static void securityHeaders(Context ctx) {
		ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		ctx.header("X-Content-Type-Options", "nosniff");
		ctx.header("X-Frame-Options", "DENY");
		ctx.header("Referrer-Policy", "no-referrer");
		ctx.header("Cross-Origin-Opener-Policy", "same-origin");
		ctx.header("Cross-Origin-Resource-Policy", "same-origin");
		// pages of ECGs are health data: never kept in shared caches
		if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
	}

	private void info(Context ctx) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("max_upload_mb", options.maxUploadBytes / (double) (1 << 20));
		m.put("max_megapixels", ImageFiles.MAX_PIXELS / 1e6);
		m.put("keep_minutes", options.keep.toSeconds() / 60.0);
		m.put("time_limit_s", options.timeLimit.toSeconds());
		m.put("workers", options.workers);
		m.put("queue", options.queue);
		json(ctx, 200, m);
	}

	/**
	 * POST /api/jobs: checks the upload and queues it, one job per page of the file (or only the page
	 * the field {@code page} names); 202 with the first job's id and every job's id, in page order.
	 */
	private void submit(Context ctx) throws IOException {
		// refuse cheaply, before reading a byte of the body
		if (!jobs.hasRoom()) throw new ApiException(429, "the server is busy with other pages; try again in a few seconds");
		if (ctx.req().getContentLengthLong() > options.maxUploadBytes + MULTIPART_SLACK) throw tooLarge();
		if (!ctx.isMultipartFormData()) {
			throw ApiException.badRequest("send the page as multipart/form-data, the image in the field 'file'");
		}
		UploadedFile file = uploadedFile(ctx);
		if (file == null) throw ApiException.badRequest("no file: send the image of the page in the field 'file'");
		if (file.size() > options.maxUploadBytes) throw tooLarge();
		if (file.size() == 0) throw ApiException.badRequest("the file is empty; choose the image of the page again");
		DigitizerSettings settings = settings(ctx);
		int onlyPage = pageField(ctx);
		Path received = jobs.receivingFile();
		List<Job> made = new ArrayList<>();
		try {
			try (InputStream in = file.content()) {
				Files.copy(in, received, StandardCopyOption.REPLACE_EXISTING);
			}
			checkContent(received);
			// an unreadable file is one page that carries its error: its job fails with that message
			int pages = InputFile.of(received).pages().size();
			if (onlyPage > pages) {
				throw ApiException.badRequest("the file has " + pages + " page(s); page must be 1 to " + pages);
			}
			int count = onlyPage > 0 ? 1 : pages;
			if (count > options.queue) {
				throw new ApiException(413, "the file has " + pages + " pages, more than the " + options.queue + " this " +
					"server queues at once; send it in parts, or one page at a time with the field 'page'");
			}
			if (!jobs.hasRoom(count)) {
				throw new ApiException(429, "the server is busy with other pages; try again in a few seconds");
			}
			for (int i = 0; i < count; i++) {
				Job job = jobs.create(file.filename(), settings, onlyPage > 0 ? onlyPage : i + 1, pages);
				made.add(job);
				shareUpload(received, job.upload());
			}
		}
		catch (IOException | RuntimeException e) {
			for (Job job : made) jobs.discard(job);
			throw e;
		}
		finally {
			Files.deleteIfExists(received);
		}
		List<String> ids = new ArrayList<>();
		for (Job job : made) {
			jobs.submit(job);
			ids.add(job.id);
		}
		ctx.header("Location", "/api/jobs/" + ids.get(0));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", ids.get(0));
		m.put("ids", ids);
		json(ctx, 202, m);
	}

	/**
	 * Gives a page job the received file: a hard link, so a 300-page PDF is stored once, not once per
	 * page (each job deletes only its own name); a copy where the file system has no links.
	 */
	private static void shareUpload(Path received, Path jobUpload) throws IOException {
		try {
			Files.createLink(jobUpload, received);
		}
		catch (UnsupportedOperationException | IOException e) {
			Files.deleteIfExists(jobUpload);
			Files.copy(received, jobUpload);
		}
	}

	/** The optional field {@code page}: a page number from 1, or 0 when absent (every page). */
	private static int pageField(Context ctx) {
		String page = ctx.formParam("page");
		if (page == null || page.isBlank()) return 0;
		try {
			int p = Integer.parseInt(page.trim());
			if (p >= 1) return p;
		}
		catch (NumberFormatException e) {
			// the message below
		}
		throw ApiException.badRequest("page must be a page number from 1, such as 2; got '" + page + "'");
	}

	private ApiException tooLarge() {
		return new ApiException(413, String.format(Locale.ROOT,
			"the file is larger than the %s MB this server accepts; save the page as PNG or JPEG at 200-300 dpi",
			Json.number(options.maxUploadBytes / (double) (1 << 20))));
	}

	/** The upload, with the multipart parser's own size limits turned into 413. */
	private UploadedFile uploadedFile(Context ctx) {
		try {
			return ctx.uploadedFile("file");
		}
		catch (RuntimeException e) {
			String m = String.valueOf(rootCause(e)).toLowerCase(Locale.ROOT);
			if (m.contains("exceeds") || m.contains("too large") || m.contains("max")) throw tooLarge();
			throw ApiException.badRequest("the upload could not be read as multipart/form-data (" + rootCause(e) +
				"); send the image in the field 'file'");
		}
	}

	/** The optional settings fields, as the command line's options; 400 for a value the engine refuses. */
	private static DigitizerSettings settings(Context ctx) {
		String fs = ctx.formParam("fs");
		double rate;
		try {
			rate = fs == null || fs.isBlank() ? 500 : Double.parseDouble(fs.trim());
		}
		catch (NumberFormatException e) {
			throw ApiException.badRequest("fs must be a sampling rate in Hz, such as 500; got '" + fs + "'");
		}
		try {
			return DigitizerSettings.parse(rate, ctx.formParam("layout"), ctx.formParam("gain"), ctx.formParam("speed"));
		}
		catch (EcgException e) {
			throw ApiException.badRequest(e.getMessage());
		}
	}

	/**
	 * 415 unless the bytes are a page the engine reads (core's {@link FileKind}, as {@code digitize}
	 * decides); 413 when an image's header has too many pixels, read before any pixel is decoded.
	 */
	private static void checkContent(Path upload) throws IOException {
		byte[] bytes = Files.readAllBytes(upload);
		FileKind kind = FileKind.sniff(bytes);
		if (!kind.readable()) throw new ApiException(415, kind.refusal());
		// a PDF's pages are checked as they are read (page count, size, encryption)
		if (kind == FileKind.PDF) return;
		Dimension size;
		try {
			size = ImageFiles.headerSize(bytes, kind);
		}
		catch (EcgException e) {
			throw ApiException.badRequest("the " + kind.label + " file is corrupt or truncated and its size cannot be " +
				"read; save or scan the page again");
		}
		if ((long) size.width * size.height > ImageFiles.MAX_PIXELS) {
			throw new ApiException(413, String.format(Locale.ROOT,
				"the image is %d x %d pixels, more than the %d megapixels this server decodes; scale it to 300 dpi",
				size.width, size.height, ImageFiles.MAX_PIXELS / 1_000_000));
		}
	}

	/** GET /api/jobs/{id}/{file}: one of a finished job's files, as a download named after its record. */
	private void download(Context ctx) throws IOException {
		Job job = job(ctx);
		Map<String, String> downloads = PageRunner.downloads(job.record);
		String name = ctx.pathParam("file");
		String stored = downloads.get(name);
		if (stored == null) {
			throw new ApiException(404, "no such file; a job has " + String.join(", ", downloads.keySet()));
		}
		if (job.state() != Job.State.DONE) {
			throw new ApiException(409, job.state() == Job.State.FAILED ? "this page failed, so it has no files: " + job
				.message() : "this page is not digitized yet; wait until GET /api/jobs/" + job.id + " says done");
		}
		Path file = name.endsWith(".zip") ? job.dir.resolve(stored) : job.outputs().resolve(stored);
		if (!Files.isRegularFile(file)) throw ApiException.notFound();
		String download = name.equals("record.zip") ? job.record + "-wfdb.zip" : name.equals("all.zip") ? job.record +
			".zip" : stored;
		ctx.contentType(contentType(name));
		// images show in the page; the rest downloads. The record name is letters, digits, '_' and '-' only,
		// so it needs no quoting.
		ctx.header("Content-Disposition", (name.endsWith(".png") ? "inline" : "attachment") + "; filename=\"" +
			download + "\"");
		ctx.result(Files.newInputStream(file));
	}

	private static String contentType(String name) {
		if (name.endsWith(".json")) return "application/json";
		if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
		if (name.endsWith(".png")) return "image/png";
		return "application/zip";
	}

	private Job job(Context ctx) {
		Job job = jobs.get(ctx.pathParam("id"));
		if (job == null) throw ApiException.notFound();
		return job;
	}

	/** What GET /api/jobs/{id} answers. */
	private Map<String, Object> status(Job job) {
		Map<String, Object> m = new LinkedHashMap<>();
		Job.State state = job.state();
		m.put("id", job.id);
		m.put("file", job.fileName);
		m.put("record", job.record);
		m.put("page", job.page);
		m.put("pages", job.pages);
		m.put("state", state.id());
		m.put("stage", state == Job.State.FAILED ? "Failed" : job.stage());
		m.put("progress", job.progress());
		if (state == Job.State.QUEUED) m.put("queue_position", jobs.position(job));
		if (state == Job.State.FAILED) m.put("message", job.message());
		if (state == Job.State.DONE) {
			m.put("layout", job.layout());
			m.put("warnings", job.warnings());
			m.put("seconds", job.seconds());
			Map<String, Object> files = new LinkedHashMap<>();
			for (String name : PageRunner.downloads(job.record).keySet()) files.put(name, "/api/jobs/" + job.id + "/" + name);
			m.put("files", files);
		}
		if (job.isEnded()) {
			m.put("expires_in_s", Math.max(0, (job.endedMillis() + options.keep.toMillis() - System.currentTimeMillis()) /
				1000));
		}
		return m;
	}

	private static void json(Context ctx, int status, Object body) {
		ctx.status(status).contentType("application/json").result(Json.writeCompact(body));
	}

	private static void error(Context ctx, int status, String message) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("message", message);
		json(ctx, status, m);
	}
}
