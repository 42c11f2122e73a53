package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarrantyWindowTest {

	@Test
	void endsOnTheLastDayOfAShorterMonth() {
		WarrantyWindow window = WarrantyWindow.ofMonths(Instant.parse("2025-01-31T15:00:00Z"), 1);

		assertThat(window.endsOn()).isEqualTo(LocalDate.parse("2025-02-28"));
		assertThat(window.covers(Instant.parse("2025-02-28T23:59:59Z"))).isTrue();
		assertThat(window.covers(Instant.parse("2025-03-01T00:00:00Z"))).isFalse();
	}

	@Test
	void endsOnTheTwentyNinthInALeapYear() {
		assertThat(WarrantyWindow.ofMonths(Instant.parse("2024-01-31T00:00:00Z"), 1).endsOn())
			.isEqualTo(LocalDate.parse("2024-02-29"));
	}

	@Test
	void countsAYearFromALeapDayToTheTwentyEighthOfFebruary() {
		WarrantyWindow window = new WarrantyWindow(Instant.parse("2024-02-29T12:00:00Z"), Period.parse("P1Y"));

		assertThat(window.endsOn()).isEqualTo(LocalDate.parse("2025-02-28"));
		assertThat(new WarrantyWindow(Instant.parse("2024-02-29T12:00:00Z"), Period.parse("P4Y")).endsOn())
			.isEqualTo(LocalDate.parse("2028-02-29"));
	}

	@Test
	void countsPeriodsInDaysMonthsAndYears() {
		Instant bought = Instant.parse("2025-01-15T00:00:00Z");

		assertThat(new WarrantyWindow(bought, Period.parse("P90D")).endsOn()).isEqualTo(LocalDate.parse("2025-04-15"));
		assertThat(new WarrantyWindow(bought, Period.parse("P6M")).endsOn()).isEqualTo(LocalDate.parse("2025-07-15"));
		assertThat(new WarrantyWindow(bought, Period.parse("P2Y")).endsOn()).isEqualTo(LocalDate.parse("2027-01-15"));
		assertThat(new WarrantyWindow(bought, Period.parse("P1Y6M10D")).endsOn())
			.isEqualTo(LocalDate.parse("2026-07-25"));
	}

	@Test
	void countsTheDayOfPurchaseInUtc() {
		// bought late on the 31st in New York is the 1st of the next month in UTC
		WarrantyWindow window = WarrantyWindow.ofMonths(Instant.parse("2025-02-01T03:00:00Z"), 1);

		assertThat(window.endsOn()).isEqualTo(LocalDate.parse("2025-03-01"));
	}

}
