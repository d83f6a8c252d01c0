package org.ecgdigitizer.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ecgdigitizer.core.io.RecordNames;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.PageResult;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.io.ReadOptions;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * Runs one uploaded page through the same engine, settings and file writers as the command line's
 * {@code digitize} with every format, and adds the two zips the page offers. Decoding an upload and
 * running a page under the job's deadline each happen in one method here.
 */
final class PageRunner {

	/** Every format {@code digitize} writes. */
	static final Set<DigitizationFiles.Format> FORMATS = EnumSet.allOf(DigitizationFiles.Format.class);

	/** Longest record name kept from a file name (file systems allow 255 bytes for a whole name). */
	static final int MAX_RECORD_NAME = 80;

	/** The downloads of a finished job: the API's name → the file name in the job's outputs. */
	static Map<String, String> downloads(String record) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("record.json", record + ".json");
		m.put("record.csv", record + ".csv");
		m.put("record.zip", "record.zip");
		m.put("overlay.png", record + "-overlay.png");
		m.put("plot.png", record + "-plot.png");
		m.put("all.zip", "all.zip");
		return m;
	}

	private PageRunner() {}

	/**
	 * The record name for an uploaded file's name as the browser sent it: the command line's stem of
	 * its last path segment, cut to {@link #MAX_RECORD_NAME} characters. Safe as a file name whatever
	 * the user's name holds ("../../etc/passwd.png" gives "passwd").
	 */
	static String recordName(String uploadName) {
		String name = uploadName == null ? "" : uploadName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String stem = RecordNames.stem(name);
		if (stem.length() > MAX_RECORD_NAME) stem = stem.substring(0, MAX_RECORD_NAME);
		return stem.replaceAll("^[_-]+$", "").isEmpty() ? "page" : stem;
	}

	/**
	 * Digitizes the job's upload through core's input layer and {@link PageDigitizer} (as {@code
	 * digitize} does: PDFs, multi-page checks, the lead check) and writes its files; throws {@link
	 * EcgException} with the engine's one-line message when the page cannot be digitized.
	 *
	 * @return the digitization, for the job's summary
	 */
	static Digitization run(Job job, Deadline deadline, Progress progress) throws IOException {
		progress.status("Reading the file");
		InputFile upload = InputFile.of(Files.readAllBytes(job.upload()), job.fileName);
		// the upload is not needed once read: the server keeps no more of the user's file than it must
		Files.deleteIfExists(job.upload());
		InputPage page = pageOf(upload, job.page);
		progress.fraction(0.05);
		PageResult r = digitize(page, job.settings, job.record, deadline, progress);
		Digitization d = r.digitization;
		progress.status("Writing the files");
		Path out = job.outputs();
		DigitizationFiles.write(d, () -> r.overlay(Overlays.REVIEW_WIDTH), out, job.record, FORMATS, true, r.recordJson());
		zip(job.dir.resolve("record.zip"), out, List.of(job.record + ".hea", job.record + ".dat"));
		zip(job.dir.resolve("all.zip"), out, DigitizationFiles.outputs(out, job.record, FORMATS).stream().map(p -> p
			.getFileName().toString()).collect(java.util.stream.Collectors.toList()));
		progress.fraction(1);
		return d;
	}

	/** Page {@code number} (from 1) of the upload; an unreadable file's one page, which carries its error. */
	static InputPage pageOf(InputFile upload, int number) {
		List<InputPage> pages = upload.pages();
		if (pages.size() == 1) return pages.get(0);
		if (number < 1 || number > pages.size()) {
			throw new EcgException("the file has " + pages.size() + " pages, not a page " + number + "; upload it again");
		}
		return pages.get(number - 1);
	}

	/**
	 * The one place a page is run under a time limit: the engine reports progress at every stage and
	 * sub-step, and past the deadline the next report ends the run with the deadline's message. The
	 * engine's progress fills 5 % to 90 % of the job's (reading the file comes before, writing after).
	 */
	static PageResult digitize(InputPage page, DigitizerSettings settings, String record, Deadline deadline,
		Progress progress)
	{
		// no time limit of the page digitizer's own: the deadline is the job's, and it also stops a job
		// that is deleted or a server that is shutting down
		PageDigitizer digitizer = new PageDigitizer(settings, ReadOptions.defaults(), 0, false);
		PageResult r = digitizer.digitize(page, record, new Progress() {
			@Override
			public void status(String message) {
				deadline.check();
				progress.status(message);
			}

			@Override
			public void fraction(double done) {
				deadline.check();
				progress.fraction(0.05 + 0.85 * done);
			}

			@Override
			public boolean isCanceled() {
				return deadline.passed();
			}
		});
		if (!r.hasRecord()) throw new EcgException(r.message);
		return r;
	}

	/** A point in time after which a job stops at its next progress report. */
	static final class Deadline {
		private final long nanos;
		private final String message;
		private volatile String stop;

		Deadline(long limitNanos, String message) {
			this.nanos = System.nanoTime() + limitNanos;
			this.message = message;
		}

		/** Ends the run at its next progress report, with this message (the server is stopping). */
		void stop(String why) {
			stop = why;
		}

		boolean passed() {
			return stop != null || System.nanoTime() - nanos > 0;
		}

		void check() {
			if (stop != null) throw new EcgException(stop);
			if (System.nanoTime() - nanos > 0) throw new EcgException(message);
		}
	}

	/** A zip of the named files of a folder, written atomically. */
	private static void zip(Path target, Path folder, List<String> names) throws IOException {
		AtomicFiles.write(target, out -> {
			// finish, not close: the atomic writer closes the file once the zip is complete
			ZipOutputStream zip = new ZipOutputStream(out);
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				Files.copy(folder.resolve(name), zip);
				zip.closeEntry();
			}
			zip.finish();
		});
	}
}
