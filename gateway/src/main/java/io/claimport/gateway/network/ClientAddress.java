package io.claimport.gateway.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.claimport.gateway.GatewayProperties;
import io.netty.util.NetUtil;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is really calling, and whether over TLS. The client is the connection's peer,
 * unless the peer is one of the configured trusted proxies: then {@code X-Forwarded-For}
 * is read from the right, skipping trusted proxies, and the first address that is not one
 * is the client. Whatever an untrusted peer writes into these headers changes nothing.
 */
@Component
public class ClientAddress {

	private static final String ATTRIBUTE = ClientAddress.class.getName();

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

	private final IpAllowlist trustedProxies;

	ClientAddress(GatewayProperties properties) {
		List<String> proxies = properties.network().trustedProxies();
		this.trustedProxies = proxies.isEmpty() ? null : IpAllowlist.of(proxies);
	}

	/** The client's address; null only when the server knows no peer at all. */
	public InetAddress of(ServerWebExchange exchange) {
		InetAddress cached = exchange.getAttribute(ATTRIBUTE);
		if (cached != null) {
			return cached;
		}
		InetAddress client = resolve(exchange.getRequest());
		if (client != null) {
			exchange.getAttributes().put(ATTRIBUTE, client);
		}
		return client;
	}

	public boolean isSecure(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getSslInfo() != null) {
			return true;
		}
		if (!isTrustedProxy(peer(request))) {
			return false;
		}
		List<String> protos = values(request, FORWARDED_PROTO);
		return !protos.isEmpty() && "https".equalsIgnoreCase(protos.get(protos.size() - 1));
	}

	private InetAddress resolve(ServerHttpRequest request) {
		InetAddress client = peer(request);
		if (!isTrustedProxy(client)) {
			return client;
		}
		List<String> hops = values(request, FORWARDED_FOR);
		for (int i = hops.size() - 1; i >= 0 && isTrustedProxy(client); i--) {
			InetAddress hop = literal(hops.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
		}
		return client;
	}

	private boolean isTrustedProxy(InetAddress address) {
		return this.trustedProxies != null && address != null && this.trustedProxies.allows(address);
	}

	private static InetAddress peer(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null) ? remote.getAddress() : null;
	}

	private static List<String> values(ServerHttpRequest request, String header) {
		List<String> values = new ArrayList<>();
		for (String line : request.getHeaders().getOrEmpty(header)) {
			for (String value : line.split(",")) {
				if (!value.isBlank()) {
					values.add(value.trim());
				}
			}
		}
		return values;
	}

	/** An IP literal, never a DNS lookup; null for anything else. */
	private static InetAddress literal(String value) {
		String address = (value.startsWith("[") && value.indexOf(']') > 0) ? value.substring(1, value.indexOf(']'))
				: value;
		return NetUtil.createInetAddressFromIpAddressString(address);
	}

}
