package org.ecgdigitizer.core;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.io.PageContent;
import org.ecgdigitizer.core.io.ReadOptions;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.vector.VectorDigitizer;

/**
 * One page of any input in, one checked result out; what every front end (command line, Fiji's
 * Digitize Folder, the web app, the Spark job) calls. It reads the page ({@link InputPage#load}),
 * digitizes a vector PDF page from its paths and anything else from its pixels ({@link
 * EcgDigitizer}), applies the {@link LeadCheck} (too few leads is a failure, or a marked partial
 * record when asked for), and stops a page that runs past the time limit. It never throws for a
 * bad page: the result says what went wrong, in one line.
 */
public final class PageDigitizer {

	/** Seconds a page may take by default: ten to a hundred times what a page normally takes. */
	public static final double DEFAULT_PAGE_TIMEOUT_S = 60;

	private final DigitizerSettings settings;
	private final ReadOptions read;
	private final double timeoutSeconds;
	private final boolean keepPartial;

	/**
	 * @param timeoutSeconds the time limit per page; 0 or less for none
	 * @param keepPartial give pages with too few leads as {@link PageResult.Status#PARTIAL} records
	 *          instead of failures
	 */
	public PageDigitizer(DigitizerSettings settings, ReadOptions read, double timeoutSeconds, boolean keepPartial) {
		this.settings = settings;
		this.read = read;
		this.timeoutSeconds = timeoutSeconds;
		this.keepPartial = keepPartial;
	}

	/** 500 Hz, everything detected, PDFs at 300 dpi with vectors read, 60 s per page, no partial records. */
	public static PageDigitizer defaults() {
		return new PageDigitizer(DigitizerSettings.defaults(), ReadOptions.defaults(), DEFAULT_PAGE_TIMEOUT_S, false);
	}

	public DigitizerSettings settings() {
		return settings;
	}

	/** Digitizes a page under the given record name (see {@link org.ecgdigitizer.core.io.RecordNames}). */
	public PageResult digitize(InputPage page, String name, Progress progress) {
		long start = System.nanoTime();
		if (page.error() != null) return failed(page, name, page.error(), "", start);
		if (!(timeoutSeconds > 0)) return work(page, name, progress, start);
		AtomicBoolean stop = new AtomicBoolean();
		Progress guarded = new Progress() {
			@Override
			public void status(String message) {
				if (!stop.get()) progress.status(message);
			}

			@Override
			public void fraction(double done) {
				if (!stop.get()) progress.fraction(done);
			}

			@Override
			public boolean isCanceled() {
				return stop.get() || progress.isCanceled();
			}
		};
		FutureTask<PageResult> task = new FutureTask<>(() -> work(page, name, guarded, start));
		// a worker of its own, so that a page stuck in a decoder or a stage can be left behind: it
		// stops at its next check of the progress, and writes nothing (the caller writes the files)
		Thread worker = new Thread(task, "ecg-digitizer page " + name);
		worker.setDaemon(true);
		worker.start();
		try {
			return task.get((long) Math.ceil(timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			stop.set(true);
			worker.interrupt();
			return failed(page, name, String.format(Locale.ROOT, "took longer than the time limit of %s s per page and " +
				"was stopped; the page may be damaged or unusually large (the limit can be raised)", number(
					timeoutSeconds)), "", start);
		}
		catch (InterruptedException e) {
			stop.set(true);
			Thread.currentThread().interrupt();
			return failed(page, name, "interrupted before it was done", "", start);
		}
		catch (ExecutionException e) {
			return failed(page, name, unexpected(e.getCause()), "", start);
		}
	}

	private PageResult work(InputPage page, String name, Progress progress, long start) {
		String source = "";
		try {
			PageContent content = page.load(read);
			source = content.format;
			Digitization d = null;
			LeadCheck check = null;
			String note = "";
			IntFunction<BufferedImage> overlay = null;
			if (content.isVector()) {
				try {
					progress.status("Reading the PDF's vector traces");
					d = VectorDigitizer.digitize(content.vector, settings, name);
					Digitization done = d;
					PageContent vector = content;
					overlay = width -> vectorOverlay(vector, done, width);
				}
				catch (EcgException e) {
					note = "vector paths not used (" + e.getMessage() + "); ";
					content = content.rendered();
					source = content.format;
				}
			}
			if (d == null) {
				EcgDigitizer digitizer = new EcgDigitizer(ImageFiles.asImg(content.image), content.dpi, settings, name);
				digitizer.setExactScale(content.exactScale);
				digitizer.setProgress(progress);
				if (!digitizer.checkInput()) return failed(page, name, note + digitizer.getErrorMessage(), source, start);
				if (digitizer.process()) {
					d = digitizer.getResult();
				}
				else if (digitizer.getPartialResult() != null) {
					d = digitizer.getPartialResult();
				}
				else {
					return failed(page, name, note + digitizer.getErrorMessage(), source, start);
				}
				Digitization done = d;
				// only the rectified pixels are kept for the overlay, not the engine's other planes
				int[] rectified = digitizer.getPreparedPage().rgbPixels();
				int w = digitizer.getPreparedPage().width(), h = digitizer.getPreparedPage().height();
				overlay = width -> Overlays.render(ImageFiles.asBufferedImage(net.imglib2.img.array.ArrayImgs.argbs(
					rectified, w, h)), 1, done.layout, done.traces, width);
			}
			check = LeadCheck.of(d);
			if (!check.passes()) {
				if (!keepPartial) return new PageResult(page, name, PageResult.Status.FAILED, note + check.message(),
					source, null, check, seconds(start), null);
				return new PageResult(page, name, PageResult.Status.PARTIAL, note + "partial record: " + check.message(),
					source, d, check, seconds(start), overlay);
			}
			return new PageResult(page, name, PageResult.Status.OK, note + String.join("; ", d.warnings), source, d,
				check, seconds(start), overlay);
		}
		catch (EcgException e) {
			return failed(page, name, e.getMessage(), source, start);
		}
		catch (OutOfMemoryError e) {
			return failed(page, name, unexpected(e), source, start);
		}
	}

	/** The vector page rendered (at the PDF resolution) with what was found drawn over it. */
	private BufferedImage vectorOverlay(PageContent content, Digitization d, int maxWidth) {
		PageContent page = content.rendered();
		double scale = page.dpi / 25.4 / VectorDigitizer.PX_PER_MM;
		return Overlays.render(page.image, scale, d.layout, d.traces, maxWidth);
	}

	private static String unexpected(Throwable t) {
		if (t instanceof OutOfMemoryError) {
			return "out of memory; scale the page down to 300 dpi or give Java more memory (-Xmx)";
		}
		if (t instanceof EcgException) return t.getMessage();
		return "internal error (" + t + "); please report it with the file";
	}

	private static PageResult failed(InputPage page, String name, String message, String source, long start) {
		return new PageResult(page, name, PageResult.Status.FAILED, message, source, null, null, seconds(start), null);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
