package io.claimport.gateway.usage;

import java.time.Instant;
import java.time.LocalDate;

/** One key's requests on one UTC day. */
public record UsageRow(String keyId, LocalDate day, long requests, long clientErrors, long serverErrors,
		Instant lastUsedAt, String lastUsedIp) {

	UsageRow plus(KeyUsage more) {
		KeyUsage sum = new KeyUsage(this.requests, this.clientErrors, this.serverErrors, this.lastUsedAt,
				this.lastUsedIp)
			.plus(more);
		return new UsageRow(this.keyId, this.day, sum.requests(), sum.clientErrors(), sum.serverErrors(),
				sum.lastUsedAt(), sum.lastUsedIp());
	}

}
