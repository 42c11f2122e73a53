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

record ProductRequest(@NotBlank @Size(max = 200) String name,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+",
				message = "must contain only letters, digits and . _ / -") String sku,
		@NotBlank @Size(max = 100) String category,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
		@NotNull @Min(0) @Max(240) Integer warrantyMonths) {

}
