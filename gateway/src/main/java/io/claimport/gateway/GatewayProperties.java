package io.claimport.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("claimport.gateway")
public record GatewayProperties(String adminToken, String signingKeyLocation, RequestLog requestLog) {

	public record RequestLog(int bufferCapacity) {

	}

}
