package org.ecgdigitizer.core.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.preprocess.PageGeometry;

/**
 * The printed lead labels of the ecg-image-kit pages in {@code ../shared/data/eik-dev}, from
 * the generator's JSON: each label's text and box ({@code leads[].text_bounding_box}, corners
 * as [row, col], shifted by the page's {@code pad_inches} border).
 */
final class EikDevLabels {

	/** One printed label: its text and its box on the original image. */
	static final class Label {
		final String text;
		final Box box;
		/** The rhythm strip's label (the JSON's last lead). */
		final boolean rhythm;

		Label(String text, Box box, boolean rhythm) {
			this.text = text;
			this.box = box;
			this.rhythm = rhythm;
		}

		/** The label's box on a prepared page (working image shrunk, then rectified). */
		Box on(PageGeometry g) {
			double[] xs = { box.x, box.maxX(), box.maxX(), box.x };
			double[] ys = { box.y, box.y, box.maxY(), box.maxY() };
			double x0 = Double.POSITIVE_INFINITY;
			double y0 = Double.POSITIVE_INFINITY;
			double x1 = Double.NEGATIVE_INFINITY;
			double y1 = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < 4; k++) {
				double[] p = g.warp.fromSource(xs[k] / g.shrink, ys[k] / g.shrink);
				x0 = Math.min(x0, p[0]);
				y0 = Math.min(y0, p[1]);
				x1 = Math.max(x1, p[0]);
				y1 = Math.max(y1, p[1]);
			}
			return Box.fromCorners(x0, y0, x1, y1);
		}
	}

	/** One page: its image, its condition folder, and its labels. */
	static final class Page {
		final Path image;
		final String condition;
		final List<Label> labels;

		Page(Path image, String condition, List<Label> labels) {
			this.image = image;
			this.condition = condition;
			this.labels = labels;
		}

		String name() {
			return condition + "/" + image.getFileName();
		}
	}

	private EikDevLabels() {}

	/** Every page under a folder of eik-dev (the whole set or one condition), sorted by path. */
	static List<Page> load(Path dir) {
		List<Path> jsons;
		try (Stream<Path> s = Files.walk(dir)) {
			jsons = s.filter(p -> p.toString().endsWith("-0.json")).sorted().collect(java.util.stream.Collectors.toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Page> pages = new ArrayList<>();
		for (Path json : jsons) {
			Map<String, Object> m;
			try {
				m = Json.object(Json.read(json));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			double pad = Json.number(m.get("pad_inches"), 0) * Json.number(m.get("resolution"), 0);
			List<Object> leads = Json.array(m.get("leads"));
			List<Label> labels = new ArrayList<>();
			for (int i = 0; i < leads.size(); i++) {
				Map<String, Object> lead = Json.object(leads.get(i));
				Map<String, Object> corners = Json.object(lead.get("text_bounding_box"));
				double x0 = Double.POSITIVE_INFINITY;
				double y0 = Double.POSITIVE_INFINITY;
				double x1 = Double.NEGATIVE_INFINITY;
				double y1 = Double.NEGATIVE_INFINITY;
				for (Object corner : corners.values()) {
					double[] rc = Json.doubles(corner);
					y0 = Math.min(y0, rc[0] + pad);
					y1 = Math.max(y1, rc[0] + pad);
					x0 = Math.min(x0, rc[1] + pad);
					x1 = Math.max(x1, rc[1] + pad);
				}
				labels.add(new Label((String) lead.get("lead_name"), Box.fromCorners(x0, y0, x1, y1), i == leads.size() - 1));
			}
			String file = json.getFileName().toString();
			Path png = json.resolveSibling(file.substring(0, file.length() - ".json".length()) + ".png");
			pages.add(new Page(png, json.getParent().getFileName().toString(), labels));
		}
		return pages;
	}
}
