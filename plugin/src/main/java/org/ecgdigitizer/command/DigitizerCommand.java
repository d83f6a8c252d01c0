package org.ecgdigitizer.command;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.EcgPlot;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * What every ECG Digitizer command shares: progress in the status bar, and problems the user can
 * act on reported in one line (logged, and as the reason the command was canceled) instead of a
 * stack trace.
 */
abstract class DigitizerCommand extends ContextCommand {

	/** The output formats when none are named. */
	static final String DEFAULT_FORMATS = "wfdb,csv,json,png";
	/** Resolution of the 12-lead plot window. */
	static final double PLOT_PX_PER_MM = 5;

	@Parameter
	private StatusService statusService;

	@Parameter
	private LogService log;

	@Override
	public final void run() {
		StatusProgress progress = new StatusProgress(statusService, this::isCanceled);
		try {
			execute(progress);
		}
		catch (EcgException e) {
			fail(e.getMessage());
		}
		catch (IOException e) {
			fail(e.getMessage() + "; check that the folder exists and can be written");
		}
		catch (OutOfMemoryError e) {
			fail("out of memory; give Fiji more memory (Edit > Options > Memory & Threads) or scale the image down " +
				"to 300 dpi");
		}
		finally {
			progress.done();
		}
	}

	/** The command's work; throws {@link EcgException} for anything the user should fix. */
	protected abstract void execute(StatusProgress progress) throws IOException;

	/** Reports a problem in one line and cancels the command with it. */
	protected void fail(String message) {
		if (log != null) log.error(title() + ": " + message);
		cancel(message);
	}

	/** Logs a line of information (files written, warnings). */
	protected void info(String message) {
		if (log != null) log.info(title() + ": " + message);
	}

	protected void warn(String message) {
		if (log != null) log.warn(title() + ": " + message);
	}

	/** A file parameter left empty. */
	static boolean blank(File f) {
		return f == null || f.getPath().isBlank();
	}

	/** A path parameter left empty. */
	static boolean blank(String path) {
		return path == null || path.isBlank();
	}

	/** The output formats named in a list, or the default ones when it is left empty. */
	static Set<DigitizationFiles.Format> formats(String list) {
		return DigitizationFiles.Format.parse(blank(list) ? DEFAULT_FORMATS : list);
	}

	/** Writes the record's files into the folder when one is given, the overlay drawn on the rectified page. */
	protected void writeOutputs(Digitization d, ImagePlus rectifiedPage, String folder, String formats,
		boolean overwrite) throws IOException
	{
		if (blank(folder)) return;
		BufferedImage page = ImagePlusAdapter.toBufferedImage(rectifiedPage);
		List<Path> written = DigitizationFiles.write(d, () -> Overlays.render(page, d.layout, d.traces), Paths.get(
			folder.trim()), d.record.name(), formats(formats), overwrite);
		info("wrote " + written.size() + " file(s) for " + d.record.name() + " to " + folder);
	}

	/** The 12-lead plot of a digitization, with a reference record underneath when one is given. */
	protected ImagePlus plot(Digitization d, String reference) {
		EcgRecord ref = null;
		if (!blank(reference)) {
			try {
				ref = Records.read(Paths.get(reference.trim()));
			}
			catch (IOException e) {
				throw new EcgException("cannot read the reference record " + reference + ": " + e.getMessage() +
					"; give a WFDB header (.hea) or a CSV record");
			}
		}
		BufferedImage image = EcgPlot.render(d.record, d.layout.layout, ref, PLOT_PX_PER_MM);
		return ImagePlusAdapter.calibrated(image, d.record.name() + "-plot", PLOT_PX_PER_MM);
	}

	/** What the record-making commands show: the plot, and the two tables (in their own windows). */
	static final class Presented {
		final ImagePlus plot;
		final ResultsTable signals;
		final ResultsTable diagnostics;

		Presented(ImagePlus plot, ResultsTable signals, ResultsTable diagnostics) {
			this.plot = plot;
			this.signals = signals;
			this.diagnostics = diagnostics;
		}
	}

	/**
	 * Writes the record's files (when a folder is given), makes the plot, shows the signal and
	 * diagnostics tables and logs the warnings.
	 */
	protected Presented present(Digitization d, ImagePlus rectifiedPage, String folder, String formats,
		boolean overwrite, String reference) throws IOException
	{
		writeOutputs(d, rectifiedPage, folder, formats, overwrite);
		ImagePlus plot = plot(d, reference);
		ResultsTable signals = ResultTables.signals(d.record);
		ResultsTable diagnostics = ResultTables.diagnostics(d);
		ResultTables.show(signals, ResultTables.SIGNALS);
		ResultTables.show(diagnostics, ResultTables.DIAGNOSTICS);
		warnAll(d.warnings);
		return new Presented(plot, signals, diagnostics);
	}

	/** Logs the digitization's warnings, one per line. */
	protected void warnAll(List<String> warnings) {
		for (String w : warnings) warn(w);
	}

	private String title() {
		org.scijava.plugin.Plugin p = getClass().getAnnotation(org.scijava.plugin.Plugin.class);
		if (p == null) return getClass().getSimpleName();
		String path = p.menuPath();
		return path.substring(path.lastIndexOf('>') + 1).trim();
	}
}
