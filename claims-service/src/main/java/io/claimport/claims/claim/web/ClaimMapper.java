package io.claimport.claims.claim.web;

import java.util.List;
import java.util.Locale;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimDocument;
import io.claimport.claims.claim.domain.ClaimDraft;
import io.claimport.claims.claim.domain.ClaimItem;
import io.claimport.claims.claim.domain.ClaimMessage;
import io.claimport.claims.claim.domain.ClaimResolution;
import io.claimport.claims.claim.domain.StoreCredit;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ClaimMapper {

	@Mapping(target = "isOta", expression = "java(Boolean.TRUE.equals(request.isOta()))")
	ClaimDraft toDraft(ClaimRequest request);

	default ClaimDraft.Item toDraft(ClaimRequest.Item item) {
		return new ClaimDraft.Item(item.itemId(), item.quantity());
	}

	@Mapping(target = "storeId", expression = "java(storeId(claim))")
	@Mapping(target = "isOta", source = "ota")
	@Mapping(target = "customer", source = "offline.customer")
	@Mapping(target = "item", source = "offline.item")
	@Mapping(target = "warranty", source = "offline.warranty")
	@Mapping(target = "shippingAddress", source = "offline.shippingAddress")
	@Mapping(target = "signature", source = "offline.signature")
	@Mapping(target = "options", source = "offline.options")
	@Mapping(target = "claimResolutions", expression = "java(resolutions(claim))")
	@Mapping(target = "claimMessages", expression = "java(messages(claim))")
	@Mapping(target = "claimItems", expression = "java(items(claim))")
	@Mapping(target = "storeCredits", expression = "java(credits(claim))")
	@Mapping(target = "documents", expression = "java(documents(claim))")
	ClaimNode toNode(Claim claim);

	/** The store an offline claim names, or the account for an online one. */
	default String storeId(Claim claim) {
		return (claim.getOffline() != null) ? claim.getOffline().storeId() : claim.getAccountId();
	}

	default List<ClaimNode.Item> items(Claim claim) {
		return claim.getClaimItems().stream().map((item) -> item(claim, item)).toList();
	}

	default List<ClaimNode.Resolution> resolutions(Claim claim) {
		return claim.getResolutions().stream().map((resolution) -> resolution(claim, resolution)).toList();
	}

	default List<ClaimNode.Message> messages(Claim claim) {
		return claim.getMessages().stream().map((message) -> message(claim, message)).toList();
	}

	default List<ClaimNode.Credit> credits(Claim claim) {
		return claim.getStoreCredits().stream().map((credit) -> credit(claim, credit)).toList();
	}

	default List<ClaimNode.Document> documents(Claim claim) {
		return claim.getDocuments().stream().map((document) -> document(claim, document)).toList();
	}

	private ClaimNode.Item item(Claim claim, ClaimItem item) {
		return new ClaimNode.Item(item.getId(), claim.getId(), item.getItemId(), item.getLineItemId(),
				item.getQuantity(), item.getCreatedAt(), item.getUpdatedAt(), null);
	}

	private ClaimNode.Resolution resolution(Claim claim, ClaimResolution resolution) {
		String type = resolution.getResolutionType().name();
		return new ClaimNode.Resolution(resolution.getId(), claim.getId(), type, resolution.getClaimState().name(),
				resolution.getUserId(), type, resolution.getResolutionDetails(), resolution.getPaidValue(),
				resolution.getPaidCurrency(), resolution.getPaidOriginalValue(), resolution.isIncludeShipping(),
				resolution.getShippingAmount(), resolution.isCreditStore(), resolution.getCreatedAt(),
				resolution.getUpdatedAt(), null);
	}

	private ClaimNode.Message message(Claim claim, ClaimMessage message) {
		List<ClaimNode.Media> medias = claim.getMedias()
			.stream()
			.filter((media) -> media.getMessageId().equals(message.getId()))
			.map((media) -> new ClaimNode.Media(media.getUrl(), media.getMediaType()))
			.toList();
		return new ClaimNode.Message(message.getId(), claim.getId(),
				message.getSenderType().name().toLowerCase(Locale.ROOT), message.getMessage(), message.getAuthorName(),
				medias, message.getCreatedAt(), message.getUpdatedAt(), null);
	}

	private ClaimNode.Credit credit(Claim claim, StoreCredit credit) {
		return new ClaimNode.Credit(credit.getCode(), credit.getCreditType().name(), credit.getEmailStatus(),
				credit.getEmailTime(), credit.getCreditValue(), credit.getBonusValue(), credit.getTotalValue(),
				credit.getBonus(), credit.getBonusType(), credit.getCreditCurrency(), credit.getExchangeRate(),
				claim.getId(), credit.getCreatedAt(), credit.getUpdatedAt(), null);
	}

	private ClaimNode.Document document(Claim claim, ClaimDocument document) {
		return new ClaimNode.Document(document.getId(), claim.getId(), document.getUrl(),
				document.getDocumentType().name(), document.getCreatedAt(), document.getUpdatedAt(), null);
	}

}
