package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.claims.claim.domain.OfflineDetails;

/**
 * A claim in the shape of the public claims API: its fields, its items, how it was
 * settled, its conversation, its store credits and its documents; for an offline claim
 * also what the offline claims API took (customer, item, warranty, shipping address,
 * signature, options, and the channel, category, issue and requested resolution), null
 * for an online one. Nothing is deleted (yet), so every {@code deletedAt} is null.
 */
record ClaimNode(String id, String storeId, String orderId, String sourceOrderId, String sourceOrderNumber,
		String authorName, String authorEmail, String claimDescription, String claimState, boolean isOta,
		String otaDescription, String externalSource, String claimType, Instant createdAt, Instant updatedAt,
		Instant deletedAt, String policyId, List<Resolution> claimResolutions, List<Item> claimItems,
		List<Message> claimMessages, List<Credit> storeCredits, List<Document> documents, String salesChannel,
		String claimCategory, String issueType, String requestedResolution, String claimFiledFrom,
		OfflineDetails.Customer customer, OfflineDetails.Item item, OfflineDetails.Warranty warranty,
		OfflineDetails.Address shippingAddress, String signature, OfflineDetails.Options options) {

	record Item(String id, String claimId, String itemId, String lineItemId, int quantity, Instant createdAt,
			Instant updatedAt, Instant deletedAt) {

	}

	record Resolution(String id, String claimId, String resolution, String claimState, String userId,
			String resolutionType, String resolutionDetails, BigDecimal paidValue, String paidCurrency,
			BigDecimal paidOriginalValue, boolean includeShipping, BigDecimal shippingAmount, boolean creditStore,
			Instant createdAt, Instant updatedAt, Instant deletedAt) {

	}

	record Message(String id, String claimId, String senderType, String message, String authorName, List<Media> medias,
			Instant createdAt, Instant updatedAt, Instant deletedAt) {

	}

	record Media(String url, String type) {

	}

	record Credit(String code, String creditType, String emailStatus, Instant emailTime, BigDecimal creditValue,
			BigDecimal bonusValue, BigDecimal totalValue, BigDecimal bonus, String bonusType, String creditCurrency,
			BigDecimal exchangeRate, String claimId, Instant createdAt, Instant updatedAt, Instant deletedAt) {

	}

	record Document(String id, String claimId, String url, String documentType, Instant createdAt, Instant updatedAt,
			Instant deletedAt) {

	}

}
