package org.ecgdigitizer.core.io;

import org.ecgdigitizer.core.EcgException;

/**
 * One page of an input: page {@code number} of {@code count} (a PDF's or a TIFF's pages; 1 of 1
 * for an image), or an input that could not be opened, with the one-line reason.
 */
public final class InputPage {

	public final InputFile input;
	/** 1-based. */
	public final int number;
	public final int count;
	private final FileKind kind;
	private final String error;

	InputPage(InputFile input, FileKind kind, int number, int count, String error) {
		this.input = input;
		this.kind = kind;
		this.number = number;
		this.count = count;
		this.error = error;
	}

	/** Why the input could not be opened, or null. */
	public String error() {
		return error;
	}

	/** The record name before collisions are resolved: the file's stem, with "-p2" for page 2 of several. */
	public String defaultName() {
		return input.stem() + (count > 1 ? "-p" + number : "");
	}

	/** The file name, and the page when there are several: "report.pdf page 2 of 3". */
	public String describe() {
		return input.fileName() + (count > 1 ? " page " + number + " of " + count : "");
	}

	/**
	 * Decodes the page. Fails with a one-line {@link EcgException} (without the file name, which
	 * callers add) for anything unreadable, a page too large or too small included.
	 */
	public PageContent load(ReadOptions options) {
		if (error != null) throw new EcgException(error);
		byte[] bytes = input.bytes();
		if (kind == FileKind.PDF) return PdfDocuments.load(bytes, number - 1, options);
		ImageFiles.LoadedImage loaded = ImageFiles.decode(bytes, kind, number - 1, options.maxPixels);
		return PageContent.image(loaded.image, loaded.dpi, false, loaded.exifOrientation, loaded.format);
	}

	@Override
	public String toString() {
		return describe();
	}
}
