package io.claimport.gateway.network;

import java.net.InetAddress;
import java.util.List;

import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * The addresses a key may be used from: IPv4 and IPv6 CIDR ranges or single addresses. An
 * empty list allows every address. Only IP literals are accepted, so no entry ever causes
 * a DNS lookup.
 */
public final class IpAllowlist {

	public static final IpAllowlist ANY = new IpAllowlist(List.of(), List.of());

	private final List<String> ranges;

	private final List<InetAddressMatcher> matchers;

	private IpAllowlist(List<String> ranges, List<InetAddressMatcher> matchers) {
		this.ranges = ranges;
		this.matchers = matchers;
	}

	/**
	 * @throws IllegalArgumentException naming the first entry that is not a range
	 */
	public static IpAllowlist of(List<String> ranges) {
		List<InetAddressMatcher> matchers = ranges.stream().map(IpAllowlist::matcher).toList();
		return new IpAllowlist(ranges.stream().map(String::trim).toList(), matchers);
	}

	public static boolean isRange(String candidate) {
		try {
			matcher(candidate);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public boolean allows(InetAddress address) {
		return this.matchers.isEmpty() || this.matchers.stream().anyMatch((matcher) -> matcher.matches(address));
	}

	public List<String> ranges() {
		return this.ranges;
	}

	private static InetAddressMatcher matcher(String range) {
		if (range == null || range.isBlank()) {
			throw new IllegalArgumentException("an allow-list entry is empty");
		}
		String trimmed = range.trim();
		int slash = trimmed.indexOf('/');
		if (slash >= 0) {
			String prefix = trimmed.substring(slash + 1);
			int maxPrefix = (trimmed.indexOf(':') >= 0) ? 128 : 32;
			if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(prefix) > maxPrefix) {
				throw new IllegalArgumentException("'" + range + "' has a prefix length that is not 0 to " + maxPrefix);
			}
		}
		try {
			return InetAddressMatchers.fromIpAddress(trimmed);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + range + "' is not an IPv4 or IPv6 address or CIDR range");
		}
	}

}
