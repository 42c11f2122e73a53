/**
 * What the account's customers bought, as the claims service knows it from the order and
 * product events: its own projections, read when a claim is filed, never a call to
 * another service.
 */
package io.claimport.claims.purchase;
