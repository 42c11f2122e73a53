package io.claimport.order.domain;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an order goes: a value, compared by its parts; {@code country} is ISO 3166-1
 * alpha-2.
 */
@Embeddable
public class ShippingAddress {

	@Column(name = "ship_to_name")
	private String name;

	@Column(name = "ship_to_line1")
	private String line1;

	@Column(name = "ship_to_line2")
	private String line2;

	@Column(name = "ship_to_city")
	private String city;

	@Column(name = "ship_to_region")
	private String region;

	@Column(name = "ship_to_postal_code")
	private String postalCode;

	@Column(name = "ship_to_country")
	private String country;

	protected ShippingAddress() {
	}

	public ShippingAddress(String name, String line1, String line2, String city, String region, String postalCode,
			String country) {
		this.name = name;
		this.line1 = line1;
		this.line2 = line2;
		this.city = city;
		this.region = region;
		this.postalCode = postalCode;
		this.country = country;
	}

	public String getName() {
		return this.name;
	}

	public String getLine1() {
		return this.line1;
	}

	public String getLine2() {
		return this.line2;
	}

	public String getCity() {
		return this.city;
	}

	public String getRegion() {
		return this.region;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public String getCountry() {
		return this.country;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ShippingAddress that && Objects.equals(this.name, that.name)
				&& Objects.equals(this.line1, that.line1) && Objects.equals(this.line2, that.line2)
				&& Objects.equals(this.city, that.city) && Objects.equals(this.region, that.region)
				&& Objects.equals(this.postalCode, that.postalCode) && Objects.equals(this.country, that.country);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.line1, this.line2, this.city, this.region, this.postalCode, this.country);
	}

}
