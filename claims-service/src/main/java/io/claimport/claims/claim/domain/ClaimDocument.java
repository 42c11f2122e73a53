package io.claimport.claims.claim.domain;

import java.time.Instant;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A document attached to a claim by URL: a signature, a receipt, a photo. */
@Embeddable
public class ClaimDocument {

	public static final String ID_PREFIX = "clmd";

	private String id;

	private String url;

	@Enumerated(EnumType.STRING)
	@Column(name = "document_type")
	private DocumentType documentType;

	@Column(name = "added_by")
	private String addedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ClaimDocument() {
	}

	ClaimDocument(String url, DocumentType documentType, String addedBy, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.url = url;
		this.documentType = documentType;
		this.addedBy = addedBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getId() {
		return this.id;
	}

	public String getUrl() {
		return this.url;
	}

	public DocumentType getDocumentType() {
		return this.documentType;
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
