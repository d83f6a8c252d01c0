package org.ecgdigitizer.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;

/**
 * One input as users give it: a file, or the bytes of an upload (the web app) or of a stored
 * object (the Spark job) with its file name. {@link #pages()} lists the pages it holds: one for
 * an image, every page of a PDF or a multi-page TIFF. What a file is comes from its first bytes,
 * never from its name.
 */
public final class InputFile {

	/** Files larger than this are refused unread: no page image or PDF of a page is that large. */
	public static final long MAX_BYTES = 1L << 30;

	private final Path path;
	private final byte[] bytes;
	private final String fileName;

	private InputFile(Path path, byte[] bytes, String fileName) {
		this.path = path;
		this.bytes = bytes;
		this.fileName = fileName;
	}

	public static InputFile of(Path file) {
		Path name = file.getFileName();
		return new InputFile(file, null, name == null ? file.toString() : name.toString());
	}

	/** An upload or a stored object: its bytes and the file name it came with (only its last part counts). */
	public static InputFile of(byte[] bytes, String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return new InputFile(null, bytes, name.isEmpty() ? "page" : name);
	}

	/** The file's name, as given. */
	public String fileName() {
		return fileName;
	}

	/** The file, or null for bytes. */
	public Path path() {
		return path;
	}

	/** The record name this file's pages start from: its name without extension (see {@link RecordNames#stem}). */
	public String stem() {
		return RecordNames.stem(fileName);
	}

	/** The file name's extension in lower case, without the dot; "" when it has none. */
	public String extension() {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * The pages of this input, in order. Never throws for a bad input: a file that cannot be opened
	 * (missing, empty, not an image, an encrypted PDF...) gives one page that carries the error.
	 */
	public List<InputPage> pages() {
		List<InputPage> pages = new ArrayList<>();
		try {
			FileKind kind = FileKind.sniff(head());
			if (!kind.readable()) throw new EcgException(kind.refusal());
			// only PDFs and TIFFs are read whole to count their pages: a folder's listing reads the first
			// kilobyte of each image, which is read whole when its page is decoded
			int count = kind == FileKind.PDF ? PdfDocuments.pageCount(bytes()) : kind.mayHoldPages() ? ImageFiles
				.pageCount(bytes(), kind) : 1;
			for (int i = 1; i <= count; i++) pages.add(new InputPage(this, kind, i, count, null));
		}
		catch (EcgException e) {
			pages.add(new InputPage(this, FileKind.UNKNOWN, 1, 1, e.getMessage()));
		}
		return pages;
	}

	/** Refuses a file too large to read (before reading it), in one line. */
	public static void checkSize(long bytes) {
		if (bytes > MAX_BYTES) {
			throw new EcgException(String.format(Locale.ROOT, "the file is %.1f GB, larger than any page (%d MB " +
				"at most); split it or scale its pages down", bytes / 1e9, MAX_BYTES >> 20));
		}
	}

	/** The file's content (read anew each time for a file, so a batch never holds more than the page at hand). */
	byte[] bytes() {
		return bytes != null ? bytes : read(Integer.MAX_VALUE);
	}

	/** The file's first {@link FileKind#SNIFF_BYTES} bytes (all of them when it has fewer): what says what it is. */
	private byte[] head() {
		return bytes != null ? bytes : read(FileKind.SNIFF_BYTES);
	}

	/** The first {@code most} bytes of the file, failing in one line as reading it whole does. */
	private byte[] read(int most) {
		try {
			if (Files.isDirectory(path)) throw new EcgException("this is a folder, not a file");
			long size = Files.size(path);
			checkSize(size);
			if (size > most) {
				try (java.io.InputStream in = Files.newInputStream(path)) {
					return in.readNBytes(most);
				}
			}
			return Files.readAllBytes(path);
		}
		catch (NoSuchFileException e) {
			throw new EcgException("file not found; check the path");
		}
		catch (AccessDeniedException e) {
			throw new EcgException("permission denied; make the file readable");
		}
		catch (IOException e) {
			throw new EcgException("cannot read the file (" + e.getMessage() + ")");
		}
	}

	@Override
	public String toString() {
		return path != null ? path.toString() : fileName;
	}
}
