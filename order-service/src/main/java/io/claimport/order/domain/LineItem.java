package io.claimport.order.domain;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class LineItem {

	private String sku;

	private String name;

	private int quantity;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	protected LineItem() {
	}

	public LineItem(String sku, String name, int quantity, BigDecimal unitPrice) {
		this.sku = sku;
		this.name = name;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	public BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	/** A line is a value: the same SKU, name, quantity and price (by value). */
	@Override
	public boolean equals(Object other) {
		return other instanceof LineItem that && Objects.equals(this.sku, that.sku)
				&& Objects.equals(this.name, that.name) && this.quantity == that.quantity
				&& this.unitPrice.compareTo(that.unitPrice) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sku, this.name, this.quantity, this.unitPrice.stripTrailingZeros());
	}

}
