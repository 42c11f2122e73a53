package io.claimport.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives the gateway's server event loops of its own instead of Reactor Netty's global
 * ones, which closing any application context in the JVM would shut down: several
 * gateways in one JVM (replicas started by a test) must outlive one another.
 */
@Configuration(proxyBeanMethods = false)
class NettyResourcesConfiguration {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		return factory;
	}

}
