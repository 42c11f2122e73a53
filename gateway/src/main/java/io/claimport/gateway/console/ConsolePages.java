package io.claimport.gateway.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.claimport.gateway.web.WebJars;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console for the people who run an account, at {@code /console}: one page whose
 * script ({@code /console/console.js}) signs in with an API key kept in the tab's session
 * storage and calls the API with it, and draws with Chart.js from its WebJar (no CDN).
 * The page runs under a Content-Security-Policy that allows scripts, styles and calls
 * from the gateway only, and no inline script or style.
 */
@RestController
@Hidden
class ConsolePages {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private final String page;

	ConsolePages() {
		String chart = WebJars.root("org.webjars.npm", "chart.js") + "dist/chart.umd.min.js";
		this.page = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="referrer" content="no-referrer">
				<title>ClaimPort console</title>
				<link rel="stylesheet" href="/console/console.css">
				</head>
				<body>
				<header class="bar">
				<span class="brand">ClaimPort</span>
				<nav id="nav" hidden>
				<a href="#/analytics" data-view="analytics">Analytics</a>
				<a href="#/usage" data-view="usage">Usage</a>
				<a href="#/requests" data-view="requests">Requests</a>
				<a href="#/keys" data-view="keys">Settings → API</a>
				<button type="button" id="sign-out">Sign out</button>
				</nav>
				</header>
				<main id="view"></main>
				<script src="%s"></script>
				<script src="/console/console.js"></script>
				</body>
				</html>
				""".formatted(chart);
	}

	@GetMapping(path = { "/console", "/console/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> console() {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.body(this.page);
	}

}
