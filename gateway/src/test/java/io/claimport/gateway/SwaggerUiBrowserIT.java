package io.claimport.gateway;

import java.time.Duration;
import java.util.List;

import io.claimport.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Swagger UI at /docs in a real browser (Debian's chromium, headless, through its
 * chromedriver): it renders the contract under the page's Content-Security-Policy, and a
 * key given to "Authorize" is sent with "Try it out".
 */
class SwaggerUiBrowserIT extends GatewayTest {

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(1280, 800);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void swaggerUiShowsTheContractAndSendsTheKeyGivenToAuthorize() {
		String key = newAccountKey("BUSINESS");
		this.browser.get("http://localhost:" + this.port + "/docs");

		WebElement title = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.cssSelector(".swagger-ui .info .title")),
					(found) -> found.getText().contains("ClaimPort API"));
		assertThat(title.getText()).contains("ClaimPort API");

		this.browser.findElement(By.cssSelector("button.authorize")).click();
		WebElement apiKey = await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> this.browser
				.findElement(By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'ApiKey')]]")),
					(found) -> found.isDisplayed());
		apiKey.findElement(By.cssSelector("input")).sendKeys(key);
		apiKey.findElement(By.cssSelector("button.authorize")).click();
		this.browser.findElement(By.cssSelector("button.btn-done")).click();

		WebElement keys = this.browser.findElement(By.id("operations-key-controller-list"));
		keys.findElement(By.cssSelector(".opblock-summary")).click();
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> keys.findElement(By.cssSelector("button.try-out__btn")), WebElement::isDisplayed)
			.click();
		keys.findElement(By.cssSelector("button.execute")).click();
		String status = await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> keys.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")).getText(),
					(text) -> !text.isBlank());

		assertThat(status).as("the key list, which needs the key").startsWith("200");
		assertThat(keys.findElement(By.cssSelector(".live-responses-table")).getText()).contains("Default key");
		List<String> refused = HeadlessChromium.refusedByThePolicy(this.browser);
		assertThat(refused).as("what the page's policy refused").isEmpty();
	}

}
