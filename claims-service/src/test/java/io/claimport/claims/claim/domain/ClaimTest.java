package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimTest {

	@Test
	void aFiledClaimIsNewComesFromTheApiAndNumbersItsItems() {
		Claim claim = Claim.file("acct_1",
				new ClaimDraft("order_77", null, null, "Ann", "ann@example.com", "Crushed", "DAMAGED", false, null,
						null, List.of(new ClaimDraft.Item("item_1", 2), new ClaimDraft.Item("item_2", 1))),
				Instant.parse("2026-11-23T10:00:00Z"));

		assertThat(claim.getClaimState()).isEqualTo(ClaimState.NEW);
		assertThat(claim.getExternalSource()).isEqualTo("api");
		assertThat(claim.getClaimItems()).extracting(ClaimItem::getId).allMatch((id) -> id.startsWith("clmi_"));
		assertThat(claim.createdEvent().itemCount()).isEqualTo(2);
		assertThat(claim.createdEvent().claimState()).isEqualTo("NEW");
	}

}
