package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;


import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * Writes a digitized page: {@code <stem>.hea/.dat} (WFDB, format 16, 1000 units/mV),
 * {@code <stem>.csv}, {@code <stem>.json} (diagnostics), {@code <stem>-overlay.png} (what was
 * found, drawn on the page) and {@code <stem>-plot.png} (the 12-lead plot). All files of one page
 * are staged and moved into place together, so a failure leaves none.
 */
public final class DigitizationFiles {

	/** The output formats. */
	public enum Format {
		WFDB, CSV, JSON, PNG, PLOT;

		/** The names users type, comma-separated. */
		public static final String NAMES = "wfdb, csv, json, png, plot";

		public static Set<Format> parse(String list) {
			Set<Format> out = EnumSet.noneOf(Format.class);
			for (String s : list.split(",")) {
				if (s.isBlank()) continue;
				try {
					out.add(valueOf(s.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					throw new EcgException("unknown output format '" + s.trim() + "': use " + NAMES);
				}
			}
			if (out.isEmpty()) throw new EcgException("no output format given: use some of " + NAMES);
			return out;
		}
	}

	/** Resolution of the written 12-lead plot. */
	public static final double PLOT_PX_PER_MM = 8;

	private DigitizationFiles() {}

	/** The record's JSON ({@code <stem>.json}): the entries given first, then the digitization's diagnostics. */
	public static String json(Digitization d, java.util.Map<String, Object> moreJson) {
		java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(moreJson);
		all.putAll(d.diagnostics());
		return Json.write(all);
	}

	/** The files a page would produce. */
	public static List<Path> outputs(Path dir, String stem, Set<Format> formats) {
		List<Path> out = new ArrayList<>();
		if (formats.contains(Format.WFDB)) {
			out.add(dir.resolve(stem + ".hea"));
			out.add(dir.resolve(stem + ".dat"));
		}
		if (formats.contains(Format.CSV)) out.add(dir.resolve(stem + ".csv"));
		if (formats.contains(Format.JSON)) out.add(dir.resolve(stem + ".json"));
		if (formats.contains(Format.PNG)) out.add(dir.resolve(stem + "-overlay.png"));
		if (formats.contains(Format.PLOT)) out.add(dir.resolve(stem + "-plot.png"));
		return out;
	}

	/**
	 * Writes the chosen formats. Without {@code overwrite}, an existing output is an error and
	 * nothing is written.
	 *
	 * @param overlay draws the review overlay; only called when PNG is wanted
	 * @return the files written
	 */
	public static List<Path> write(Digitization d, Supplier<BufferedImage> overlay, Path dir, String stem,
		Set<Format> formats, boolean overwrite) throws IOException
	{
		return write(d, overlay, dir, stem, formats, overwrite, java.util.Collections.emptyMap());
	}

	/**
	 * Like {@link #write(Digitization, Supplier, Path, String, Set, boolean)}, with more entries put
	 * first in the JSON (the record's status and input, say).
	 */
	public static List<Path> write(Digitization d, Supplier<BufferedImage> overlay, Path dir, String stem,
		Set<Format> formats, boolean overwrite, java.util.Map<String, Object> moreJson) throws IOException
	{
		List<Path> targets = outputs(dir, stem, formats);
		if (!overwrite) {
			for (Path p : targets) {
				if (Files.exists(p)) {
					throw new EcgException(p + " already exists; remove it or ask to overwrite outputs");
				}
			}
		}
		Files.createDirectories(dir);
		try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
			if (formats.contains(Format.CSV)) batch.stage(dir.resolve(stem + ".csv"), CsvRecords.content(d.record));
			if (formats.contains(Format.JSON)) {
				byte[] json = json(d, moreJson).getBytes(StandardCharsets.UTF_8);
				batch.stage(dir.resolve(stem + ".json"), out -> out.write(json));
			}
			if (formats.contains(Format.PNG)) {
				BufferedImage image = overlay.get();
				batch.stage(dir.resolve(stem + "-overlay.png"), ImageFiles.reviewPng(image));
			}
			if (formats.contains(Format.PLOT)) {
				BufferedImage plot = EcgPlot.render(d.record.withName(stem), d.layout.layout, null, PLOT_PX_PER_MM);
				batch.stage(dir.resolve(stem + "-plot.png"), ImageFiles.reviewPng(plot));
			}
			// the header goes in last, after its signal file
			if (formats.contains(Format.WFDB)) Wfdb.stage(d.record.withName(stem), dir, 16, Wfdb.defaultGain(16), batch);
			batch.commit();
		}
		return targets;
	}
}
