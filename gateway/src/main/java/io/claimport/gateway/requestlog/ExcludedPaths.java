package io.claimport.gateway.requestlog;

import java.util.List;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths whose requests the request log leaves out: the gateway's own machine traffic,
 * such as health probes and metric scrapes, which would otherwise drown the API calls.
 * The API ({@code /api/**}) and the admin API ({@code /admin/**}) can never be left out,
 * so every refusal of a key or an admin token stays in the log: a pattern must start with
 * a literal first segment other than theirs.
 */
final class ExcludedPaths {

	private static final Set<String> ALWAYS_LOGGED = Set.of("api", "admin");

	private final PathPattern[] patterns;

	private ExcludedPaths(PathPattern[] patterns) {
		this.patterns = patterns;
	}

	static ExcludedPaths of(List<String> patterns) {
		return new ExcludedPaths(patterns.stream().map(ExcludedPaths::parse).toArray(PathPattern[]::new));
	}

	boolean contains(PathContainer path) {
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private static PathPattern parse(String pattern) {
		String firstSegment = pattern.startsWith("/") ? pattern.substring(1).split("/", 2)[0] : "";
		boolean literal = !firstSegment.isEmpty() && firstSegment.chars().noneMatch((c) -> "*?{".indexOf(c) >= 0);
		if (!literal || ALWAYS_LOGGED.contains(firstSegment)) {
			throw new IllegalArgumentException("claimport.gateway.request-log.excluded-paths: '" + pattern
					+ "' must start with a fixed first segment other than /api and /admin, whose requests are"
					+ " always logged");
		}
		return PathPatternParser.defaultInstance.parse(pattern);
	}

}
