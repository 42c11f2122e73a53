package io.claimport.claims.claim.web;

import java.util.List;

import io.claimport.claims.claim.domain.ClaimFinalException;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.claims.claim.domain.TransitionRefusedException;
import io.claimport.claims.claim.domain.WarrantyExpiredException;
import io.claimport.claims.claim.domain.WarrantyUnknownException;
import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The claims desk's own refusals, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClaimProblems {

	@ExceptionHandler
	ProblemDetail transitionRefused(TransitionRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.CLAIM_STATE_CONFLICT);
		problem.setTitle("Transition not allowed");
		problem.setProperty("currentState", ex.currentState().name());
		problem.setProperty("requestedState", ex.requestedState().name());
		List<String> allowed = ex.allowedStates().stream().sorted().map(ClaimState::name).toList();
		problem.setProperty("allowedStates", allowed);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail warrantyExpired(WarrantyExpiredException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(ProblemTypes.WARRANTY_EXPIRED);
		problem.setTitle("Warranty expired");
		problem.setProperty("warrantyEndedOn", ex.endedOn().toString());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail warrantyUnknown(WarrantyUnknownException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				List.of(new FieldViolation("warranty.warrantyPeriod", "required", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail finalRecord(ClaimFinalException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.CLAIM_STATE_CONFLICT);
		problem.setTitle("Claim is final");
		problem.setProperty("currentState", ex.currentState().name());
		return problem;
	}

}
