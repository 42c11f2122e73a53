package io.claimport.claims.claim.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimCategory;
import io.claimport.claims.claim.domain.ClaimState;
import io.claimport.claims.claim.domain.IssueType;
import io.claimport.claims.claim.domain.ResolutionType;
import io.claimport.claims.claim.domain.SalesChannel;
import io.claimport.claims.claim.internal.ClaimSearch;
import io.claimport.common.id.PublicIds;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;

import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /api/v1/claims}, read strictly: every parameter must be one the
 * listing knows, every value of the right form; a filter given several times matches any
 * of its values, {@code filterOperator} (AND, the default, or OR) combines different
 * filters, and the time windows always apply. Paging goes forwards ({@code first},
 * {@code after}) or backwards ({@code last}, {@code before}).
 */
final class ClaimListQuery {

	static final int DEFAULT_PAGE = 20;

	static final int MAX_PAGE = 100;

	static final int MAX_VALUES = 50;

	/** Filters on a text attribute of the claim, by parameter name. */
	static final Set<String> TEXT_FILTERS = Set.of("orderId", "sourceOrderId", "sourceOrderNumber", "authorEmail",
			"claimType", "externalSource", "policyId");

	/** Filters on an enumerated attribute: how to read a value, or null if it is none. */
	private static final Map<String, Function<String, Object>> ENUM_FILTERS = Map.of("claimState",
			(value) -> ClaimRequests.constant(ClaimState.class, value), "claimCategory",
			(value) -> ClaimRequests.constant(ClaimCategory.class, value), "issueType",
			(value) -> ClaimRequests.constant(IssueType.class, value), "salesChannel",
			(value) -> ClaimRequests.constant(SalesChannel.class, value), "resolutionType",
			(value) -> ResolutionType.parse(value).orElse(null));

	static final Map<String, List<?>> ALLOWED = Map.of("claimState", List.of(ClaimState.values()), "claimCategory",
			List.of(ClaimCategory.values()), "issueType", List.of(IssueType.values()), "salesChannel",
			List.of(SalesChannel.values()), "resolutionType", List.of(ResolutionType.values()));

	private static final Set<String> OTHER_PARAMETERS = Set.of("filterOperator", "createdAfter", "createdBefore",
			"updatedAfter", "updatedBefore", "first", "after", "last", "before");

	private ClaimListQuery() {
	}

	static ClaimSearch parse(MultiValueMap<String, String> parameters) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, List<Object>> anyOf = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			List<String> values = parameter.getValue();
			if (TEXT_FILTERS.contains(name) || ENUM_FILTERS.containsKey(name)) {
				filter(name, values, violations).ifPresent((read) -> anyOf.put(name, read));
			}
			else if (!OTHER_PARAMETERS.contains(name)) {
				violations.add(new FieldViolation(name, "unknownParameter",
						"'" + name + "' is not a parameter of the claims listing; the filters are " + filterNames()));
			}
			else if (values.size() > 1) {
				violations.add(new FieldViolation(name, "single", name + " may be given once"));
			}
		}
		boolean matchAll = operator(parameters.getFirst("filterOperator"), violations);
		Instant createdAfter = instant("createdAfter", parameters.getFirst("createdAfter"), violations);
		Instant createdBefore = instant("createdBefore", parameters.getFirst("createdBefore"), violations);
		Instant updatedAfter = instant("updatedAfter", parameters.getFirst("updatedAfter"), violations);
		Instant updatedBefore = instant("updatedBefore", parameters.getFirst("updatedBefore"), violations);
		ClaimSearch.Page page = page(parameters, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new ClaimSearch(anyOf, matchAll, createdAfter, createdBefore, updatedAfter, updatedBefore, page);
	}

	private static Optional<List<Object>> filter(String name, List<String> values, List<FieldViolation> violations) {
		if (values.size() > MAX_VALUES) {
			violations
				.add(new FieldViolation(name, "maxValues", name + " may be given at most " + MAX_VALUES + " times"));
			return Optional.empty();
		}
		List<Object> read = new ArrayList<>();
		for (String value : values) {
			if (value == null || value.isBlank() || value.length() > 254) {
				violations.add(new FieldViolation(name, "size", name + " must be 1 to 254 characters"));
				return Optional.empty();
			}
			Function<String, Object> reader = ENUM_FILTERS.get(name);
			Object parsed = (reader != null) ? reader.apply(value) : value;
			if (parsed == null) {
				violations.add(new FieldViolation(name, "oneOf", name + " must be one of " + ALLOWED.get(name)));
				return Optional.empty();
			}
			read.add(parsed);
		}
		return Optional.of(read);
	}

	private static boolean operator(String value, List<FieldViolation> violations) {
		if (value == null || value.equals("AND")) {
			return true;
		}
		if (!value.equals("OR")) {
			violations.add(new FieldViolation("filterOperator", "oneOf", "filterOperator must be one of [AND, OR]"));
		}
		return false;
	}

	private static Instant instant(String name, String value, List<FieldViolation> violations) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(name, "dateTime",
					name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z"));
			return null;
		}
	}

	private static ClaimSearch.Page page(MultiValueMap<String, String> parameters, List<FieldViolation> violations) {
		String first = parameters.getFirst("first");
		String last = parameters.getFirst("last");
		String after = parameters.getFirst("after");
		String before = parameters.getFirst("before");
		boolean backwards = last != null || before != null;
		if (backwards && (first != null || after != null)) {
			violations.add(new FieldViolation("last", "exclusive",
					"page forwards with first and after, or backwards with last and before, not both"));
			return null;
		}
		String sizeName = backwards ? "last" : "first";
		String sizeValue = backwards ? last : first;
		int size = DEFAULT_PAGE;
		if (sizeValue != null) {
			try {
				size = Integer.parseInt(sizeValue);
			}
			catch (NumberFormatException ex) {
				size = -1;
			}
			if (size < 1 || size > MAX_PAGE) {
				violations.add(new FieldViolation(sizeName, "range",
						sizeName + " must be a whole number from 1 to " + MAX_PAGE));
			}
		}
		String cursorName = backwards ? "before" : "after";
		String cursor = backwards ? before : after;
		if (cursor != null && !PublicIds.isWellFormed(Claim.ID_PREFIX, cursor)) {
			violations.add(new FieldViolation(cursorName, "cursor",
					cursorName + " must be a cursor from a previous page's pageInfo"));
		}
		return new ClaimSearch.Page(size, backwards, cursor);
	}

	private static List<String> filterNames() {
		List<String> names = new ArrayList<>(TEXT_FILTERS);
		names.addAll(ENUM_FILTERS.keySet());
		names.addAll(OTHER_PARAMETERS);
		return names.stream().sorted().toList();
	}

}
