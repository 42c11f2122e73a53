package io.claimport.claims.claim.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an offline warranty claim says beyond an online one, as the public offline claims
 * API takes it: the customer, the item, the warranty, where to ship, the store, the
 * signature and the options. Kept with the claim and shown on it.
 */
public record OfflineDetails(Customer customer, Item item, Warranty warranty, Address shippingAddress, String storeId,
		String signature, Options options) {

	public record Customer(String email, String phoneNumber) {

	}

	public record Item(String sourceProductId, String sourceVariantId, String name, List<String> images,
			String sourceItemId, String sku, String details, String productImage, BigDecimal price, String subIssueId) {

	}

	public record Warranty(Instant dateOfPurchase, boolean receiptRequired, List<String> receiptImages,
			String warrantyPeriod, String productDescription) {

	}

	/** A postal address, with its coordinates when the caller knows them. */
	public record Address(String firstName, String lastName, String address1, String address2, String city, String zip,
			String country, String state, String stateAbr, String countryAbr, BigDecimal lat, BigDecimal lng,
			String addressOrigin) {

		public String fullName() {
			return (this.firstName + " " + this.lastName).trim();
		}

	}

	public record Options(boolean fromValet, boolean requireCustomerSignature) {

	}

}
