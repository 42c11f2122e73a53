package io.claimport.gateway.account;

import java.time.Instant;

import io.claimport.gateway.plan.Plan;

public record Account(String id, String name, Plan plan, Instant createdAt) {

	public static final String ID_PREFIX = "acct";

}
