package io.claimport.audit.usage.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.claimport.audit.usage.internal.KeyUsage;
import io.claimport.audit.usage.internal.UsagePeriod;
import io.claimport.audit.usage.internal.UsageRow;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.CursorParams;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.openapi.CursorList;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling account's use of its keys, per key and UTC day. */
@RestController
class UsageController {

	private final KeyUsage usage;

	private final Clock clock;

	UsageController(KeyUsage usage, Clock clock) {
		this.usage = usage;
		this.clock = clock;
	}

	/**
	 * The rows of a period (default: the last 30 days), oldest first: all of them as a
	 * report, or walked with cursors ({@code first}/{@code after},
	 * {@code last}/{@code before}) as a connection of edges and pageInfo.
	 */
	@CursorList(value = UsageRow.class, whole = UsageReport.class)
	@GetMapping("/api/v1/audit/usage")
	Object usage(CallerIdentity caller, @RequestParam(required = false) String keyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before) {
		UsagePeriod period = UsagePeriod.of(from, to, LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		if (CursorParams.given(first, after, last, before)) {
			List<FieldViolation> violations = new ArrayList<>();
			CursorPage page = CursorParams.read(first, after, last, before, KeyUsage.DAY.parameter(),
					KeyUsage.DAY.parse(), violations);
			if (!violations.isEmpty()) {
				throw new InvalidRequestException(violations);
			}
			return this.usage.forAccount(caller.accountId(), keyId, period, KeyUsage.DAY, page);
		}
		return new UsageReport(period.from(), period.to(), this.usage.forAccount(caller.accountId(), keyId, period));
	}

	record UsageReport(LocalDate from, LocalDate to, List<UsageRow> data) {

	}

}
