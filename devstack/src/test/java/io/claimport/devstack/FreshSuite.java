package io.claimport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.claimport.infra.FreePorts;

/**
 * The whole suite on free ports, with its data in a new directory ({@link SharedSuite}
 * starts the one the end-to-end tests share).
 */
final class FreshSuite {

	private FreshSuite() {
	}

	/** Starts it with these settings beside the ports and the data directory. */
	static Suite start(Map<String, String> settings) throws IOException {
		Map<String, String> environment = new HashMap<>(settings);
		for (Service service : Service.values()) {
			environment.put(service.portVariable(), String.valueOf(FreePorts.find()));
			environment.put(service.managementPortVariable(), String.valueOf(FreePorts.find()));
		}
		environment.put("KAFKA_PORT", String.valueOf(FreePorts.find()));
		environment.put("POSTGRES_PORT", String.valueOf(FreePorts.find()));
		environment.put("CLAIMPORT_DATA_DIR", Files.createTempDirectory("claimport-suite").toString());
		return Suite.start(Settings.from(environment, Path.of("..").toAbsolutePath().normalize()));
	}

}
