package io.claimport.claims.claim.web;

import java.util.List;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimDraft;
import io.claimport.claims.claim.domain.ClaimItem;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ClaimMapper {

	@Mapping(target = "isOta", expression = "java(Boolean.TRUE.equals(request.isOta()))")
	ClaimDraft toDraft(ClaimRequest request);

	ClaimDraft.Item toDraft(ClaimRequest.Item item);

	@Mapping(target = "storeId", source = "accountId")
	@Mapping(target = "isOta", source = "ota")
	@Mapping(target = "claimResolutions", expression = "java(java.util.List.of())")
	@Mapping(target = "claimMessages", expression = "java(java.util.List.of())")
	@Mapping(target = "claimItems", expression = "java(items(claim))")
	ClaimNode toNode(Claim claim);

	default List<ClaimNode.Item> items(Claim claim) {
		return claim.getClaimItems().stream().map((item) -> item(claim, item)).toList();
	}

	private ClaimNode.Item item(Claim claim, ClaimItem item) {
		return new ClaimNode.Item(item.getId(), claim.getId(), item.getItemId(), item.getQuantity(),
				item.getCreatedAt(), item.getUpdatedAt(), null);
	}

}
