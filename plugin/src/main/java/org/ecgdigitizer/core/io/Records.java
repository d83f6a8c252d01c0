package org.ecgdigitizer.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;

/** Reads ECG records of any supported kind by file name: WFDB ({@code .hea}, {@code .dat}) or CSV. */
public final class Records {

	private Records() {}

	/**
	 * Reads a record: {@code .hea}, {@code .dat} or a path without extension as WFDB, {@code .csv} as
	 * CSV with a time column. A path without extension that has no {@code .hea} but a {@code .csv}
	 * beside it reads the CSV.
	 */
	public static EcgRecord read(Path path) throws IOException {
		String extension = extension(path);
		switch (extension) {
			case "hea":
			case "dat":
				return Wfdb.read(path);
			case "csv":
				return CsvRecords.read(path);
			case "":
				Path csv = path.resolveSibling(path.getFileName() + ".csv");
				if (!Files.exists(path.resolveSibling(path.getFileName() + ".hea")) && Files.isRegularFile(csv)) {
					return CsvRecords.read(csv);
				}
				return Wfdb.read(path);
			default:
				throw new EcgException("Cannot read " + path + ": ." + extension + " files are not ECG records;" +
					" give a WFDB header (.hea) or a CSV file (.csv)");
		}
	}

	/**
	 * The records in a folder (not its sub-folders): its {@code .hea} and {@code .csv} files, sorted by
	 * file name. When a record exists in both forms, only the WFDB header is listed, so that every
	 * record name appears once.
	 */
	public static List<Path> list(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new EcgException(folder + " is not a folder; give the folder that holds the records");
		}
		Map<String, Path> byStem = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			files.filter(Files::isRegularFile).forEach(file -> {
				String name = file.getFileName().toString();
				if (name.startsWith(".")) return;
				String extension = extension(file);
				if (extension.equals("hea")) {
					byStem.put(stem(file), file);
				}
				else if (extension.equals("csv")) {
					byStem.putIfAbsent(stem(file), file);
				}
			});
		}
		List<Path> records = new ArrayList<>(byStem.values());
		records.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
		return records;
	}

	/** The record name of a file: its name without the extension ("data/00001_lr.hea" gives "00001_lr"). */
	public static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/** The extension in lower case, without the dot; "" when there is none. */
	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}
}
