package org.ecgdigitizer.core.eval;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.io.Records;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Benchmark conditions from a folder of page images with WFDB references beside them, such as
 * pages rendered from public records by our generator or by ecg-image-kit, or the output folder
 * of an earlier {@code bench --out}.
 *
 * <p>A folder that holds images is one condition. A folder that holds none is read one level
 * deeper: each sub-folder with images is a condition named after it. An image {@code <name>.png}
 * (or any image type the digitizer reads) is scored against {@code <name>_masked.hea}, else
 * {@code <name>.hea}; an ecg-image-kit name {@code <record>-<n>.png} also finds
 * {@code <record>_masked.hea} or {@code <record>.hea}. The masked reference (NaN where a lead is
 * not printed) is the one to provide, as the Challenge scores against it; a full reference scores
 * every unprinted sample as missed.</p>
 *
 * <p>A page's ground truth, when its generator wrote one beside it as {@code <name>.json} (ours,
 * or ecg-image-kit's), lets the report score the layout too ({@link LayoutTruth}). A
 * {@value BenchmarkSettings#FILE} file in the folder, or in a condition's sub-folder, fixes what
 * the digitizer is told about those pages ({@link BenchmarkSettings}).</p>
 */
public final class BenchmarkDataset {

	private static final Pattern IMAGE_KIT_COPY = Pattern.compile("(.+)-\\d+");

	private BenchmarkDataset() {}

	/** The conditions of a dataset folder; fails when it holds no page images at all. */
	public static List<BenchmarkCondition> conditions(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new EcgException("The dataset " + folder + " is not a folder; give the folder of page images and references");
		}
		List<BenchmarkCondition> out = new ArrayList<>();
		List<Path> images = images(folder);
		BenchmarkSettings shared = BenchmarkSettings.read(folder, BenchmarkSettings.FILE);
		if (!images.isEmpty()) {
			out.add(condition(folder, images).withSettings(shared));
			return out;
		}
		List<Path> subfolders;
		try (Stream<Path> s = Files.list(folder)) {
			subfolders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
				.collect(Collectors.toList());
		}
		for (Path dir : subfolders) {
			List<Path> subImages = images(dir);
			if (subImages.isEmpty()) continue;
			String sub = dir.getFileName() + "/" + BenchmarkSettings.FILE;
			out.add(condition(dir, subImages).withSettings(shared.overriddenBy(BenchmarkSettings.read(dir, sub))));
		}
		if (out.isEmpty()) {
			throw new EcgException("No page images (PNG, JPEG, TIFF, BMP) in " + folder +
				" or its sub-folders; give the folder that holds the pages and their .hea references");
		}
		return out;
	}

	/** The page images directly in a folder (not in its sub-folders), sorted by name. */
	private static List<Path> images(Path folder) throws IOException {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + BatchDigitizer.IMAGE_GLOB);
		try (Stream<Path> s = Files.list(folder)) {
			return s.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())).sorted().collect(Collectors
				.toList());
		}
	}

	private static BenchmarkCondition condition(Path folder, List<Path> images) {
		Path last = folder.toAbsolutePath().normalize().getFileName();
		String name = last == null ? "dataset" : last.toString();
		return new BenchmarkCondition(name, "pages in " + folder, images.size(), i -> BatchDigitizer.stem(images.get(i)),
			i -> page(images.get(i)));
	}

	/** The reference header for an image, or null when there is none. */
	public static Path reference(Path image) {
		String stem = Records.stem(image);
		List<String> candidates = new ArrayList<>(List.of(stem + Evaluation.MASKED_SUFFIX, stem));
		Matcher m = IMAGE_KIT_COPY.matcher(stem);
		if (m.matches()) candidates.addAll(List.of(m.group(1) + Evaluation.MASKED_SUFFIX, m.group(1)));
		for (String c : candidates) {
			Path header = image.resolveSibling(c + ".hea");
			if (Files.isRegularFile(header)) return header;
		}
		return null;
	}

	/** Reads one page and its reference; an unusable input is an {@link EcgException} (the page is skipped). */
	static BenchmarkPage page(Path image) throws IOException {
		Path header = reference(image);
		if (header == null) {
			String stem = BatchDigitizer.stem(image);
			throw new EcgException("no reference " + stem + Evaluation.MASKED_SUFFIX + ".hea or " + stem + ".hea beside " + image
				.getFileName() + "; put the record's WFDB files next to the image");
		}
		EcgRecord reference;
		try {
			reference = Wfdb.read(header);
		}
		catch (EcgException | IOException e) {
			throw new EcgException("cannot read the reference " + header.getFileName() + ": " + e.getMessage());
		}
		if (!(reference.samplingFrequency() >= 50 && reference.samplingFrequency() <= 10000)) {
			throw new EcgException("the reference " + header.getFileName() + " is sampled at " + reference
				.samplingFrequency() + " Hz; the digitizer writes 50 to 10000 Hz");
		}
		ImageFiles.LoadedImage loaded;
		try {
			loaded = ImageFiles.read(image);
		}
		catch (EcgException e) {
			throw new EcgException("cannot read " + image.getFileName() + ": " + e.getMessage());
		}
		Path truthFile = LayoutTruth.beside(image);
		Object truthJson = null;
		LayoutTruth truth = null;
		String details = header.getFileName().toString();
		if (Files.isRegularFile(truthFile)) {
			try {
				Object json = Json.read(truthFile);
				if (LayoutTruth.isTruth(json)) {
					truth = LayoutTruth.parse(json, truthFile.getFileName().toString());
					truthJson = json;
					details += ", truth " + truthFile.getFileName();
				}
			}
			catch (EcgException | IOException e) {
				// the signal can still be scored; the report says why the layout was not
				details += ", no layout truth: " + e.getMessage();
			}
		}
		return new BenchmarkPage(BatchDigitizer.stem(image), loaded.image, loaded.dpi, reference, details, truth,
			truthJson, BenchmarkSettings.none());
	}
}
