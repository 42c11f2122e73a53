package io.claimport.common.event;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding, binary content mode: the
 * {@code ce_} prefix for attributes and extensions, {@code content-type} for the payload.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String SPEC_VERSION_1_0 = "1.0";

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	/** The aggregate id, which is also the record key. */
	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	public static final String JSON = "application/json";

	public static final String SCHEMA_VERSION = "ce_schemaversion";

	public static final String ACCOUNT_ID = "ce_accountid";

	public static final String AGGREGATE_TYPE = "ce_aggregatetype";

	public static final String AGGREGATE_VERSION = "ce_aggregateversion";

	/**
	 * CloudEvents' distributed-tracing extension: the W3C trace context of the change
	 * that caused the event (the request that committed it), kept through the outbox.
	 * Kafka's own {@code traceparent} header is the sending span's.
	 */
	public static final String TRACE_PARENT = "ce_traceparent";

	private CloudEventHeaders() {
	}

}
