package io.claimport.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console at /console in a real browser (Debian's chromium, headless, through its
 * chromedriver) over the whole suite: an account's owner signs in with a key, sees charts
 * of the account's own claims and orders, creates a key and sees its secret once, revokes
 * it, reads usage and the request log, at 1280×800 and on a phone-sized window; a key
 * without full:access sees what it may see. Each page's screenshot is saved under
 * target/console-screenshots.
 */
@ExtendWith(SharedSuite.class)
class ConsoleBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	static final String HOSTILE = "<script>window.pwned = 1</script>";

	static Suite suite;

	static ApiClient gateway;

	static String ownerKey;

	static String readerKey;

	ChromeDriver browser;

	@BeforeAll
	static void startTheSuiteWithAStore() throws Exception {
		suite = SharedSuite.suite();
		gateway = new ApiClient(suite.settings().gatewayUrl());
		ApiClient.Response account = gateway.with("Authorization", "Bearer " + suite.adminToken())
			.post("/admin/v1/accounts", Map.of("name", "Console Outdoor", "plan", "BUSINESS"));
		assertThat(account.status()).as(account.body()).isEqualTo(201);
		ownerKey = account.json().get("apiKey").get("key").asString();
		ApiClient owner = gateway.with("X-API-Key", ownerKey);
		readerKey = owner.post("/api/v1/keys", Map.of("name", "Dashboard", "scopes", List.of("analytics:read")))
			.json()
			.get("key")
			.asString();
		openTheStore(owner);
		Files.createDirectories(SCREENSHOTS);
	}

	/** Products, orders and claims, one of each with a script for a name. */
	private static void openTheStore(ApiClient owner) {
		assertThat(owner
			.post("/api/v1/products", List.of(product("TENT-1", "Tents", "Trail tent"),
					product("LAMP-1", "Lights", HOSTILE), product("STOVE-1", "Kitchen", "Camp stove")))
			.status()).isEqualTo(201);
		List<String> orders = new ArrayList<>();
		owner
			.post("/api/v1/orders", List.of(order("2001", "TENT-1"), order("2002", "LAMP-1"), order("2003", "TENT-1"),
					order("2004", "STOVE-1")))
			.json()
			.get("created")
			.forEach((id) -> orders.add(id.asString()));
		String first = claim(owner, orders.get(0), "TENT-1", "The zip tore on the first night.");
		claim(owner, orders.get(1), "LAMP-1", HOSTILE);
		claim(owner, orders.get(2), "TENT-1", "A pole arrived bent.");
		assertThat(owner
			.post("/api/v1/claims/" + first + "/transitions", Map.of("claimState", "APPROVED", "reason", "photos"))
			.status()).isEqualTo(200);
		// the analytics service has them all
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> owner.get("/api/v1/analytics/metrics/claims").json().get("total").get(0).get("count").asInt(),
					(count) -> count == 3);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> owner.get("/api/v1/analytics/metrics/approval-rate").json().get("total").get(0),
					(rate) -> rate.get("denominator").asInt() == 1);
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(1280, 800);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			assertThat(HeadlessChromium.refusedByThePolicy(this.browser))
				.as("what the page's Content-Security-Policy refused")
				.isEmpty();
			this.browser.quit();
		}
	}

	@Test
	void anOwnerSeesTheAccountsChartsAndClaimsAsTextNeverAsMarkup() {
		signIn(ownerKey);

		WebElement claims = drawn("chart-claims");
		assertThat(Integer.parseInt(claims.getAttribute("data-drawn"))).as("days with claims").isPositive();
		drawn("chart-issue-types");
		drawn("chart-approval-rate");
		drawn("chart-top-skus");
		WebElement latest = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("latest-claims")), (found) -> found.getText().contains("pole"));
		assertThat(latest.getText()).contains(HOSTILE);
		assertThat(this.browser.findElement(By.id("top-skus")).getText()).contains("TENT-1", "Trail tent", HOSTILE);
		assertThat(this.browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
		assertThat(this.browser.findElement(By.id("as-of")).getText()).contains("Numbers include every event");
		screenshot("analytics");

		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.navigate().refresh();
		drawn("chart-claims");
		assertThat(this.browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("nothing wider than a phone's screen")
			.isEqualTo(true);
		screenshot("analytics-phone");
	}

	@Test
	void anOwnerCreatesAKeySeesItsSecretOnceAndRevokesIt() {
		signIn(ownerKey);
		this.browser.findElement(By.cssSelector("a[data-view=keys]")).click();

		WebElement form = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("create-key")), WebElement::isDisplayed);
		screenshot("keys");
		form.findElement(By.id("new-key-name")).sendKeys("Storefront");
		form.findElement(By.cssSelector("input[value='products:read']")).click();
		form.findElement(By.id("create")).click();
		String secret = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("new-secret")).getText(),
					(text) -> text.startsWith("cp_live_"));
		assertThat(this.browser.findElement(By.id("secret-panel")).getText()).contains("shown only this once");
		screenshot("key-created");
		this.browser.findElement(By.id("secret-done")).click();

		WebElement row = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.xpath("//tr[td[1][.='Storefront']]")), WebElement::isDisplayed);
		assertThat(this.browser.getPageSource()).as("the secret is shown once").doesNotContain(secret);
		assertThat(row.getText()).contains(secret.substring(0, 12)).contains("products:read");
		String keyId = row.getAttribute("data-key-id");
		row.findElement(By.cssSelector("button[data-action=revoke]")).click();
		this.browser.findElement(By.id("confirm-ok")).click();
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.cssSelector(".message")).getText(),
					(text) -> text.contains("is revoked"));

		ApiClient.Response revoked = gateway.with("X-API-Key", ownerKey).get("/api/v1/keys/" + keyId);
		assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
		assertThat(gateway.with("X-API-Key", secret).get("/api/v1/products").status()).isEqualTo(401);
	}

	@Test
	void anOwnerReadsUsageWithThePlansLimitsAndFiltersTheRequestLog() {
		signIn(ownerKey);
		this.browser.findElement(By.cssSelector("a[data-view=usage]")).click();

		drawn("chart-usage");
		assertThat(this.browser.findElement(By.id("plan-limits")).getText()).contains("BUSINESS", "a day per key");
		screenshot("usage");

		this.browser.findElement(By.cssSelector("a[data-view=requests]")).click();
		WebElement method = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("filter-method")), WebElement::isDisplayed);
		method.findElement(By.cssSelector("option[value=POST]")).click();
		this.browser.findElement(By.id("filter-path")).sendKeys("/api/v1/claims");
		this.browser.findElement(By.id("apply-filters")).click();
		List<String> methods = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElements(By.cssSelector("#request-results tbody tr td:nth-child(2)"))
				.stream()
				.map(WebElement::getText)
				.toList(), (found) -> !found.isEmpty());
		assertThat(methods).containsOnly("POST");
		assertThat(this.browser.findElements(By.cssSelector("#request-results tbody tr td:nth-child(3)"))
			.stream()
			.map(WebElement::getText)).allMatch((path) -> path.startsWith("/api/v1/claims"));
		screenshot("requests");
	}

	@Test
	void aKeyWithoutFullAccessSeesItsChartsAndIsToldWhatItMayNotSeeAndSigningOutForgetsIt() {
		signIn(readerKey);
		drawn("chart-claims");
		assertThat(this.browser.findElement(By.id("latest-claims")).getText()).contains("claims:read");

		this.browser.findElement(By.cssSelector("a[data-view=keys]")).click();
		WebElement refused = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.cssSelector(".message")), WebElement::isDisplayed);
		assertThat(refused.getText()).contains("full:access");
		assertThat(this.browser.getCurrentUrl()).doesNotContain(readerKey);
		assertThat(this.browser.executeScript("return localStorage.length")).isEqualTo(0L);

		this.browser.findElement(By.id("sign-out")).click();
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("api-key")), WebElement::isDisplayed);
		assertThat(this.browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
		screenshot("signed-out");
	}

	private void signIn(String key) {
		this.browser.get(suite.settings().gatewayUrl() + "/console");
		WebElement input = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("api-key")), WebElement::isDisplayed);
		input.sendKeys(key);
		this.browser.findElement(By.id("sign-in")).click();
	}

	/** The chart once it is drawn. */
	private WebElement drawn(String id) {
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id(id)), (canvas) -> canvas.getAttribute("data-drawn") != null);
	}

	private void screenshot(String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String claim(ApiClient owner, String orderId, String sku, String description) {
		ApiClient.Response filed = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> owner.post("/api/v1/claims",
					List.of(Map.of("orderId", orderId, "authorName", "Camper", "authorEmail", "camper@example.com",
							"claimDescription", description, "claimType", "DAMAGED", "claimItems",
							List.of(Map.of("itemId", sku, "quantity", 1))))),
					(response) -> response.status() != 422);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().get("created").get(0).asString();
	}

	private static Map<String, Object> product(String sku, String category, String name) {
		return Map.of("name", name, "sku", sku, "category", category, "price", new BigDecimal("49.00"),
				"warrantyMonths", 12);
	}

	private static Map<String, Object> order(String number, String sku) {
		return Map.of("orderNumber", number, "status", "DELIVERED", "customer",
				Map.of("email", "camper@example.com", "name", "Camper"), "lineItems",
				List.of(Map.of("sku", sku, "quantity", 1, "price", new BigDecimal("49.00"))));
	}

}
