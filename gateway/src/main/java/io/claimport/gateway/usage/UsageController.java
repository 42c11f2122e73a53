package io.claimport.gateway.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.CursorParams;
import io.claimport.common.problem.FieldViolation;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling account's use of its keys, per key and UTC day, answered by the gateway,
 * which counts it (at the path the audit service answered it at before).
 */
@RestController
class UsageController {

	private final UsageHistory history;

	private final UsageCounters counters;

	UsageController(UsageHistory history, UsageCounters counters) {
		this.history = history;
		this.counters = counters;
	}

	/**
	 * The rows of a period (default: the last 30 days), oldest first: all of them as a
	 * report, or walked with cursors ({@code first}/{@code after},
	 * {@code last}/{@code before}) as a connection of edges and pageInfo.
	 */
	@GetMapping("/api/v1/audit/usage")
	@ApiResponse(responseCode = "200",
			description = "A connection when first/after or last/before is given, else the whole report",
			content = @Content(schema = @Schema(oneOf = { UsageConnection.class, UsageReport.class })))
	Mono<Object> usage(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller,
			@RequestParam(required = false) String keyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before) {
		UsagePeriod period = UsagePeriod.of(from, to, this.counters.today());
		if (CursorParams.given(first, after, last, before)) {
			List<FieldViolation> violations = new ArrayList<>();
			CursorPage page = CursorParams.read(first, after, last, before, UsageStore.DAY, LocalDate::parse,
					violations);
			if (!violations.isEmpty()) {
				throw new InvalidRequestException(violations);
			}
			return blocking(() -> this.history.walk(caller.accountId(), keyId, period, page));
		}
		return blocking(() -> new UsageReport(period.from(), period.to(),
				this.history.report(caller.accountId(), keyId, period)));
	}

	private static <T> Mono<Object> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).cast(Object.class);
	}

	record UsageReport(LocalDate from, LocalDate to, List<UsageRow> data) {

	}

	/** The usage rows walked with cursors, as the contract describes it. */
	record UsageConnection(List<UsageEdge> edges, Connection.PageInfo pageInfo) {

	}

	record UsageEdge(String cursor, UsageRow node) {

	}

}
