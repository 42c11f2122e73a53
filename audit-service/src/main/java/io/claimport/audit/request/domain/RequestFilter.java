package io.claimport.audit.request.domain;

import java.time.Instant;

/**
 * Which requests of the log to read; a null part matches everything (a null account,
 * every account's): statuses from {@code minStatus} to {@code maxStatus}, both included;
 * the method; paths that begin with {@code pathPrefix}; received in {@code [from, to)}.
 */
public record RequestFilter(String accountId, Integer minStatus, Integer maxStatus, String keyId, String method,
		String pathPrefix, Instant from, Instant to) {

	/** The same filter, on one account only. */
	public RequestFilter forAccount(String account) {
		return new RequestFilter(account, this.minStatus, this.maxStatus, this.keyId, this.method, this.pathPrefix,
				this.from, this.to);
	}

}
