package org.ecgdigitizer.core;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Overlays;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * Digitizes many image files into an output folder. A file that cannot be digitized is
 * reported and skipped; the others go on. Used by the command line and by Fiji's Digitize Folder.
 */
public final class BatchDigitizer {

	/** Image file name endings the digitizer reads. */
	public static final String IMAGE_GLOB = "*.{png,PNG,jpg,JPG,jpeg,JPEG,tif,TIF,tiff,TIFF,bmp,BMP,gif,GIF}";

	/** What happened to one input file. */
	public static final class Result {
		public final Path input;
		public final String stem;
		public final boolean ok;
		/** Error message, or the warnings when it worked. */
		public final String message;
		public final String layout;
		public final double pxPerMmX;
		public final double pxPerMmY;
		public final double seconds;
		/** Kept only for in-process callers that asked for it. */
		public final Digitization digitization;

		Result(Path input, String stem, boolean ok, String message, String layout, double pxPerMmX, double pxPerMmY,
			double seconds, Digitization digitization)
		{
			this.input = input;
			this.stem = stem;
			this.ok = ok;
			this.message = message;
			this.layout = layout;
			this.pxPerMmX = pxPerMmX;
			this.pxPerMmY = pxPerMmY;
			this.seconds = seconds;
			this.digitization = digitization;
		}
	}

	private final DigitizerSettings settings;
	private final Path outDir;
	private final Set<DigitizationFiles.Format> formats;
	private final boolean overwrite;

	public BatchDigitizer(DigitizerSettings settings, Path outDir, Set<DigitizationFiles.Format> formats,
		boolean overwrite)
	{
		this.settings = settings;
		this.outDir = outDir;
		this.formats = formats;
		this.overwrite = overwrite;
	}

	/** The record name for an image file: its name without extension, other characters replaced by '_'. */
	public static String stem(Path image) {
		return stem(image.getFileName().toString());
	}

	/** The record name for a file name (no folders): as {@link #stem(Path)}. */
	public static String stem(String fileName) {
		String name = fileName;
		int dot = name.lastIndexOf('.');
		if (dot > 0) name = name.substring(0, dot);
		String s = name.replaceAll("[^A-Za-z0-9_-]", "_");
		return s.isEmpty() ? "page" : s;
	}

	/**
	 * Image files named by the inputs: files as given, folders expanded to the files in them and in
	 * their subfolders that match the glob, sorted by path. Folders never yield files inside
	 * {@code outputDir} (null for none): a batch's own overlays (PNGs) are not pages to digitize on
	 * the next run.
	 */
	public static List<Path> expand(List<Path> inputs, String glob, Path outputDir) throws IOException {
		Path excluded = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + (glob == null || glob.isBlank()
			? IMAGE_GLOB : glob));
		List<Path> out = new ArrayList<>();
		for (Path p : inputs) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> s = Files.walk(p)) {
					s.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()) && (excluded == null || !f
						.toAbsolutePath().normalize().startsWith(excluded))).sorted().forEach(out::add);
				}
			}
			else {
				out.add(p);
			}
		}
		return out;
	}

	/**
	 * Output names for the images, all different: the file's {@link #stem}, prefixed with its
	 * folder's name (and that folder's, and so on) where images in different folders share a name.
	 */
	public static Map<Path, String> stems(List<Path> images) {
		Map<Path, String> out = new LinkedHashMap<>();
		for (int depth = 0; depth < 64; depth++) {
			Map<String, Integer> uses = new HashMap<>();
			for (Path image : images) {
				String s = stem(image, depth);
				out.put(image, s);
				uses.merge(s, 1, Integer::sum);
			}
			boolean unique = true;
			for (int n : uses.values()) unique &= n == 1;
			if (unique) break;
		}
		return out;
	}

	/** The stem with the names of up to depth parent folders in front, joined by '_'. */
	private static String stem(Path image, int depth) {
		StringBuilder s = new StringBuilder(stem(image));
		Path folder = image.toAbsolutePath().normalize().getParent();
		for (int d = 0; d < depth && folder != null && folder.getFileName() != null; d++) {
			s.insert(0, folder.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_") + "_");
			folder = folder.getParent();
		}
		return s.toString();
	}

	/**
	 * Digitizes one file and writes its outputs, named after stem. Never throws for a bad input: the
	 * result says what went wrong.
	 */
	public Result digitize(Path image, String stem, boolean keep, Progress progress) {
		long start = System.nanoTime();
		try {
			ImageFiles.LoadedImage loaded = ImageFiles.read(image);
			if (!overwrite) {
				for (Path p : DigitizationFiles.outputs(outDir, stem, formats)) {
					if (Files.exists(p)) {
						return failure(image, stem, p.getFileName() + " already exists in " + outDir +
							"; remove it or allow overwriting", start);
					}
				}
			}
			EcgDigitizer digitizer = new EcgDigitizer(ImageFiles.asImg(loaded.image), loaded.dpi, settings, stem);
			digitizer.setProgress(progress);
			if (!digitizer.checkInput() || !digitizer.process()) {
				return failure(image, stem, digitizer.getErrorMessage(), start);
			}
			Digitization d = digitizer.getResult();
			DigitizationFiles.write(d, () -> Overlays.render(ImageFiles.asBufferedImage(digitizer.getPreparedPage()
				.rectified()), d.layout, d.traces), outDir, stem, formats, overwrite);
			return new Result(image, stem, true, String.join("; ", d.warnings), d.layout.layout.spec(),
				d.layout.geometry.pxPerMmX, d.layout.geometry.pxPerMmY, (System.nanoTime() - start) / 1e9, keep ? d
					: null);
		}
		catch (EcgException e) {
			return failure(image, stem, e.getMessage(), start);
		}
		catch (IOException e) {
			return failure(image, stem, "could not write outputs to " + outDir + ": " + e.getMessage(), start);
		}
		catch (OutOfMemoryError e) {
			return failure(image, stem, "out of memory; scale the image down to 300 dpi or give Java more memory (-Xmx)",
				start);
		}
	}

	private static Result failure(Path image, String stem, String message, long start) {
		return new Result(image, stem, false, message, "", Double.NaN, Double.NaN, (System.nanoTime() - start) / 1e9,
			null);
	}

	/** Digitizes every file, reporting progress per file; stops early when the progress says cancel. */
	public List<Result> run(List<Path> images, Progress progress) {
		List<Result> results = new ArrayList<>();
		Map<Path, String> stems = stems(images);
		for (int i = 0; i < images.size(); i++) {
			if (progress.isCanceled()) break;
			progress.status(String.format(Locale.ROOT, "Digitizing %d/%d: %s", i + 1, images.size(), images.get(i)
				.getFileName()));
			progress.items(i, images.size());
			results.add(digitize(images.get(i), stems.get(images.get(i)), false, Progress.NONE));
		}
		progress.items(results.size(), images.size());
		return results;
	}

	/** Writes summary.csv: one row per file with status, message, layout, px/mm and seconds. */
	public static void writeSummary(List<Result> results, Path csv) throws IOException {
		StringBuilder sb = new StringBuilder("file,status,message,layout,px_per_mm_x,px_per_mm_y,seconds\n");
		for (Result r : results) {
			sb.append(csvCell(r.input.getFileName().toString())).append(',').append(r.ok ? "ok" : "failed").append(',')
				.append(csvCell(r.message)).append(',').append(r.layout).append(',').append(number(r.pxPerMmX)).append(
					',').append(number(r.pxPerMmY)).append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds))
				.append('\n');
		}
		AtomicFiles.writeString(csv, sb.toString());
	}

	private static String number(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
	}

	private static String csvCell(String s) {
		if (s == null) return "";
		if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
		return s;
	}
}
