package io.claimport.claims.claim.domain;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.claimport.claims.claim.domain.ClaimState.APPROVED;
import static io.claimport.claims.claim.domain.ClaimState.ARCHIVED;
import static io.claimport.claims.claim.domain.ClaimState.CLOSED;
import static io.claimport.claims.claim.domain.ClaimState.COMMUNICATING;
import static io.claimport.claims.claim.domain.ClaimState.DENIED;
import static io.claimport.claims.claim.domain.ClaimState.DISMISSED;
import static io.claimport.claims.claim.domain.ClaimState.NEW;
import static io.claimport.claims.claim.domain.ClaimState.OPEN;
import static io.claimport.claims.claim.domain.ClaimState.RESOLVED;
import static io.claimport.claims.claim.domain.ClaimState.RESOLVED_BY_BRAND;
import static io.claimport.claims.claim.domain.ClaimState.TEMPORARILY_DISMISSED;
import static io.claimport.claims.claim.domain.ClaimState.WAITING_FOR_BRAND;
import static io.claimport.claims.claim.domain.ClaimState.WAITING_FOR_CUSTOMER;
import static io.claimport.claims.claim.domain.ClaimState.WAITING_FOR_OP;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimLifecycleTest {

	/** The whole graph, written out: a change to it must change this table too. */
	private static final Map<ClaimState, Set<ClaimState>> EXPECTED = Map.ofEntries(
			Map.entry(NEW,
					EnumSet.of(OPEN, COMMUNICATING, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND, WAITING_FOR_OP, APPROVED,
							DENIED, DISMISSED, TEMPORARILY_DISMISSED)),
			Map.entry(OPEN,
					EnumSet.of(COMMUNICATING, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND, WAITING_FOR_OP, APPROVED, DENIED,
							DISMISSED, TEMPORARILY_DISMISSED)),
			Map.entry(COMMUNICATING,
					EnumSet.of(OPEN, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND, WAITING_FOR_OP, APPROVED, DENIED,
							DISMISSED, TEMPORARILY_DISMISSED)),
			Map.entry(WAITING_FOR_CUSTOMER,
					EnumSet.of(OPEN, COMMUNICATING, WAITING_FOR_BRAND, WAITING_FOR_OP, APPROVED, DENIED, DISMISSED,
							TEMPORARILY_DISMISSED)),
			Map.entry(WAITING_FOR_BRAND,
					EnumSet.of(OPEN, COMMUNICATING, WAITING_FOR_CUSTOMER, WAITING_FOR_OP, APPROVED, DENIED, DISMISSED,
							TEMPORARILY_DISMISSED, RESOLVED_BY_BRAND)),
			Map.entry(WAITING_FOR_OP,
					EnumSet.of(OPEN, COMMUNICATING, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND, APPROVED, DENIED,
							DISMISSED, TEMPORARILY_DISMISSED)),
			Map.entry(APPROVED,
					EnumSet.of(RESOLVED, RESOLVED_BY_BRAND, OPEN, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND,
							WAITING_FOR_OP)),
			Map.entry(TEMPORARILY_DISMISSED, EnumSet.of(OPEN, DISMISSED)),
			Map.entry(DENIED, EnumSet.of(OPEN, CLOSED, ARCHIVED)),
			Map.entry(DISMISSED, EnumSet.of(OPEN, CLOSED, ARCHIVED)),
			Map.entry(RESOLVED, EnumSet.of(OPEN, CLOSED, ARCHIVED)),
			Map.entry(RESOLVED_BY_BRAND, EnumSet.of(OPEN, CLOSED, ARCHIVED)),
			Map.entry(CLOSED, EnumSet.of(OPEN, ARCHIVED)), Map.entry(ARCHIVED, EnumSet.noneOf(ClaimState.class)));

	@Test
	void allowsEveryMoveOfTheGraphAndNoOther() {
		for (ClaimState from : ClaimState.values()) {
			for (ClaimState to : ClaimState.values()) {
				assertThat(ClaimLifecycle.allows(from, to)).as(from + " -> " + to)
					.isEqualTo(EXPECTED.get(from).contains(to));
			}
		}
	}

	@Test
	void refusesTheMovesADeskNeverMakes() {
		assertThat(ClaimLifecycle.allows(NEW, RESOLVED)).as("settled without approval").isFalse();
		assertThat(ClaimLifecycle.allows(NEW, CLOSED)).as("closed without a decision").isFalse();
		assertThat(ClaimLifecycle.allows(DENIED, APPROVED)).as("a denial is reopened first").isFalse();
		assertThat(ClaimLifecycle.allows(CLOSED, RESOLVED)).isFalse();
		assertThat(ClaimLifecycle.allows(OPEN, OPEN)).as("no move to where it is").isFalse();
		assertThat(ClaimLifecycle.next(ARCHIVED)).as("archived is final").isEmpty();
	}

	@Test
	void settlesOnlyApprovedClaimsAndOnlyByAResolution() {
		assertThat(ClaimLifecycle.isSettlement(APPROVED, RESOLVED)).isTrue();
		assertThat(ClaimLifecycle.byTransition(APPROVED)).doesNotContain(RESOLVED).contains(RESOLVED_BY_BRAND);
		assertThat(ClaimLifecycle.byResolution(APPROVED)).containsExactly(RESOLVED);
		for (ClaimState state : EnumSet.complementOf(EnumSet.of(APPROVED))) {
			assertThat(ClaimLifecycle.byResolution(state)).as(state.name()).isEmpty();
		}
	}

	@Test
	void reachesEveryStateFromNewAndArchivesFromEveryStateButNoneOnceArchived() {
		assertThat(reachableFrom(NEW)).containsExactlyInAnyOrder(ClaimState.values());
		for (ClaimState state : ClaimState.values()) {
			assertThat(reachableFrom(state)).as(state + " can end archived").contains(ARCHIVED);
		}
	}

	private static Set<ClaimState> reachableFrom(ClaimState start) {
		Set<ClaimState> seen = EnumSet.of(start);
		Deque<ClaimState> todo = new ArrayDeque<>(Arrays.asList(start));
		while (!todo.isEmpty()) {
			for (ClaimState next : ClaimLifecycle.next(todo.pop())) {
				if (seen.add(next)) {
					todo.push(next);
				}
			}
		}
		return seen;
	}

}
