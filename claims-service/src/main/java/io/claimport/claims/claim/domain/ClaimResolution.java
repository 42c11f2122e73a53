package io.claimport.claims.claim.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How a claim was settled, with what was paid: the resolution and its payment detail as
 * the public claims API shows them. Every amount is in {@code paidCurrency}.
 */
@Embeddable
public class ClaimResolution {

	public static final String ID_PREFIX = "clmr";

	private String id;

	@Enumerated(EnumType.STRING)
	@Column(name = "resolution_type")
	private ResolutionType resolutionType;

	@Column(name = "resolution_details")
	private String resolutionDetails;

	@Column(name = "user_id")
	private String userId;

	@Column(name = "paid_value")
	private BigDecimal paidValue;

	@Column(name = "paid_currency")
	private String paidCurrency;

	@Column(name = "paid_original_value")
	private BigDecimal paidOriginalValue;

	@Column(name = "include_shipping")
	private boolean includeShipping;

	@Column(name = "shipping_amount")
	private BigDecimal shippingAmount;

	@Column(name = "credit_store")
	private boolean creditStore;

	@Enumerated(EnumType.STRING)
	@Column(name = "claim_state")
	private ClaimState claimState;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ClaimResolution() {
	}

	ClaimResolution(ResolutionDraft draft, ClaimState settledIn, String userId, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.resolutionType = draft.resolutionType();
		this.resolutionDetails = draft.resolutionDetails();
		this.userId = userId;
		this.paidValue = draft.paid().amount();
		this.paidCurrency = draft.paid().currency();
		this.paidOriginalValue = draft.paidOriginal().amount();
		this.includeShipping = draft.includeShipping();
		this.shippingAmount = draft.shipping().amount();
		this.creditStore = draft.resolutionType().issuesStoreCredit();
		this.claimState = settledIn;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getId() {
		return this.id;
	}

	public ResolutionType getResolutionType() {
		return this.resolutionType;
	}

	public String getResolutionDetails() {
		return this.resolutionDetails;
	}

	public String getUserId() {
		return this.userId;
	}

	public BigDecimal getPaidValue() {
		return this.paidValue;
	}

	public String getPaidCurrency() {
		return this.paidCurrency;
	}

	public BigDecimal getPaidOriginalValue() {
		return this.paidOriginalValue;
	}

	public boolean isIncludeShipping() {
		return this.includeShipping;
	}

	public BigDecimal getShippingAmount() {
		return this.shippingAmount;
	}

	public boolean isCreditStore() {
		return this.creditStore;
	}

	public ClaimState getClaimState() {
		return this.claimState;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
