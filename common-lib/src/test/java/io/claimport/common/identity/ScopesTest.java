package io.claimport.common.identity;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTest {

	@Test
	void readsNeedTheResourcesReadScopeAndEverythingElseItsWriteScope() {
		assertThat(Scopes.requiredFor("GET", "/api/v1/products")).contains("products:read");
		assertThat(Scopes.requiredFor("HEAD", "/api/v1/orders/ord_1")).contains("orders:read");
		assertThat(Scopes.requiredFor("POST", "/api/v1/claims")).contains("claims:write");
		assertThat(Scopes.requiredFor("PATCH", "/api/v1/products/prod_1")).contains("products:write");
		assertThat(Scopes.requiredFor("DELETE", "/api/v1/orders/ord_1")).contains("orders:write");
		assertThat(Scopes.requiredFor("GET", "/api/v1/analytics")).contains("analytics:read");
	}

	@Test
	void callsWithoutAResourceScopeNeedFullAccess() {
		assertThat(Scopes.requiredFor("GET", "/api/v1/keys")).contains("full:access");
		assertThat(Scopes.requiredFor("POST", "/api/v1/keys/key_1/rotate")).contains("full:access");
		assertThat(Scopes.requiredFor("GET", "/api/v1/audit/requests")).contains("full:access");
		assertThat(Scopes.requiredFor("POST", "/api/v1/analytics")).contains("full:access");
		assertThat(Scopes.requiredFor("GET", "/api/v1/productsx")).contains("full:access");
	}

	@Test
	void pathsOutsideThePublicApiNeedNoScope() {
		assertThat(Scopes.requiredFor("GET", "/actuator/health")).isEmpty();
		assertThat(Scopes.requiredFor("GET", "/ops/v1/requests")).isEmpty();
	}

	@Test
	void fullAccessGrantsEveryScopeAndOtherScopesOnlyThemselves() {
		assertThat(Scopes.grants(Set.of("full:access"), "analytics:read")).isTrue();
		assertThat(Scopes.grants(Set.of("products:read"), "products:read")).isTrue();
		assertThat(Scopes.grants(Set.of("products:read"), "products:write")).isFalse();
		assertThat(Scopes.grants(Set.of("products:write"), "products:read")).isFalse();
		assertThat(Scopes.grants(Set.of(), "full:access")).isFalse();
	}

}
