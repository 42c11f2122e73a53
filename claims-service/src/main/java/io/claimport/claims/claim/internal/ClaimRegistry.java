package io.claimport.claims.claim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimDraft;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.common.event.EventTypes;
import io.claimport.common.page.Connection;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claims of each account: filing in bulk and lookups, always within one account. */
@Service
public class ClaimRegistry {

	private final ClaimRepository claims;

	private final DomainEventPublisher events;

	private final Clock clock;

	ClaimRegistry(ClaimRepository claims, DomainEventPublisher events, Clock clock) {
		this.claims = claims;
		this.events = events;
		this.clock = clock;
	}

	/** Files every valid claim with its ClaimCreated event in one transaction. */
	@Transactional
	public BulkResult fileClaims(String accountId, int total, List<Indexed<ClaimDraft>> drafts,
			List<ItemError> invalid) {
		Instant now = this.clock.instant();
		List<Claim> filed = drafts.stream().map((draft) -> Claim.file(accountId, draft.item(), now)).toList();
		this.claims.saveAll(filed);
		for (Claim claim : filed) {
			this.events.publish(EventTypes.CLAIM_CREATED, accountId, claim.getId(), claim.getVersion(),
					claim.createdEvent());
		}
		return BulkResult.of("claim", total, filed.stream().map(Claim::getId).toList(), invalid);
	}

	@Transactional(readOnly = true)
	public Connection<Claim> page(String accountId, ClaimState state, String orderId, String after, int first) {
		List<Claim> fetched = this.claims.findPage(accountId, state, orderId, after, Limit.of(first + 1));
		return Connection.of(fetched, first, after != null, Claim::getId);
	}

	@Transactional(readOnly = true)
	public Claim get(String accountId, String claimId) {
		return this.claims.findByIdAndAccountId(claimId, accountId)
			.orElseThrow(() -> new NotFoundException("claim", claimId));
	}

}
