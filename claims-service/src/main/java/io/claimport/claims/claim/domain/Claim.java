package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.id.PublicIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "claim")
public class Claim implements Persistable<String> {

	public static final String ID_PREFIX = "clm";

	/** Where a claim filed through the API says it came from. */
	static final String API_SOURCE = "api";

	@Id
	private String id;

	@Column(name = "account_id", nullable = false, updatable = false)
	private String accountId;

	@Column(name = "order_id")
	private String orderId;

	@Column(name = "source_order_id")
	private String sourceOrderId;

	@Column(name = "source_order_number")
	private String sourceOrderNumber;

	@Column(name = "author_name")
	private String authorName;

	@Column(name = "author_email")
	private String authorEmail;

	@Column(name = "claim_description")
	private String claimDescription;

	@Enumerated(EnumType.STRING)
	@Column(name = "claim_state")
	private ClaimState claimState;

	@Column(name = "claim_type")
	private String claimType;

	@Column(name = "is_ota")
	private boolean isOta;

	@Column(name = "ota_description")
	private String otaDescription;

	@Column(name = "external_source")
	private String externalSource;

	@Column(name = "policy_id")
	private String policyId;

	// the items belong to the claim: they load with it, one query for a whole page of
	// claims
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "claim_item", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimItem> claimItems = new ArrayList<>();

	// loaded when asked for (the history endpoint) or appended to (a change)
	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "claim_change", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimChange> history = new ArrayList<>();

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Version
	private long version;

	@Transient
	private boolean isNew;

	protected Claim() {
	}

	private Claim(String accountId, ClaimDraft draft, String filedBy, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.accountId = accountId;
		this.orderId = draft.orderId();
		this.sourceOrderId = draft.sourceOrderId();
		this.sourceOrderNumber = draft.sourceOrderNumber();
		this.authorName = draft.authorName();
		this.authorEmail = draft.authorEmail();
		this.claimDescription = draft.claimDescription();
		this.claimState = ClaimState.NEW;
		this.claimType = draft.claimType();
		this.isOta = draft.isOta();
		this.otaDescription = draft.otaDescription();
		this.externalSource = API_SOURCE;
		this.policyId = draft.policyId();
		draft.claimItems().forEach((item) -> this.claimItems.add(new ClaimItem(item.itemId(), item.quantity(), now)));
		this.history.add(new ClaimChange(now, null, ClaimState.NEW, null, filedBy));
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	/**
	 * Files a new claim for the key {@code filedBy}; every claim starts as
	 * {@link ClaimState#NEW}.
	 */
	public static Claim file(String accountId, ClaimDraft draft, String filedBy, Instant now) {
		return new Claim(accountId, draft, filedBy, now);
	}

	/**
	 * Moves the claim to another state, as {@link ClaimLifecycle} allows, for the key
	 * {@code changedBy}; the change joins the claim's history.
	 * @throws TransitionRefusedException when the life cycle does not allow the move by a
	 * transition; the claim is unchanged
	 */
	public ClaimStateChanged moveTo(ClaimState to, String reason, String changedBy, Instant now) {
		ClaimState from = this.claimState;
		if (ClaimLifecycle.isSettlement(from, to)) {
			throw new TransitionRefusedException(from, to, ClaimLifecycle.byTransition(from), "A claim becomes " + to
					+ " when a resolution is recorded for it: POST it to /api/v1/claims/" + this.id + "/resolutions.");
		}
		if (!ClaimLifecycle.allows(from, to)) {
			throw new TransitionRefusedException(from, to, ClaimLifecycle.byTransition(from),
					"A claim in " + from + " cannot move to " + to + ".");
		}
		this.claimState = to;
		this.updatedAt = now;
		this.history.add(new ClaimChange(now, from, to, reason, changedBy));
		return new ClaimStateChanged(this.id, from.name(), to.name(), reason, changedBy);
	}

	public ClaimCreated createdEvent() {
		return new ClaimCreated(this.id, this.orderId, this.claimState.name(), this.claimType, this.claimItems.size());
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getOrderId() {
		return this.orderId;
	}

	public String getSourceOrderId() {
		return this.sourceOrderId;
	}

	public String getSourceOrderNumber() {
		return this.sourceOrderNumber;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getAuthorEmail() {
		return this.authorEmail;
	}

	public String getClaimDescription() {
		return this.claimDescription;
	}

	public ClaimState getClaimState() {
		return this.claimState;
	}

	public String getClaimType() {
		return this.claimType;
	}

	public boolean isOta() {
		return this.isOta;
	}

	public String getOtaDescription() {
		return this.otaDescription;
	}

	public String getExternalSource() {
		return this.externalSource;
	}

	public String getPolicyId() {
		return this.policyId;
	}

	public List<ClaimItem> getClaimItems() {
		return List.copyOf(this.claimItems);
	}

	/** Every change of the claim's state, oldest first, its filing included. */
	public List<ClaimChange> getHistory() {
		return List.copyOf(this.history);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

	public long getVersion() {
		return this.version;
	}

}
