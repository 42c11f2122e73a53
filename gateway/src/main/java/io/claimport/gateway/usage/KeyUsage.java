package io.claimport.gateway.usage;

import java.time.Instant;

/**
 * A key's use on one UTC day, and when and from where it was last used.
 *
 * @param clientErrors answers with a 4xx status
 * @param serverErrors answers with a 5xx status
 */
public record KeyUsage(long requests, long clientErrors, long serverErrors, Instant lastUsedAt, String lastUsedIp) {

	public static final KeyUsage NONE = new KeyUsage(0, 0, 0, null, null);

	KeyUsage plus(KeyUsage more) {
		boolean moreIsLater = this.lastUsedAt == null
				|| (more.lastUsedAt != null && more.lastUsedAt.isAfter(this.lastUsedAt));
		return new KeyUsage(this.requests + more.requests, this.clientErrors + more.clientErrors,
				this.serverErrors + more.serverErrors, moreIsLater ? more.lastUsedAt : this.lastUsedAt,
				moreIsLater ? more.lastUsedIp : this.lastUsedIp);
	}

	static KeyUsage of(int status, Instant at, String ip) {
		return new KeyUsage(1, (status >= 400 && status < 500) ? 1 : 0, (status >= 500) ? 1 : 0, at, ip);
	}

}
