package io.claimport.order.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.claimport.service.web.MergePatch;

/** A change of one order, as a JSON merge patch: its status, shipment and address. */
final class OrderPatch extends MergePatch {

	@JsonSetter("status")
	void status(String status) {
		give("status", status);
	}

	@JsonSetter("shippedAt")
	void shippedAt(Instant shippedAt) {
		give("shippedAt", shippedAt);
	}

	@JsonSetter("deliveredAt")
	void deliveredAt(Instant deliveredAt) {
		give("deliveredAt", deliveredAt);
	}

	@JsonSetter("carrier")
	void carrier(String carrier) {
		give("carrier", carrier);
	}

	@JsonSetter("trackingNumber")
	void trackingNumber(String trackingNumber) {
		give("trackingNumber", trackingNumber);
	}

	@JsonSetter("shippingAddress")
	void shippingAddress(AddressRequest shippingAddress) {
		give("shippingAddress", shippingAddress);
	}

	/** The fields given, checked as a whole (null: left out). */
	OrderChangeRequest toRequest() {
		return new OrderChangeRequest(valueOr("status", null), valueOr("shippedAt", null), valueOr("deliveredAt", null),
				valueOr("carrier", null), valueOr("trackingNumber", null), valueOr("shippingAddress", null));
	}

}
