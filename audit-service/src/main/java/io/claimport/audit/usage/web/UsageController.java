package io.claimport.audit.usage.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.claimport.audit.usage.internal.KeyUsage;
import io.claimport.audit.usage.internal.UsagePeriod;
import io.claimport.audit.usage.internal.UsageRow;
import io.claimport.common.identity.CallerIdentity;

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

	@GetMapping("/api/v1/audit/usage")
	UsageReport usage(CallerIdentity caller, @RequestParam(required = false) String keyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		UsagePeriod period = UsagePeriod.of(from, to, LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		return new UsageReport(period.from(), period.to(), this.usage.forAccount(caller.accountId(), keyId, period));
	}

	record UsageReport(LocalDate from, LocalDate to, List<UsageRow> data) {

	}

}
