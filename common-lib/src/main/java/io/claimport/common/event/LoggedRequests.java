package io.claimport.common.event;

import java.util.List;

/** Reads the request log's events of either kind as the requests they record. */
public final class LoggedRequests {

	private LoggedRequests() {
	}

	/** The requests a payload records; none when it is not a request-log event. */
	public static List<RequestLogged> in(Object payload) {
		if (payload instanceof RequestBatchLogged batch) {
			return batch.requests();
		}
		if (payload instanceof RequestLogged request) {
			return List.of(request);
		}
		return List.of();
	}

}
