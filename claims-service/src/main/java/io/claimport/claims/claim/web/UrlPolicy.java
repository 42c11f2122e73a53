package io.claimport.claims.claim.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs a claim may point to: {@code https://} with a host, no credentials in it, at
 * most 2,048 characters; {@code http://} only to localhost, and only where the local run
 * allows it. The server never fetches them: they are links for people.
 */
@Component
class UrlPolicy {

	static final int MAX_LENGTH = 2048;

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private final boolean allowLocalHttp;

	UrlPolicy(@Value("${claimport.claims.allow-local-http-urls}") boolean allowLocalHttp) {
		this.allowLocalHttp = allowLocalHttp;
	}

	/** Why a URL is refused, or null when it is taken. */
	String problem(String url) {
		if (url == null || url.isBlank()) {
			return "must not be blank";
		}
		if (url.length() > MAX_LENGTH) {
			return "must be at most " + MAX_LENGTH + " characters";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "must be a URL";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
		if (host == null || host.isEmpty()) {
			return "must be an absolute https:// URL with a host";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not hold a user name or password";
		}
		if (scheme.equals("https")) {
			return null;
		}
		if (scheme.equals("http") && this.allowLocalHttp && LOCAL_HOSTS.contains(host)) {
			return null;
		}
		return "must start with https://";
	}

}
