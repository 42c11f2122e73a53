package io.claimport.common.event;

import java.time.Instant;

/**
 * One HTTP request the gateway answered, rejected ones included. Account and key are null
 * when the caller could not be identified; rejectionReason is null for requests that were
 * let through.
 */
public record RequestLogged(String requestId, String accountId, String keyId, String method, String path, int status,
		long latencyMillis, String clientIp, String userAgent, Instant receivedAt, String rejectionReason) {

}
