package org.ecgdigitizer.core.eval;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * One row of the benchmark: a named set of pages that share what is being tested (a resolution, a
 * distortion, a layout). Pages are made or read one at a time, when the benchmark reaches them.
 */
public final class BenchmarkCondition {

	/** Makes or reads page {@code index} of a condition. */
	@FunctionalInterface
	public interface PageSource {
		/**
		 * @throws org.ecgdigitizer.core.EcgException when the input is unusable (no reference, an
		 *             unreadable image); the page is then reported as skipped, not as a digitizer failure
		 */
		BenchmarkPage page(int index) throws IOException;
	}

	/** Short identifier used on the command line and in the table ("clean", "dpi100"). */
	public final String name;
	/** One line that says what the condition tests. */
	public final String description;
	/** How many pages the condition has. */
	public final int pages;
	/** What the digitizer is told about these pages instead of detecting it. */
	public final BenchmarkSettings settings;
	private final PageSource source;
	/** Page names, known without making the pages, so that skipped pages can be named. */
	private final IntFunction<String> pageName;

	public BenchmarkCondition(String name, String description, int pages, IntFunction<String> pageName,
		PageSource source)
	{
		this(name, description, pages, pageName, source, BenchmarkSettings.none());
	}

	private BenchmarkCondition(String name, String description, int pages, IntFunction<String> pageName,
		PageSource source, BenchmarkSettings settings)
	{
		this.name = name;
		this.description = description;
		this.pages = pages;
		this.pageName = pageName;
		this.source = source;
		this.settings = settings;
	}

	/** The same pages with these settings replacing the condition's own where they overlap. */
	public BenchmarkCondition withSettings(BenchmarkSettings more) {
		return new BenchmarkCondition(name, description, pages, pageName, source, settings.overriddenBy(more));
	}

	/** Page {@code index}, carrying the condition's settings. */
	public BenchmarkPage page(int index) throws IOException {
		return source.page(index).withSettings(settings);
	}

	public String pageName(int index) {
		return pageName.apply(index);
	}
}
