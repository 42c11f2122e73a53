package io.claimport.gateway.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.claimport.common.problem.FieldViolation;
import io.claimport.gateway.web.InvalidRequestException;

/**
 * The UTC days a usage report covers, both ends included: by default the last 30 days up
 * to today, at most 366 days.
 */
public record UsagePeriod(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_DAYS = 366;

	public static UsagePeriod of(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusDays(DEFAULT_DAYS - 1);
		List<FieldViolation> violations = new ArrayList<>();
		if (start.isAfter(end)) {
			violations.add(new FieldViolation("from", "notAfterTo", "from must not be after to"));
		}
		else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			violations.add(new FieldViolation("to", "maxRange", "a report covers at most " + MAX_DAYS + " days"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new UsagePeriod(start, end);
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

}
