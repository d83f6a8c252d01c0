package org.ecgdigitizer.core.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;


import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.io.AtomicFiles;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;

/** A rendered page with everything known about it: the image, the signals it shows and the ground truth. */
public final class SyntheticPage {

	private final BufferedImage image;
	private final EcgRecord fullRecord;
	private final EcgRecord maskedReference;
	private final GroundTruth truth;
	private final VectorDrawing drawing;

	/** The files a page can be written as, besides its ground truth. */
	public enum PageFile {
		/** The page image, {@code <stem>.png}. */
		PNG("png", ".png"),
		/** The clean page as a vector PDF (paths, lines and text), {@code <stem>.pdf}. */
		PDF("pdf", ".pdf"),
		/** The page image inside a PDF, as a scanner writes it, {@code <stem>-scan.pdf}. */
		PDF_RASTER("pdf-raster", "-scan.pdf");

		public final String id;
		public final String suffix;

		PageFile(String id, String suffix) {
			this.id = id;
			this.suffix = suffix;
		}

		/** "png,pdf" and the like. */
		public static java.util.Set<PageFile> parse(String list) {
			java.util.Set<PageFile> out = java.util.EnumSet.noneOf(PageFile.class);
			for (String s : list.split(",")) {
				if (s.isBlank()) continue;
				PageFile found = null;
				for (PageFile f : values()) if (f.id.equalsIgnoreCase(s.trim())) found = f;
				if (found == null) {
					throw new org.ecgdigitizer.core.EcgException("unknown page format '" + s.trim() + "': use png, pdf " +
						"or pdf-raster");
				}
				out.add(found);
			}
			if (out.isEmpty()) throw new org.ecgdigitizer.core.EcgException("no page format given: use png, pdf or pdf-raster");
			return out;
		}
	}

	SyntheticPage(BufferedImage image, EcgRecord fullRecord, EcgRecord maskedReference, GroundTruth truth,
		VectorDrawing drawing)
	{
		this.image = image;
		this.fullRecord = fullRecord;
		this.maskedReference = maskedReference;
		this.truth = truth;
		this.drawing = drawing;
	}

	/** Whether the page can be written as a vector PDF: only a clean page can, distortions are pixels. */
	public boolean hasVectorPdf() {
		return drawing != null;
	}

	/** The clean page as a vector PDF file's content; fails for a distorted page. */
	public AtomicFiles.Content vectorPdf() {
		if (drawing == null) {
			throw new org.ecgdigitizer.core.EcgException("a vector PDF shows the clean page; distortions exist only in " +
				"pixels: use --format png or pdf-raster for distorted pages");
		}
		return drawing.pdf();
	}

	/** The page image inside a PDF page of the paper's size, as a scanner writes it. */
	public AtomicFiles.Content rasterPdf() {
		return org.ecgdigitizer.core.io.PdfWriter.image(image, truth.dpi);
	}

	/** The page, TYPE_INT_RGB. */
	public BufferedImage image() {
		return image;
	}

	/** A zero-copy ImgLib2 view of {@link #image()}. */
	public ArrayImg<ARGBType, IntArray> img() {
		return ImageFiles.asImg(image);
	}

	/** The twelve standard leads over the page duration, at the record's sampling frequency, 1 uV resolution. */
	public EcgRecord fullRecord() {
		return fullRecord;
	}

	/** {@link #fullRecord()} with NaN wherever a lead is not plotted on the page. */
	public EcgRecord maskedReference() {
		return maskedReference;
	}

	public GroundTruth truth() {
		return truth;
	}

	/** The files {@link #write} makes, in the folder. */
	public static List<Path> files(Path dir, String stem) {
		return files(dir, stem, java.util.EnumSet.of(PageFile.PNG));
	}

	/** The files {@link #write(Path, String, java.util.Set)} makes, in the folder. */
	public static List<Path> files(Path dir, String stem, java.util.Set<PageFile> formats) {
		List<Path> out = new java.util.ArrayList<>();
		for (PageFile f : formats) out.add(dir.resolve(stem + f.suffix));
		out.addAll(List.of(dir.resolve(stem + ".json"), dir.resolve(stem + ".hea"), dir.resolve(stem + ".dat"), dir
			.resolve(stem + "_masked.hea"), dir.resolve(stem + "_masked.dat")));
		return out;
	}

	/**
	 * Writes {@code <stem>.png}, {@code <stem>.json} (ground truth), {@code <stem>.hea/.dat} (full
	 * record) and {@code <stem>_masked.hea/.dat} (masked reference) into the folder, replacing files
	 * of those names, all or nothing. The records are renamed to the stem.
	 */
	public void write(Path dir, String stem) throws IOException {
		write(dir, stem, java.util.EnumSet.of(PageFile.PNG));
	}

	/** Like {@link #write(Path, String)}, with the page in the chosen formats. */
	public void write(Path dir, String stem, java.util.Set<PageFile> formats) throws IOException {
		try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
			if (formats.contains(PageFile.PNG)) batch.stage(dir.resolve(stem + ".png"), ImageFiles.png(image));
			if (formats.contains(PageFile.PDF)) batch.stage(dir.resolve(stem + PageFile.PDF.suffix), vectorPdf());
			if (formats.contains(PageFile.PDF_RASTER)) batch.stage(dir.resolve(stem + PageFile.PDF_RASTER.suffix),
				rasterPdf());
			Wfdb.stage(fullRecord.withName(stem), dir, 16, 1000, batch);
			Wfdb.stage(maskedReference.withName(stem + "_masked"), dir, 16, 1000, batch);
			String json = truth.toJsonText();
			batch.stage(dir.resolve(stem + ".json"), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
			batch.commit();
		}
	}
}
