package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimDocumentAdded;
import io.claimport.common.event.ClaimMessageAdded;
import io.claimport.common.event.ClaimResolved;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.StoreCreditIssued;
import io.claimport.common.id.PublicIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import org.hibernate.annotations.BatchSize;

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

	@Enumerated(EnumType.STRING)
	@Column(name = "sales_channel")
	private SalesChannel salesChannel;

	@Enumerated(EnumType.STRING)
	@Column(name = "claim_category")
	private ClaimCategory claimCategory;

	@Enumerated(EnumType.STRING)
	@Column(name = "issue_type")
	private IssueType issueType;

	@Enumerated(EnumType.STRING)
	@Column(name = "requested_resolution")
	private RequestedResolution requestedResolution;

	@Enumerated(EnumType.STRING)
	@Column(name = "claim_filed_from")
	private ClaimFiledFrom claimFiledFrom;

	@Convert(converter = OfflineDetailsConverter.class)
	@Column(name = "offline_details")
	private OfflineDetails offline;

	// the parts of a claim load with it: one query per part for a whole page of claims
	// (up to the largest page, 100), by the page's ids. Not a subselect: that repeats the
	// listing's filter without its limit and loads the parts of every matching claim.
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "claim_item", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimItem> claimItems = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "claim_resolution", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimResolution> resolutions = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "claim_message", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimMessage> messages = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "claim_media", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimMedia> medias = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "claim_document", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<ClaimDocument> documents = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "store_credit", joinColumns = @JoinColumn(name = "claim_id"))
	@OrderColumn(name = "position")
	private List<StoreCredit> storeCredits = new ArrayList<>();

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
		draft.claimItems()
			.forEach((item) -> this.claimItems
				.add(new ClaimItem(item.itemId(), item.lineItemId(), item.sku(), item.quantity(), now)));
		this.history.add(new ClaimChange(now, null, ClaimState.NEW, null, filedBy));
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	private Claim(String accountId, OfflineClaimDraft draft, String sourceOrderId, String filedBy, Instant now) {
		OfflineDetails details = draft.details();
		this.id = PublicIds.next(ID_PREFIX);
		this.accountId = accountId;
		this.sourceOrderId = sourceOrderId;
		this.authorName = details.shippingAddress().fullName();
		this.authorEmail = details.customer().email();
		this.claimDescription = firstGiven(details.item().details(), details.warranty().productDescription(),
				draft.issueType().name());
		this.claimState = ClaimState.NEW;
		this.claimType = draft.issueType().name();
		this.externalSource = API_SOURCE;
		this.salesChannel = draft.salesChannel();
		this.claimCategory = draft.claimCategory();
		this.issueType = draft.issueType();
		this.requestedResolution = draft.resolution();
		this.claimFiledFrom = draft.claimFiledFrom();
		this.offline = details;
		String itemId = firstGiven(details.item().sku(), details.item().sourceItemId(), details.item().name());
		this.claimItems.add(new ClaimItem(itemId, null, details.item().sku(), 1, now));
		this.history.add(new ClaimChange(now, null, ClaimState.NEW, "filed offline", filedBy));
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	/**
	 * Files an offline warranty claim: an item bought outside the online store. A
	 * {@code WARRANTY} claim must fall in its warranty window: the period it gives from
	 * the purchase, or else the warranty of the product with its SKU
	 * ({@code productWarrantyMonths}, null when no such product is known).
	 * @throws WarrantyExpiredException when it does not; nothing is filed
	 * @throws WarrantyUnknownException when it gives no period and its product is not
	 * known
	 */
	public static Claim fileOffline(String accountId, OfflineClaimDraft draft, String sourceOrderId, String filedBy,
			Integer productWarrantyMonths, Instant now) {
		OfflineDetails.Warranty warranty = draft.details().warranty();
		if (draft.claimCategory() == ClaimCategory.WARRANTY) {
			WarrantyWindow window;
			if (warranty.warrantyPeriod() != null) {
				window = new WarrantyWindow(warranty.dateOfPurchase(), Period.parse(warranty.warrantyPeriod()));
			}
			else if (productWarrantyMonths != null) {
				window = WarrantyWindow.ofMonths(warranty.dateOfPurchase(), productWarrantyMonths);
			}
			else {
				throw new WarrantyUnknownException(draft.details().item().sku());
			}
			if (!window.covers(now)) {
				throw new WarrantyExpiredException(window.endsOn());
			}
		}
		return new Claim(accountId, draft, sourceOrderId, filedBy, now);
	}

	private static String firstGiven(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
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
		// a claim on an order of the store was sold online; an offline claim says where
		SalesChannel channel = (this.salesChannel != null) ? this.salesChannel : SalesChannel.ONLINE;
		return new ClaimCreated(this.id, this.orderId, this.claimState.name(), this.claimType, this.claimItems.size(),
				nameOf(this.claimCategory), nameOf(this.issueType), channel.name(), nameOf(this.requestedResolution),
				this.claimItems.stream()
					.map((item) -> new ClaimCreated.Item(item.getItemId(), item.getLineItemId(), item.getSku(),
							item.getQuantity()))
					.toList());
	}

	private static String nameOf(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	/**
	 * Settles an approved claim: records how, moves it to {@link ClaimLifecycle#SETTLED},
	 * and for a store credit issues one with a code from {@code codes}. The events come
	 * in the order they happened: the resolution, the state change, the credit.
	 * @throws TransitionRefusedException when the claim is not in a state a desk settles
	 * in; the claim is unchanged
	 */
	public List<Object> settle(ResolutionDraft draft, String settledBy, Instant now, Supplier<String> codes) {
		ClaimState from = this.claimState;
		if (!ClaimLifecycle.SETTLES_IN.contains(from)) {
			throw new TransitionRefusedException(from, ClaimLifecycle.SETTLED, ClaimLifecycle.byTransition(from),
					"A claim is settled once it is " + ClaimLifecycle.SETTLES_IN + "; this one is " + from + ".");
		}
		ClaimResolution resolution = new ClaimResolution(draft, ClaimLifecycle.SETTLED, settledBy, now);
		this.resolutions.add(resolution);
		String reason = "resolved: " + draft.resolutionType();
		this.claimState = ClaimLifecycle.SETTLED;
		this.updatedAt = now;
		this.history.add(new ClaimChange(now, from, ClaimLifecycle.SETTLED, reason, settledBy));
		List<Object> events = new ArrayList<>();
		events.add(new ClaimResolved(this.id, resolution.getId(), draft.resolutionType().name(), draft.paid().amount(),
				draft.paidOriginal().amount(), draft.includeShipping(), draft.shipping().amount(),
				draft.paid().currency()));
		events.add(new ClaimStateChanged(this.id, from.name(), ClaimLifecycle.SETTLED.name(), reason, settledBy));
		if (draft.resolutionType().issuesStoreCredit()) {
			CreditType type = (draft.creditType() != null) ? draft.creditType() : CreditType.GIFT_CARD;
			StoreCredit credit = new StoreCredit(codes.get(), type, draft.paid(), now);
			this.storeCredits.add(credit);
			events.add(new StoreCreditIssued(this.id, type.name(), credit.getCreditValue(), credit.getBonusValue(),
					credit.getTotalValue(), credit.getCreditCurrency()));
		}
		return events;
	}

	/**
	 * Adds a message, with its media, to the claim's conversation.
	 * @throws ClaimFinalException when the claim is archived: its record is final
	 */
	public ClaimMessageAdded addMessage(String message, SenderType senderType, String authorName,
			List<MediaDraft> medias, String addedBy, Instant now) {
		refuseIfFinal("add a message to");
		ClaimMessage added = new ClaimMessage(message, senderType, authorName, addedBy, now);
		this.messages.add(added);
		medias.forEach((media) -> this.medias.add(new ClaimMedia(added.getId(), media.url(), media.mediaType())));
		this.updatedAt = now;
		return new ClaimMessageAdded(this.id, added.getId(), senderType.name(), medias.size());
	}

	/**
	 * Attaches a document to the claim.
	 * @throws ClaimFinalException when the claim is archived: its record is final
	 */
	public ClaimDocumentAdded addDocument(String url, DocumentType documentType, String addedBy, Instant now) {
		refuseIfFinal("attach a document to");
		ClaimDocument document = new ClaimDocument(url, documentType, addedBy, now);
		this.documents.add(document);
		this.updatedAt = now;
		return new ClaimDocumentAdded(this.id, document.getId(), documentType.name());
	}

	private void refuseIfFinal(String what) {
		if (ClaimLifecycle.next(this.claimState).isEmpty()) {
			throw new ClaimFinalException(this.claimState,
					"Nobody can " + what + " a claim that is " + this.claimState + ": its record is final.");
		}
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

	public List<ClaimResolution> getResolutions() {
		return List.copyOf(this.resolutions);
	}

	/** The conversation, oldest message first. */
	public List<ClaimMessage> getMessages() {
		return List.copyOf(this.messages);
	}

	/** The media of all messages, each naming its message. */
	public List<ClaimMedia> getMedias() {
		return List.copyOf(this.medias);
	}

	public List<ClaimDocument> getDocuments() {
		return List.copyOf(this.documents);
	}

	public List<StoreCredit> getStoreCredits() {
		return List.copyOf(this.storeCredits);
	}

	/** Every change of the claim's state, oldest first, its filing included. */
	public List<ClaimChange> getHistory() {
		return List.copyOf(this.history);
	}

	public SalesChannel getSalesChannel() {
		return this.salesChannel;
	}

	public ClaimCategory getClaimCategory() {
		return this.claimCategory;
	}

	public IssueType getIssueType() {
		return this.issueType;
	}

	public RequestedResolution getRequestedResolution() {
		return this.requestedResolution;
	}

	public ClaimFiledFrom getClaimFiledFrom() {
		return this.claimFiledFrom;
	}

	/** What an offline claim said beyond an online one; null for an online claim. */
	public OfflineDetails getOffline() {
		return this.offline;
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
