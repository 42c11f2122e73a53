package io.claimport.gateway;

import java.net.URI;

import io.claimport.common.problem.ProblemCatalog;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceTestInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem type URIs of the API's answers lead to pages that say what to do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "claimport.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN)
@ContextConfiguration(initializers = ServiceTestInitializer.class)
class ProblemPagesIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void theTypeOfARealAnswerResolvesToItsPageWithoutAKey() {
		ApiClient anonymous = new ApiClient("http://localhost:" + this.port);
		String type = anonymous.get("/api/v1/products").json().get("type").asString();

		ApiClient.Response page = anonymous.get(URI.create(type).getPath());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<h1>Unauthenticated</h1>").contains("X-API-Key");
		assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'");
	}

	@Test
	void everyProblemTypeHasAPageAndTheIndexListsThemAll() {
		ApiClient anonymous = new ApiClient("http://localhost:" + this.port);
		String index = anonymous.get("/problems").body();

		for (ProblemCatalog.Entry entry : ProblemCatalog.ALL) {
			ApiClient.Response page = anonymous.get("/problems/" + entry.slug());
			assertThat(page.status()).as(entry.slug()).isEqualTo(200);
			assertThat(page.body()).contains(entry.type().toString());
			assertThat(index).contains("href=\"/problems/" + entry.slug() + "\"");
		}
	}

	@Test
	void anUnknownTypeIs404AsAProblem() {
		ApiClient.Response missing = new ApiClient("http://localhost:" + this.port).get("/problems/no-such-thing");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
	}

}
