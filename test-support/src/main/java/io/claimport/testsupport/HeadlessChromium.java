package io.claimport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, through its chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; a test tool's own browser download fails here): a fresh
 * profile each time, the browser's console kept so that a test can read what a page's
 * Content-Security-Policy refused.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	public static ChromeDriver open(int width, int height) {
		try {
			ChromeOptions options = new ChromeOptions().setBinary(Path.of("/usr/bin/chromium").toFile())
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run",
						"--user-data-dir=" + Files.createTempDirectory("chromium"));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver browser = new ChromeDriver(service, options);
			browser.manage().window().setSize(new Dimension(width, height));
			return browser;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the pages' Content-Security-Policy refused, from the browser's console. */
	public static List<String> refusedByThePolicy(ChromeDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused"))
			.toList();
	}

}
