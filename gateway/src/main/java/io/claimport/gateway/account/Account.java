package io.claimport.gateway.account;

import java.time.Instant;

public record Account(String id, String name, Plan plan, Instant createdAt) {

	public static final String ID_PREFIX = "acct";

}
