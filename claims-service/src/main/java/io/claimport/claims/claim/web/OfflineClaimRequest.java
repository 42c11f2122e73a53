package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An offline warranty claim exactly as the public offline claims API takes it. Enums and
 * URLs are checked by {@link OfflineClaims}, which names the allowed values.
 */
record OfflineClaimRequest(@NotNull @Valid Customer customer, @NotNull @Valid Item item,
		@NotNull @Valid Warranty warranty, @NotNull @Valid Address shippingAddress,
		@NotBlank @Size(max = 64) String storeId, @NotNull String signature, @NotNull String salesChannel,
		@NotNull String claimCategory, @NotNull String issueType, @NotNull String resolution, String claimFiledFrom,
		@Valid Options options) {

	record Customer(@NotBlank @Email @Size(max = 254) String email,
			@Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}",
					message = "must be a phone number such as +1234567890") String phoneNumber) {

	}

	record Item(@Size(max = 64) String sourceProductId, @Size(max = 64) String sourceVariantId,
			@NotBlank @Size(max = 200) String name, @Size(max = 20) List<@NotNull String> images,
			@Size(max = 64) String sourceItemId, @Size(max = 64) String sku, @Size(max = 5000) String details,
			String productImage, @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal price,
			@Size(max = 64) String subIssueId) {

	}

	record Warranty(@NotBlank String dateOfPurchase, Boolean receiptRequired,
			@Size(max = 20) List<@NotNull String> receiptImages, @Size(max = 20) String warrantyPeriod,
			@Size(max = 5000) String productDescription) {

	}

	record Address(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@NotBlank @Size(max = 200) String address1, @Size(max = 200) String address2,
			@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String zip,
			@NotBlank @Size(max = 100) String country, @Size(max = 100) String state, @Size(max = 10) String stateAbr,
			@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String countryAbr,
			@DecimalMin("-90") @DecimalMax("90") BigDecimal lat, @DecimalMin("-180") @DecimalMax("180") BigDecimal lng,
			@Size(max = 50) String addressOrigin) {

	}

	record Options(Boolean fromValet, Boolean requireCustomerSignature) {

	}

}
