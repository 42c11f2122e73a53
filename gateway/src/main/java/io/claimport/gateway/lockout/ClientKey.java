package io.claimport.gateway.lockout;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What brute-force protection counts failures by: an IPv4 address, or an IPv6 /64 — one
 * IPv6 client usually holds a whole /64 and could otherwise change address per attempt.
 */
final class ClientKey {

	private ClientKey() {
	}

	static String of(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("16 bytes are an IPv6 address", ex);
			}
		}
		return address.getHostAddress();
	}

}
