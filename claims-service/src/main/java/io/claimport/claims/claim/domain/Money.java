package io.claimport.claims.claim.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An exact amount in an ISO 4217 currency, with no more decimals than the currency has.
 * Never a floating-point number.
 */
public record Money(BigDecimal amount, String currency) {

	/** The largest amount a claim's money columns hold ({@code NUMERIC(14, 2)}). */
	public static final BigDecimal MAX = new BigDecimal("999999999999.99");

	public Money {
		String why = problem(amount, currency);
		if (why != null) {
			throw new IllegalArgumentException(why);
		}
		currency = currency.toUpperCase(Locale.ROOT);
	}

	/** Why an amount in a currency is not money the claims desk keeps, or null. */
	public static String problem(BigDecimal amount, String currency) {
		if (amount == null) {
			return "an amount is required";
		}
		if (amount.signum() < 0) {
			return "must not be negative";
		}
		if (amount.compareTo(MAX) > 0) {
			return "must be at most " + MAX.toPlainString();
		}
		Currency known = currency(currency);
		if (known == null) {
			return "currency must be an ISO 4217 code such as USD";
		}
		int decimals = Math.max(known.getDefaultFractionDigits(), 0);
		if (amount.stripTrailingZeros().scale() > decimals) {
			return "has more decimals than " + known.getCurrencyCode() + " has (" + decimals + ")";
		}
		return null;
	}

	public static Currency currency(String code) {
		if (code == null || !code.matches("[A-Za-z]{3}")) {
			return null;
		}
		try {
			return Currency.getInstance(code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
