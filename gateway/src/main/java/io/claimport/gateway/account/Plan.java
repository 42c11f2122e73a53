package io.claimport.gateway.account;

/**
 * The plans an account can be on; what each allows comes with rate limits and key quotas.
 */
public enum Plan {

	STARTER, PROFESSIONAL, BUSINESS, ENTERPRISE

}
