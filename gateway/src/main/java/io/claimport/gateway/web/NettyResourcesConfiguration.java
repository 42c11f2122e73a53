package io.claimport.gateway.web;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives the gateway event loops of its own instead of Reactor Netty's global ones, which
 * closing any application context in the JVM would shut down: several gateways in one JVM
 * (replicas started by a test) must outlive one another. The proxy client runs on the
 * server's loops, so that a request and its call to the service stay on one thread, as
 * they do with the global loops.
 */
@Configuration(proxyBeanMethods = false)
class NettyResourcesConfiguration {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		return factory;
	}

	@Bean
	HttpClientCustomizer proxyClientOnTheServersEventLoops(ReactorResourceFactory resources) {
		return (client) -> client.runOn(resources.getLoopResources());
	}

}
