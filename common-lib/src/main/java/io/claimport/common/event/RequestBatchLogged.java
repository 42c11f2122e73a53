package io.claimport.common.event;

import java.util.List;

/**
 * Requests the gateway answered, sent together: one account's requests, or requests whose
 * caller could not be identified, in the order they were answered. The gateway sends its
 * request log this way, since one Kafka record per request cost more than the rest of the
 * log (docs/architecture.md).
 */
public record RequestBatchLogged(List<RequestLogged> requests) {

	public RequestBatchLogged {
		requests = List.copyOf(requests);
	}

}
