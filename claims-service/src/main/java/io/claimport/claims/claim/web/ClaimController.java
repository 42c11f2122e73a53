package io.claimport.claims.claim.web;

import java.util.List;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.claims.claim.internal.ClaimRegistry;
import io.claimport.common.id.PublicIds;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.Connection;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/claims")
class ClaimController {

	static final int MAX_BULK = 100;

	private final ClaimRegistry claims;

	private final BulkValidator bulk;

	private final ClaimMapper mapper;

	ClaimController(ClaimRegistry claims, BulkValidator bulk, ClaimMapper mapper) {
		this.claims = claims;
		this.bulk = bulk;
		this.mapper = mapper;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult file(CallerIdentity caller, @RequestBody List<ClaimRequest> requests) {
		BulkValidator.Checked<ClaimRequest> checked = this.bulk.check("claim", requests, MAX_BULK);
		return this.claims
			.fileClaims(caller.accountId(), checked.total(), checked.map(this.mapper::toDraft), checked.errors())
			.orFailIfNothingCreated();
	}

	@GetMapping
	Connection<ClaimNode> list(CallerIdentity caller, @RequestParam(required = false) ClaimState claimState,
			@RequestParam(required = false) String orderId, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int first) {
		if (after != null && !PublicIds.isWellFormed(Claim.ID_PREFIX, after)) {
			throw new InvalidRequestException(
					new FieldViolation("after", "cursor", "after must be a cursor from a previous page's pageInfo"));
		}
		return this.claims.page(caller.accountId(), claimState, orderId, after, first).map(this.mapper::toNode);
	}

	@GetMapping("/{id}")
	ClaimNode get(CallerIdentity caller, @PathVariable String id) {
		return this.mapper.toNode(this.claims.get(caller.accountId(), id));
	}

}
