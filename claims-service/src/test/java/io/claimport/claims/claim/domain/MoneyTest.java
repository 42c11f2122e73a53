package io.claimport.claims.claim.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@Test
	void takesNoMoreDecimalsThanTheCurrencyHas() {
		assertThat(Money.problem(new BigDecimal("149.99"), "USD")).isNull();
		assertThat(Money.problem(new BigDecimal("149.990"), "usd")).as("trailing zeros add nothing").isNull();
		assertThat(Money.problem(new BigDecimal("1.234"), "USD")).contains("decimals");
		assertThat(Money.problem(new BigDecimal("100"), "JPY")).isNull();
		assertThat(Money.problem(new BigDecimal("100.5"), "JPY")).contains("JPY");
		assertThat(Money.problem(new BigDecimal("1.125"), "BHD")).as("three decimals").isNull();
	}

	@Test
	void refusesNegativeHugeAndUnknownCurrencies() {
		assertThat(Money.problem(new BigDecimal("-0.01"), "USD")).contains("negative");
		assertThat(Money.problem(new BigDecimal("1000000000000"), "USD")).contains("at most");
		assertThat(Money.problem(BigDecimal.ONE, "ZZZ")).contains("ISO 4217");
		assertThat(Money.problem(BigDecimal.ONE, "US")).contains("ISO 4217");
		assertThatThrownBy(() -> new Money(BigDecimal.ONE, "ZZZ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void keepsTheCurrencyInCapitals() {
		assertThat(new Money(BigDecimal.TEN, "eur").currency()).isEqualTo("EUR");
	}

}
