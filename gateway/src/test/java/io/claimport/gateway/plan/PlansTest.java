package io.claimport.gateway.plan;

import java.util.EnumMap;
import java.util.Map;

import io.claimport.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PlansTest {

	@Test
	void aPlanUpToTheBoundStarts() {
		Plans plans = new Plans(properties(new PlanLimits(true, Plans.MAX_REQUESTS_PER_MINUTE, 10_000_000, 5)));

		assertThat(plans.of(Plan.ENTERPRISE).requestsPerMinute()).isEqualTo(1_000_000);
	}

	@Test
	void aPerMinuteLimitWhoseWindowWouldNotFitInMemoryStopsTheStartNamingThePlanAndTheBound() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new Plans(properties(new PlanLimits(true, 100_000_000, 10_000_000, 5))))
			.withMessageContaining("plan ENTERPRISE")
			.withMessageContaining("at most 1000000");
	}

	@Test
	void aPlanWithApiAccessButNoRequestsStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new Plans(properties(new PlanLimits(true, 0, 100, 5))))
			.withMessageContaining("requests-per-minute and requests-per-day of 1 or more");
	}

	private static GatewayProperties properties(PlanLimits enterprise) {
		Map<Plan, PlanLimits> plans = new EnumMap<>(Plan.class);
		plans.put(Plan.STARTER, new PlanLimits(false, 0, 0, 1));
		plans.put(Plan.PROFESSIONAL, new PlanLimits(true, 60, 5000, 2));
		plans.put(Plan.BUSINESS, new PlanLimits(true, 120, 20000, 5));
		plans.put(Plan.ENTERPRISE, enterprise);
		return new GatewayProperties(null, null, null, plans, null, null, null, null, null);
	}

}
