package org.ecgdigitizer.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ecgdigitizer.core.io.Json;

/** A small HTTP client for the web app's tests: multipart uploads as a browser sends them, JSON answers. */
final class Http {

	final String base;
	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A multipart/form-data body with one file and some plain fields, as browsers write it (UTF-8 names). */
	static final class Form {
		final String boundary = "----ecgtest" + Long.toHexString(System.nanoTime());
		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Form field(String name, String value) {
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
			return this;
		}

		Form file(String field, String fileName, String contentType, byte[] content) {
			// browsers percent-encode the quote and line breaks in file names and send the rest as UTF-8
			String quoted = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + quoted +
				"\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			body.writeBytes(content);
			write("\r\n");
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(body.toByteArray());
			out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}

		private void write(String s) {
			body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
		}
	}

	HttpResponse<String> post(Form form) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs")).header("Content-Type",
			"multipart/form-data; boundary=" + form.boundary).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> upload(String fileName, byte[] content, String... fields) throws IOException,
		InterruptedException
	{
		Form form = new Form();
		for (int i = 0; i + 1 < fields.length; i += 2) form.field(fields[i], fields[i + 1]);
		return post(form.file("file", fileName, "application/octet-stream", content));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers
			.ofString());
	}

	HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers
			.ofByteArray());
	}

	HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers
			.ofString());
	}

	static Map<String, Object> json(HttpResponse<String> r) {
		return Json.object(Json.parse(r.body()));
	}

	/** Polls a job until it is done or failed; fails the test after the timeout. */
	Map<String, Object> await(String id, Duration timeout) throws IOException, InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		for (;;) {
			HttpResponse<String> r = get("/api/jobs/" + id);
			if (r.statusCode() != 200) throw new AssertionError("GET job " + id + ": " + r.statusCode() + " " + r.body());
			Map<String, Object> job = json(r);
			if ("done".equals(job.get("state")) || "failed".equals(job.get("state"))) return job;
			if (System.nanoTime() > end) throw new AssertionError("job " + id + " not finished after " + timeout + ": " + job);
			Thread.sleep(100);
		}
	}

	static byte[] read(String samplePage) throws IOException {
		return Files.readAllBytes(Path.of("sample-data", samplePage));
	}

	/** The entries of a zip, by name. */
	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> out = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) out.put(e.getName(), in.readAllBytes());
		}
		return out;
	}
}
