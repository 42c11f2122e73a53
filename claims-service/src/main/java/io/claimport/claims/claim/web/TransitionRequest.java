package io.claimport.claims.claim.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A move of a claim to another state, and why. */
record TransitionRequest(@NotNull String claimState, @Size(max = 1000) String reason) {

}
