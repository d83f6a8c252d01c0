package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record names never collide, and say where they came from. */
class RecordNamesTest {

	@TempDir
	Path dir;

	private List<String> names(Path... files) {
		List<InputFile> inputs = new ArrayList<>();
		for (Path f : files) inputs.add(InputFile.of(f));
		return new ArrayList<>(RecordNames.assignFiles(inputs).values());
	}

	private Path file(String name) throws Exception {
		Path f = dir.resolve(name);
		Files.createDirectories(f.getParent());
		Files.write(f, new byte[] { 1, 2, 3 });
		return f;
	}

	private Path pdf(String name, int pages) throws Exception {
		try (PDDocument doc = new PDDocument()) {
			for (int i = 0; i < pages; i++) doc.addPage(new PDPage());
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			Path f = dir.resolve(name);
			Files.write(f, b.toByteArray());
			return f;
		}
	}

	@Test
	void filesOfOneStemGetTheirExtensions() throws Exception {
		assertEquals(List.of("page_bmp", "page_gif", "page_tif", "other"), names(file("page.bmp"), file("page.gif"),
			file("page.tif"), file("other.png")));
	}

	@Test
	void namesDifferingOnlyInCaseCollideAsOnMacAndWindows() throws Exception {
		assertEquals(List.of("Page_png", "page_png-2"), names(file("Page.PNG"), file("page.png")));
	}

	@Test
	void pagesOfADocumentAreNumberedAndASingleOneIsNot() throws Exception {
		assertEquals(List.of("report-p1", "report-p2", "single"), names(pdf("report.pdf", 2), pdf("single.pdf", 1)));
	}

	@Test
	void foldersGoInFrontOnlyOfNamesThatStillCollide() throws Exception {
		assertEquals(List.of("a_page", "b_page", "alone"), names(file("a/page.png"), file("b/page.png"), file(
			"c/alone.png")));
		assertEquals(List.of("x_a_page", "y_a_page"), names(file("x/a/page.png"), file("y/a/page.png")));
	}

	@Test
	void aNameStillTakenIsNumberedInOrder() throws Exception {
		// page 2 of report.pdf and a file named report-p2.png would both be report-p2
		assertEquals(List.of("report-p1", "report-p2", "report-p2-2"), names(pdf("report.pdf", 2), file(
			"report-p2.png")));
	}

	@Test
	void uploadsAreNamedFromTheirFileNamesAlone() {
		List<InputPage> pages = new ArrayList<>();
		pages.addAll(InputFile.of(new byte[0], "C:\\scans\\ecg 1.png").pages());
		pages.addAll(InputFile.of(new byte[0], "ecg 1.jpg").pages());
		pages.addAll(InputFile.of(new byte[0], null).pages());
		assertEquals(List.of("ecg_1_png", "ecg_1_jpg", "page"), new ArrayList<>(RecordNames.assign(pages).values()));
	}
}
