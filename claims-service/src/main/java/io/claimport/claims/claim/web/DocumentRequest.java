package io.claimport.claims.claim.web;

import jakarta.validation.constraints.NotBlank;

/** A document to attach to a claim, by URL. */
record DocumentRequest(@NotBlank String url, @NotBlank String documentType) {

}
