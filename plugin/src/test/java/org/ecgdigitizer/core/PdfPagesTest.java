package org.ecgdigitizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.core.eval.Evaluation;
import org.ecgdigitizer.core.eval.RecordScore;
import org.ecgdigitizer.core.io.AwkwardFiles;
import org.ecgdigitizer.core.io.InputFile;
import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.io.ReadOptions;
import org.ecgdigitizer.core.io.Wfdb;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated page as a PNG, as a PDF holding that image (a scan), and as a vector PDF (as carts
 * export): the scan gives the PNG's record, the vector page the exact one; both PDFs take their
 * scale from the PDF.
 */
class PdfPagesTest {

	@TempDir
	Path dir;

	private static RecordScore score(SyntheticPage page, PageResult r) {
		assertEquals(PageResult.Status.OK, r.status, r.source + ": " + r.message);
		return Evaluation.score(page.maskedReference(), r.digitization.record);
	}

	private static PageResult digitize(Path file, ReadOptions read) {
		List<InputPage> pages = InputFile.of(file).pages();
		assertEquals(1, pages.size());
		return new PageDigitizer(DigitizerSettings.defaults(), read, 0, false).digitize(pages.get(0), "page",
			Progress.NONE);
	}

	@Test
	void vectorAndScannedPdfsAgreeWithThePngAndTheVectorPageIsExact() throws Exception {
		SyntheticPage page = PageGenerator.render(PageGenerator.synthesize(5, 500, "ecg-5"), PageSpec.defaults(), 5);
		Path png = dir.resolve("page.png"), scan = dir.resolve("scan.pdf"), vector = dir.resolve("vector.pdf");
		Files.write(png, AwkwardFiles.encode(page.image(), "png"));
		Files.write(scan, AwkwardFiles.bytes(page.rasterPdf()));
		Files.write(vector, AwkwardFiles.bytes(page.vectorPdf()));

		PageResult fromPng = digitize(png, ReadOptions.defaults());
		PageResult fromScan = digitize(scan, ReadOptions.defaults());
		PageResult fromVector = digitize(vector, ReadOptions.defaults());
		RecordScore p = score(page, fromPng), s = score(page, fromScan), v = score(page, fromVector);

		assertEquals("PDF image", fromScan.source);
		assertEquals("pdf", fromScan.digitization.layout.geometry.scaleSource.id());
		assertTrue(Math.abs(s.meanSnr2024() - p.meanSnr2024()) <= 0.5, "scan " + s.meanSnr2024() + " dB vs PNG " + p
			.meanSnr2024() + " dB");

		assertEquals("PDF vector", fromVector.source);
		assertEquals("pdf", fromVector.digitization.layout.geometry.scaleSource.id());
		assertEquals("labels", fromVector.digitization.layout.namingSource);
		assertEquals("pulse", fromVector.digitization.layout.gainSource);
		// the printer's own polylines: exact to the WFDB file's microvolt
		double vectorRmse = v.meanOverLeads(l -> l.rmseUv);
		assertTrue(vectorRmse < 1, "vector RMSE " + vectorRmse + " uV");
		assertTrue(v.meanOverLeads(l -> l.pearson) > 0.99999, "vector Pearson");
		assertTrue(vectorRmse < p.meanOverLeads(l -> l.rmseUv), "vector beats pixels");

		// the same page with its vectors ignored: rendered at 300 dpi, scale from the page size
		fromPng = fromScan = null; // their engines' planes are not needed any more
		PageResult rendered = digitize(vector, ReadOptions.defaults().withVectors(false));
		assertEquals("PDF rendered at 300 dpi", rendered.source);
		RecordScore r = score(page, rendered);
		// as well as our matrix's 300 dpi pages, and time 0 read from the rendered caps to a tenth of a pixel (the
		// PNG, at 200 dpi, may score higher: how its pixels fall on the samples is another page's luck)
		assertTrue(r.meanSnr2024() >= 25, "rendered " + r.meanSnr2024() + " dB (PNG " + p.meanSnr2024() + " dB)");
		double renderedX0 = page.truth().x0 * 300.0 / PageSpec.defaults().dpi();
		assertEquals(renderedX0, rendered.digitization.layout.x0, 0.1, "rendered page's time 0, px");
		System.out.printf("SNR2024 png %.2f dB, scan pdf %.2f dB, rendered vector pdf %.2f dB; RMSE png %.2f uV, " +
			"vector %.3f uV%n", p.meanSnr2024(), s.meanSnr2024(), r.meanSnr2024(), p.meanOverLeads(l -> l.rmseUv),
			vectorRmse);

		// and written as WFDB, the vector record reads back to the microvolt
		Wfdb.write(fromVector.digitization.record, dir, 16, 1000);
		EcgRecord back = Wfdb.read(dir.resolve("page.hea"));
		assertTrue(Evaluation.score(page.maskedReference(), back).meanOverLeads(l -> l.rmseUv) < 1);
	}
}
