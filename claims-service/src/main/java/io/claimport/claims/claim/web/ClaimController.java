package io.claimport.claims.claim.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.claims.claim.domain.DocumentType;
import io.claimport.claims.claim.domain.MediaDraft;
import io.claimport.claims.claim.domain.SenderType;
import io.claimport.claims.claim.internal.ClaimRegistry;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.Connection;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.web.VersionTags;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final UrlPolicy urls;

	private final Clock clock;

	ClaimController(ClaimRegistry claims, BulkValidator bulk, ClaimMapper mapper, UrlPolicy urls, Clock clock) {
		this.claims = claims;
		this.bulk = bulk;
		this.mapper = mapper;
		this.urls = urls;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult file(CallerIdentity caller, @RequestBody List<ClaimRequest> requests) {
		BulkValidator.Checked<ClaimRequest> checked = this.bulk.check("claim", requests, MAX_BULK);
		return this.claims
			.fileClaims(caller.accountId(), caller.keyId(), checked.total(), checked.map(this.mapper::toDraft),
					checked.errors())
			.orFailIfNothingCreated();
	}

	@GetMapping
	Connection<ClaimNode> list(CallerIdentity caller, @RequestParam MultiValueMap<String, String> parameters) {
		return this.claims.search(caller.accountId(), ClaimListQuery.parse(parameters)).map(this.mapper::toNode);
	}

	@PostMapping("/offline")
	@ResponseStatus(HttpStatus.CREATED)
	OfflineClaimAnswer fileOffline(CallerIdentity caller, @Valid @RequestBody OfflineClaimRequest request) {
		Claim claim = this.claims.fileOffline(caller.accountId(), caller.keyId(),
				OfflineClaims.draft(request, this.urls, this.clock));
		return OfflineClaimAnswer.of(claim, request);
	}

	@GetMapping("/states")
	ClaimLifecycleView states() {
		return ClaimLifecycleView.of();
	}

	@GetMapping("/{id}")
	ResponseEntity<ClaimNode> get(CallerIdentity caller, @PathVariable String id) {
		return withEtag(this.claims.get(caller.accountId(), id));
	}

	@PostMapping("/{id}/transitions")
	ResponseEntity<ClaimNode> transition(CallerIdentity caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody TransitionRequest request) {
		ClaimState to = state(request.claimState());
		Long expectedVersion = VersionTags.expectedVersion(ifMatch, "claim");
		return withEtag(
				this.claims.transition(caller.accountId(), id, to, request.reason(), caller.keyId(), expectedVersion));
	}

	@PostMapping("/{id}/resolutions")
	ResponseEntity<ClaimNode> resolve(CallerIdentity caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ResolutionRequest request) {
		Long expectedVersion = VersionTags.expectedVersion(ifMatch, "claim");
		return withEtag(this.claims.resolve(caller.accountId(), id, ClaimRequests.resolution(request), caller.keyId(),
				expectedVersion));
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ClaimNode> addMessage(CallerIdentity caller, @PathVariable String id,
			@Valid @RequestBody MessageRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		SenderType senderType = ClaimRequests.senderType(request, violations);
		List<MediaDraft> medias = ClaimRequests.medias(request, this.urls, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return created(this.claims.addMessage(caller.accountId(), id, request.message(), senderType,
				request.authorName(), medias, caller.keyId()));
	}

	@PostMapping("/{id}/documents")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ClaimNode> addDocument(CallerIdentity caller, @PathVariable String id,
			@Valid @RequestBody DocumentRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		DocumentType type = ClaimRequests.documentType(request, violations);
		ClaimRequests.url("url", request.url(), this.urls, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return created(this.claims.addDocument(caller.accountId(), id, request.url(), type, caller.keyId()));
	}

	@GetMapping("/{id}/history")
	ClaimHistoryView history(CallerIdentity caller, @PathVariable String id) {
		ClaimRegistry.ClaimWithHistory found = this.claims.history(caller.accountId(), id);
		return ClaimHistoryView.of(found.claim().getId(), found.history());
	}

	private ResponseEntity<ClaimNode> withEtag(Claim claim) {
		return ResponseEntity.ok().eTag(VersionTags.etag(claim.getVersion())).body(this.mapper.toNode(claim));
	}

	private ResponseEntity<ClaimNode> created(Claim claim) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.eTag(VersionTags.etag(claim.getVersion()))
			.body(this.mapper.toNode(claim));
	}

	private static ClaimState state(String name) {
		try {
			return ClaimState.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(new FieldViolation("claimState", "oneOf",
					"claimState must be one of " + Arrays.toString(ClaimState.values())));
		}
	}

}
