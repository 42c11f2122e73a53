package io.claimport.gateway.key;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.claimport.common.identity.Scopes;
import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.TextRules;
import io.claimport.gateway.network.IpAllowlist;
import io.claimport.gateway.web.InvalidRequestException;

/**
 * The rules for what a caller may ask of a key, turned into {@link FieldViolation}s that
 * name the field and the rule. Everything is checked before anything is written.
 */
final class KeyRequests {

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_ALLOWLIST_ENTRIES = 100;

	/** The latest expiry a key may have: the end of the last four-digit year. */
	static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

	private KeyRequests() {
	}

	static KeySpec newKey(NewKey request, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		String name = name(request.name(), violations);
		Set<String> scopes = (request.scopes() != null) ? scopes(request.scopes(), violations)
				: Set.of(Scopes.FULL_ACCESS);
		IpAllowlist allowlist = (request.ipAllowlist() != null) ? allowlist(request.ipAllowlist(), violations)
				: IpAllowlist.ANY;
		Instant expiresAt = expiresAt(request.expiresAt(), now, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new KeySpec(name, scopes, allowlist, expiresAt);
	}

	/** The key as it is after the change: absent fields keep their value. */
	static KeySpec changed(ApiKey key, KeyChange request) {
		List<FieldViolation> violations = new ArrayList<>();
		String name = (request.name() != null) ? name(request.name(), violations) : key.name();
		Set<String> scopes = (request.scopes() != null) ? scopes(request.scopes(), violations) : key.scopes();
		IpAllowlist allowlist = (request.ipAllowlist() != null) ? allowlist(request.ipAllowlist(), violations)
				: key.ipAllowlist();
		if (request.expiresAt() != null) {
			violations.add(new FieldViolation("expiresAt", "immutable",
					"expiresAt cannot be changed; create a new key or rotate this one"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new KeySpec(name, scopes, allowlist, key.expiresAt());
	}

	private static String name(String name, List<FieldViolation> violations) {
		if (name == null || name.isBlank()) {
			violations.add(new FieldViolation("name", "notBlank", "name must not be blank"));
			return null;
		}
		if (name.trim().length() > MAX_NAME_LENGTH) {
			violations
				.add(new FieldViolation("name", "size", "name must be at most " + MAX_NAME_LENGTH + " characters"));
		}
		String textProblem = TextRules.problem(name);
		if (textProblem != null) {
			violations.add(new FieldViolation("name", TextRules.RULE, "name " + textProblem));
		}
		return name.trim();
	}

	private static Set<String> scopes(List<String> requested, List<FieldViolation> violations) {
		if (requested.isEmpty()) {
			violations.add(new FieldViolation("scopes", "notEmpty", "scopes must name at least one scope"));
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String scope = requested.get(i);
			if (scope == null || !Scopes.ALL.contains(scope)) {
				violations.add(new FieldViolation("scopes[" + i + "]", "oneOf",
						"'" + scope + "' is not a scope; the scopes are " + new TreeSet<>(Scopes.ALL)));
			}
			scopes.add(scope);
		}
		return scopes;
	}

	private static IpAllowlist allowlist(List<String> ranges, List<FieldViolation> violations) {
		if (ranges.size() > MAX_ALLOWLIST_ENTRIES) {
			violations.add(new FieldViolation("ipAllowlist", "size",
					"ipAllowlist may hold at most " + MAX_ALLOWLIST_ENTRIES + " ranges"));
			return IpAllowlist.ANY;
		}
		int before = violations.size();
		for (int i = 0; i < ranges.size(); i++) {
			String entry = ranges.get(i);
			if (entry != null && TextRules.problem(entry) != null) {
				violations.add(new FieldViolation("ipAllowlist[" + i + "]", "cidr",
						"ipAllowlist[" + i + "] is not an IPv4 or IPv6 address or CIDR range"));
			}
			else if (!IpAllowlist.isRange(entry)) {
				violations.add(new FieldViolation("ipAllowlist[" + i + "]", "cidr",
						"'" + entry + "' is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7, "
								+ "10.0.0.0/8 or 2001:db8::/32)"));
			}
		}
		return (violations.size() == before) ? IpAllowlist.of(ranges) : IpAllowlist.ANY;
	}

	private static Instant expiresAt(String value, Instant now, List<FieldViolation> violations) {
		if (value == null) {
			return null;
		}
		try {
			Instant expiresAt = Instant.parse(value);
			if (!expiresAt.isAfter(now)) {
				violations.add(new FieldViolation("expiresAt", "future", "expiresAt must be in the future"));
			}
			else if (expiresAt.isAfter(LATEST_EXPIRY)) {
				violations.add(new FieldViolation("expiresAt", "range", "expiresAt must be after now and at most "
						+ LATEST_EXPIRY + "; leave it out for a key that" + " does not expire"));
				return null;
			}
			return expiresAt;
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation("expiresAt", "dateTime",
					"expiresAt must be an ISO-8601 instant such as 2027-01-01T00:00:00Z"));
			return null;
		}
	}

	record NewKey(String name, List<String> scopes, List<String> ipAllowlist, String expiresAt) {

	}

	record KeyChange(String name, List<String> scopes, List<String> ipAllowlist, String expiresAt) {

	}

}
