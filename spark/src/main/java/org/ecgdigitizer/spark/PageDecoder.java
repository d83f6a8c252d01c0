package org.ecgdigitizer.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.ImageFiles;

/**
 * Decodes the bytes of one input file into a page, exactly as {@code digitize} reads a file
 * ({@link ImageFiles#read}: content sniffing, EXIF orientation, resolution, size limit, one-line
 * errors). The one place this job decodes: core's input layer (bytes and a file name in, the pages
 * a file holds out) replaces it when it lands.
 */
final class PageDecoder {

	private PageDecoder() {}

	/** Fails with a one-line {@link EcgException} for anything that is not a readable page image. */
	static ImageFiles.LoadedImage decode(byte[] bytes, String fileName) {
		Path file;
		try {
			// ImageFiles reads files only; a scratch copy costs a fraction of what digitizing does.
			file = Files.createTempFile("ecg-page-", "-" + fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
		}
		catch (IOException e) {
			throw new EcgException("could not make a scratch copy of the page in " + System.getProperty(
				"java.io.tmpdir") + " (" + e.getMessage() + "); give the executors more local disk", e);
		}
		try {
			Files.write(file, bytes);
			return ImageFiles.read(file);
		}
		catch (IOException e) {
			throw new EcgException("could not write a scratch copy of the page to " + file + " (" + e.getMessage() +
				"); give the executors more local disk", e);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				// A scratch file left in the temporary folder harms nothing.
			}
		}
	}
}
