package io.claimport.analytics.metric.internal;

import java.time.Instant;
import java.util.List;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricAnswer;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.domain.MetricRow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Answers a metric for one account from its facts. */
@Service
public class Metrics {

	private final MetricQueries queries;

	Metrics(MetricQueries queries) {
		this.queries = queries;
	}

	/**
	 * The metric's total and, with an interval, its series: both read from one snapshot
	 * of the facts, so that they agree with each other and with {@code asOf}.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public MetricAnswer answer(String account, MetricQuery query) {
		Instant asOf = this.queries.asOf(account).orElse(null);
		MetricAnswer answer = MetricAnswer.of(query, asOf, this.queries.rows(account, query, false, null));
		boolean bySku = query.metric() == Metric.TOP_SKUS || query.by() == Dimension.SKU;
		List<String> skus = bySku ? answer.groups().stream().filter((group) -> group != null).toList() : null;
		if (bySku) {
			answer = answer.withProducts(this.queries.products(account, skus));
		}
		if (query.interval() == null) {
			return answer;
		}
		List<MetricRow> periods = this.queries.rows(account, query, true, skus);
		return answer.withSeries(periods);
	}

}
