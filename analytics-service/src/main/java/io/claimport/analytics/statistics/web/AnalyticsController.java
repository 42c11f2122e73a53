package io.claimport.analytics.statistics.web;

import java.util.Map;

import io.claimport.analytics.statistics.domain.Subject;
import io.claimport.analytics.statistics.internal.Statistics;
import io.claimport.common.identity.CallerIdentity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

	private final Statistics statistics;

	AnalyticsController(Statistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping
	AnalyticsResponse get(CallerIdentity caller) {
		Map<Subject, Statistics.Tally> tallies = this.statistics.forAccount(caller.accountId());
		Statistics.Tally products = tallies.get(Subject.PRODUCTS);
		Statistics.Tally orders = tallies.get(Subject.ORDERS);
		Statistics.Tally claims = tallies.get(Subject.CLAIMS);
		return new AnalyticsResponse(new AnalyticsResponse.Products(products.total(), products.breakdown()),
				new AnalyticsResponse.Orders(orders.total(), orders.breakdown()),
				new AnalyticsResponse.Claims(claims.total(), claims.breakdown()));
	}

	record AnalyticsResponse(Products products, Orders orders, Claims claims) {

		record Products(long total, Map<String, Long> byCategory) {

		}

		record Orders(long total, Map<String, Long> byStatus) {

		}

		record Claims(long total, Map<String, Long> byState) {

		}

	}

}
