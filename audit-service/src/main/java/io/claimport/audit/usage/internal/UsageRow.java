package io.claimport.audit.usage.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One key's requests on one UTC day. */
public record UsageRow(String keyId, LocalDate day, long requests, long clientErrors, long serverErrors,
		Instant lastUsedAt, String lastUsedIp) {

}
