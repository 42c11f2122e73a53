package io.claimport.gateway;

import java.util.ArrayList;
import java.util.List;

import io.claimport.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request log as a consumer outside the suite reads it: every request in every record
 * of the topic, with the record it came in.
 */
public final class RequestLogTopic {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestLogTopic() {
	}

	public static List<Logged> read(TopicReader reader) {
		List<Logged> logged = new ArrayList<>();
		for (TopicReader.Received record : reader.records()) {
			JSON.readTree(record.value()).get("requests").forEach((request) -> logged.add(new Logged(request, record)));
		}
		return logged;
	}

	public record Logged(JsonNode request, TopicReader.Received record) {

		public String requestId() {
			return this.request.get("requestId").asString();
		}

	}

}
