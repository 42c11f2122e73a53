package io.claimport.claims.claim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimChange;
import io.claimport.claims.claim.domain.ClaimDraft;
import io.claimport.claims.claim.domain.ClaimFiling;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.claims.claim.domain.DocumentType;
import io.claimport.claims.claim.domain.MediaDraft;
import io.claimport.claims.claim.domain.OfflineClaimDraft;
import io.claimport.claims.claim.domain.ResolutionDraft;
import io.claimport.claims.claim.domain.SenderType;
import io.claimport.claims.claim.domain.StoreCreditCodes;
import io.claimport.claims.purchase.KnownOrder;
import io.claimport.claims.purchase.KnownProduct;
import io.claimport.claims.purchase.Purchases;
import io.claimport.common.event.EventTypes;
import io.claimport.common.page.Connection;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.web.StaleVersionException;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claims of each account: filing in bulk and lookups, always within one account. */
@Service
public class ClaimRegistry {

	/** Claims that no longer claim anything: the desk turned them down. */
	private static final List<ClaimState> NOT_COVERING = List.of(ClaimState.DENIED, ClaimState.DISMISSED);

	private final ClaimRepository claims;

	private final DomainEventPublisher events;

	private final Clock clock;

	private final Purchases purchases;

	ClaimRegistry(ClaimRepository claims, DomainEventPublisher events, Clock clock, Purchases purchases) {
		this.claims = claims;
		this.events = events;
		this.clock = clock;
		this.purchases = purchases;
	}

	/**
	 * Files every claim that is about what the customer bought ({@link ClaimFiling}) with
	 * its ClaimCreated event, in one transaction; the others are reported with the items
	 * refused earlier. The orders' projections stay locked until the end, so two filings
	 * on one order take turns.
	 */
	@Transactional
	public BulkResult fileClaims(String accountId, String keyId, int total, List<Indexed<ClaimDraft>> drafts,
			List<ItemError> invalid) {
		Instant now = this.clock.instant();
		Set<String> orderIds = drafts.stream().map((draft) -> draft.item().orderId()).collect(Collectors.toSet());
		Map<String, KnownOrder> orders = this.purchases.ordersForClaims(accountId, orderIds);
		Map<String, Integer> claimed = new HashMap<>();
		if (!orders.isEmpty()) {
			for (Object[] row : this.claims.claimedQuantities(accountId, orders.keySet(), NOT_COVERING)) {
				claimed.put(ClaimFiling.key((String) row[0], (String) row[1]), ((Number) row[2]).intValue());
			}
		}
		Map<String, KnownProduct> products = this.purchases.products(accountId,
				ClaimFiling.warrantySkus(drafts, orders));
		ClaimFiling decision = ClaimFiling.decide(drafts, orders, claimed, products, now);
		List<Claim> filed = decision.accepted()
			.stream()
			.map((draft) -> Claim.file(accountId, draft.item(), keyId, now))
			.toList();
		this.claims.saveAll(filed);
		for (Claim claim : filed) {
			this.events.publish(EventTypes.CLAIM_CREATED, accountId, claim.getId(), claim.getVersion(),
					claim.createdEvent());
		}
		return BulkResult.of("claim", total, filed.stream().map(Claim::getId).toList(), invalid, decision.refused());
	}

	/**
	 * Files an offline warranty claim with its ClaimCreated event in one transaction.
	 * @throws io.claimport.claims.claim.domain.WarrantyExpiredException when its warranty
	 * has ended; nothing is filed
	 */
	@Transactional
	public Claim fileOffline(String accountId, String keyId, OfflineClaimDraft draft) {
		String sku = draft.details().item().sku();
		KnownProduct product = (sku != null) ? this.purchases.products(accountId, List.of(sku)).get(sku) : null;
		Claim claim = Claim.fileOffline(accountId, draft, StoreCreditCodes.offlineOrderId(), keyId,
				(product != null) ? product.warrantyMonths() : null, this.clock.instant());
		this.claims.save(claim);
		this.events.publish(EventTypes.CLAIM_CREATED, accountId, claim.getId(), claim.getVersion(),
				claim.createdEvent());
		return claim;
	}

	/**
	 * A page of the account's claims matching the search, newest first; the page info
	 * says whether older and newer claims match too.
	 */
	@Transactional(readOnly = true)
	public Connection<Claim> search(String accountId, ClaimSearch search) {
		Specification<Claim> matching = ClaimSpecifications.matching(accountId, search);
		ClaimSearch.Page page = search.page();
		String cursor = page.cursor();
		Specification<Claim> window = (cursor == null) ? matching : matching
			.and(page.backwards() ? ClaimSpecifications.newerThan(cursor) : ClaimSpecifications.olderThan(cursor));
		Sort order = page.backwards() ? Sort.by(Sort.Direction.ASC, "id") : Sort.by(Sort.Direction.DESC, "id");
		List<Claim> fetched = this.claims.findBy(window, (query) -> query.sortBy(order).limit(page.size() + 1).all());
		boolean more = fetched.size() > page.size();
		List<Claim> nodes = new ArrayList<>(fetched.subList(0, Math.min(page.size(), fetched.size())));
		if (page.backwards()) {
			Collections.reverse(nodes);
		}
		// past the cursor, on the side the page does not cover, is where the other page
		// lies
		boolean beyondCursor = (cursor != null) && this.claims.exists(matching.and(page.backwards()
				? ClaimSpecifications.notNewerThan(cursor) : ClaimSpecifications.notOlderThan(cursor)));
		return page.backwards() ? Connection.of(nodes, beyondCursor, more, Claim::getId)
				: Connection.of(nodes, more, beyondCursor, Claim::getId);
	}

	/**
	 * Whether a matching claim lies beyond the page on the other side from its cursor.
	 */
	private boolean exists(Specification<Claim> matching, List<Claim> nodes, boolean newer, String cursor) {
		if (newer) {
			String newest = nodes.isEmpty() ? cursor : nodes.get(0).getId();
			return this.claims.exists(matching.and(nodes.isEmpty()
					? ClaimSpecifications.newerThan(cursor).or((root, query, cb) -> cb.equal(root.get("id"), cursor))
					: ClaimSpecifications.newerThan(newest)));
		}
		String oldest = nodes.isEmpty() ? cursor : nodes.get(nodes.size() - 1).getId();
		return this.claims.exists(matching.and(nodes.isEmpty()
				? ClaimSpecifications.olderThan(cursor).or((root, query, cb) -> cb.equal(root.get("id"), cursor))
				: ClaimSpecifications.olderThan(oldest)));
	}

	/**
	 * Moves a claim to another state and publishes ClaimStateChanged with the claim's new
	 * version, in one transaction. With an expected version (the claim's ETag) the move
	 * happens only if nobody changed the claim since.
	 */
	@Transactional
	public Claim transition(String accountId, String claimId, ClaimState to, String reason, String keyId,
			Long expectedVersion) {
		return change(accountId, claimId, expectedVersion,
				(claim, now) -> List.of(claim.moveTo(to, reason, keyId, now)));
	}

	/**
	 * Settles an approved claim: its resolution, its state change and any store credit.
	 */
	@Transactional
	public Claim resolve(String accountId, String claimId, ResolutionDraft resolution, String keyId,
			Long expectedVersion) {
		return change(accountId, claimId, expectedVersion,
				(claim, now) -> claim.settle(resolution, keyId, now, StoreCreditCodes::next));
	}

	@Transactional
	public Claim addMessage(String accountId, String claimId, String message, SenderType senderType, String authorName,
			List<MediaDraft> medias, String keyId) {
		return change(accountId, claimId, null,
				(claim, now) -> List.of(claim.addMessage(message, senderType, authorName, medias, keyId, now)));
	}

	@Transactional
	public Claim addDocument(String accountId, String claimId, String url, DocumentType documentType, String keyId) {
		return change(accountId, claimId, null,
				(claim, now) -> List.of(claim.addDocument(url, documentType, keyId, now)));
	}

	/**
	 * One change of a claim: loaded with its row locked (changes of one claim take
	 * turns), checked against the expected version, changed by the aggregate, saved, and
	 * its events published with the new version, all in the caller's transaction.
	 */
	private Claim change(String accountId, String claimId, Long expectedVersion,
			BiFunction<Claim, Instant, List<?>> change) {
		Claim claim = this.claims.findForChange(claimId, accountId)
			.orElseThrow(() -> new NotFoundException("claim", claimId));
		if (expectedVersion != null && expectedVersion != claim.getVersion()) {
			throw new StaleVersionException("claim", claim.getVersion());
		}
		List<?> events = change.apply(claim, this.clock.instant());
		this.claims.saveAndFlush(claim);
		this.events.publishAll(accountId, claimId, claim.getVersion(), events);
		return claim;
	}

	/** A claim with its history loaded. */
	@Transactional(readOnly = true)
	public ClaimWithHistory history(String accountId, String claimId) {
		Claim claim = get(accountId, claimId);
		return new ClaimWithHistory(claim, claim.getHistory());
	}

	@Transactional(readOnly = true)
	public Claim get(String accountId, String claimId) {
		return this.claims.findByIdAndAccountId(claimId, accountId)
			.orElseThrow(() -> new NotFoundException("claim", claimId));
	}

	/** A claim and its history, read in one transaction. */
	public record ClaimWithHistory(Claim claim, List<ClaimChange> history) {

	}

}
