package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.Topics;
import io.claimport.claims.DeskAccount;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Settling, talking about and documenting claims over the API. */
@ServiceIntegrationTest
class ClaimDeskIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void settlesAnApprovedClaimWithARefundAndPublishesHowInTheSameVersion() {
		String id = approved();

		ApiClient.Response settled = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions",
					Map.of("resolutionType", "REFUND", "resolutionDetails", "refunded to the card", "paidValue",
							new BigDecimal("149.99"), "paidCurrency", "USD", "includeShipping", true, "shippingAmount",
							new BigDecimal("5.00")));

		assertThat(settled.status()).as(settled.body()).isEqualTo(200);
		JsonNode claim = settled.json();
		assertThat(claim.get("claimState").asString()).isEqualTo("RESOLVED");
		JsonNode resolution = claim.get("claimResolutions").get(0);
		assertThat(resolution.get("resolutionType").asString()).isEqualTo("REFUND");
		assertThat(resolution.get("resolution").asString()).isEqualTo("REFUND");
		assertThat(resolution.get("paidValue").decimalValue()).isEqualByComparingTo("149.99");
		assertThat(resolution.get("paidOriginalValue").decimalValue()).isEqualByComparingTo("149.99");
		assertThat(resolution.get("paidCurrency").asString()).isEqualTo("USD");
		assertThat(resolution.get("shippingAmount").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(resolution.get("includeShipping").asBoolean()).isTrue();
		assertThat(resolution.get("creditStore").asBoolean()).isFalse();
		assertThat(resolution.get("userId").asString()).isEqualTo("key_test");
		assertThat(claim.get("storeCredits")).isEmpty();
		assertThat(this.desk.api().get("/api/v1/claims/" + id + "/history").json().get("changes").get(3).toString())
			.contains("\"toState\":\"RESOLVED\"", "resolved: REFUND");

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			List<TopicReader.Received> events = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).toList(),
						(found) -> found.size() == 5);
			assertThat(events.subList(3, 5)).extracting((event) -> event.headers().get("ce_type"))
				.containsExactly("ClaimResolved", "ClaimStateChanged");
			assertThat(events.subList(3, 5)).extracting((event) -> event.headers().get("ce_aggregateversion"))
				.containsExactly("3", "3");
			assertThat(events.get(3).value()).contains("\"paidValue\":149.99", "\"currency\":\"USD\"");
		}
	}

	@Test
	void issuesAStoreCreditWithAnUnguessableCodeThatNoEventCarries() {
		String first = approved();
		String second = approved();

		JsonNode credit = this.desk.api()
			.post("/api/v1/claims/" + first + "/resolutions",
					Map.of("resolutionType", "STORE_CREDIT", "paidValue", new BigDecimal("25"), "paidCurrency", "EUR",
							"creditType", "DISCOUNT_CODE"))
			.json()
			.get("storeCredits")
			.get(0);
		JsonNode other = this.desk.api()
			.post("/api/v1/claims/" + second + "/resolutions",
					Map.of("resolutionType", "CREDIT", "paidValue", new BigDecimal("10"), "paidCurrency", "EUR"))
			.json()
			.get("storeCredits")
			.get(0);

		String code = credit.get("code").asString();
		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
		assertThat(other.get("code").asString()).isNotEqualTo(code);
		assertThat(credit.get("creditType").asString()).isEqualTo("DISCOUNT_CODE");
		assertThat(other.get("creditType").asString()).isEqualTo("GIFT_CARD");
		assertThat(credit.get("creditValue").decimalValue()).isEqualByComparingTo("25");
		assertThat(credit.get("totalValue").decimalValue()).isEqualByComparingTo("25");
		assertThat(credit.get("creditCurrency").asString()).isEqualTo("EUR");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			List<TopicReader.Received> events = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> first.equals(r.key())).toList(),
						(found) -> found.stream()
							.anyMatch((e) -> "StoreCreditIssued".equals(e.headers().get("ce_type"))));
			assertThat(events).allSatisfy((event) -> assertThat(event.value()).doesNotContain(code));
		}
	}

	@Test
	void refusesToSettleAClaimThatIsNotApprovedAndChangesNothing() {
		String id = file();

		ApiClient.Response refused = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions",
					Map.of("resolutionType", "REFUND", "paidValue", new BigDecimal("10"), "paidCurrency", "USD"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("currentState").asString()).isEqualTo("NEW");
		JsonNode claim = this.desk.api().get("/api/v1/claims/" + id).json();
		assertThat(claim.get("claimState").asString()).isEqualTo("NEW");
		assertThat(claim.get("claimResolutions")).isEmpty();
	}

	@Test
	void namesEveryBadFieldOfAResolutionAndTakesBothSpellingsOfAddressTypo() {
		String id = approved();

		ApiClient.Response bad = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions", Map.of("resolutionType", "MONEY_BACK", "paidValue",
					new BigDecimal("1.234"), "paidCurrency", "USD", "shippingAmount", new BigDecimal("-1")));
		ApiClient.Response yen = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions",
					Map.of("resolutionType", "REFUND", "paidValue", new BigDecimal("100.5"), "paidCurrency", "JPY"));
		ApiClient.Response unknownCurrency = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions",
					Map.of("resolutionType", "REFUND", "paidValue", new BigDecimal("1"), "paidCurrency", "ZZZ"));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("resolutionType",
				"paidValue", "paidOriginalValue", "shippingAmount");
		assertThat(bad.json().get("errors").get(0).get("message").asString()).contains("ADDRESS_TYPO", "ADRESS_TYPO");
		assertThat(yen.json().get("errors").get(0).get("field").asString()).isEqualTo("paidValue");
		assertThat(unknownCurrency.json().get("errors").get(0).get("field").asString()).isEqualTo("paidCurrency");
		assertThat(this.desk.api().get("/api/v1/claims/" + id).json().get("claimState").asString())
			.isEqualTo("APPROVED");

		ApiClient.Response typo = this.desk.api()
			.post("/api/v1/claims/" + id + "/resolutions", Map.of("resolutionType", "ADRESS_TYPO"));
		assertThat(typo.status()).as(typo.body()).isEqualTo(200);
		JsonNode resolution = typo.json().get("claimResolutions").get(0);
		assertThat(resolution.get("resolutionType").asString()).isEqualTo("ADDRESS_TYPO");
		assertThat(resolution.get("paidCurrency").asString()).isEqualTo("XXX");
	}

	@Test
	void keepsTheConversationOldestFirstWithMedia() {
		String id = file();

		ApiClient.Response customer = this.desk.api()
			.post("/api/v1/claims/" + id + "/messages",
					Map.of("message", "The left ear cup is silent.", "senderType", "customer", "authorName", "Ann Lee",
							"medias", List.of(Map.of("url", "https://cdn.example.com/ear.jpg", "type", "IMAGE"))));
		ApiClient.Response brand = this.desk.api()
			.post("/api/v1/claims/" + id + "/messages",
					Map.of("message", "Sorry! We will send a new pair.", "senderType", "brand", "authorName", "Sarah"));

		assertThat(customer.status()).as(customer.body()).isEqualTo(201);
		JsonNode messages = brand.json().get("claimMessages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("senderType").asString()).isEqualTo("customer");
		assertThat(messages.get(0).get("medias").get(0).get("url").asString())
			.isEqualTo("https://cdn.example.com/ear.jpg");
		assertThat(messages.get(1).get("senderType").asString()).isEqualTo("brand");
		assertThat(messages.get(1).get("medias")).isEmpty();
		assertThat(messages.get(1).get("claimId").asString()).isEqualTo(id);
	}

	@Test
	void refusesMessagesAndDocumentsWithBadUrlsOrTypesNamingTheField() {
		String id = file();

		ApiClient.Response plainHttp = this.desk.api()
			.post("/api/v1/claims/" + id + "/messages", Map.of("message", "see photo", "senderType", "customer",
					"medias", List.of(Map.of("url", "http://cdn.example.com/x.jpg", "type", "IMAGE"))));
		ApiClient.Response robot = this.desk.api()
			.post("/api/v1/claims/" + id + "/messages", Map.of("message", "hello", "senderType", "robot"));
		ApiClient.Response script = this.desk.api()
			.post("/api/v1/claims/" + id + "/documents",
					Map.of("url", "javascript:alert(1)", "documentType", "RECEIPT"));
		ApiClient.Response credentials = this.desk.api()
			.post("/api/v1/claims/" + id + "/documents",
					Map.of("url", "https://user:secret@files.example.com/r.pdf", "documentType", "RECEIPT"));
		ApiClient.Response unknownType = this.desk.api()
			.post("/api/v1/claims/" + id + "/documents",
					Map.of("url", "https://files.example.com/r.pdf", "documentType", "SELFIE"));

		assertThat(plainHttp.json().get("errors").get(0).get("field").asString()).isEqualTo("medias[0].url");
		assertThat(robot.json().get("errors").get(0).get("message").asString()).contains("customer", "system");
		assertThat(script.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(credentials.status()).isEqualTo(400);
		assertThat(credentials.body()).doesNotContain("secret");
		assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("documentType");
		JsonNode claim = this.desk.api().get("/api/v1/claims/" + id).json();
		assertThat(claim.get("claimMessages")).isEmpty();
		assertThat(claim.get("documents")).isEmpty();
	}

	@Test
	void attachesDocumentsAndPublishesThemWithoutTheirUrl() {
		String id = file();

		ApiClient.Response added = this.desk.api()
			.post("/api/v1/claims/" + id + "/documents",
					Map.of("url", "https://files.example.com/receipt.pdf?token=s3cr3t", "documentType", "RECEIPT"));

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		JsonNode document = added.json().get("documents").get(0);
		assertThat(document.get("documentType").asString()).isEqualTo("RECEIPT");
		assertThat(document.get("url").asString()).isEqualTo("https://files.example.com/receipt.pdf?token=s3cr3t");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records()
					.stream()
					.filter((r) -> id.equals(r.key()) && "ClaimDocumentAdded".equals(r.headers().get("ce_type")))
					.findFirst(), (found) -> found.isPresent())
				.get();
			assertThat(event.value()).contains("RECEIPT").doesNotContain("s3cr3t");
		}
	}

	@Test
	void answersAnotherAccountsClaim404ForEveryWriteAndRefusesWritesOnAnArchivedOne() {
		String id = file();
		ApiClient other = this.desk.otherAccount();

		assertThat(other.post("/api/v1/claims/" + id + "/messages", Map.of("message", "hi", "senderType", "admin"))
			.status()).isEqualTo(404);
		assertThat(other
			.post("/api/v1/claims/" + id + "/documents",
					Map.of("url", "https://files.example.com/r.pdf", "documentType", "RECEIPT"))
			.status()).isEqualTo(404);
		assertThat(other.post("/api/v1/claims/" + id + "/resolutions", Map.of("resolutionType", "OTHER")).status())
			.isEqualTo(404);

		this.desk.api().post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "DENIED"));
		this.desk.api().post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "ARCHIVED"));
		ApiClient.Response late = this.desk.api()
			.post("/api/v1/claims/" + id + "/messages", Map.of("message", "hello?", "senderType", "customer"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("currentState").asString()).isEqualTo("ARCHIVED");
	}

	private String approved() {
		String id = file();
		ApiClient.Response moved = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "APPROVED"))
			.status()).isEqualTo(200);
		return id;
	}

	private String file() {
		String orderId = this.desk.placeOrder("item_77");
		Map<String, Object> claim = new HashMap<>(Map.of("orderId", orderId, "authorName", "Ann Lee", "authorEmail",
				"ann@example.com", "claimDescription", "Left ear cup stopped working.", "claimItems",
				List.of(Map.of("itemId", "item_77", "quantity", 1))));
		ApiClient.Response response = this.desk.api().post("/api/v1/claims", List.of(claim));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("created").get(0).asString();
	}

}
