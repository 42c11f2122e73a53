package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.claimport.claims.claim.domain.CreditType;
import io.claimport.claims.claim.domain.DocumentType;
import io.claimport.claims.claim.domain.MediaDraft;
import io.claimport.claims.claim.domain.Money;
import io.claimport.claims.claim.domain.ResolutionDraft;
import io.claimport.claims.claim.domain.ResolutionType;
import io.claimport.claims.claim.domain.SenderType;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;

/**
 * The rules no annotation expresses for the writes on one claim (enums named with their
 * allowed values, URLs, money), turned into field violations. Everything is checked
 * before anything changes.
 */
final class ClaimRequests {

	/** The ISO 4217 code for "no currency", for a resolution that paid nothing. */
	static final String NO_CURRENCY = "XXX";

	private ClaimRequests() {
	}

	static SenderType senderType(MessageRequest request, List<FieldViolation> violations) {
		return oneOf("senderType", request.senderType().toUpperCase(Locale.ROOT), SenderType.class, violations,
				(name) -> name.toLowerCase(Locale.ROOT));
	}

	static List<MediaDraft> medias(MessageRequest request, UrlPolicy urls, List<FieldViolation> violations) {
		List<MediaDraft> medias = new ArrayList<>();
		List<MessageRequest.Media> given = (request.medias() != null) ? request.medias() : List.of();
		for (int i = 0; i < given.size(); i++) {
			url("medias[" + i + "].url", given.get(i).url(), urls, violations);
			medias.add(new MediaDraft(given.get(i).url(), given.get(i).type()));
		}
		return medias;
	}

	static DocumentType documentType(DocumentRequest request, List<FieldViolation> violations) {
		return oneOf("documentType", request.documentType(), DocumentType.class, violations, Function.identity());
	}

	static void url(String field, String url, UrlPolicy urls, List<FieldViolation> violations) {
		String problem = urls.problem(url);
		if (problem != null) {
			violations.add(new FieldViolation(field, "url", field + " " + problem));
		}
	}

	static ResolutionDraft resolution(ResolutionRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Optional<ResolutionType> type = ResolutionType.parse(request.resolutionType());
		if (type.isEmpty()) {
			violations.add(new FieldViolation("resolutionType", "oneOf", "resolutionType must be one of "
					+ Arrays.toString(ResolutionType.values()) + " (or " + ResolutionType.MISSPELT_ADDRESS_TYPO + ")"));
		}
		BigDecimal paid = orZero(request.paidValue());
		BigDecimal original = (request.paidOriginalValue() != null) ? request.paidOriginalValue() : paid;
		BigDecimal shipping = orZero(request.shippingAmount());
		boolean paysSomething = paid.signum() != 0 || original.signum() != 0 || shipping.signum() != 0;
		String currency = request.paidCurrency();
		if (currency == null && !paysSomething) {
			currency = NO_CURRENCY;
		}
		if (currency == null || Money.currency(currency) == null) {
			violations.add(new FieldViolation("paidCurrency", "currency",
					"paidCurrency must be an ISO 4217 code such as USD"));
		}
		else {
			money("paidValue", paid, currency, violations);
			money("paidOriginalValue", original, currency, violations);
			money("shippingAmount", shipping, currency, violations);
		}
		if (type.isPresent() && type.get().issuesStoreCredit() && paid.signum() <= 0) {
			violations.add(new FieldViolation("paidValue", "positive",
					"paidValue is the store credit's value: a " + type.get() + " resolution needs one above 0"));
		}
		CreditType creditType = (request.creditType() != null)
				? oneOf("creditType", request.creditType(), CreditType.class, violations, Function.identity()) : null;
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new ResolutionDraft(type.get(), request.resolutionDetails(), new Money(paid, currency),
				new Money(original, currency), Boolean.TRUE.equals(request.includeShipping()),
				new Money(shipping, currency), creditType);
	}

	private static void money(String field, BigDecimal amount, String currency, List<FieldViolation> violations) {
		String problem = Money.problem(amount, currency);
		if (problem != null) {
			violations.add(new FieldViolation(field, "money", field + " " + problem));
		}
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return (amount != null) ? amount : BigDecimal.ZERO;
	}

	static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, List<FieldViolation> violations) {
		return oneOf(field, value, type, violations, Function.identity());
	}

	static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, List<FieldViolation> violations,
			Function<String, String> shown) {
		E named = constant(type, value);
		if (named != null) {
			return named;
		}
		violations.add(new FieldViolation(field, "oneOf", field + " must be one of "
				+ Arrays.stream(type.getEnumConstants()).map((constant) -> shown.apply(constant.name())).toList()));
		return null;
	}

	/** The constant of this name, or null. */
	static <E extends Enum<E>> E constant(Class<E> type, String name) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

}
