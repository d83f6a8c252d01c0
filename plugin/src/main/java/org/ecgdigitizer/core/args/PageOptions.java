package org.ecgdigitizer.core.args;

import java.util.List;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.PageDigitizer;
import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.io.ReadOptions;

/**
 * The options that say how pages are found and digitized, shared by the command line's {@code
 * digitize} and the Spark job, so that the same options mean the same in both.
 */
public final class PageOptions {

	private PageOptions() {}

	/** The options, in the order the help lists them. */
	public static List<Option> options() {
		return List.of(Option.value("fs", "HZ", "output sampling frequency", 500),
			Option.value("layout", "SPEC", "auto, or 3x4, 3x4+1, 3x4+2, 3x4+3, 6x2, 12x1 (add /cabrera, /same-window), or rows:I,aVR;II,aVL", "auto"),
			Option.value("gain", "MM_PER_MV", "auto, 5, 10 or 20", "auto"),
			Option.value("speed", "MM_PER_S", "auto, 25 or 50", "auto"),
			Option.value("ink", "MODEL", "how ink is told from grid and paper: rules, learned (the shipped classifier), " +
				"auto (chosen per page) or a .model file", InkSources.DEFAULT),
			Option.value("pattern", "GLOB", "which files of a folder to read", BatchDigitizer.IMAGE_GLOB),
			Option.value("pdf-dpi", "DPI", "resolution PDF pages are rendered at when they are not vector ECGs",
				ReadOptions.DEFAULT_PDF_DPI),
			Option.flag("pdf-render", "render every PDF page to pixels, even one that draws its traces as vectors"),
			Option.value("page-timeout", "SECONDS", "time limit per page; a page taking longer is stopped and " +
				"reported (0: none)", PageDigitizer.DEFAULT_PAGE_TIMEOUT_S),
			Option.flag("keep-partial", "write a record marked partial for a page with too few leads traced " +
				"(fewer than half of those printed) instead of failing it"));
	}

	/** The page digitizer the options describe; a mistake in them is a one-line exception. */
	public static PageDigitizer digitizer(Args args) {
		DigitizerSettings settings = DigitizerSettings.parse(args.number("fs", 500), args.string("layout", "auto"),
			args.string("gain", "auto"), args.string("speed", "auto"), args.string("ink", null));
		ReadOptions read = ReadOptions.defaults().withPdfDpi(args.number("pdf-dpi", ReadOptions.DEFAULT_PDF_DPI))
			.withVectors(!args.flag("pdf-render"));
		double timeout = args.number("page-timeout", PageDigitizer.DEFAULT_PAGE_TIMEOUT_S);
		if (!(timeout >= 0)) throw new Args.UsageException("--page-timeout must be 0 (none) or more seconds");
		return new PageDigitizer(settings, read, timeout, args.flag("keep-partial"));
	}

	/** Which files of a folder are read. */
	public static String pattern(Args args) {
		return args.string("pattern", BatchDigitizer.IMAGE_GLOB);
	}
}
