package org.ecgdigitizer.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;

/**
 * A small JSON reader and writer, so that the plugin needs no JSON library in Fiji.
 *
 * <p>Writing accepts {@link Map} (keys in iteration order), {@link Collection}, arrays of
 * primitives and objects, {@link Number}, {@link String}, {@link Boolean} and null.
 * Non-finite numbers are written as null. Arrays of numbers stay on one line when pretty
 * printing, so long coordinate lists remain readable. Numbers read back exactly.</p>
 *
 * <p>Reading returns {@link LinkedHashMap}, {@link ArrayList}, {@link Double}, {@link String},
 * {@link Boolean} or null.</p>
 */
public final class Json {

	private Json() {}

	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(sb, value, 0, true);
		sb.append('\n');
		return sb.toString();
	}

	public static String writeCompact(Object value) {
		StringBuilder sb = new StringBuilder();
		write(sb, value, 0, false);
		return sb.toString();
	}

	public static void write(Path file, Object value) throws IOException {
		Files.writeString(file, write(value), StandardCharsets.UTF_8);
	}

	public static Object read(Path file) throws IOException {
		return parse(Files.readString(file, StandardCharsets.UTF_8));
	}

	/**
	 * Formats a number the way this writer does: integers without a decimal point, others in the
	 * shortest form that reads back to the same double (callers that want fewer digits round first).
	 */
	public static String number(double v) {
		if (!Double.isFinite(v)) return "null";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	private static void write(StringBuilder sb, Object v, int indent, boolean pretty) {
		if (v == null) {
			sb.append("null");
		}
		else if (v instanceof String) {
			quote(sb, (String) v);
		}
		else if (v instanceof Boolean) {
			sb.append(v.toString());
		}
		else if (v instanceof Double || v instanceof Float) {
			sb.append(number(((Number) v).doubleValue()));
		}
		else if (v instanceof Number) {
			sb.append(v.toString());
		}
		else if (v instanceof Map) {
			Map<?, ?> map = (Map<?, ?>) v;
			if (map.isEmpty()) {
				sb.append("{}");
				return;
			}
			sb.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) sb.append(',');
				first = false;
				newline(sb, indent + 1, pretty);
				quote(sb, String.valueOf(e.getKey()));
				sb.append(pretty ? ": " : ":");
				write(sb, e.getValue(), indent + 1, pretty);
			}
			newline(sb, indent, pretty);
			sb.append('}');
		}
		else if (v instanceof double[]) {
			double[] a = (double[]) v;
			sb.append('[');
			for (int i = 0; i < a.length; i++) {
				if (i > 0) sb.append(',');
				sb.append(number(a[i]));
			}
			sb.append(']');
		}
		else if (v instanceof float[]) {
			float[] a = (float[]) v;
			sb.append('[');
			for (int i = 0; i < a.length; i++) {
				if (i > 0) sb.append(',');
				sb.append(number(a[i]));
			}
			sb.append(']');
		}
		else if (v instanceof int[]) {
			int[] a = (int[]) v;
			sb.append('[');
			for (int i = 0; i < a.length; i++) {
				if (i > 0) sb.append(',');
				sb.append(a[i]);
			}
			sb.append(']');
		}
		else if (v instanceof Object[]) {
			write(sb, List.of((Object[]) v), indent, pretty);
		}
		else if (v instanceof Collection) {
			Collection<?> c = (Collection<?>) v;
			if (c.isEmpty()) {
				sb.append("[]");
				return;
			}
			boolean flat = c.stream().allMatch(x -> x == null || x instanceof Number || x instanceof Boolean ||
				x instanceof String && ((String) x).length() < 16);
			sb.append('[');
			boolean first = true;
			for (Object x : c) {
				if (!first) sb.append(flat && pretty ? ", " : ",");
				first = false;
				if (!flat) newline(sb, indent + 1, pretty);
				write(sb, x, indent + 1, pretty);
			}
			if (!flat) newline(sb, indent, pretty);
			sb.append(']');
		}
		else {
			throw new IllegalArgumentException("Cannot write " + v.getClass().getName() + " as JSON");
		}
	}

	private static void newline(StringBuilder sb, int indent, boolean pretty) {
		if (!pretty) return;
		sb.append('\n');
		for (int i = 0; i < indent; i++) sb.append("  ");
	}

	private static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"': sb.append("\\\""); break;
				case '\\': sb.append("\\\\"); break;
				case '\n': sb.append("\\n"); break;
				case '\r': sb.append("\\r"); break;
				case '\t': sb.append("\\t"); break;
				default:
					if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
					else sb.append(c);
			}
		}
		sb.append('"');
	}

	/** Parses a JSON text; fails with an {@link EcgException} that gives the offset of the problem. */
	public static Object parse(String text) {
		Parser p = new Parser(text);
		p.skipSpace();
		Object v = p.value();
		p.skipSpace();
		if (p.pos != text.length()) throw p.error("unexpected text after the JSON value");
		return v;
	}

	// -- typed access helpers for parsed objects --

	@SuppressWarnings("unchecked")
	public static Map<String, Object> object(Object json) {
		return (Map<String, Object>) json;
	}

	@SuppressWarnings("unchecked")
	public static List<Object> array(Object json) {
		return (List<Object>) json;
	}

	public static double number(Object json, double ifNull) {
		return json == null ? ifNull : ((Number) json).doubleValue();
	}

	public static double[] doubles(Object json) {
		List<Object> list = array(json);
		double[] out = new double[list.size()];
		for (int i = 0; i < out.length; i++) out[i] = number(list.get(i), Double.NaN);
		return out;
	}

	private static final class Parser {
		final String s;
		int pos;

		Parser(String s) {
			this.s = s;
		}

		EcgException error(String what) {
			return new EcgException("Invalid JSON at character " + pos + ": " + what);
		}

		void skipSpace() {
			while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
		}

		Object value() {
			if (pos >= s.length()) throw error("unexpected end");
			char c = s.charAt(pos);
			switch (c) {
				case '{': return object();
				case '[': return array();
				case '"': return string();
				case 't': return literal("true", Boolean.TRUE);
				case 'f': return literal("false", Boolean.FALSE);
				case 'n': return literal("null", null);
				default: return number();
			}
		}

		Object literal(String word, Object v) {
			if (!s.startsWith(word, pos)) throw error("expected " + word);
			pos += word.length();
			return v;
		}

		Map<String, Object> object() {
			Map<String, Object> m = new LinkedHashMap<>();
			pos++;
			skipSpace();
			if (peek() == '}') {
				pos++;
				return m;
			}
			while (true) {
				skipSpace();
				if (peek() != '"') throw error("expected a quoted key");
				String key = string();
				skipSpace();
				if (peek() != ':') throw error("expected ':'");
				pos++;
				skipSpace();
				m.put(key, value());
				skipSpace();
				char c = peek();
				pos++;
				if (c == '}') return m;
				if (c != ',') throw error("expected ',' or '}'");
			}
		}

		List<Object> array() {
			List<Object> list = new ArrayList<>();
			pos++;
			skipSpace();
			if (peek() == ']') {
				pos++;
				return list;
			}
			while (true) {
				skipSpace();
				list.add(value());
				skipSpace();
				char c = peek();
				pos++;
				if (c == ']') return list;
				if (c != ',') throw error("expected ',' or ']'");
			}
		}

		char peek() {
			if (pos >= s.length()) throw error("unexpected end");
			return s.charAt(pos);
		}

		String string() {
			StringBuilder sb = new StringBuilder();
			pos++;
			while (true) {
				char c = peek();
				pos++;
				if (c == '"') return sb.toString();
				if (c == '\\') {
					char e = peek();
					pos++;
					switch (e) {
						case 'n': sb.append('\n'); break;
						case 't': sb.append('\t'); break;
						case 'r': sb.append('\r'); break;
						case 'b': sb.append('\b'); break;
						case 'f': sb.append('\f'); break;
						case 'u':
							if (pos + 4 > s.length()) throw error("bad \\u escape");
							sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
							pos += 4;
							break;
						default: sb.append(e);
					}
				}
				else {
					sb.append(c);
				}
			}
		}

		Double number() {
			int start = pos;
			while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) pos++;
			if (start == pos) throw error("unexpected character '" + s.charAt(pos) + "'");
			try {
				return Double.valueOf(s.substring(start, pos));
			}
			catch (NumberFormatException e) {
				throw error("bad number '" + s.substring(start, pos) + "'");
			}
		}
	}
}
