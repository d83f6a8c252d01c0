package org.ecgdigitizer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.ecgdigitizer.core.io.CsvRecords;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven through /usr/bin/chromedriver
 * (nothing is downloaded). Uploads sample pages, waits for the result, checks what is shown and
 * every download, a failure, and a hostile file name; takes the screenshots of docs/web.md.
 *
 * <p>Without a browser the test is skipped with a message, except on CI (the CI variable is set),
 * where a missing browser is a failure: .ci/run installs it. Screenshots go to
 * {@code target/web-screenshots}, or to the folder named by {@code -Dweb.screenshots=docs/images}.</p>
 */
class WebBrowserTest {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Duration WAIT = Duration.ofSeconds(180);

	static WebServer server;
	static WebDriver driver;
	static Path screenshots;
	static Path profile;
	static Http http;

	@BeforeAll
	static void start() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String why = "No browser for the web app's browser test: " + CHROMIUM + " and " + CHROMEDRIVER +
				" are needed (Debian: apt-get install chromium chromium-driver)";
			if (System.getenv("CI") != null) fail(why + "; .ci/run must install them");
			System.err.println("SKIPPED: " + why);
			Assumptions.abort(why);
		}
		WebServer.Options o = new WebServer.Options();
		o.port = 0;
		o.workers = 1;
		o.queue = 8;
		o.tempParent = Files.createTempDirectory("ecg-web-browser-test");
		server = WebServer.start(o);
		http = new Http(server.port());
		screenshots = Path.of(System.getProperty("web.screenshots", "target/web-screenshots"));
		Files.createDirectories(screenshots);
		profile = Files.createTempDirectory("chromium-profile");

		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// no sandbox as root in a container; no background traffic to the (closed) network
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-quic", "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,900",
			"--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() throws IOException {
		if (driver != null) driver.quit();
		if (server != null) {
			Path parent = server.folder().getParent();
			server.close();
			JobQueue.deleteTree(parent);
		}
		if (profile != null) JobQueue.deleteTree(profile);
	}

	private static String url() {
		return "http://127.0.0.1:" + server.port() + "/";
	}

	private static JavascriptExecutor js() {
		return (JavascriptExecutor) driver;
	}

	private static WebDriverWait waiting() {
		return new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
	}

	private static List<WebElement> cards() {
		return driver.findElements(By.cssSelector("#jobs > li.job"));
	}

	@Test
	void uploadReviewAndDownloadInARealBrowser() throws Exception {
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.get(url());
		assertEquals("ECG Digitizer", driver.getTitle());
		assertEquals("Turn a paper ECG into a digital signal", driver.findElement(By.tagName("h1")).getText());
		assertTrue(driver.findElement(By.id("empty")).isDisplayed());
		waiting().until(d -> d.findElement(By.id("keep-minutes")).getText().equals("60"));
		shot("web-empty.png");

		// keyboard: the upload button is reachable with Tab
		WebElement choose = driver.findElement(By.id("choose"));
		assertEquals("button", choose.getTagName());

		driver.findElement(By.id("files")).sendKeys(String.join("\n", sample("6x2/ecg-104.png"), sample(
			"3x4+3/ecg-106.png")));
		waiting().until(d -> cards().size() == 2);
		// one worker: the second page waits while the first is digitized
		waiting().until(d -> cards().stream().anyMatch(c -> "running".equals(c.getAttribute("data-state"))));
		shot("web-processing.png");
		String stage = cards().get(0).findElement(By.cssSelector(".job-state")).getText();
		assertFalse(stage.isEmpty());

		waiting().until(d -> cards().stream().allMatch(c -> "done".equals(c.getAttribute("data-state"))));
		WebElement card = cards().get(0);
		waiting().until(d -> !card.findElements(By.cssSelector(".download-list a")).isEmpty());
		assertEquals("ecg-104.png", card.findElement(By.cssSelector(".job-name")).getText());
		String facts = card.findElement(By.cssSelector(".facts")).getText();
		assertTrue(facts.contains("Layout 6x2"), facts);
		assertTrue(facts.contains("12 of 12"), facts);

		// the overlay, shown first
		WebElement overlay = card.findElement(By.cssSelector(".panel:not([hidden]) img"));
		waiting().until(d -> loaded(overlay));
		assertTrue(overlay.getAttribute("src").endsWith("/overlay.png"));
		shot("web-result.png", card);

		// keyboard between tabs: arrow right from the first tab selects the signals
		WebElement firstTab = card.findElement(By.cssSelector("[role=tab]"));
		firstTab.sendKeys(Keys.ARROW_RIGHT);
		WebElement signalsTab = card.findElement(By.cssSelector("[data-tab='Signals']"));
		assertEquals("true", signalsTab.getAttribute("aria-selected"));
		assertEquals(signalsTab, driver.switchTo().activeElement());
		List<String> thumbs = card.findElements(By.cssSelector(".lead-thumb .name")).stream().map(WebElement::getText)
			.collect(Collectors.toList());
		assertEquals(Lead.standardLabels(), thumbs);
		WebElement chart = card.findElement(By.cssSelector("svg.chart"));
		assertFalse(chart.findElements(By.cssSelector("path.trace")).isEmpty(), "the trace is drawn");
		List<String> titles = chart.findElements(By.cssSelector(".axis-title")).stream().map(WebElement::getText)
			.collect(Collectors.toList());
		assertTrue(titles.containsAll(List.of("Time (s)", "mV", "II")), titles.toString());
		assertTrue(chart.findElements(By.cssSelector(".tick")).size() > 8, "seconds and millivolts are labelled");
		String whole = chart.getAttribute("aria-label");
		assertTrue(whole.startsWith("Lead II from 0.00 to 10.00 s"), whole);
		card.findElement(By.cssSelector("button[aria-label='Zoom in']")).click();
		assertTrue(chart.getAttribute("aria-label").startsWith("Lead II from 2.50 to 7.50 s"), chart.getAttribute(
			"aria-label"));
		chart.sendKeys(Keys.ARROW_DOWN);
		assertTrue(chart.getAttribute("aria-label").startsWith("Lead III "), chart.getAttribute("aria-label"));
		chart.sendKeys(Keys.ARROW_UP, "+");
		assertTrue(chart.getAttribute("aria-label").startsWith("Lead II from 3.75 to 6.25 s"), chart.getAttribute(
			"aria-label"));
		card.findElements(By.cssSelector(".lead-thumb")).get(6).click();
		assertTrue(chart.getAttribute("aria-label").startsWith("Lead V1 "), chart.getAttribute("aria-label"));
		shot("web-signals.png", card);

		card.findElement(By.cssSelector("[data-tab='12-lead plot']")).click();
		WebElement plot = card.findElement(By.cssSelector(".panel:not([hidden]) img"));
		waiting().until(d -> loaded(plot));
		assertTrue(plot.getAttribute("src").endsWith("/plot.png"));

		card.findElement(By.cssSelector("[data-tab='Diagnostics']")).click();
		String diagnostics = card.findElement(By.cssSelector(".panel:not([hidden])")).getText();
		for (String expected : List.of("6x2", "measured on the grid", "px/mm", "mm/mV", "mm/s", "V6", "Confidence")) {
			assertTrue(diagnostics.contains(expected), expected + " in " + diagnostics);
		}
		shot("web-diagnostics.png", card);

		// every download link gives a valid file
		List<WebElement> links = card.findElements(By.cssSelector(".download-list a"));
		assertEquals(List.of("ecg-104.csv", "ecg-104-wfdb.zip", "ecg-104.json", "ecg-104-overlay.png",
			"ecg-104-plot.png", "ecg-104.zip"), links.stream().map(a -> a.getAttribute("download")).collect(Collectors
				.toList()));
		for (WebElement a : links) checkDownload(a.getAttribute("download"), a.getAttribute("href"));

		// a phone: the same result, one column
		driver.manage().window().setSize(new Dimension(390, 844));
		card.findElement(By.cssSelector("[data-tab='What was found']")).click();
		waiting().until(d -> (Long) js().executeScript("return document.documentElement.clientWidth") < 400);
		assertTrue((Long) js().executeScript("return document.documentElement.scrollWidth - document.documentElement" +
			".clientWidth") <= 0, "nothing is wider than a phone's screen");
		shot("web-phone.png", card);
		driver.manage().window().setSize(new Dimension(1280, 900));

		assertNoConsoleErrors();
	}

	@Test
	void failuresShowTheirMessageAndFileNamesShowAsText() throws Exception {
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.get(url());
		String hostile = "<script>alert(1)</script>.png";
		byte[] page = Http.read("rotated-noisy/ecg-102.png");
		// dropped, as a user drags files onto the box
		drop(hostile, "not an image at all".getBytes());
		drop("cut.png", java.util.Arrays.copyOf(page, page.length / 2));
		waiting().until(d -> cards().size() == 2 && cards().stream().allMatch(c -> "failed".equals(c.getAttribute(
			"data-state"))));
		WebElement first = cards().get(0);
		assertEquals(hostile, first.findElement(By.cssSelector(".job-name")).getText(), "the name is text, not markup");
		assertEquals(0L, js().executeScript("return document.querySelectorAll('#jobs script').length"));
		assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
		String error = first.findElement(By.cssSelector("[role=alert]")).getText();
		assertTrue(error.contains("not an image"), error);
		assertTrue(error.contains("What to do"), error);
		String truncated = cards().get(1).findElement(By.cssSelector("[role=alert]")).getText();
		assertTrue(truncated.contains("corrupt or truncated"), truncated);
		assertFalse(truncated.contains("Exception\n") || truncated.contains("\tat "), "no stack trace");
		assertTrue(cards().get(1).findElement(By.cssSelector(".job-actions")).getText().contains("Try again"));
		shot("web-error.png");
		// Delete removes the card
		first.findElement(By.cssSelector(".job-actions button:last-child")).click();
		waiting().until(d -> cards().size() == 1);
	}

	@Test
	void aPdfOfTwoPagesGetsACardPerPage() throws Exception {
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.get(url());
		java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Http.read(
			"rotated-noisy/ecg-102.png")));
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		org.ecgdigitizer.core.io.PdfWriter.images(new java.awt.image.BufferedImage[] { page, page }, 200).writeTo(pdf);
		drop("two pages.pdf", pdf.toByteArray());
		waiting().until(d -> cards().size() == 2 && cards().stream().allMatch(c -> "done".equals(c.getAttribute(
			"data-state"))));
		for (int i = 0; i < 2; i++) {
			assertEquals("two pages.pdf · page " + (i + 1) + " of 2", cards().get(i).findElement(By.cssSelector(
				".job-name")).getText());
		}
		assertNoConsoleErrors();
	}

	/** Drops a file on the drop box through the browser's own drag-and-drop events. */
	private static void drop(String name, byte[] content) {
		js().executeScript("const bytes = Uint8Array.from(atob(arguments[1]), (c) => c.charCodeAt(0));" +
			"const dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[0], { type: 'image/png' }));" +
			"const box = document.getElementById('drop');" +
			"box.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));" +
			"box.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));", name,
			Base64.getEncoder().encodeToString(content));
	}

	private static String sample(String page) {
		return Path.of("sample-data", page).toAbsolutePath().toString();
	}

	private static boolean loaded(WebElement img) {
		return (Boolean) js().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img);
	}

	private static void checkDownload(String name, String href) throws Exception {
		HttpResponse<byte[]> r = http.client.send(HttpRequest.newBuilder(URI.create(href)).build(),
			HttpResponse.BodyHandlers.ofByteArray());
		assertEquals(200, r.statusCode(), href);
		byte[] body = r.body();
		if (name.endsWith(".png")) {
			assertNotNull(ImageIO.read(new ByteArrayInputStream(body)), name);
		}
		else if (name.endsWith(".json")) {
			assertEquals("ecg-104", Json.object(Json.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8))).get(
				"record"));
		}
		else if (name.endsWith(".csv")) {
			Path csv = Files.createTempFile("download", ".csv");
			Files.write(csv, body);
			EcgRecord record = CsvRecords.read(csv);
			Files.delete(csv);
			assertEquals(Lead.standardLabels(), record.leadNames());
		}
		else if (name.endsWith("-wfdb.zip")) {
			EcgRecord record = WebApiTest.readWfdb(Http.unzip(body), "ecg-104");
			assertEquals(Lead.standardLabels(), record.leadNames(), "the WFDB zip reads back into 12 leads");
			assertEquals(5000, record.length());
		}
		else {
			assertEquals(6, Http.unzip(body).size(), name);
		}
	}

	private static void assertNoConsoleErrors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
			if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
		}
		assertEquals(List.of(), errors, "no script errors and no Content-Security-Policy violations");
	}

	/** The whole page, however long: the window is made as tall as the page for the shot. */
	private static void shot(String name) throws IOException {
		shot(name, null);
	}

	/**
	 * A shot of the whole page, or of one element of it, however long: the window is made as tall
	 * as the page for the shot (a screenshot holds only what the window shows).
	 */
	private static void shot(String name, WebElement element) throws IOException {
		Dimension size = driver.manage().window().getSize();
		long chrome = (Long) js().executeScript("return window.outerHeight - window.innerHeight");
		long height = (Long) js().executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(size.width, (int) Math.min(height + chrome, 6000)));
		try {
			byte[] png = element == null ? ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES) : element
				.getScreenshotAs(OutputType.BYTES);
			Files.write(screenshots.resolve(name), png);
		}
		finally {
			driver.manage().window().setSize(size);
		}
	}

}
