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

	SyntheticPage(BufferedImage image, EcgRecord fullRecord, EcgRecord maskedReference, GroundTruth truth) {
		this.image = image;
		this.fullRecord = fullRecord;
		this.maskedReference = maskedReference;
		this.truth = truth;
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
		return List.of(dir.resolve(stem + ".png"), dir.resolve(stem + ".json"), dir.resolve(stem + ".hea"), dir.resolve(
			stem + ".dat"), dir.resolve(stem + "_masked.hea"), dir.resolve(stem + "_masked.dat"));
	}

	/**
	 * Writes {@code <stem>.png}, {@code <stem>.json} (ground truth), {@code <stem>.hea/.dat} (full
	 * record) and {@code <stem>_masked.hea/.dat} (masked reference) into the folder, replacing files
	 * of those names, all or nothing. The records are renamed to the stem.
	 */
	public void write(Path dir, String stem) throws IOException {
		try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
			batch.stage(dir.resolve(stem + ".png"), ImageFiles.png(image));
			Wfdb.stage(fullRecord.withName(stem), dir, 16, 1000, batch);
			Wfdb.stage(maskedReference.withName(stem + "_masked"), dir, 16, 1000, batch);
			String json = truth.toJsonText();
			batch.stage(dir.resolve(stem + ".json"), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
			batch.commit();
		}
	}
}
