package io.claimport.claims.claim.domain;

import java.time.Instant;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One item of the order that a claim is about, as the claim named it, the line of the
 * order it is, and how many of it.
 */
@Embeddable
public class ClaimItem {

	public static final String ID_PREFIX = "clmi";

	private String id;

	@Column(name = "item_id")
	private String itemId;

	@Column(name = "line_item_id")
	private String lineItemId;

	private String sku;

	private int quantity;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ClaimItem() {
	}

	ClaimItem(String itemId, String lineItemId, String sku, int quantity, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.itemId = itemId;
		this.lineItemId = lineItemId;
		this.sku = sku;
		this.quantity = quantity;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getId() {
		return this.id;
	}

	public String getItemId() {
		return this.itemId;
	}

	/**
	 * The line of the order this item is ({@code li_…}), however the claim named it; null
	 * if the order's lines were not known or had no ids when the claim was filed.
	 */
	public String getLineItemId() {
		return this.lineItemId;
	}

	/**
	 * The SKU of the item; null if the claim did not say and its order's lines were not
	 * known.
	 */
	public String getSku() {
		return this.sku;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
