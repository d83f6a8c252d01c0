package org.ecgdigitizer.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An axis-aligned rectangle in image pixels (x to the right, y down), in double precision. */
public final class Box {

	public final double x;
	public final double y;
	public final double width;
	public final double height;

	public Box(double x, double y, double width, double height) {
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
	}

	public static Box fromCorners(double x0, double y0, double x1, double y1) {
		return new Box(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
	}

	public double maxX() {
		return x + width;
	}

	public double maxY() {
		return y + height;
	}

	public double centerX() {
		return x + width / 2;
	}

	public double centerY() {
		return y + height / 2;
	}

	public boolean contains(double px, double py) {
		return px >= x && px <= maxX() && py >= y && py <= maxY();
	}

	/** The smallest box holding both. */
	public Box union(Box other) {
		return fromCorners(Math.min(x, other.x), Math.min(y, other.y), Math.max(maxX(), other.maxX()),
			Math.max(maxY(), other.maxY()));
	}

	public Box grow(double dx, double dy) {
		return new Box(x - dx, y - dy, width + 2 * dx, height + 2 * dy);
	}

	/** JSON form: [x, y, width, height]. */
	public List<Double> toJson() {
		return List.of(x, y, width, height);
	}

	public static Box fromJson(Object json) {
		List<?> v = (List<?>) json;
		return new Box(((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(),
			((Number) v.get(2)).doubleValue(), ((Number) v.get(3)).doubleValue());
	}

	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("x", x);
		m.put("y", y);
		m.put("width", width);
		m.put("height", height);
		return m;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof Box)) return false;
		Box b = (Box) o;
		return x == b.x && y == b.y && width == b.width && height == b.height;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(x) * 31 * 31 * 31 + Double.hashCode(y) * 31 * 31 + Double.hashCode(width) * 31 +
			Double.hashCode(height);
	}

	@Override
	public String toString() {
		return String.format("Box[%.1f, %.1f, %.1f x %.1f]", x, y, width, height);
	}
}
