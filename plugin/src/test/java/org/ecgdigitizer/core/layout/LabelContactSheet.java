package org.ecgdigitizer.core.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.StrokeFont;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/**
 * Renders every label candidate found on the shared real and seed images, with what the reader
 * made of it, into contact sheets for a person to check. Not a test: run it after
 * {@code mvn test-compile} with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.ecgdigitizer.core.layout.LabelContactSheet /tmp/labels}.
 * Each cell shows the page crop (the candidate's box in blue, the matched word's box in red), the
 * template's name for the region (grey), and the reading: green when accepted, red when not
 * (then with the best guess in brackets).
 */
public final class LabelContactSheet {

	static final int CELL = 130;
	static final int COLUMNS = 8;
	static final int LINES = 2;
	static final int NAME = 190;

	private LabelContactSheet() {}

	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args.length > 0 ? args[0] : "/tmp/labels");
		Files.createDirectories(out);
		Path root = SharedData.root();
		if (root == null) throw new IllegalStateException("../shared/data is absent");
		List<Path> images = new ArrayList<>();
		for (String sub : new String[] { "real-images", "seed-images" }) {
			try (Stream<Path> s = Files.list(root.resolve(sub))) {
				s.filter(p -> p.toString().matches(".*\\.(png|jpg|jpeg|bmp)$")).sorted().forEach(images::add);
			}
		}
		List<BufferedImage> rows = new ArrayList<>();
		StringBuilder tsv = new StringBuilder("image\trow\tcolumn\trhythm\ttemplate\tread\tbest\tscore\tmargin\tletter\n");
		for (Path p : images) {
			String name = p.getFileName().toString();
			ImageFiles.LoadedImage li = ImageFiles.read(p);
			PreparedPage page;
			LeadLayout layout;
			try {
				page = Stages.preprocess(ImageFiles.asImg(li.image), li.dpi, Progress.NONE);
				layout = LeadDetector.detect(page, DigitizerSettings.defaults());
			}
			catch (EcgException e) {
				System.out.println(name + ": " + e.getMessage());
				continue;
			}
			List<List<LabelFinder.Label>> labels = LeadDetector.labelCandidates(page, layout);
			List<LabelReader.Reading> readings = LeadNaming.name(layout.layout, layout.regions, LabelReader.readAll(page,
				labels), true, layout.geometry.pxPerMmX, layout.geometry.pxPerMmY).chosen;
			BufferedImage row = new BufferedImage(NAME + COLUMNS * CELL, LINES * CELL, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = row.createGraphics();
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, row.getWidth(), row.getHeight());
			g.setColor(Color.BLACK);
			StrokeFont.draw(g, name.length() > 26 ? name.substring(0, 26) : name, 3, 16, 9, StrokeFont.REGULAR);
			StrokeFont.draw(g, String.format(Locale.ROOT, "%s %.1f px/mm", layout.layout.spec(), layout.geometry.pxPerMmX), 3,
				34, 9, StrokeFont.REGULAR);
			StrokeFont.draw(g, "naming: " + layout.namingSource, 3, 52, 9, StrokeFont.REGULAR);
			for (int i = 0; i < layout.regions.size() && i < COLUMNS * LINES; i++) {
				LeadRegion r = layout.regions.get(i);
				LabelReader.Reading rd = readings.get(i);
				int cx = NAME + (i % COLUMNS) * CELL;
				int cy = (i / COLUMNS) * CELL;
				Graphics2D cell = (Graphics2D) g.create(cx, cy, CELL, CELL);
				drawCell(cell, page, r, rd);
				cell.dispose();
				tsv.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%b\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%s%n", name, r.row,
					r.column, r.rhythm, r.label(), rd == null ? "" : rd.text, rd == null ? "" : rd.best, rd == null ? Double.NaN
						: rd.score, rd == null ? Double.NaN : rd.margin, rd == null ? Double.NaN : rd.weakestLetter, rd == null
							? "" : rd.doubt));
			}
			g.dispose();
			rows.add(row);
			System.out.println(name + " done");
		}
		int per = 4;
		for (int k = 0; k * per < rows.size(); k++) {
			int n = Math.min(per, rows.size() - k * per);
			BufferedImage sheet = new BufferedImage(NAME + COLUMNS * CELL, n * LINES * CELL, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = sheet.createGraphics();
			for (int j = 0; j < n; j++) {
				g.drawImage(rows.get(k * per + j), 0, j * LINES * CELL, null);
				g.setColor(Color.GRAY);
				g.drawLine(0, j * LINES * CELL, sheet.getWidth(), j * LINES * CELL);
			}
			g.dispose();
			ImageFiles.writePng(sheet, out.resolve(String.format(Locale.ROOT, "labels-%02d.png", k)));
		}
		Files.writeString(out.resolve("labels.tsv"), tsv.toString());
	}

	/** One region: the template's name, the crop, and the reading. */
	static void drawCell(Graphics2D g, PreparedPage page, LeadRegion r, LabelReader.Reading rd) {
		g.setColor(Color.GRAY);
		if (r != null) StrokeFont.draw(g, (r.rhythm ? "rhythm " : "") + r.label(), 3, 12, 9, StrokeFont.REGULAR);
		if (rd == null) return;
		drawCrop(g, page, rd.candidate, rd.box, 2, 16, CELL - 4, CELL - 40);
		g.setColor(rd.accepted() ? new Color(0, 140, 0) : new Color(200, 0, 0));
		StrokeFont.draw(g, rd.accepted() ? rd.text : "(" + rd.best + ")", 3, CELL - 10, 10, StrokeFont.BOLD);
		g.setColor(Color.DARK_GRAY);
		StrokeFont.draw(g, String.format(Locale.ROOT, "%.2f %.2f %.2f", rd.score, rd.margin, rd.weakestLetter), 50,
			CELL - 12, 6, StrokeFont.REGULAR);
		if (rd.doubt != null) StrokeFont.draw(g, rd.doubt, 3, CELL - 1, 6, StrokeFont.REGULAR);
	}

	/** The page around a label (1.5 label heights of context), scaled into the cell. */
	static void drawCrop(Graphics2D g, PreparedPage page, Box label, Box word, int x, int y, int w, int h) {
		double m = 1.0 * label.height;
		Box b = word == null ? label.grow(m, m / 2) : label.union(word).grow(m / 2, m / 2);
		double s = Math.min(w / b.width, h / b.height);
		int[] rgb = page.rgbPixels();
		int pw = page.width();
		int ph = page.height();
		BufferedImage crop = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int v = 0; v < h; v++) {
			for (int u = 0; u < w; u++) {
				int sx = (int) Math.floor(b.x + u / s);
				int sy = (int) Math.floor(b.y + v / s);
				crop.setRGB(u, v, sx >= 0 && sy >= 0 && sx < pw && sy < ph ? rgb[sy * pw + sx] : 0xc0c0c0);
			}
		}
		g.drawImage(crop, x, y, null);
		g.setColor(new Color(0, 0, 255, 150));
		g.draw(new Rectangle2D.Double(x + (label.x - b.x) * s, y + (label.y - b.y) * s, label.width * s, label.height * s));
		if (word != null) {
			g.setColor(new Color(255, 0, 0, 150));
			g.draw(new Rectangle2D.Double(x + (word.x - b.x) * s, y + (word.y - b.y) * s, word.width * s, word.height * s));
		}
	}
}
