package io.claimport.claims.claim.web;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.claimport.claims.claim.domain.ClaimCategory;
import io.claimport.claims.claim.domain.ClaimFiledFrom;
import io.claimport.claims.claim.domain.IssueType;
import io.claimport.claims.claim.domain.OfflineClaimDraft;
import io.claimport.claims.claim.domain.OfflineDetails;
import io.claimport.claims.claim.domain.RequestedResolution;
import io.claimport.claims.claim.domain.SalesChannel;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;

/**
 * The rules of an offline claim that no annotation expresses: its enums (named with their
 * allowed values), URLs, the purchase date and warranty period, and a receipt where one
 * is required. Everything is checked before anything is written.
 */
final class OfflineClaims {

	/** The longest warranty period taken: a lifetime warranty is a hundred years here. */
	static final Period LONGEST_PERIOD = Period.ofYears(100);

	private OfflineClaims() {
	}

	static OfflineClaimDraft draft(OfflineClaimRequest request, UrlPolicy urls, Clock clock) {
		List<FieldViolation> violations = new ArrayList<>();
		SalesChannel salesChannel = ClaimRequests.oneOf("salesChannel", request.salesChannel(), SalesChannel.class,
				violations);
		ClaimCategory category = ClaimRequests.oneOf("claimCategory", request.claimCategory(), ClaimCategory.class,
				violations);
		IssueType issueType = ClaimRequests.oneOf("issueType", request.issueType(), IssueType.class, violations);
		RequestedResolution resolution = ClaimRequests.oneOf("resolution", request.resolution(),
				RequestedResolution.class, violations);
		ClaimFiledFrom filedFrom = (request.claimFiledFrom() != null)
				? ClaimRequests.oneOf("claimFiledFrom", request.claimFiledFrom(), ClaimFiledFrom.class, violations)
				: ClaimFiledFrom.EXTERNAL;
		OfflineClaimRequest.Item item = request.item();
		List<String> images = orEmpty(item.images());
		for (int i = 0; i < images.size(); i++) {
			ClaimRequests.url("item.images[" + i + "]", images.get(i), urls, violations);
		}
		if (item.productImage() != null) {
			ClaimRequests.url("item.productImage", item.productImage(), urls, violations);
		}
		if (!request.signature().isEmpty()) {
			ClaimRequests.url("signature", request.signature(), urls, violations);
		}
		OfflineClaimRequest.Warranty warranty = request.warranty();
		List<String> receipts = orEmpty(warranty.receiptImages());
		for (int i = 0; i < receipts.size(); i++) {
			ClaimRequests.url("warranty.receiptImages[" + i + "]", receipts.get(i), urls, violations);
		}
		boolean receiptRequired = Boolean.TRUE.equals(warranty.receiptRequired());
		if (receiptRequired && receipts.isEmpty()) {
			violations.add(new FieldViolation("warranty.receiptImages", "receiptRequired",
					"warranty.receiptImages must hold at least one receipt when warranty.receiptRequired is true"));
		}
		Instant purchasedAt = purchaseDate(warranty.dateOfPurchase(), clock, violations);
		String period = warrantyPeriod(warranty.warrantyPeriod(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		OfflineClaimRequest.Address address = request.shippingAddress();
		OfflineClaimRequest.Options options = request.options();
		OfflineDetails details = new OfflineDetails(
				new OfflineDetails.Customer(request.customer().email(), request.customer().phoneNumber()),
				new OfflineDetails.Item(item.sourceProductId(), item.sourceVariantId(), item.name(), images,
						item.sourceItemId(), item.sku(), item.details(), item.productImage(), item.price(),
						item.subIssueId()),
				new OfflineDetails.Warranty(purchasedAt, receiptRequired, receipts, period,
						warranty.productDescription()),
				new OfflineDetails.Address(address.firstName(), address.lastName(), address.address1(),
						address.address2(), address.city(), address.zip(), address.country(), address.state(),
						address.stateAbr(), address.countryAbr(), address.lat(), address.lng(),
						address.addressOrigin()),
				request.storeId(), request.signature(),
				new OfflineDetails.Options(options != null && Boolean.TRUE.equals(options.fromValet()),
						options != null && Boolean.TRUE.equals(options.requireCustomerSignature())));
		return new OfflineClaimDraft(details, salesChannel, category, issueType, resolution, filedFrom);
	}

	private static Instant purchaseDate(String value, Clock clock, List<FieldViolation> violations) {
		try {
			Instant purchasedAt = Instant.parse(value);
			if (purchasedAt.isAfter(clock.instant())) {
				violations.add(new FieldViolation("warranty.dateOfPurchase", "past",
						"warranty.dateOfPurchase must not be in the future"));
			}
			else if (purchasedAt.isBefore(Instant.parse("1900-01-01T00:00:00Z"))) {
				violations.add(new FieldViolation("warranty.dateOfPurchase", "range",
						"warranty.dateOfPurchase must be after 1900-01-01"));
			}
			return purchasedAt;
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation("warranty.dateOfPurchase", "dateTime",
					"warranty.dateOfPurchase must be an ISO-8601 instant such as 2024-01-15T00:00:00.000Z"));
			return null;
		}
	}

	/**
	 * The period as given ({@code P1Y}, {@code P6M}, {@code P90D}); without one, a
	 * warranty claim takes its product's warranty, if the product is known.
	 */
	private static String warrantyPeriod(String value, List<FieldViolation> violations) {
		if (value == null) {
			return null;
		}
		try {
			Period period = Period.parse(value);
			if (period.isNegative() || period.isZero()) {
				violations.add(new FieldViolation("warranty.warrantyPeriod", "positive",
						"warranty.warrantyPeriod must be longer than nothing"));
			}
			else if (period.toTotalMonths() * 31 + period.getDays() > LONGEST_PERIOD.toTotalMonths() * 31) {
				violations.add(new FieldViolation("warranty.warrantyPeriod", "max",
						"warranty.warrantyPeriod must be at most " + LONGEST_PERIOD));
			}
			return value;
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation("warranty.warrantyPeriod", "period",
					"warranty.warrantyPeriod must be an ISO-8601 period such as P1Y, P6M or P90D"));
			return null;
		}
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
