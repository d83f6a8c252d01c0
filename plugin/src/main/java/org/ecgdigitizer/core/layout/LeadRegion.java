package org.ecgdigitizer.core.layout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.signal.Lead;

/**
 * One printed lead segment on a page, in page pixels: which lead, which time window of the
 * record it shows, where its trace lies and where its zero line is.
 *
 * <p>The generator writes these as ground truth; the lead detector produces them; the user
 * may move them in Fiji; the trace extractor and the digitizer consume them.</p>
 */
public final class LeadRegion {

	public final Lead lead;
	/** The trace is printed upside down (-aVR of the Cabrera display). */
	public final boolean inverted;
	/** Row and column in the layout grid; rhythm strips span all columns. */
	public final int row;
	public final int column;
	public final boolean rhythm;
	/** Time window of the record shown by this segment, in seconds from the record start. */
	public final double startSeconds;
	public final double endSeconds;
	/** Trace area: x runs from startSeconds to endSeconds; y covers the expected excursion. */
	public final Box box;
	/** Image row of 0 mV. */
	public final double baselineY;
	/** Where the printed lead name is, or null. */
	public final Box labelBox;
	/** The printed lead name as read from the page ("aVR", "-aVR"), or null when it was not read. */
	public final String labelText;
	/** 0..1; 1 for ground truth. */
	public final double confidence;
	/**
	 * How much later on the page than its time window the segment is drawn, in seconds: 0 when
	 * the page's columns follow one another in time; the column's start when every column shows
	 * the same window. Record time t is drawn at page time t + pageOffsetSeconds.
	 */
	public final double pageOffsetSeconds;
	/**
	 * Where a lead name that touches the trace is printed (the read word's box), or null: its
	 * letters are taken out before tracing and the trace carried across them, which erasing
	 * {@link #labelBox} would cut.
	 */
	public final Box nameOverTrace;

	public LeadRegion(Lead lead, boolean inverted, int row, int column, boolean rhythm, double startSeconds,
		double endSeconds, Box box, double baselineY, Box labelBox, double confidence)
	{
		this(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY, labelBox, null, confidence);
	}

	public LeadRegion(Lead lead, boolean inverted, int row, int column, boolean rhythm, double startSeconds,
		double endSeconds, Box box, double baselineY, Box labelBox, String labelText, double confidence)
	{
		this(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY, labelBox, labelText,
			confidence, 0);
	}

	public LeadRegion(Lead lead, boolean inverted, int row, int column, boolean rhythm, double startSeconds,
		double endSeconds, Box box, double baselineY, Box labelBox, String labelText, double confidence,
		double pageOffsetSeconds)
	{
		this(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY, labelBox, labelText,
			confidence, pageOffsetSeconds, null);
	}

	private LeadRegion(Lead lead, boolean inverted, int row, int column, boolean rhythm, double startSeconds,
		double endSeconds, Box box, double baselineY, Box labelBox, String labelText, double confidence,
		double pageOffsetSeconds, Box nameOverTrace)
	{
		this.nameOverTrace = nameOverTrace;
		this.pageOffsetSeconds = pageOffsetSeconds;
		this.lead = lead;
		this.inverted = inverted;
		this.row = row;
		this.column = column;
		this.rhythm = rhythm;
		this.startSeconds = startSeconds;
		this.endSeconds = endSeconds;
		this.box = box;
		this.baselineY = baselineY;
		this.labelBox = labelBox;
		this.labelText = labelText;
		this.confidence = confidence;
	}

	/** The printed label text, e.g. "-aVR". */
	public String label() {
		return (inverted ? "-" : "") + lead.label();
	}

	public double durationSeconds() {
		return endSeconds - startSeconds;
	}

	/** First sample index of the window at a sampling frequency. */
	public int startSample(double fs) {
		return (int) Math.round(startSeconds * fs);
	}

	/** One past the last sample index of the window. */
	public int endSample(double fs) {
		return (int) Math.round(endSeconds * fs);
	}

	public LeadRegion withBox(Box newBox) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, newBox, baselineY,
			labelBox, labelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	public LeadRegion withBaseline(double newBaselineY) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, newBaselineY,
			labelBox, labelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	public LeadRegion withLead(Lead newLead, boolean newInverted) {
		return new LeadRegion(newLead, newInverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY,
			labelBox, labelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	public LeadRegion withTime(double newStart, double newEnd) {
		return new LeadRegion(lead, inverted, row, column, rhythm, newStart, newEnd, box, baselineY, labelBox,
			labelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	public LeadRegion withLabelBox(Box newLabelBox) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY,
			newLabelBox, labelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	/** The same region with where its printed name is and what it was read as (null: not read). */
	public LeadRegion withLabel(Box newLabelBox, String newLabelText) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY,
			newLabelBox, newLabelText, confidence, pageOffsetSeconds, nameOverTrace);
	}

	/** The same region with where a name touching its trace is printed (null: none). */
	public LeadRegion withNameOverTrace(Box box) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, this.box, baselineY,
			labelBox, labelText, confidence, pageOffsetSeconds, box);
	}

	public LeadRegion withConfidence(double newConfidence) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY,
			labelBox, labelText, newConfidence, pageOffsetSeconds, nameOverTrace);
	}

	/** The same region drawn at another page offset. */
	public LeadRegion withPageOffset(double newOffsetSeconds) {
		return new LeadRegion(lead, inverted, row, column, rhythm, startSeconds, endSeconds, box, baselineY, labelBox,
			labelText, confidence, newOffsetSeconds, nameOverTrace);
	}

	/** JSON form; {@code fs} adds start and end sample indices when positive. */
	public Map<String, Object> toJson(double fs) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("lead", lead.label());
		m.put("label", label());
		m.put("inverted", inverted);
		m.put("row", row);
		m.put("column", column);
		m.put("rhythm", rhythm);
		m.put("start_s", startSeconds);
		m.put("end_s", endSeconds);
		if (pageOffsetSeconds != 0) m.put("page_offset_s", pageOffsetSeconds);
		if (fs > 0) {
			m.put("start_sample", startSample(fs));
			m.put("end_sample", endSample(fs));
		}
		m.put("box", box.toJson());
		m.put("baseline_y", baselineY);
		m.put("label_box", labelBox == null ? null : labelBox.toJson());
		m.put("label_text", labelText);
		if (nameOverTrace != null) m.put("name_over_trace", nameOverTrace.toJson());
		m.put("confidence", confidence);
		return m;
	}

	public static LeadRegion fromJson(Object json) {
		Map<String, Object> m = Json.object(json);
		Object labelBox = m.get("label_box");
		Object nameOverTrace = m.get("name_over_trace");
		return new LeadRegion(Lead.of((String) m.get("lead")), Boolean.TRUE.equals(m.get("inverted")),
			(int) Json.number(m.get("row"), 0), (int) Json.number(m.get("column"), 0), Boolean.TRUE.equals(m.get(
				"rhythm")), Json.number(m.get("start_s"), 0), Json.number(m.get("end_s"), 0), Box.fromJson(m.get(
					"box")), Json.number(m.get("baseline_y"), Double.NaN), labelBox == null ? null : Box.fromJson(
						labelBox), (String) m.get("label_text"), Json.number(m.get("confidence"), 1), Json.number(m.get(
							"page_offset_s"), 0), nameOverTrace == null ? null : Box.fromJson(nameOverTrace));
	}

	@Override
	public String toString() {
		return String.format("LeadRegion[%s r%d c%d %.2f-%.2fs %s base=%.1f]", label(), row, column, startSeconds,
			endSeconds, box, baselineY);
	}
}
