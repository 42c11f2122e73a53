package io.claimport.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestShapeCheckTest {

	@Test
	void takesPathsInNormalForm() {
		for (String path : new String[] { "", "/", "/api/v1/products", "/api/v1/products/prod_01ABC",
				"/api/v1/products/a.b", "/api/v1/products/...", "/api/v1/products/%2e%2e%2e", "/api/v1/x%20y",
				"/api/v1/caf%C3%A9", "/api/v1/products/.hidden" }) {
			assertThat(RequestShapeCheck.notNormal(path)).as(path).isNull();
		}
	}

	@Test
	void namesWhatIsWrongWithAPathNotInNormalForm() {
		assertThat(RequestShapeCheck.notNormal("/api/v1/products/../keys")).contains("dot segment");
		assertThat(RequestShapeCheck.notNormal("/api/v1/products/..")).contains("dot segment");
		assertThat(RequestShapeCheck.notNormal("/api/./v1")).contains("dot segment");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%2E%2e/keys")).contains("dot segment");
		assertThat(RequestShapeCheck.notNormal("/api/v1/.%2e")).contains("dot segment");
		assertThat(RequestShapeCheck.notNormal("/api/v1/products/..;/keys")).contains("';'");
		assertThat(RequestShapeCheck.notNormal("/api/v1/a\\b")).contains("backslash");
		assertThat(RequestShapeCheck.notNormal("/api/v1/a%2Fb")).contains("encoded slash");
		assertThat(RequestShapeCheck.notNormal("/api/v1/a%5cb")).contains("encoded slash");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%00")).contains("control");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%1f")).contains("control");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%7F")).contains("control");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%zz")).contains("'%'");
		assertThat(RequestShapeCheck.notNormal("/api/v1/%2")).contains("'%'");
	}

}
