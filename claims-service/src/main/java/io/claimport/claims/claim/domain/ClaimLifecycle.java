package io.claimport.claims.claim.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

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

/**
 * The claim life cycle: which state a claim may move to from which, the one place that
 * says so. A claims desk takes a filed claim ({@code NEW}) into review ({@code OPEN}),
 * talks to the customer ({@code COMMUNICATING}) or waits on the customer, the brand or
 * the operator, and decides: {@code APPROVED}, {@code DENIED}, {@code DISMISSED} (not a
 * valid claim) or {@code TEMPORARILY_DISMISSED} (put aside, to come back to). An approved
 * claim is settled by recording a resolution, which makes it {@code RESOLVED}, or the
 * brand settles it itself ({@code RESOLVED_BY_BRAND}). Decided claims are {@code CLOSED}
 * and in the end {@code ARCHIVED}, which is final. A denied, dismissed, resolved or
 * closed claim can be reopened ({@code OPEN}): a customer appeals, or the replacement
 * breaks too.
 */
public final class ClaimLifecycle {

	/**
	 * The state a claim settles into when a resolution is recorded in
	 * {@link #SETTLES_IN}.
	 */
	public static final ClaimState SETTLED = RESOLVED;

	/**
	 * Where a desk settles a claim: a resolution is recorded only on an approved claim.
	 */
	public static final Set<ClaimState> SETTLES_IN = Collections.unmodifiableSet(EnumSet.of(APPROVED));

	private static final Set<ClaimState> UNDER_REVIEW = EnumSet.of(OPEN, COMMUNICATING, WAITING_FOR_CUSTOMER,
			WAITING_FOR_BRAND, WAITING_FOR_OP);

	private static final Set<ClaimState> DECISIONS = EnumSet.of(APPROVED, DENIED, DISMISSED, TEMPORARILY_DISMISSED);

	private static final Map<ClaimState, Set<ClaimState>> NEXT = new EnumMap<>(ClaimState.class);

	static {
		NEXT.put(NEW, union(UNDER_REVIEW, DECISIONS));
		for (ClaimState review : UNDER_REVIEW) {
			NEXT.put(review, without(union(UNDER_REVIEW, DECISIONS), review));
		}
		NEXT.get(WAITING_FOR_BRAND).add(RESOLVED_BY_BRAND);
		NEXT.put(APPROVED,
				EnumSet.of(RESOLVED, RESOLVED_BY_BRAND, OPEN, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND, WAITING_FOR_OP));
		NEXT.put(TEMPORARILY_DISMISSED, EnumSet.of(OPEN, DISMISSED));
		NEXT.put(DENIED, EnumSet.of(OPEN, CLOSED, ARCHIVED));
		NEXT.put(DISMISSED, EnumSet.of(OPEN, CLOSED, ARCHIVED));
		NEXT.put(RESOLVED, EnumSet.of(OPEN, CLOSED, ARCHIVED));
		NEXT.put(RESOLVED_BY_BRAND, EnumSet.of(OPEN, CLOSED, ARCHIVED));
		NEXT.put(CLOSED, EnumSet.of(OPEN, ARCHIVED));
		NEXT.put(ARCHIVED, EnumSet.noneOf(ClaimState.class));
	}

	private ClaimLifecycle() {
	}

	/** The states a claim in {@code from} may move to, settling included. */
	public static Set<ClaimState> next(ClaimState from) {
		return Collections.unmodifiableSet(NEXT.get(from));
	}

	public static boolean allows(ClaimState from, ClaimState to) {
		return NEXT.get(from).contains(to);
	}

	/** The states a claim in {@code from} may be moved to by a transition. */
	public static Set<ClaimState> byTransition(ClaimState from) {
		EnumSet<ClaimState> moves = EnumSet.noneOf(ClaimState.class);
		NEXT.get(from).stream().filter((to) -> !isSettlement(from, to)).forEach(moves::add);
		return Collections.unmodifiableSet(moves);
	}

	/** The states a claim in {@code from} reaches by recording a resolution. */
	public static Set<ClaimState> byResolution(ClaimState from) {
		return SETTLES_IN.contains(from) ? Set.of(SETTLED) : Set.of();
	}

	/**
	 * Whether a move is made by recording a resolution rather than by a transition: an
	 * approved claim becomes resolved when it is settled, with what it was settled with.
	 */
	public static boolean isSettlement(ClaimState from, ClaimState to) {
		return SETTLES_IN.contains(from) && to == SETTLED;
	}

	private static Set<ClaimState> union(Set<ClaimState> a, Set<ClaimState> b) {
		EnumSet<ClaimState> all = EnumSet.copyOf(a);
		all.addAll(b);
		return all;
	}

	private static Set<ClaimState> without(Set<ClaimState> states, ClaimState state) {
		EnumSet<ClaimState> rest = EnumSet.copyOf(states);
		rest.remove(state);
		return rest;
	}

}
