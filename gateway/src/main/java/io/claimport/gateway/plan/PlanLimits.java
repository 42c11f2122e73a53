package io.claimport.gateway.plan;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a plan allows: whether its keys may call the API at all, how often, and how many
 * keys.
 */
public record PlanLimits(@DefaultValue("true") boolean apiAccess, int requestsPerMinute, long requestsPerDay,
		int maxKeys) {

}
