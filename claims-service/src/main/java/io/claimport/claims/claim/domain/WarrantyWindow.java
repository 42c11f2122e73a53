package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long a product is covered from the day it was bought: an ISO-8601 period from the
 * purchase, counted in calendar terms in UTC. A month from 31 January ends on the last
 * day of February; a year from 29 February ends on 28 February. The window includes the
 * whole day it ends on.
 */
public record WarrantyWindow(Instant purchasedAt, Period period) {

	public WarrantyWindow {
		Objects.requireNonNull(purchasedAt, "purchasedAt");
		Objects.requireNonNull(period, "period");
	}

	public static WarrantyWindow ofMonths(Instant purchasedAt, int months) {
		return new WarrantyWindow(purchasedAt, Period.ofMonths(months));
	}

	/** The last day covered (UTC). */
	public LocalDate endsOn() {
		return LocalDate.ofInstant(this.purchasedAt, ZoneOffset.UTC).plus(this.period);
	}

	/** Whether a claim made at {@code at} falls in the window. */
	public boolean covers(Instant at) {
		return !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(endsOn());
	}

}
