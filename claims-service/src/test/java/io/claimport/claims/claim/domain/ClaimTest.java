package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.List;

import io.claimport.common.event.ClaimStateChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClaimTest {

	@Test
	void aFiledClaimIsNewComesFromTheApiAndNumbersItsItems() {
		Claim claim = Claim.file("acct_1",
				new ClaimDraft("order_77", null, null, "Ann", "ann@example.com", "Crushed", "DAMAGED", false, null,
						null, List.of(new ClaimDraft.Item("item_1", 2), new ClaimDraft.Item("item_2", 1))),
				"key_1", Instant.parse("2026-11-23T10:00:00Z"));

		assertThat(claim.getClaimState()).isEqualTo(ClaimState.NEW);
		assertThat(claim.getExternalSource()).isEqualTo("api");
		assertThat(claim.getClaimItems()).extracting(ClaimItem::getId).allMatch((id) -> id.startsWith("clmi_"));
		assertThat(claim.createdEvent().itemCount()).isEqualTo(2);
		assertThat(claim.createdEvent().claimState()).isEqualTo("NEW");
	}

	@Test
	void movesAsTheLifeCycleAllowsAndKeepsEachMoveInItsHistory() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1",
				Instant.parse("2026-11-23T10:00:00Z"));

		ClaimStateChanged opened = claim.moveTo(ClaimState.OPEN, null, "key_2", Instant.parse("2026-11-23T11:00:00Z"));
		ClaimStateChanged approved = claim.moveTo(ClaimState.APPROVED, "photo shows the damage", "key_2",
				Instant.parse("2026-11-23T12:00:00Z"));

		assertThat(opened).isEqualTo(new ClaimStateChanged(claim.getId(), "NEW", "OPEN", null, "key_2"));
		assertThat(approved.reason()).isEqualTo("photo shows the damage");
		assertThat(claim.getClaimState()).isEqualTo(ClaimState.APPROVED);
		assertThat(claim.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
		assertThat(claim.getHistory())
			.extracting(ClaimChange::getFromState, ClaimChange::getToState, ClaimChange::getChangedBy)
			.containsExactly(tuple(null, ClaimState.NEW, "key_1"), tuple(ClaimState.NEW, ClaimState.OPEN, "key_2"),
					tuple(ClaimState.OPEN, ClaimState.APPROVED, "key_2"));
	}

	@Test
	void refusesAMoveTheLifeCycleDoesNotAllowAndStaysAsItWas() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1",
				Instant.parse("2026-11-23T10:00:00Z"));

		assertThatThrownBy(() -> claim.moveTo(ClaimState.CLOSED, null, "key_1", Instant.now()))
			.isInstanceOfSatisfying(TransitionRefusedException.class, (refused) -> {
				assertThat(refused.currentState()).isEqualTo(ClaimState.NEW);
				assertThat(refused.requestedState()).isEqualTo(ClaimState.CLOSED);
				assertThat(refused.allowedStates()).contains(ClaimState.OPEN).doesNotContain(ClaimState.CLOSED);
			});
		assertThat(claim.getClaimState()).isEqualTo(ClaimState.NEW);
		assertThat(claim.getHistory()).hasSize(1);
	}

	@Test
	void settlesAnApprovedClaimOnlyThroughAResolution() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1",
				Instant.parse("2026-11-23T10:00:00Z"));
		claim.moveTo(ClaimState.APPROVED, null, "key_1", Instant.now());

		assertThatThrownBy(() -> claim.moveTo(ClaimState.RESOLVED, null, "key_1", Instant.now()))
			.isInstanceOf(TransitionRefusedException.class)
			.hasMessageContaining("resolution");
		assertThat(claim.getClaimState()).isEqualTo(ClaimState.APPROVED);
	}

}
