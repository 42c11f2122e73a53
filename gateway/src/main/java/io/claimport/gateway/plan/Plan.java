package io.claimport.gateway.plan;

import java.util.Locale;

/** The plans an account can be on; {@link Plans} says what each allows. */
public enum Plan {

	STARTER, PROFESSIONAL, BUSINESS, ENTERPRISE;

	/** As people write it: "Professional". */
	public String displayName() {
		return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
	}

}
