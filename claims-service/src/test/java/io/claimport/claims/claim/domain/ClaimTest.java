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

	@Test
	void settlesAnApprovedClaimWithAStoreCreditAndSaysSoInThreeEventsInOrder() {
		Claim claim = approvedClaim();
		ResolutionDraft credit = new ResolutionDraft(ResolutionType.STORE_CREDIT, null,
				new Money(new java.math.BigDecimal("25.00"), "EUR"),
				new Money(new java.math.BigDecimal("25.00"), "EUR"), false, new Money(java.math.BigDecimal.ZERO, "EUR"),
				null);

		List<Object> events = claim.settle(credit, "key_1", Instant.parse("2026-11-24T10:00:00Z"), () -> "CODE-1");

		assertThat(events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("ClaimResolved", "ClaimStateChanged", "StoreCreditIssued");
		assertThat(claim.getClaimState()).isEqualTo(ClaimState.RESOLVED);
		assertThat(claim.getStoreCredits()).singleElement().satisfies((issued) -> {
			assertThat(issued.getCode()).isEqualTo("CODE-1");
			assertThat(issued.getCreditType()).isEqualTo(CreditType.GIFT_CARD);
			assertThat(issued.getTotalValue()).isEqualByComparingTo("25.00");
		});
		assertThat(events.get(2).toString()).doesNotContain("CODE-1");
		assertThat(claim.getResolutions()).singleElement().satisfies((resolution) -> {
			assertThat(resolution.isCreditStore()).isTrue();
			assertThat(resolution.getClaimState()).isEqualTo(ClaimState.RESOLVED);
		});
	}

	@Test
	void settlesOnlyAnApprovedClaim() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1", Instant.now());
		ResolutionDraft refund = new ResolutionDraft(ResolutionType.REFUND, null,
				new Money(java.math.BigDecimal.TEN, "USD"), new Money(java.math.BigDecimal.TEN, "USD"), false,
				new Money(java.math.BigDecimal.ZERO, "USD"), null);

		assertThatThrownBy(() -> claim.settle(refund, "key_1", Instant.now(), () -> "CODE"))
			.isInstanceOf(TransitionRefusedException.class);
		assertThat(claim.getResolutions()).isEmpty();
		assertThat(claim.getClaimState()).isEqualTo(ClaimState.NEW);
	}

	@Test
	void takesNoMessageOnceArchived() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1", Instant.now());
		claim.moveTo(ClaimState.DENIED, null, "key_1", Instant.now());
		claim.moveTo(ClaimState.ARCHIVED, null, "key_1", Instant.now());

		assertThatThrownBy(
				() -> claim.addMessage("hello", SenderType.CUSTOMER, "Ann", List.of(), "key_1", Instant.now()))
			.isInstanceOf(ClaimFinalException.class);
		assertThat(claim.getMessages()).isEmpty();
	}

	@Test
	void readsBothSpellingsOfAddressTypoAsOne() {
		assertThat(ResolutionType.parse("ADRESS_TYPO")).contains(ResolutionType.ADDRESS_TYPO);
		assertThat(ResolutionType.parse("ADDRESS_TYPO")).contains(ResolutionType.ADDRESS_TYPO);
		assertThat(ResolutionType.parse("address_typo")).isEmpty();
		assertThat(ResolutionType.values()).hasSize(24);
	}

	@Test
	void makesStoreCreditCodesNobodyCanGuessOrRepeat() {
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			codes.add(StoreCreditCodes.next());
		}
		assertThat(codes).hasSize(10_000)
			.allMatch((code) -> code.matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"));
	}

	private static Claim approvedClaim() {
		Claim claim = Claim.file("acct_1", ClaimDrafts.damagedHeadset(), "key_1",
				Instant.parse("2026-11-23T10:00:00Z"));
		claim.moveTo(ClaimState.APPROVED, null, "key_1", Instant.parse("2026-11-23T11:00:00Z"));
		return claim;
	}

}
