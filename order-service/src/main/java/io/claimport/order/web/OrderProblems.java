package io.claimport.order.web;

import io.claimport.common.problem.ProblemTypes;
import io.claimport.order.domain.OrderStatus;
import io.claimport.order.domain.OrderTransitionRefusedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The orders API's own refusals, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@ExceptionHandler
	ProblemDetail transitionRefused(OrderTransitionRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.ORDER_STATUS_CONFLICT);
		problem.setTitle("Status change not allowed");
		problem.setProperty("currentStatus", ex.currentStatus().name());
		problem.setProperty("requestedStatus", ex.requestedStatus().name());
		problem.setProperty("allowedStatuses", ex.allowedStatuses().stream().sorted().map(OrderStatus::name).toList());
		return problem;
	}

}
