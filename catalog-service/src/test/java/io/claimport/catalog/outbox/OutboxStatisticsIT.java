package io.claimport.catalog.outbox;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk import fills the outbox with hundreds of records at once: the outbox table is
 * analyzed as soon as it commits, so that the outbox's poll is planned for a full table,
 * not an empty one.
 */
@ServiceIntegrationTest
// a context of its own: OutboxIT, which may run next, stops what runs beside it, and the
// product tests would find this context's server gone
@TestPropertySource(properties = "claimport.test.context=outbox-statistics")
class OutboxStatisticsIT {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBulkImportHasTheOutboxAnalyzedOnceItCommits() {
		Instant before = Instant.now();
		List<Map<String, Object>> products = new ArrayList<>();
		for (int n = 0; n < 600; n++) {
			products.add(Map.of("name", "Burst " + n, "sku", "BURST-" + n, "category", "Bulk", "price",
					new BigDecimal("9.99"), "warrantyMonths", 12));
		}

		ApiClient.Response created = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(PublicIds.next("acct"), "products:write"))
			.post("/api/v1/products", products);

		assertThat(created.status()).isEqualTo(201);
		Timestamp analyzed = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'outbox_record'")
				.query(Timestamp.class)
				.optional()
				.orElse(null), (at) -> at != null && at.toInstant().isAfter(before));
		assertThat(analyzed.toInstant()).isAfter(before);
	}

}
