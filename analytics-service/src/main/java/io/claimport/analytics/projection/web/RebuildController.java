package io.claimport.analytics.projection.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import io.claimport.analytics.projection.internal.ProjectionConsumers;
import io.claimport.analytics.projection.internal.RebuildStatus;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.service.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator's rebuild of the analytics projection from the events, reached through the
 * gateway's admin API ({@code /admin/v1/analytics/rebuild}) with the admin token.
 */
@RestController
class RebuildController {

	/** Where the rebuild is followed, as the gateway publishes it. */
	static final URI PUBLISHED = URI.create("/admin/v1/analytics/rebuild");

	private final ProjectionConsumers consumers;

	private final Clock clock;

	RebuildController(ProjectionConsumers consumers, Clock clock) {
		this.consumers = consumers;
		this.clock = clock;
	}

	@PostMapping("/ops/v1/rebuild")
	@Operation(summary = "Rebuild the analytics projection from the first event, beside the live one, which "
			+ "keeps answering until the rebuilt one replaces it")
	@ApiResponse(responseCode = "202", description = "The rebuild started; follow it at the Location",
			content = @Content(schema = @Schema(implementation = RebuildAnswer.class)))
	ResponseEntity<?> rebuild(CallerIdentity caller) {
		refuseUnlessOperator(caller);
		return this.consumers.rebuild()
			.<ResponseEntity<?>>map((started) -> ResponseEntity.accepted().location(PUBLISHED).body(answer(started)))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						"A rebuild runs already: follow it at " + PUBLISHED + "; start another once it is done.");
				problem.setType(ProblemTypes.CONFLICT);
				problem.setTitle("Rebuild running");
				return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
			});
	}

	@GetMapping("/ops/v1/rebuild")
	@Operation(summary = "The latest rebuild of the analytics projection")
	ResponseEntity<RebuildAnswer> latest(CallerIdentity caller) {
		refuseUnlessOperator(caller);
		return this.consumers.latest()
			.map((status) -> ResponseEntity.ok(answer(status)))
			.orElseThrow(() -> new NotFoundException("rebuild of the analytics projection", "latest"));
	}

	private RebuildAnswer answer(RebuildStatus status) {
		return new RebuildAnswer(status.id(), status.status(), status.consumerGroup(), status.requestedAt(),
				status.finishedAt(), status.eventsReplayed(), status.eventsPerSecond(this.clock.instant()),
				status.lag(), status.failure());
	}

	private static void refuseUnlessOperator(CallerIdentity caller) {
		if (!caller.isOperator()) {
			throw new AccessDeniedException("Only operators can rebuild the analytics projection.");
		}
	}

	/**
	 * A rebuild: {@code RUNNING}, {@code DONE} (the rebuilt projection is live),
	 * {@code FAILED} or {@code ABANDONED} (its replica stopped first); the events it
	 * applied and how fast; while it runs on the replica asked, how many events it has
	 * yet to read.
	 */
	record RebuildAnswer(long id, String status, String consumerGroup, Instant requestedAt, Instant finishedAt,
			long eventsReplayed, long eventsPerSecond, Long lag, String failure) {

	}

}
