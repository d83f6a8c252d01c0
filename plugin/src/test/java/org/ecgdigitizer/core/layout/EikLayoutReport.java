package org.ecgdigitizer.core.layout;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Stage 2 on the ecg-image-kit pages against their JSON: rows, layout and lead names per page.
 * Not a test (see {@code EikLayoutTest}); run it after {@code mvn test-compile} with
 * {@code java -cp plugin/target/classes:plugin/target/test-classes:<dependencies>
 * org.ecgdigitizer.core.layout.EikLayoutReport [../shared/data/eik-dev[/condition]] [layout option]}.
 */
public final class EikLayoutReport {

	private EikLayoutReport() {}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		Path root = Paths.get(args.length > 0 ? args[0] : "../shared/data/eik-dev");
		DigitizerSettings settings = DigitizerSettings.parse(500, args.length > 1 ? args[1] : "auto", "auto", "auto");
		List<EikPage> pages = root.resolve("README.md").toFile().exists() ? EikPage.all(root) : EikPage.all(root
			.getParent()).stream().filter(p -> p.condition.equals(root.getFileName().toString())).collect(
				java.util.stream.Collectors.toList());
		int rowsRight = 0;
		int namesRight = 0;
		for (EikPage truth : pages) {
			long t = System.nanoTime();
			String result;
			try {
				ImageFiles.LoadedImage loaded = ImageFiles.read(truth.image);
				PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
				LeadLayout found = Stages.detectLeads(page, settings);
				int foundRows = 0;
				for (LeadRegion r : found.regions) foundRows = Math.max(foundRows, r.row + 1);
				String grid = grid(found);
				boolean rows = foundRows == truth.rows;
				boolean names = grid.equals(truth.leadGrid());
				if (rows) rowsRight++;
				if (names) namesRight++;
				result = String.format(Locale.ROOT, "%s rows %d/%d %s | %s | %s", names ? "OK " : rows ? "ROW" : "BAD",
					foundRows, truth.rows, found.layout.spec(), grid, found.namingSource);
				if (!names) result += "\n      truth: " + truth.leadGrid();
				if (System.getProperty("verbose") != null) result += "\n" + describe(found.evidence);
			}
			catch (RuntimeException e) {
				result = "ERR " + e.getMessage();
			}
			System.out.printf(Locale.ROOT, "%-32s %5.2fs %s%n", truth.name(), (System.nanoTime() - t) / 1e9, result);
		}
		System.out.printf(Locale.ROOT, "rows right %d/%d, names right %d/%d%n", rowsRight, pages.size(), namesRight,
			pages.size());
	}

	static String describe(LayoutEvidence e) {
		StringBuilder sb = new StringBuilder();
		int rows = e.rows.size();
		for (int r = 0; r < rows; r++) {
			sb.append(String.format(Locale.ROOT, "      row %2d y=%6.1f %-12s", r, e.rows.get(r).baselineY, e.rows.get(r).foundBy));
			for (LayoutEvidence.Boundary b : e.boundaries) {
				if (b.row == r) sb.append(String.format(Locale.ROOT, " %.2f:%-5s%.1f", b.fraction, b.seen, b.strength));
			}
			sb.append('\n');
		}
		for (LayoutEvidence.Hypothesis h : e.hypotheses) sb.append(String.format(Locale.ROOT, "      %-40s %6.2f %s%n", h.layout, h.score, h.why));
		sb.append("      timing ").append(e.timing == null ? "-" : e.timing.assumed + " " + e.timing.source + " " + e.timing.why);
		return sb.toString();
	}

	/** The found regions' names, row by row like {@link EikPage#leadGrid()}. */
	static String grid(LeadLayout found) {
		StringBuilder sb = new StringBuilder();
		int row = -1;
		List<LeadRegion> regions = new java.util.ArrayList<>(found.regions);
		regions.sort((a, b) -> a.row != b.row ? Integer.compare(a.row, b.row) : Integer.compare(a.column, b.column));
		for (LeadRegion r : regions) {
			if (r.row != row) {
				if (row >= 0) sb.append("; ");
				row = r.row;
			}
			else {
				sb.append(",");
			}
			sb.append(r.label());
		}
		return sb.toString();
	}
}
