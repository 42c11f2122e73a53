package io.claimport.common.event;

/**
 * One kind of event: its name on the wire ({@code ce_type}), payload class, topic and the
 * aggregate it is about.
 */
public record EventType<T>(String name, Class<T> payloadType, String topic, String aggregateType, int schemaVersion) {

}
