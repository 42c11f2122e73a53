package io.claimport.claims.claim.domain;

import java.time.Instant;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A message on a claim, from the customer, the brand, an admin or the system. */
@Embeddable
public class ClaimMessage {

	public static final String ID_PREFIX = "clmm";

	private String id;

	private String message;

	@Enumerated(EnumType.STRING)
	@Column(name = "sender_type")
	private SenderType senderType;

	@Column(name = "author_name")
	private String authorName;

	@Column(name = "added_by")
	private String addedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ClaimMessage() {
	}

	ClaimMessage(String message, SenderType senderType, String authorName, String addedBy, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.message = message;
		this.senderType = senderType;
		this.authorName = authorName;
		this.addedBy = addedBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getId() {
		return this.id;
	}

	public String getMessage() {
		return this.message;
	}

	public SenderType getSenderType() {
		return this.senderType;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getAddedBy() {
		return this.addedBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
