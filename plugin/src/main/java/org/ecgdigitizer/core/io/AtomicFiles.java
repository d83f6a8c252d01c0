package org.ecgdigitizer.core.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.EcgException;

/**
 * Writes files so that a failure never leaves a half-written one: content goes to a temporary
 * file in the target's folder and is moved into place only once it is complete.
 *
 * <p>Several files that belong together (a WFDB header and its signal file) are written as one
 * {@link Batch}: all are staged first, then moved in the order they were staged, so put the
 * file that readers open first (the header) last.</p>
 */
public final class AtomicFiles {

	private AtomicFiles() {}

	/** Writes the content of one file to an output stream. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/** Writes one file atomically. */
	public static void write(Path target, Content content) throws IOException {
		try (Batch batch = new Batch()) {
			batch.stage(target, content);
			batch.commit();
		}
	}

	/**
	 * Deletes the temporary files a process killed while writing left in a folder (never files of
	 * other names), so that re-running a batch leaves the folder clean. Returns how many.
	 */
	public static int removeStaleTemporaries(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return 0;
		int n = 0;
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				if (TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
					Files.deleteIfExists(f);
					n++;
				}
			}
		}
		return n;
	}

	/** The names {@link Batch} gives its temporaries: "." + target name + "." + hex time and attempt + ".tmp". */
	private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile(
		"\\..+\\.[0-9a-f]+[0-9]+\\.tmp");

	/** Writes a UTF-8 text file atomically. */
	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Files staged together and moved into place by {@link #commit()}. Closing a batch deletes
	 * the temporary files of anything not committed.
	 */
	public static final class Batch implements Closeable {

		private final List<Path> temporaries = new ArrayList<>();
		private final List<Path> targets = new ArrayList<>();

		/** Writes the content to a temporary file beside the target. The parent folder is created if needed. */
		public void stage(Path target, Content content) throws IOException {
			Path absolute = target.toAbsolutePath();
			Path folder = absolute.getParent();
			Files.createDirectories(folder);
			if (Files.isDirectory(absolute)) {
				throw new EcgException("Cannot write " + absolute + ": a folder of that name exists; remove it or choose another name");
			}
			Path temporary = createTemporary(folder, absolute.getFileName().toString());
			temporaries.add(temporary);
			targets.add(absolute);
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
				content.writeTo(out);
			}
		}

		/** Moves every staged file into place, replacing existing files, in staging order. */
		public void commit() throws IOException {
			for (int i = 0; i < targets.size(); i++) {
				move(temporaries.get(i), targets.get(i));
			}
		}

		@Override
		public void close() throws IOException {
			// Temporaries already moved into place no longer exist.
			for (Path temporary : temporaries) Files.deleteIfExists(temporary);
		}

		/**
		 * A new empty file beside the target. Unlike {@link Files#createTempFile}, which makes files
		 * only the owner can read, it gets the permissions of any new file (the user's umask).
		 */
		private static Path createTemporary(Path folder, String name) throws IOException {
			for (int attempt = 0;; attempt++) {
				Path candidate = folder.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + attempt + ".tmp");
				try {
					return Files.createFile(candidate);
				}
				catch (FileAlreadyExistsException e) {
					if (attempt > 100) throw e;
				}
			}
		}

		private static void move(Path from, Path to) throws IOException {
			try {
				Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
