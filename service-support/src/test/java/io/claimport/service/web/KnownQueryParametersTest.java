package io.claimport.service.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.claimport.common.problem.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownQueryParametersTest {

	private static final Set<String> ORDERS = new LinkedHashSet<>(List.of("status", "customerEmail", "page", "size"));

	@Test
	void theRefusalNamesTheParameterTheRuleAndWhatTheEndpointTakes() {
		FieldViolation violation = KnownQueryParameters.unknown("customer", ORDERS);

		assertThat(violation.field()).isEqualTo("customer");
		assertThat(violation.rule()).isEqualTo("unknownParameter");
		assertThat(violation.message()).isEqualTo("'customer' is not a parameter of this endpoint; did you mean "
				+ "'customerEmail'?; it takes status, customerEmail, page, size");
	}

	@Test
	void aVeryLongNameIsCutInTheAnswer() {
		FieldViolation violation = KnownQueryParameters.unknown("x".repeat(5000), ORDERS);

		assertThat(violation.field()).hasSize(101).endsWith("…");
		assertThat(violation.message()).hasSizeLessThan(300);
	}

}
