package io.claimport.common.event;

import java.time.Instant;

/**
 * One HTTP request the gateway answered, rejected ones included. Account and key are null
 * when the caller could not be identified; rejectionReason is null for requests that were
 * let through. traceId and spanId (W3C, lowercase hex) name the gateway's span of the
 * request when its trace was sampled, so the trace can be found from the log; null
 * otherwise.
 */
public record RequestLogged(String requestId, String accountId, String keyId, String method, String path, int status,
		long latencyMillis, String clientIp, String userAgent, Instant receivedAt, String rejectionReason,
		String traceId, String spanId) {

	/** An entry outside any sampled trace. */
	public RequestLogged(String requestId, String accountId, String keyId, String method, String path, int status,
			long latencyMillis, String clientIp, String userAgent, Instant receivedAt, String rejectionReason) {
		this(requestId, accountId, keyId, method, path, status, latencyMillis, clientIp, userAgent, receivedAt,
				rejectionReason, null, null);
	}

}
