package io.claimport.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.claimport.testsupport.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The malformed and hostile requests of {@code hostile-requests.jsonl}, one JSON object a
 * line: a request line, headers and body, or the raw bytes of the whole request. Texts
 * are bytes: each character stands for the byte of its code (ISO-8859-1), so a corpus
 * line can hold invalid UTF-8. Placeholders: {@code {KEY}}, {@code {HOST}},
 * {@code {FORGED}}, the other account's {@code {OTHER_ACCOUNT}}, {@code {OTHER_PRODUCT}},
 * {@code {OTHER_ORDER}}, {@code {OTHER_CLAIM}}, and {@code {REPEAT:c:n}} for n times the
 * character c.
 */
record HostileCorpus(List<Entry> entries) {

	private static final Pattern REPEAT = Pattern.compile("\\{REPEAT:(.):(\\d+)}");

	static HostileCorpus load() {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile-requests.jsonl")) {
			JsonMapper json = JsonMapper.builder().build();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					JsonNode node = json.readTree(line);
					List<String> headers = new ArrayList<>();
					if (node.has("headers")) {
						node.get("headers").forEach((header) -> headers.add(header.asString()));
					}
					entries.add(new Entry(node.get("name").asString(), text(node, "line"), headers, text(node, "body"),
							text(node, "raw")));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new HostileCorpus(entries);
	}

	private static String text(JsonNode node, String field) {
		return node.has(field) ? node.get(field).asString() : null;
	}

	record Entry(String name, String line, List<String> headers, String body, String raw) {

		RawHttp.Response send(RawHttp http, Map<String, String> values) {
			if (this.raw != null) {
				return http.exchange(bytes(fill(this.raw, values)));
			}
			String[] filled = this.headers.stream().map((header) -> fill(header, values)).toArray(String[]::new);
			return http.send(fill(this.line, values), (this.body != null) ? bytes(fill(this.body, values)) : null,
					filled);
		}

		boolean writes() {
			String method = (this.line != null) ? this.line.split(" ")[0] : this.raw.split(" ")[0];
			return !method.equals("GET") && !method.equals("HEAD");
		}

		private static String fill(String template, Map<String, String> values) {
			String filled = template;
			for (Map.Entry<String, String> value : values.entrySet()) {
				filled = filled.replace("{" + value.getKey() + "}", value.getValue());
			}
			Matcher repeat = REPEAT.matcher(filled);
			StringBuilder out = new StringBuilder();
			while (repeat.find()) {
				repeat.appendReplacement(out,
						Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
			}
			repeat.appendTail(out);
			return out.toString();
		}

		private static byte[] bytes(String text) {
			return text.getBytes(StandardCharsets.ISO_8859_1);
		}

	}

}
