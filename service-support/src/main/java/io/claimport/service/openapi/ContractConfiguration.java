package io.claimport.service.openapi;

import io.claimport.common.identity.CallerIdentity;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI 3.1 description at {@code /v3/api-docs} (springdoc, on the
 * service's port, which only the gateway reaches): the gateway merges them into the API's
 * contract ({@code GET /api/v1/openapi.json}).
 */
@AutoConfiguration
public class ContractConfiguration {

	static {
		// the caller comes from the gateway's identity token, not from the request's
		// parameters
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerIdentity.class);
	}

	/** Schema names that keep nested records apart ({@link NestedTypeNames}). */
	@Bean
	ModelResolver nestedTypeNames(ObjectMapperProvider mappers) {
		return new ModelResolver(mappers.jsonMapper(), new NestedTypeNames());
	}

	@Bean
	ContractConventions contractConventions(@Value("${spring.application.name:service}") String application) {
		return new ContractConventions("ClaimPort " + application);
	}

}
