package io.claimport.catalog.product.web;

import java.util.List;

import io.claimport.catalog.product.domain.ProductDeletedException;
import io.claimport.catalog.product.domain.SkuTakenException;
import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The products API's own refusals, as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

	@ExceptionHandler
	ProblemDetail skuTaken(SkuTakenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.CONFLICT);
		problem.setTitle("SKU taken");
		problem.setProperty("errors", List.of(new FieldViolation("sku", "unique", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail deleted(ProductDeletedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.CONFLICT);
		problem.setTitle("Product deleted");
		problem.setProperty("deletedAt", ex.deletedAt());
		return problem;
	}

}
