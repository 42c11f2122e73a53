package io.claimport.claims.claim.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/** A claim as the public API takes it; the field names are those of the claim object. */
record ClaimRequest(@NotBlank @Size(max = 64) @Schema(example = "ord_01JDX3M5K8Q2V7N4T9R6W1Y0ZB") String orderId,
		@Size(max = 64) String sourceOrderId, @Size(max = 64) String sourceOrderNumber,
		@NotBlank @Size(max = 200) @Schema(example = "Ann Lee") String authorName,
		@NotBlank @Email @Size(max = 254) @Schema(example = "ann@example.com") String authorEmail,
		@NotBlank @Size(max = 5000) @Schema(
				example = "Left ear cup stopped working after a week.") String claimDescription,
		@Pattern(regexp = "[A-Z][A-Z_]{0,49}",
				message = "must be UPPER_SNAKE_CASE, such as DAMAGED") @Schema(example = "DEFECTIVE") String claimType,
		Boolean isOta, @Size(max = 1000) String otaDescription, @Size(max = 64) String policyId,
		@NotEmpty @Size(max = 100) List<@NotNull @Valid Item> claimItems) {

	record Item(@NotBlank @Size(max = 64) @Schema(example = "WHP-001") String itemId,
			@NotNull @Min(1) @Max(10_000) @Schema(example = "1") Integer quantity) {

	}

}
