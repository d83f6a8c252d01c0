package org.ecgdigitizer.core.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecgdigitizer.core.io.Json;

/**
 * An ecg-image-kit page of {@code ../shared/data/eik-dev} with what its generator's JSON says
 * about it: the rows and columns of the printed segments, their leads and labels. Positions are
 * turned back by the page's rotation (read from the label boxes) so rows and columns can be told
 * apart on rotated pages too; coordinates are {@code [row, col]} in the JSON and x, y here.
 */
final class EikPage {

	/** One printed segment. */
	static final class Segment {
		final String lead;
		final boolean rhythm;
		/** Image position of the first plotted sample and the median plotted row (unrotated page: image pixels). */
		final double startX;
		final double endX;
		final double medianY;
		/** The label's box, {x0, y0, x1, y1}, in image pixels. */
		final double[] label;
		int row;
		int column;

		Segment(String lead, boolean rhythm, double startX, double endX, double medianY, double[] label) {
			this.lead = lead;
			this.rhythm = rhythm;
			this.startX = startX;
			this.endX = endX;
			this.medianY = medianY;
			this.label = label;
		}

		@Override
		public String toString() {
			return lead + "@r" + row + "c" + column;
		}
	}

	final Path image;
	final String condition;
	final List<Segment> segments;
	final int rows;
	/** Columns of the short segments (4, 2 or 1). */
	final int columns;
	final double dpi;
	/** The page's rotation, degrees, from its label boxes. */
	final double angleDeg;

	private EikPage(Path image, String condition, List<Segment> segments, int rows, int columns, double dpi,
		double angleDeg)
	{
		this.image = image;
		this.condition = condition;
		this.segments = segments;
		this.rows = rows;
		this.columns = columns;
		this.dpi = dpi;
		this.angleDeg = angleDeg;
	}

	/** Every page of the dataset, by condition folder and name. */
	static List<EikPage> all(Path root) {
		List<EikPage> pages = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
				try (Stream<Path> files = Files.list(dir)) {
					for (Path png : files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors
						.toList()))
					{
						pages.add(read(png));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return pages;
	}

	static EikPage read(Path png) {
		Path json = png.resolveSibling(png.getFileName().toString().replaceAll("\\.png$", ".json"));
		Map<String, Object> m;
		try {
			m = Json.object(Json.read(json));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		double dpi = Json.number(m.get("resolution"), 200);
		double pad = Json.number(m.get("pad_inches"), 0) * dpi;
		List<Object> leads = Json.array(m.get("leads"));
		// the rotation, from the top and bottom edges of the label boxes (corners 0 to 1, 3 to 2), the
		// longest weighing most: the corners are rounded to pixels
		double dx = 0;
		double dy = 0;
		for (Object o : leads) {
			Map<String, Object> text = Json.object(Json.object(o).get("text_bounding_box"));
			double[][] c = { Json.doubles(text.get("0")), Json.doubles(text.get("1")), Json.doubles(text.get("2")), Json
				.doubles(text.get("3")) };
			dx += c[1][1] - c[0][1] + c[2][1] - c[3][1];
			dy += c[1][0] - c[0][0] + c[2][0] - c[3][0];
		}
		double angle = Math.atan2(dy, dx);
		double cos = Math.cos(-angle);
		double sin = Math.sin(-angle);
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < leads.size(); i++) {
			Map<String, Object> l = Json.object(leads.get(i));
			List<Object> pixels = Json.array(l.get("plotted_pixels"));
			double[] ys = new double[pixels.size()];
			double[] first = Json.doubles(pixels.get(0));
			double[] last = Json.doubles(pixels.get(pixels.size() - 1));
			for (int k = 0; k < ys.length; k++) {
				double[] p = Json.doubles(pixels.get(k));
				ys[k] = sin * (p[1] + pad) + cos * (p[0] + pad);
			}
			java.util.Arrays.sort(ys);
			Map<String, Object> text = Json.object(l.get("text_bounding_box"));
			double[] t0 = Json.doubles(text.get("0"));
			double[] t2 = Json.doubles(text.get("2"));
			double[] label = { Math.min(t0[1], t2[1]) + pad, Math.min(t0[0], t2[0]) + pad, Math.max(t0[1], t2[1]) + pad,
				Math.max(t0[0], t2[0]) + pad };
			double sx = cos * (first[1] + pad) - sin * (first[0] + pad);
			double ex = cos * (last[1] + pad) - sin * (last[0] + pad);
			segments.add(new Segment((String) l.get("lead_name"), i == leads.size() - 1, sx, ex, ys[ys.length / 2],
				label));
		}
		// rows: segments whose labels (turned back) share a height; the rhythm strip is always the last entry
		List<double[]> rowTops = new ArrayList<>();
		for (Segment s : segments) {
			double top = sin * s.label[0] + cos * s.label[1];
			int found = -1;
			for (int r = 0; r < rowTops.size(); r++) if (Math.abs(rowTops.get(r)[0] - top) < 0.02 * dpi) found = r;
			if (found < 0) {
				rowTops.add(new double[] { top });
				found = rowTops.size() - 1;
			}
			s.row = found;
		}
		List<double[]> sorted = new ArrayList<>(rowTops);
		sorted.sort((a, b) -> Double.compare(a[0], b[0]));
		for (Segment s : segments) s.row = sorted.indexOf(rowTops.get(s.row));
		int columns = 1;
		for (int r = 0; r < sorted.size(); r++) {
			List<Segment> inRow = new ArrayList<>();
			for (Segment s : segments) if (s.row == r) inRow.add(s);
			inRow.sort((a, b) -> Double.compare(a.startX, b.startX));
			for (int c = 0; c < inRow.size(); c++) inRow.get(c).column = c;
			columns = Math.max(columns, inRow.size());
		}
		String condition = png.getParent().getFileName().toString();
		return new EikPage(png, condition, segments, sorted.size(), columns, dpi, Math.toDegrees(angle));
	}

	/** The segment at a row and column, or null. */
	Segment at(int row, int column) {
		for (Segment s : segments) if (s.row == row && s.column == column) return s;
		return null;
	}

	/** The rows' lead names, row by row, segments by ", " and rows by "; ". */
	String leadGrid() {
		StringBuilder sb = new StringBuilder();
		for (int r = 0; r < rows; r++) {
			if (r > 0) sb.append("; ");
			for (int c = 0; at(r, c) != null; c++) sb.append(c > 0 ? "," : "").append(at(r, c).lead);
		}
		return sb.toString();
	}

	String name() {
		return condition + "/" + image.getFileName();
	}
}
