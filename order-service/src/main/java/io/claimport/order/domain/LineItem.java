package io.claimport.order.domain;

import java.math.BigDecimal;

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

}
