package org.ecgdigitizer.core.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.StrokeFont;
import org.ecgdigitizer.core.preprocess.Components;
import org.ecgdigitizer.core.preprocess.InkModel;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.GroundTruth;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/**
 * Measures label reading. Not a test: run it after {@code mvn test-compile} with
 * {@code java -cp plugin/target/classes:plugin/target/test-classes:<dependencies> org.ecgdigitizer.core.layout.LabelAccuracy ARGS}.
 * <ul>
 * <li>{@code [pages] [distortions]}: synthetic pages of every layout: the fraction of regions
 * whose read label equals the printed one, the regions read wrongly, and how many pages were
 * named by their labels.</li>
 * <li>{@code <eik-dev folder> [contact sheet folder]}: ecg-image-kit pages, whose JSON gives
 * every label's box and text; reading alone (the reader given the ink inside the true box) and
 * reading as the pipeline does it (the finder's candidates on the detector's regions).</li>
 * </ul>
 */
public final class LabelAccuracy {

	static final String[] LAYOUTS = { "3x4", "3x4+1", "3x4+3", "6x2", "12x1", "3x4/cabrera", "6x2/cabrera",
		"12x1/cabrera" };

	private LabelAccuracy() {}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		if (args.length > 0 && Files.isDirectory(Paths.get(args[0]))) {
			eikDev(Paths.get(args[0]), args.length > 1 ? Paths.get(args[1]) : null);
			return;
		}
		synthetic(args.length > 0 ? Integer.parseInt(args[0]) : 3, args.length > 1 ? args[1] : "none");
	}

	/** Counts of one measurement. */
	static final class Counts {
		int labels;
		int right;
		/** Accepted readings that name another lead than the printed one, or ink that is no label. */
		int wrong;
		int pages;
		int pagesByLabels;
		long nanos;
		final List<String> misreads = new ArrayList<>();
		/** Pipeline: why the labels not read were not (no candidate, or the best reading's doubt). */
		final Map<String, Integer> unread = new java.util.TreeMap<>();
		final List<String> unreadLabels = new ArrayList<>();

		void add(Counts o) {
			labels += o.labels;
			right += o.right;
			wrong += o.wrong;
			pages += o.pages;
			pagesByLabels += o.pagesByLabels;
			nanos += o.nanos;
			misreads.addAll(o.misreads);
			o.unread.forEach((k, v) -> unread.merge(k, v, Integer::sum));
			unreadLabels.addAll(o.unreadLabels);
		}

		double readRate() {
			return labels == 0 ? Double.NaN : (double) right / labels;
		}

		double wrongRate() {
			return labels == 0 ? Double.NaN : (double) wrong / labels;
		}

		String row(String name) {
			return String.format(Locale.ROOT, "| %s | %d | %d (%.1f%%) | %d | %s |", name, labels, right, 100 * readRate(),
				wrong, pages == 0 ? "" : pagesByLabels + "/" + pages);
		}
	}

	/** One label read for the contact sheet: the page, the true label, the reading. */
	static final class Cell {
		final PreparedPage page;
		final String truth;
		final LabelReader.Reading reading;

		Cell(PreparedPage page, String truth, LabelReader.Reading reading) {
			this.page = page;
			this.truth = truth;
			this.reading = reading;
		}
	}

	/** The reader given the ink inside each true box: every label of the pages. */
	static Counts trueBoxes(PreparedPage page, List<EikDevLabels.Label> labels, List<Cell> cells) {
		Counts c = new Counts();
		Components components = Components.of(InkModel.mask(page.inkPixels()), page.width(), page.height());
		long t0 = System.nanoTime();
		for (EikDevLabels.Label l : labels) {
			c.labels++;
			Box truth = l.on(page.geometry);
			Box ink = inkWithin(components, truth);
			LabelReader.Reading r = ink == null ? null : LabelReader.read(page.inkPixels(), page.width(), page.height(), ink,
				ink.height);
			if (cells != null) cells.add(new Cell(page, l.text, r));
			if (r == null || !r.accepted()) continue;
			if (r.text.equals(l.text)) c.right++;
			else {
				c.wrong++;
				c.misreads.add("read " + r.text + ", printed " + l.text);
			}
		}
		c.nanos = System.nanoTime() - t0;
		return c;
	}

	/** The box of the ink components that lie within a true label box (the trace passing by does not). */
	static Box inkWithin(Components components, Box truth) {
		Box reach = truth.grow(0.25 * truth.height, 0.25 * truth.height);
		Box ink = null;
		for (Components.Component k : components.components) {
			if (k.minX < reach.x || k.maxX + 1 > reach.maxX() || k.minY < reach.y || k.maxY + 1 > reach.maxY()) continue;
			double cx = (k.minX + k.maxX + 1) / 2.0;
			double cy = (k.minY + k.maxY + 1) / 2.0;
			if (!truth.contains(cx, cy)) continue;
			Box b = Box.fromCorners(k.minX, k.minY, k.maxX + 1, k.maxY + 1);
			ink = ink == null ? b : ink.union(b);
		}
		return ink;
	}

	/** Reading as the pipeline does it: the detector's regions, the finder's candidates, the naming. */
	static Counts pipeline(PreparedPage page, List<EikDevLabels.Label> labels, String name) {
		Counts c = new Counts();
		c.pages = 1;
		c.labels = labels.size();
		LeadLayout layout;
		try {
			layout = LeadDetector.detect(page, DigitizerSettings.defaults());
		}
		catch (EcgException e) {
			c.misreads.add(name + ": refused: " + e.getMessage());
			return c;
		}
		if ("labels".equals(layout.namingSource)) c.pagesByLabels++;
		// the named regions and those whose labels were not read (a page named as printed keeps them apart)
		List<LeadRegion> regions = new ArrayList<>(layout.regions);
		regions.addAll(layout.unread);
		PageInk pageInk = PageInk.of(page).rescaled(layout.geometry.pxPerMmX, layout.geometry.pxPerMmY);
		List<List<LabelFinder.Label>> candidates = LeadDetector.labelCandidates(regions, pageInk, layout.pulses);
		long t0 = System.nanoTime();
		List<List<LabelReader.Reading>> readings = LabelReader.readAll(page, candidates);
		c.nanos = System.nanoTime() - t0;
		List<Box> truths = new ArrayList<>();
		for (EikDevLabels.Label l : labels) truths.add(l.on(page.geometry));
		boolean[] read = new boolean[labels.size()];
		// each distinct candidate once (neighbouring regions may share one)
		Map<String, LabelReader.Reading> accepted = new LinkedHashMap<>();
		for (List<LabelReader.Reading> list : readings) {
			for (LabelReader.Reading r : list) if (r.accepted()) accepted.put(r.candidate.toJson().toString(), r);
		}
		for (LabelReader.Reading r : accepted.values()) {
			// a reading is where its word was found: a candidate taller than the type (the name with a piece
			// of the trace) has its centre above or below the printed name's box
			int at = -1;
			for (int i = 0; i < truths.size(); i++) {
				if (r.box != null && truths.get(i).contains(r.box.centerX(), r.box.centerY())) at = i;
			}
			for (int i = 0; i < truths.size() && at < 0; i++) {
				if (truths.get(i).contains(r.candidate.centerX(), r.candidate.centerY())) at = i;
			}
			if (at >= 0 && labels.get(at).text.equals(r.text)) read[at] = true;
			else {
				c.wrong++;
				c.misreads.add(String.format(Locale.ROOT, "%s: read %s at (%.0f, %.0f) %.0fx%.0f px (word at %.0f, %.0f), printed %s",
					name, r.text, r.candidate.x, r.candidate.y, r.candidate.width, r.candidate.height, r.box == null ? Double.NaN
						: r.box.x, r.box == null ? Double.NaN : r.box.y, at < 0 ? "no label" : labels.get(at).text));
			}
		}
		for (boolean b : read) if (b) c.right++;
		// why the labels not read were not: no candidate in the box, or the doubt of the best reading there
		for (int i = 0; i < truths.size(); i++) {
			if (read[i]) continue;
			LabelReader.Reading best = null;
			for (List<LabelReader.Reading> list : readings) {
				for (LabelReader.Reading r : list) {
					if (!truths.get(i).contains(r.candidate.centerX(), r.candidate.centerY())) continue;
					if (best == null || r.score > best.score) best = r;
				}
			}
			String why = best == null ? "no candidate" : best.doubt == null ? "read " + best.text : best.doubt.replaceAll(
				"close to .*", "close to another word");
			c.unread.merge(why, 1, Integer::sum);
			c.unreadLabels.add(name + " " + labels.get(i).text + ": " + why);
		}
		return c;
	}

	static void eikDev(Path dir, Path sheets) throws IOException {
		List<EikDevLabels.Page> pages = EikDevLabels.load(dir);
		// -Dconditions=clean,bw measures some condition folders only
		String only = System.getProperty("conditions");
		if (only != null) pages.removeIf(p -> !java.util.Arrays.asList(only.split(",")).contains(p.condition));
		Map<String, Counts[]> byCondition = new LinkedHashMap<>();
		List<Cell> cells = sheets == null ? null : new ArrayList<>();
		for (EikDevLabels.Page p : pages) {
			ImageFiles.LoadedImage li = ImageFiles.read(p.image);
			PreparedPage page = Stages.preprocess(ImageFiles.asImg(li.image), li.dpi, Progress.NONE);
			Counts alone = trueBoxes(page, p.labels, cells);
			Counts piped = pipeline(page, p.labels, p.name());
			Counts[] both = byCondition.computeIfAbsent(p.condition, k -> new Counts[] { new Counts(), new Counts() });
			both[0].add(alone);
			both[1].add(piped);
			System.err.println(p.name() + ": alone " + alone.right + "/" + alone.labels + ", pipeline " + piped.right + "/" +
				piped.labels + (piped.pagesByLabels > 0 ? " (named by labels)" : ""));
		}
		Counts allAlone = new Counts();
		Counts allPiped = new Counts();
		System.out.println("Reading alone (the ink inside the true box):");
		System.out.println("| condition | labels | read right | read wrong | |");
		System.out.println("| --- | --- | --- | --- | --- |");
		for (Map.Entry<String, Counts[]> e : byCondition.entrySet()) {
			System.out.println(e.getValue()[0].row(e.getKey()));
			allAlone.add(e.getValue()[0]);
		}
		System.out.println(allAlone.row("all"));
		System.out.println();
		System.out.println("Reading in the pipeline (the finder's candidates on the detector's regions):");
		System.out.println("| condition | labels | read right | read wrong | pages named by labels |");
		System.out.println("| --- | --- | --- | --- | --- |");
		for (Map.Entry<String, Counts[]> e : byCondition.entrySet()) {
			System.out.println(e.getValue()[1].row(e.getKey()));
			allPiped.add(e.getValue()[1]);
		}
		System.out.println(allPiped.row("all"));
		System.out.println(String.format(Locale.ROOT, "reader time: alone %.3f s/page, pipeline %.3f s/page", allAlone.nanos *
			1e-9 / pages.size(), allPiped.nanos * 1e-9 / pages.size()));
		for (String m : allAlone.misreads) System.out.println("alone: " + m);
		for (String m : allPiped.misreads) System.out.println("pipeline: " + m);
		System.out.println("why labels were not read (pipeline): " + allPiped.unread);
		if (System.getProperty("unread") != null) for (String m : allPiped.unreadLabels) System.out.println("unread: " + m);
		if (cells != null) {
			Map<String, Integer> doubts = new java.util.TreeMap<>();
			for (Cell c : cells) {
				String d = c.reading == null ? "no ink within the box" : c.reading.doubt == null ? null : c.reading.doubt
					.replaceAll("close to .*", "close to another word");
				if (d != null) doubts.merge(d, 1, Integer::sum);
			}
			System.out.println("why labels were not read (alone): " + doubts);
			contactSheets(cells, sheets);
		}
	}

	/** The true-box readings that are not right, on contact sheets. */
	static void contactSheets(List<Cell> cells, Path out) throws IOException {
		Files.createDirectories(out);
		List<Cell> shown = new ArrayList<>();
		for (Cell c : cells) if (c.reading == null || !c.truth.equals(c.reading.text)) shown.add(c);
		int size = LabelContactSheet.CELL;
		int columns = 10;
		int perSheet = columns * 8;
		for (int s = 0; s * perSheet < shown.size(); s++) {
			int n = Math.min(perSheet, shown.size() - s * perSheet);
			BufferedImage sheet = new BufferedImage(columns * size, ((n + columns - 1) / columns) * size,
				BufferedImage.TYPE_INT_RGB);
			Graphics2D g = sheet.createGraphics();
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
			for (int i = 0; i < n; i++) {
				Cell c = shown.get(s * perSheet + i);
				Graphics2D cell = (Graphics2D) g.create((i % columns) * size, (i / columns) * size, size, size);
				cell.setColor(Color.GRAY);
				StrokeFont.draw(cell, c.truth, 3, 12, 9, StrokeFont.REGULAR);
				if (c.reading != null) {
					LabelContactSheet.drawCell(cell, c.page, null, c.reading);
				}
				cell.setColor(Color.LIGHT_GRAY);
				cell.drawRect(0, 0, size - 1, size - 1);
				cell.dispose();
			}
			g.dispose();
			ImageFiles.writePng(sheet, out.resolve(String.format(Locale.ROOT, "eik-labels-%02d.png", s)));
		}
		System.out.println(shown.size() + " labels not read right, shown in " + out);
	}

	static void synthetic(int pages, String distortions) {
		System.out.println("layout\tregions\tread_right\tread_wrong\tunread\tpages_labels\tpages_right_order");
		int allRegions = 0;
		int allRight = 0;
		int allWrong = 0;
		for (String layout : LAYOUTS) {
			int regions = 0;
			int right = 0;
			int wrong = 0;
			int byLabels = 0;
			int rightOrder = 0;
			for (int p = 0; p < pages; p++) {
				long seed = 1000 + p;
				EcgRecord record = PageGenerator.synthesize(seed, 500, "acc" + p);
				PageSpec spec = PageSpec.defaults().withLayout(layout).withDpi(new int[] { 150, 200, 300 }[p % 3])
					.withDistortions(distortions);
				SyntheticPage page = PageGenerator.render(record, spec, seed);
				PreparedPage prepared = Stages.preprocess(page.img(), Double.NaN, Progress.NONE);
				LeadLayout found;
				try {
					found = Stages.detectLeads(prepared, DigitizerSettings.defaults());
				}
				catch (RuntimeException e) {
					System.out.println(layout + " page " + p + ": " + e.getMessage());
					continue;
				}
				if ("labels".equals(found.namingSource)) byLabels++;
				if (System.getProperty("verbose") != null) {
					List<List<LabelReader.Reading>> rd = LabelReader.readAll(prepared, LeadDetector.labelCandidates(prepared,
						found));
					for (int i = 0; i < found.regions.size(); i++) {
						System.out.println("    " + layout + " p" + p + " " + found.regions.get(i).label() + " " + rd.get(i));
					}
				}
				if (found.layout.isCabrera() == layout.endsWith("/cabrera")) rightOrder++;
				GroundTruth truth = page.truth();
				for (GroundTruth.Segment s : truth.segments) {
					regions++;
					LeadRegion r = at(found, s.region);
					if (r == null || r.labelText == null) continue;
					if (r.labelText.equals(s.region.label())) right++;
					else {
						wrong++;
						System.out.println(String.format(Locale.ROOT, "  %s page %d row %d col %d: read %s, printed %s",
							layout, p, s.region.row, s.region.column, r.labelText, s.region.label()));
					}
				}
			}
			allRegions += regions;
			allRight += right;
			allWrong += wrong;
			System.out.println(String.format(Locale.ROOT, "%s\t%d\t%d (%.1f%%)\t%d\t%d\t%d/%d\t%d/%d", layout, regions, right,
				100.0 * right / regions, wrong, regions - right - wrong, byLabels, pages, rightOrder, pages));
		}
		System.out.println(String.format(Locale.ROOT, "all\t%d\t%d (%.1f%%)\t%d", allRegions, allRight, 100.0 * allRight /
			allRegions, allWrong));
	}

	/** The detected region at the printed one's place (same row, overlapping in time). */
	static LeadRegion at(LeadLayout layout, LeadRegion printed) {
		for (LeadRegion r : layout.regions) {
			if (r.row == printed.row && r.rhythm == printed.rhythm && Math.abs((r.startSeconds + r.endSeconds) / 2 -
				(printed.startSeconds + printed.endSeconds) / 2) < 0.5)
			{
				return r;
			}
		}
		return null;
	}
}
