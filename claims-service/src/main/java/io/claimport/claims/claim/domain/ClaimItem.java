package io.claimport.claims.claim.domain;

import java.time.Instant;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One item of the order that a claim is about, and how many of it. */
@Embeddable
public class ClaimItem {

	public static final String ID_PREFIX = "clmi";

	private String id;

	@Column(name = "item_id")
	private String itemId;

	private int quantity;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ClaimItem() {
	}

	ClaimItem(String itemId, int quantity, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.itemId = itemId;
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
