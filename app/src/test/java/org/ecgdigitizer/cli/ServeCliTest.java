package org.ecgdigitizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Duration;

import org.ecgdigitizer.web.WebServer;
import org.junit.jupiter.api.Test;

/** The options of {@code serve}; the server itself is tested in the web package. */
class ServeCliTest {

	private static WebServer.Options parse(String... argv) {
		return ServeCli.options(Args.parse(argv, new ServeCli().options()));
	}

	@Test
	void defaultsListenOnLoopbackOnly() {
		WebServer.Options o = parse();
		assertEquals("127.0.0.1", o.host);
		assertEquals(8080, o.port);
		assertEquals(40L << 20, o.maxUploadBytes);
		assertEquals(Duration.ofMinutes(60), o.keep);
		assertEquals(4 * o.workers, o.queue);
		assertTrue(o.workers >= 1);
	}

	@Test
	void everyOptionIsRead() {
		WebServer.Options o = parse("--port", "9000", "--host", "0.0.0.0", "--workers", "3", "--max-upload-mb", "12.5",
			"--keep-minutes", "0.5", "--time-limit", "30");
		assertEquals(9000, o.port);
		assertEquals("0.0.0.0", o.host);
		assertEquals(3, o.workers);
		assertEquals(12, o.queue, "4 per worker unless given");
		assertEquals((long) (12.5 * (1 << 20)), o.maxUploadBytes);
		assertEquals(Duration.ofSeconds(30), o.keep);
		assertEquals(Duration.ofSeconds(30), o.timeLimit);
		assertEquals(5, parse("--workers", "3", "--queue", "5").queue);
	}

	@Test
	void badValuesAreUsageErrors() {
		for (String[] argv : new String[][] { { "--port", "70000" }, { "--workers", "0" }, { "--queue", "0" }, {
			"--max-upload-mb", "0" }, { "--keep-minutes", "-1" }, { "--time-limit", "0" }, { "--port", "http" } })
		{
			assertThrows(Args.UsageException.class, () -> parse(argv), String.join(" ", argv));
		}
	}

	@Test
	void helpAndABusyPortAreOneLine() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		assertEquals(0, CliRun.run(out, err, "serve", "--help"));
		for (String option : new String[] { "--port", "--host", "--workers", "--max-upload-mb", "--keep-minutes",
			"--queue", "--time-limit" })
		{
			assertTrue(out.toString().contains(option), option);
		}
		out.reset();
		assertEquals(0, CliRun.run(out, err, "--help"));
		assertTrue(out.toString().contains("serve"));
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			err.reset();
			assertEquals(1, CliRun.run(out, err, "serve", "--port", String.valueOf(taken.getLocalPort())));
			String message = err.toString().trim();
			assertTrue(message.startsWith("Error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), message);
			assertTrue(message.endsWith("choose another --port or --host"), message);
			assertEquals(1, message.lines().count(), "no stack trace");
		}
	}
}
