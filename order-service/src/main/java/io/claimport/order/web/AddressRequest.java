package io.claimport.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where an order goes, as an integrator sends it; {@code country} is ISO 3166-1 alpha-2.
 */
record AddressRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
		@Size(max = 200) String line2, @NotBlank @Size(max = 100) String city, @Size(max = 100) String region,
		@NotBlank @Size(max = 20) String postalCode, @NotBlank @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {

}
