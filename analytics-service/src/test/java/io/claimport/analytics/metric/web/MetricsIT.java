package io.claimport.analytics.metric.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.claimport.common.event.ClaimResolved;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.StoreCreditIssued;
import io.claimport.common.id.PublicIds;
import io.claimport.analytics.metric.StoreEvents;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static io.claimport.analytics.metric.StoreEvents.item;
import static io.claimport.analytics.metric.StoreEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The metrics of one account's small store, sent as events with the times they happened:
 * four orders and three claims in the first week of November 2026, read in New York's
 * time zone (where the clocks went back on the 1st).
 */
@ServiceIntegrationTest
class MetricsIT {

	static final String TZ = "&tz=America/New_York";

	static final String WEEK = "?from=2026-11-01&to=2026-11-07" + TZ;

	static final Instant C1_FILED = Instant.parse("2026-11-03T10:00:00Z");

	// 21:00 on the 3rd in New York: the 4th in UTC
	static final Instant C2_FILED = Instant.parse("2026-11-04T02:00:00Z");

	static final Instant C3_FILED = Instant.parse("2026-11-05T12:00:00Z");

	static final Instant NEWEST = C3_FILED.plus(Duration.ofHours(5));

	@Value("${local.server.port}")
	int port;

	StoreEvents store;

	String account;

	@BeforeEach
	void openTheStore() {
		this.account = PublicIds.next("acct");
		this.store = new StoreEvents(this.account);
		this.store.send(EventTypes.PRODUCT_CREATED, "prod_a", Instant.parse("2026-10-01T00:00:00Z"),
				new ProductCreated("prod_a", "Headphones", "SKU-A", "Audio", new BigDecimal("99.00"), 12));
		this.store.send(EventTypes.PRODUCT_CREATED, "prod_b", Instant.parse("2026-10-01T00:00:00Z"),
				new ProductCreated("prod_b", "Rake", "SKU-B", "Garden", new BigDecimal("20.00"), 24));
		this.store.order("ord_1", "2026-11-02T15:00:00Z", "10.00", "USD", line("li_1", "SKU-A"));
		this.store.order("ord_2", "2026-11-03T15:00:00Z", "20.00", "USD", line("li_2", "SKU-A"), line("li_3", "SKU-B"));
		this.store.order("ord_3", "2026-11-03T16:00:00Z", "30.00", "USD", line("li_4", "SKU-B"));
		this.store.order("ord_4", "2026-11-04T03:00:00Z", "40.00", "EUR", line("li_5", "SKU-A"));
		this.store.claim("clm_1", "ord_1", C1_FILED, "DAMAGED", item("li_1", "SKU-A"));
		this.store.claim("clm_2", "ord_2", C2_FILED, "STOLEN", item("li_2", "SKU-A"), item("li_3", "SKU-B"));
		this.store.claim("clm_3", "ord_3", C3_FILED, "DAMAGED", item("li_4", "SKU-B"));
		this.store.move("clm_1", "NEW", "APPROVED", C1_FILED.plus(Duration.ofHours(2)));
		this.store.send(EventTypes.CLAIM_RESOLVED, "clm_1", C1_FILED.plus(Duration.ofHours(3)),
				new ClaimResolved("clm_1", "res_1", "REFUND", new BigDecimal("25.00"), new BigDecimal("25.00"), true,
						new BigDecimal("5.00"), "USD"));
		this.store.move("clm_1", "APPROVED", "RESOLVED", C1_FILED.plus(Duration.ofHours(3)));
		this.store.move("clm_2", "NEW", "DENIED", C2_FILED.plus(Duration.ofHours(10)));
		this.store.move("clm_3", "NEW", "OPEN", C3_FILED.plus(Duration.ofHours(1)));
		this.store.move("clm_3", "OPEN", "APPROVED", C3_FILED.plus(Duration.ofHours(4)));
		this.store.send(EventTypes.CLAIM_RESOLVED, "clm_3", NEWEST, new ClaimResolved("clm_3", "res_3", "STORE_CREDIT",
				new BigDecimal("15.00"), new BigDecimal("15.00"), false, BigDecimal.ZERO, "EUR"));
		this.store.move("clm_3", "APPROVED", "RESOLVED", NEWEST);
		this.store.send(EventTypes.STORE_CREDIT_ISSUED, "clm_3", NEWEST, new StoreCreditIssued("clm_3", "GIFT_CARD",
				new BigDecimal("15.00"), new BigDecimal("1.50"), new BigDecimal("16.50"), "EUR"));
		// three topics: wait for the last event of each
		await().atMost(Duration.ofSeconds(30))
			.until(() -> metric("time-to-resolution" + WEEK).get("total").get(0).get("count").asInt() == 2
					&& metric("orders" + WEEK).get("total").get(0).get("count").asInt() == 4
					&& !metric("claims" + WEEK + "&by=sku").get("total").get(1).get("productName").isNull());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void countsClaimsPerDayOfTheCallersTimeZoneWithEveryDayPresent() {
		JsonNode claims = metric("claims" + WEEK + "&interval=day");

		assertThat(claims.get("total").get(0).get("count").asInt()).isEqualTo(3);
		assertThat(claims.get("series").findValuesAsString("period")).containsExactly("2026-11-01", "2026-11-02",
				"2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07");
		assertThat(claims.get("series").findValues("count")).extracting(JsonNode::asInt)
			.containsExactly(0, 0, 2, 0, 1, 0, 0);
		assertThat(claims.get("asOf").asString()).isEqualTo(NEWEST.toString());
		assertThat(claims.get("timeZone").asString()).isEqualTo("America/New_York");
		// the same claims in UTC: the second was filed on the 4th
		assertThat(metric("claims?from=2026-11-01&to=2026-11-07&interval=day").get("series").findValues("count"))
			.extracting(JsonNode::asInt)
			.containsExactly(0, 0, 1, 1, 1, 0, 0);
	}

	@Test
	void breaksClaimsDownByIssueTypeSkuAndTheCategoryOfTheProduct() {
		JsonNode byIssue = metric("claims" + WEEK + "&by=issueType").get("total");
		JsonNode bySku = metric("claims" + WEEK + "&by=sku").get("total");
		JsonNode byCategory = metric("claims" + WEEK + "&by=category").get("total");

		assertThat(byIssue.findValuesAsString("group")).containsExactly("DAMAGED", "STOLEN");
		assertThat(byIssue.findValues("count")).extracting(JsonNode::asInt).containsExactly(2, 1);
		assertThat(bySku.findValuesAsString("group")).containsExactly("SKU-A", "SKU-B");
		assertThat(bySku.get(0).get("productName").asString()).isEqualTo("Headphones");
		assertThat(bySku.findValues("count")).extracting(JsonNode::asInt).containsExactly(2, 2);
		assertThat(byCategory.findValuesAsString("group")).containsExactly("Audio", "Garden");
	}

	@Test
	void dividesClaimsByOrdersOverallAndPerSku() {
		JsonNode overall = metric("claim-rate" + WEEK).get("total").get(0);
		JsonNode perSku = metric("claim-rate" + WEEK + "&by=sku").get("total");

		assertThat(overall.get("numerator").asInt()).isEqualTo(3);
		assertThat(overall.get("denominator").asInt()).isEqualTo(4);
		assertThat(overall.get("rate").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(perSku.findValuesAsString("group")).containsExactly("SKU-A", "SKU-B");
		assertThat(perSku.get(0).get("rate").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(perSku.get(1).get("rate").decimalValue()).isEqualByComparingTo("1");
	}

	@Test
	void ratesDecisionsAndTimesTheWayToThem() {
		JsonNode approval = metric("approval-rate" + WEEK).get("total").get(0);
		JsonNode denial = metric("denial-rate" + WEEK).get("total").get(0);
		JsonNode decision = metric("time-to-first-decision" + WEEK).get("total").get(0);
		JsonNode resolution = metric("time-to-resolution" + WEEK).get("total").get(0);

		assertThat(approval.get("rate").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(denial.get("numerator").asInt()).isEqualTo(1);
		assertThat(denial.get("denominator").asInt()).isEqualTo(3);
		// 2 h, 4 h and 10 h: the median and the interpolated 90th percentile, within a
		// histogram bucket's width (1/64)
		assertThat(decision.get("medianSeconds").asLong()).isCloseTo(14_400, within(14_400L / 64));
		assertThat(decision.get("p90Seconds").asLong()).isCloseTo(31_680, within(31_680L / 64));
		assertThat(resolution.get("medianSeconds").asLong()).isCloseTo(14_400, within(14_400L / 64));
		assertThat(resolution.get("count").asInt()).isEqualTo(2);
	}

	@Test
	void keepsMoneyOfEachCurrencyApart() {
		JsonNode cost = metric("resolution-cost" + WEEK).get("total");
		JsonNode costByType = metric("resolution-cost" + WEEK + "&by=resolutionType").get("total");
		JsonNode credit = metric("store-credit" + WEEK).get("total");
		JsonNode value = metric("order-value" + WEEK).get("total");

		assertThat(cost.findValuesAsString("currency")).containsExactly("EUR", "USD");
		// the refund and the shipping refunded with it
		assertThat(cost.get(1).get("amount").decimalValue()).isEqualByComparingTo("30.00");
		assertThat(costByType.findValuesAsString("group")).containsExactlyInAnyOrder("REFUND", "STORE_CREDIT");
		assertThat(credit).singleElement()
			.satisfies((row) -> assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("16.50"));
		assertThat(value.findValuesAsString("currency")).containsExactly("EUR", "USD");
		assertThat(value.get(1).get("amount").decimalValue()).isEqualByComparingTo("60.00");
		assertThat(value.get(1).get("count").asInt()).isEqualTo(3);
	}

	@Test
	void ranksSkusByClaimsOrByClaimRateWithTheirProducts() {
		JsonNode byClaims = metric("top-skus" + WEEK);
		JsonNode byRate = metric("top-skus" + WEEK + "&rank=claimRate&limit=1&interval=week");

		// two claims each: the higher rate first
		assertThat(byClaims.get("total").findValuesAsString("group")).containsExactly("SKU-B", "SKU-A");
		assertThat(byClaims.get("total").get(1).get("productId").asString()).isEqualTo("prod_a");
		assertThat(byClaims.get("total").get(1).get("category").asString()).isEqualTo("Audio");
		assertThat(byRate.get("total").findValuesAsString("group")).containsExactly("SKU-B");
		assertThat(byRate.get("omittedGroups").asInt()).isEqualTo(1);
		assertThat(byRate.get("series").findValuesAsString("group")).containsOnly("SKU-B");
	}

	@Test
	void exportsAMetricAsCsv() {
		ApiClient.Response csv = api().with("Accept", "text/csv")
			.get("/api/v1/analytics/metrics/claims" + WEEK + "&interval=day&by=issueType");

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("claims_2026-11-01_2026-11-07.csv");
		assertThat(csv.body()).startsWith("period,issueType,count\r\n2026-11-01,DAMAGED,0\r\n")
			.contains("2026-11-03,DAMAGED,1\r\n2026-11-03,STOLEN,1\r\n");
	}

	@Test
	void showsNoOtherAccountsNumbers() {
		String stranger = PublicIds.next("acct");
		JsonNode claims = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(stranger, "analytics:read"))
			.get("/api/v1/analytics/metrics/claims" + WEEK)
			.json();

		assertThat(claims.get("total").get(0).get("count").asInt()).isZero();
		assertThat(claims.get("asOf").isNull()).isTrue();
	}

	@Test
	void namesEveryBadParameter() {
		ApiClient.Response unknown = api().get("/api/v1/analytics/metrics/claim-rates");
		ApiClient.Response bad = api()
			.get("/api/v1/analytics/metrics/claims?by=colour&tz=Mars/Olympus&interval=hour&limit=0");
		ApiClient.Response backwards = api().get("/api/v1/analytics/metrics/claims?from=2026-11-07&to=2026-11-01");
		ApiClient.Response tooLong = api()
			.get("/api/v1/analytics/metrics/claims?from=2000-01-01&to=2026-01-01&interval=day");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("did you mean 'claim-rate'");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("by", "tz",
				"interval", "limit");
		assertThat(bad.json().toString()).contains("issueType", "Europe/Berlin");
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(tooLong.json().get("errors").get(0).get("rule").asString()).isEqualTo("maxPeriods");
	}

	@Test
	void publishesTheCatalogueWithDefinitions() {
		JsonNode catalogue = api().get("/api/v1/analytics/metrics").json().get("metrics");

		assertThat(catalogue.findValuesAsString("name")).contains("claims", "claim-rate", "approval-rate",
				"denial-rate", "time-to-first-decision", "time-to-resolution", "resolution-cost", "top-skus", "orders",
				"order-value", "store-credit");
		JsonNode rate = catalogue.findParents("name")
			.stream()
			.filter((metric) -> metric.get("name").asString().equals("claim-rate"))
			.findFirst()
			.orElseThrow();
		assertThat(rate.get("numerator").asString()).contains("claims filed");
		assertThat(rate.get("denominator").asString()).contains("orders placed");
		assertThat(rate.get("dimensions").findValuesAsString("name")).containsExactly("sku", "category");
	}

	private JsonNode metric(String pathAndQuery) {
		ApiClient.Response response = api().get("/api/v1/analytics/metrics/" + pathAndQuery);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private ApiClient api() {
		return new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(this.account, "analytics:read"));
	}

}
