package io.claimport.common.problem;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearMissTest {

	private static final List<String> ORDERS = List.of("status", "customerEmail", "page", "size");

	@Test
	void namesTheNameProbablyMeantForATypoAPrefixOrAnotherCase() {
		assertThat(NearMiss.among("customer", ORDERS)).contains("customerEmail");
		assertThat(NearMiss.among("stauts", ORDERS)).contains("status");
		assertThat(NearMiss.among("Size", ORDERS)).contains("size");
		assertThat(NearMiss.among("pg", ORDERS)).contains("page");
	}

	@Test
	void namesNothingForANameFarFromEveryKnownOne() {
		assertThat(NearMiss.among("warrantyMonths", ORDERS)).isEmpty();
	}

}
