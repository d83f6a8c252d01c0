package org.ecgdigitizer.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.web.WebServer;

/** {@code serve}: the web app, where a page is uploaded in a browser and its signal downloaded. */
final class ServeCli implements CliCommand {

	@Override
	public String name() {
		return "serve";
	}

	@Override
	public String summary() {
		return "Start the web app: upload ECG pages in a browser, review what was found, download the signals.";
	}

	@Override
	public String synopsis() {
		return "[--port 8080] [--host 127.0.0.1] [--workers N] [--max-upload-mb 40] [--keep-minutes 60] [--queue N] " +
			"[--time-limit 120]";
	}

	@Override
	public List<Option> options() {
		WebServer.Options d = new WebServer.Options();
		return List.of(Option.value("port", "PORT", "port to listen on (0 picks a free one)", d.port),
			Option.value("host", "ADDRESS", "address to listen on; 0.0.0.0 for every interface (put a reverse proxy " +
				"with HTTPS in front, see docs/web.md)", d.host),
			Option.value("workers", "N", "pages digitized at the same time; the default is one per core, at most one " +
				"per GiB of heap", d.workers),
			Option.value("queue", "N", "uploads waiting for a worker at most, more are refused with 429; the default is " +
				"4 per worker", d.queue),
			Option.value("max-upload-mb", "MB", "largest upload accepted", 40),
			Option.value("keep-minutes", "MIN", "minutes the files of a finished page are kept before they are deleted",
				60),
			Option.value("time-limit", "SECONDS", "time allowed to digitize one page", d.timeLimit.toSeconds()));
	}

	@Override
	public int run(Args args, PrintStream out, PrintStream err) throws Exception {
		WebServer.Options options = options(args);
		options.log = err;
		WebServer server = WebServer.start(options);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ecg-web-shutdown"));
		String shown = options.host.contains(":") ? "[" + options.host + "]" : options.host;
		out.printf(Locale.ROOT, "ECG Digitizer web app at http://%s:%d/ (%d worker(s), queue %d, uploads up to %d MB, " +
			"files kept %d min)%n", shown, server.port(), options.workers, options.queue, options.maxUploadBytes >> 20,
			options.keep.toMinutes());
		out.println("Press Ctrl-C to stop; stopping deletes every uploaded page and result.");
		out.flush();
		// the shutdown hook stops the server; the JVM ends when it returns
		Thread.currentThread().join();
		return 0;
	}

	/** The server's options from the command line; the tests use this to check the parsing. */
	static WebServer.Options options(Args args) {
		WebServer.Options o = new WebServer.Options();
		o.port = args.integer("port", o.port);
		if (o.port < 0 || o.port > 65535) throw new Args.UsageException("--port must be between 0 and 65535");
		o.host = args.string("host", o.host);
		o.workers = args.integer("workers", o.workers);
		if (o.workers < 1) throw new Args.UsageException("--workers must be at least 1");
		o.queue = args.integer("queue", 4 * o.workers);
		if (o.queue < 1) throw new Args.UsageException("--queue must be at least 1");
		double mb = args.number("max-upload-mb", 40);
		if (!(mb > 0)) throw new Args.UsageException("--max-upload-mb must be positive");
		o.maxUploadBytes = (long) (mb * (1 << 20));
		double minutes = args.number("keep-minutes", 60);
		if (!(minutes > 0)) throw new Args.UsageException("--keep-minutes must be positive");
		o.keep = Duration.ofMillis((long) (minutes * 60_000));
		double seconds = args.number("time-limit", o.timeLimit.toSeconds());
		if (!(seconds > 0)) throw new Args.UsageException("--time-limit must be positive");
		o.timeLimit = Duration.ofMillis((long) (seconds * 1000));
		return o;
	}
}
