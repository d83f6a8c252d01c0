package org.ecgdigitizer.core;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.ecgdigitizer.core.io.InputPage;
import org.ecgdigitizer.core.signal.Digitization;

/** What became of one page: its record (checked, partial or none), why, and where it came from. */
public final class PageResult {

	/** How a page ended. */
	public enum Status {
		/** Enough leads digitized: a record. */
		OK,
		/** Too few leads digitized, kept because the caller asked for partial records: a marked record. */
		PARTIAL,
		/** No record: unreadable, no ECG found, too few leads, or out of time. */
		FAILED;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public final InputPage page;
	/** The record name the page was given. */
	public final String name;
	public final Status status;
	/** The error for a failed page, the lead count for a partial one, the warnings for a good one. */
	public final String message;
	/** What the page was read as ("PNG", "PDF vector", "PDF rendered at 300 dpi"), "" when it could not be read. */
	public final String source;
	/** The record and its diagnostics; null for a failed page. */
	public final Digitization digitization;
	/** The lead count; null when the page did not get as far as stage 4. */
	public final LeadCheck leads;
	public final double seconds;
	private final IntFunction<BufferedImage> overlay;

	PageResult(InputPage page, String name, Status status, String message, String source, Digitization digitization,
		LeadCheck leads, double seconds, IntFunction<BufferedImage> overlay)
	{
		this.page = page;
		this.name = name;
		this.status = status;
		this.message = message == null ? "" : message;
		this.source = source == null ? "" : source;
		this.digitization = digitization;
		this.leads = leads;
		this.seconds = seconds;
		this.overlay = overlay;
	}

	public boolean hasRecord() {
		return digitization != null;
	}

	/** The review overlay (what was found, drawn on the page) at the page's size; null for a failed page. */
	public BufferedImage overlay() {
		return overlay(0);
	}

	/**
	 * The review overlay at most {@code maxWidth} pixels wide (0: the page's size); null for a
	 * failed page. Drawn when asked for.
	 */
	public BufferedImage overlay(int maxWidth) {
		return overlay == null ? null : overlay.apply(maxWidth);
	}

	/** What the record's JSON adds to the digitization's diagnostics: the input, the status and the lead count. */
	public Map<String, Object> recordJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", status.id());
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("file", page.input.fileName());
		input.put("page", page.number);
		input.put("pages", page.count);
		input.put("read_as", source);
		m.put("input", input);
		if (leads != null) m.put("leads_check", leads.toJson());
		return m;
	}
}
