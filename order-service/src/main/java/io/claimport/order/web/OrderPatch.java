package io.claimport.order.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.claimport.common.problem.FieldViolation;

/**
 * A change of one order, as a JSON merge patch (RFC 7396): a field left out stays as it
 * is; none of these can be removed, so one given as {@code null} is refused. Jackson
 * calls a setter only for a field the body has.
 */
final class OrderPatch {

	private final Map<String, Object> given = new LinkedHashMap<>();

	@JsonSetter("status")
	void status(String status) {
		this.given.put("status", status);
	}

	@JsonSetter("shippedAt")
	void shippedAt(Instant shippedAt) {
		this.given.put("shippedAt", shippedAt);
	}

	@JsonSetter("deliveredAt")
	void deliveredAt(Instant deliveredAt) {
		this.given.put("deliveredAt", deliveredAt);
	}

	@JsonSetter("carrier")
	void carrier(String carrier) {
		this.given.put("carrier", carrier);
	}

	@JsonSetter("trackingNumber")
	void trackingNumber(String trackingNumber) {
		this.given.put("trackingNumber", trackingNumber);
	}

	@JsonSetter("shippingAddress")
	void shippingAddress(AddressRequest shippingAddress) {
		this.given.put("shippingAddress", shippingAddress);
	}

	/** The fields given as {@code null}. */
	List<FieldViolation> removals() {
		List<FieldViolation> removals = new ArrayList<>();
		this.given.forEach((field, value) -> {
			if (value == null) {
				removals.add(new FieldViolation(field, "notNull",
						field + " cannot be removed; leave it out to keep it, or give a new value"));
			}
		});
		return removals;
	}

	OrderChangeRequest toRequest() {
		return new OrderChangeRequest((String) this.given.get("status"), (Instant) this.given.get("shippedAt"),
				(Instant) this.given.get("deliveredAt"), (String) this.given.get("carrier"),
				(String) this.given.get("trackingNumber"), (AddressRequest) this.given.get("shippingAddress"));
	}

}
