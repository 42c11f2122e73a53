package io.claimport.gateway.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import io.claimport.common.problem.ProblemCatalog;
import io.claimport.gateway.web.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the problem {@code type} URIs lead: a short page per problem type saying what
 * went wrong and what to do ({@link ProblemCatalog}), and an index of them all. No key
 * needed; no script, every text escaped.
 */
@RestController
class ProblemPages {

	/** Plain pages: nothing to load, nothing to run. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	@GetMapping(path = "/problems", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> index() {
		String items = ProblemCatalog.ALL.stream()
			.map((entry) -> "<li><a href=\"/problems/" + escape(entry.slug()) + "\">" + escape(entry.title()) + "</a> ("
					+ entry.statuses().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")</li>")
			.collect(Collectors.joining("\n"));
		return page("ClaimPort API problem types",
				"<h1>Problem types</h1>\n<p>Every error of the ClaimPort API is an RFC 9457 problem "
						+ "(<code>application/problem+json</code>) whose <code>type</code> is one of these.</p>\n"
						+ "<ul>\n" + items + "\n</ul>");
	}

	@GetMapping(path = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> problem(@PathVariable String slug) {
		ProblemCatalog.Entry entry = ProblemCatalog.bySlug(slug)
			.orElseThrow(() -> new NotFoundException(
					"There is no problem type '" + shortened(slug) + "'; GET /problems lists them all."));
		String statuses = entry.statuses().stream().map(String::valueOf).collect(Collectors.joining(", "));
		return page(entry.title() + " (ClaimPort API problem)",
				"<h1>" + escape(entry.title()) + "</h1>\n<p><code>type</code>: <code>" + escape(entry.type().toString())
						+ "</code><br>HTTP status: " + statuses + "</p>\n<h2>What happened</h2>\n<p>"
						+ escape(entry.meaning()) + "</p>\n<h2>What to do</h2>\n<p>" + escape(entry.remedy())
						+ "</p>\n<p><a href=\"/problems\">All problem types</a></p>");
	}

	private static ResponseEntity<String> page(String title, String body) {
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
				+ "</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.body(html);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String shortened(String slug) {
		return (slug.length() > 60) ? slug.substring(0, 60) + "…" : slug;
	}

}
