package io.claimport.analytics.metric.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.claimport.analytics.metric.StoreEvents;
import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.DurationBuckets;
import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.domain.MetricRow;
import io.claimport.analytics.metric.internal.MetricQueries.Source;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.claimport.analytics.metric.StoreEvents.item;
import static io.claimport.analytics.metric.StoreEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The roll-ups answer every metric they keep as the facts do, after the facts changed
 * under them: an order moved to another day with other lines, another returned, a denied
 * claim approved on appeal; in time zones whose days are UTC's, an hour or half an hour
 * off it, across a change of the clocks.
 */
@ServiceIntegrationTest
class RollupAnswersIT {

	static final Instant FIRST = Instant.parse("2026-10-30T23:50:00Z");

	@Autowired
	MetricQueries queries;

	@Autowired
	JdbcClient jdbc;

	String account;

	StoreEvents store;

	@BeforeEach
	void runTheStore() {
		this.account = PublicIds.next("acct");
		this.store = new StoreEvents(this.account);
		this.store.product("prod_a", "Headphones", "SKU-A", "Audio", FIRST);
		this.store.order("ord_1", "2026-10-30T23:50:00Z", "10.00", "USD", line("li_1", "SKU-A"));
		this.store.order("ord_2", "2026-11-01T05:40:00Z", "20.50", "USD", line("li_2", "SKU-A"), line("li_3", "SKU-B"));
		this.store.order("ord_3", "2026-11-02T18:29:00Z", "30.00", "EUR", line("li_4", "SKU-B"));
		this.store.order("ord_4", "2026-11-04T00:00:00Z", "40.00", "EUR", line("li_5", "SKU-A"), line("li_6", "SKU-A"));
		this.store.claim("clm_1", "ord_1", Instant.parse("2026-11-01T04:59:00Z"), "DAMAGED", item("li_1", "SKU-A"));
		this.store.claim("clm_2", "ord_2", Instant.parse("2026-11-02T00:15:00Z"), "STOLEN", item("li_2", "SKU-A"),
				item("li_3", "SKU-B"));
		this.store.claim("clm_3", "ord_3", Instant.parse("2026-11-03T12:00:00Z"), "DAMAGED", item("li_4", "SKU-B"));
		this.store.claim("clm_4", "ord_4", Instant.parse("2026-11-05T23:59:59Z"), "DEFECTIVE", item("li_5", "SKU-A"),
				item("li_6", "SKU-A"));
		// after they were counted: ord_2 bought a day earlier, for more, with other lines
		this.store.orderChanged("ord_2", Instant.parse("2026-11-03T09:00:00Z"), "2026-10-31T22:10:00Z", "25.00", "USD",
				line("li_2", "SKU-A"), line("li_7", "SKU-C"));
		this.store.orderMoved("ord_3", "DELIVERED", "RETURNED", Instant.parse("2026-11-06T10:00:00Z"));
		this.store.move("clm_1", "NEW", "APPROVED", Instant.parse("2026-11-01T06:00:00Z"));
		this.store.resolve("clm_1", "res_1", "REFUND", "10.00", "2.50", "USD", Instant.parse("2026-11-01T07:00:00Z"));
		this.store.move("clm_1", "APPROVED", "RESOLVED", Instant.parse("2026-11-01T07:00:00Z"));
		this.store.move("clm_2", "NEW", "DENIED", Instant.parse("2026-11-02T20:00:00Z"));
		this.store.move("clm_2", "DENIED", "OPEN", Instant.parse("2026-11-04T08:00:00Z"));
		this.store.move("clm_2", "OPEN", "APPROVED", Instant.parse("2026-11-05T08:00:00Z"));
		this.store.resolve("clm_2", "res_2", "STORE_CREDIT", "20.00", "0", "USD",
				Instant.parse("2026-11-05T09:00:00Z"));
		this.store.credit("clm_2", "20.00", "2.00", "USD", Instant.parse("2026-11-05T09:00:00Z"));
		this.store.move("clm_3", "NEW", "OPEN", Instant.parse("2026-11-03T13:00:00Z"));
		this.store.move("clm_4", "NEW", "DISMISSED", Instant.parse("2026-11-06T00:10:00Z"));
		// each order's, claim's and product's events on their own partition: the last
		// of every one
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(list("SELECT claim_id || ' ' || state FROM projection.claim_fact WHERE account_id = :account"))
				.containsExactlyInAnyOrder("clm_1 RESOLVED", "clm_2 APPROVED", "clm_3 OPEN", "clm_4 DISMISSED");
			assertThat(list("SELECT order_id || ' ' || status || ' ' || total_amount FROM projection.order_fact "
					+ "WHERE account_id = :account"))
				.containsExactlyInAnyOrder("ord_1 DELIVERED 10.0000", "ord_2 DELIVERED 25.0000",
						"ord_3 RETURNED 30.0000", "ord_4 DELIVERED 40.0000");
			assertThat(
					list("SELECT order_id || ' ' || sku FROM projection.order_line_fact WHERE account_id = :account"))
				.contains("ord_2 SKU-C")
				.doesNotContain("ord_2 SKU-B");
			assertThat(list("SELECT resolution_id FROM projection.resolution_fact WHERE account_id = :account"))
				.containsExactlyInAnyOrder("res_1", "res_2");
			assertThat(list("SELECT claim_id FROM projection.store_credit_fact WHERE account_id = :account"))
				.containsExactly("clm_2");
			assertThat(list("SELECT sku FROM projection.catalog_product WHERE account_id = :account"))
				.containsExactly("SKU-A");
		});
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void everyMetricTheRollupsKeepAnswersAsItsFactsDoInEveryZoneAndInterval() {
		List<String> compared = new ArrayList<>();
		for (String zoneId : List.of("UTC", "America/New_York", "Asia/Kolkata")) {
			ZoneId zone = ZoneId.of(zoneId);
			// whole UTC months (October, November) in it, but no whole month of New York
			// or Kolkata in a UTC month
			Instant from = LocalDate.parse("2026-09-28").atStartOfDay(zone).toInstant();
			Instant to = LocalDate.parse("2026-12-03").atStartOfDay(zone).toInstant();
			for (Metric metric : Metric.values()) {
				for (Dimension by : breakdowns(metric)) {
					for (Interval interval : intervals()) {
						MetricQuery query = new MetricQuery(metric, from, to, zone, interval, by, 20, false);
						if (!MetricQueries.rollsUp(query)) {
							continue;
						}
						compare(query, false, null);
						if (interval != null) {
							compare(query, true, null);
							compare(query, true, List.of("SKU-A"));
						}
						compared.add(metric.metricName() + " by " + by + " per " + interval + " in " + zoneId);
					}
				}
			}
		}
		// in three zones, four intervals (none, day, week, month), every metric without
		// a breakdown and in each but category: claims 8, claim rate 2, approval and
		// denial rate 5 each, the two durations 5 each, resolution cost 2, top SKUs 2,
		// orders 4, order value 2, store credit 2
		assertThat(compared).hasSize(3 * 4 * (8 + 2 + 5 + 5 + 5 + 5 + 2 + 2 + 4 + 2 + 2));
	}

	@Test
	void aRangeNotOfWholeQuarterHoursOrByCategoryIsAnsweredFromTheFacts() {
		Instant from = Instant.parse("2026-11-01T00:00:00Z");
		ZoneId utc = ZoneId.of("UTC");
		assertThat(MetricQueries.rollsUp(query(Metric.CLAIMS, from, from.plus(Duration.ofDays(3)), null))).isTrue();
		assertThat(
				MetricQueries.rollsUp(query(Metric.CLAIMS, from.plusSeconds(60), from.plus(Duration.ofDays(3)), null)))
			.isFalse();
		assertThat(MetricQueries.rollsUp(query(Metric.CLAIMS, from, from.plus(Duration.ofDays(3)), Dimension.CATEGORY)))
			.isFalse();
		MetricQuery unaligned = new MetricQuery(Metric.CLAIMS, from.plusSeconds(60), from.plus(Duration.ofDays(3)), utc,
				Interval.DAY, null, 20, false);
		assertThat(this.queries.rows(this.account, unaligned, true, null)).extracting(MetricRow::count)
			.containsExactlyInAnyOrder(1L, 1L, 1L);
	}

	@Test
	void theDurationsOfAnyRangeReadItsWholeDaysFromTheRollupsAndTheRestFromTheFactsAlike() {
		for (Metric metric : List.of(Metric.TIME_TO_FIRST_DECISION, Metric.TIME_TO_RESOLUTION)) {
			for (Dimension by : breakdowns(metric)) {
				MetricQuery query = new MetricQuery(metric, Instant.parse("2026-10-31T07:13:20.5Z"),
						Instant.parse("2026-11-05T08:59:59Z"), ZoneId.of("Asia/Kolkata"), Interval.DAY, by, 20, false);
				assertThat(MetricQueries.rollsUp(query)).isFalse();
				compare(query, false, null);
				compare(query, true, null);
			}
		}
		MetricQuery decisions = new MetricQuery(Metric.TIME_TO_FIRST_DECISION, Instant.parse("2026-10-31T07:13:20.5Z"),
				Instant.parse("2026-11-05T09:00:01Z"), ZoneId.of("UTC"), null, null, 20, false);
		// clm_1 after 1 h 1 min, clm_2 after 19 h 45 min: the median between them
		assertThat(this.queries.rows(this.account, decisions, false, null)).singleElement().satisfies((row) -> {
			assertThat(row.count()).isEqualTo(2);
			assertThat(row.medianSeconds()).isCloseTo((3_660 + 71_100) / 2, within(71_100L / 64));
		});
	}

	@Test
	void theMigrationsRollupOfTheFactsEqualsTheRollupsKeptEventByEvent() throws IOException {
		// V3 rolls up the facts per quarter hour and day, V5 the days per month and the
		// durations' histograms
		String quartersAndDays = queries("V3__metric_rollups.sql").get(0);
		List<String> v5 = queries("V5__rollup_months_and_durations.sql");
		String months = v5.get(0).replace("FROM projection.metric_rollup", "FROM (" + quartersAndDays + ") v3");
		String select = "(" + quartersAndDays + ") UNION ALL (" + months + ") UNION ALL (" + v5.get(1) + ")";
		String columns = "measure || ' ' || dimension || ' ' || grain || ' ' || slot || ' ' || value || ' ' || detail "
				+ "|| ' ' || count || ' ' || amount::numeric(19, 4)";

		List<String> kept = this.jdbc
			.sql("SELECT " + columns + " FROM projection.metric_rollup WHERE account_id = :account")
			.param("account", this.account)
			.query(String.class)
			.list();
		List<String> backfilled = this.jdbc
			.sql("SELECT " + columns + " FROM (" + select + ") b WHERE account_id = :account")
			.param("account", this.account)
			.query(String.class)
			.list();

		assertThat(kept).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(backfilled);
	}

	@Test
	void theMigrationBucketsTheDurationsAsTheServiceDoes() throws IOException {
		String migration = migration("V5__rollup_months_and_durations.sql");
		String bounds = migration.substring(migration.indexOf("WITH RECURSIVE bound"),
				migration.indexOf(") b\nWHERE c.first_decided_at"));

		List<Long> lower = this.jdbc.sql("SELECT unnest(lower) FROM (" + bounds + ") b").query(Long.class).list();

		assertThat(lower).hasSizeGreaterThan(1000)
			.containsExactly(Arrays.stream(DurationBuckets.lowerBounds()).boxed().toArray(Long[]::new));
	}

	private String migration(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * What each of a migration's statements inserts into the roll-ups: the query after
	 * its column list.
	 */
	private List<String> queries(String migration) throws IOException {
		String sql = migration(migration);
		String insert = "INSERT INTO projection.metric_rollup (account_id, measure, dimension, grain, slot, value, "
				+ "detail, count, amount)";
		List<String> queries = new ArrayList<>();
		for (int at = sql.indexOf(insert); at >= 0; at = sql.indexOf(insert, at + 1)) {
			queries.add(sql.substring(at + insert.length(), sql.indexOf(";", at)).strip());
		}
		return queries;
	}

	private void compare(MetricQuery query, boolean perPeriod, List<String> skus) {
		List<MetricRow> facts = this.queries.rows(this.account, query, perPeriod, skus, Source.FACTS);
		List<MetricRow> rollups = this.queries.rows(this.account, query, perPeriod, skus, Source.ROLLUPS);
		assertThat(rollups).as(query + (perPeriod ? " per period" : " in total") + " of " + skus)
			.containsExactlyInAnyOrderElementsOf(facts);
	}

	private static MetricQuery query(Metric metric, Instant from, Instant to, Dimension by) {
		return new MetricQuery(metric, from, to, ZoneId.of("UTC"), null, by, 20, false);
	}

	private static List<Dimension> breakdowns(Metric metric) {
		List<Dimension> breakdowns = new ArrayList<>();
		breakdowns.add(null);
		breakdowns.addAll(metric.dimensions());
		return breakdowns;
	}

	private static List<Interval> intervals() {
		List<Interval> intervals = new ArrayList<>(Arrays.asList(Interval.values()));
		intervals.add(0, null);
		return intervals;
	}

	private List<String> list(String sql) {
		return this.jdbc.sql(sql).param("account", this.account).query(String.class).list();
	}

}
