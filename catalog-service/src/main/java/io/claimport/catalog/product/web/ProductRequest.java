package io.claimport.catalog.product.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

record ProductRequest(@NotBlank @Size(max = 200) @Schema(example = "Wireless Headphones Pro") String name,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+",
				message = "must contain only letters, digits and . _ / -") @Schema(example = "WHP-001") String sku,
		@NotBlank @Size(max = 100) @Schema(example = "Electronics") String category,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) @Schema(example = "149.99") BigDecimal price,
		@NotNull @Min(0) @Max(240) @Schema(example = "24") Integer warrantyMonths) {

}
