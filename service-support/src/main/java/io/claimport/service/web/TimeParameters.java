package io.claimport.service.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.claimport.common.problem.FieldViolation;

/**
 * A time a caller gives as a query parameter: a day ({@code 2026-11-30}) of a time zone,
 * or an instant with its offset ({@code 2026-11-30T18:00:00Z}).
 */
public final class TimeParameters {

	private TimeParameters() {
	}

	/**
	 * The instant a parameter names: a day's start or, for the end of a range
	 * ({@code endOfDay}), the next day's start, so that the day is in the range.
	 * @return null, with the violation added, when the value is neither
	 */
	public static Instant dayOrInstant(String field, String value, ZoneId zone, boolean endOfDay,
			List<FieldViolation> violations) {
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			violations.add(new FieldViolation(field, "dateTime", field + " '" + value
					+ "' is neither a day (2026-11-30) nor an instant with its offset (2026-11-30T18:00:00Z)"));
			return null;
		}
	}

}
