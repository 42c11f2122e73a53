package io.claimport.devstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTest {

	private static final Path HOME = Path.of("/srv/claimport");

	@Test
	void usesTheDocumentedPortsAndStartsItsOwnInfrastructureByDefault() {
		Settings settings = Settings.from(Map.of(), HOME);

		assertThat(settings.ports()).containsEntry(Service.GATEWAY, 8080)
			.containsEntry(Service.CATALOG, 8081)
			.containsEntry(Service.ORDER, 8082)
			.containsEntry(Service.CLAIMS, 8083)
			.containsEntry(Service.ANALYTICS, 8084)
			.containsEntry(Service.AUDIT, 8085);
		assertThat(settings.kafkaPort()).isEqualTo(9092);
		assertThat(settings.postgresPort()).isEqualTo(5433);
		assertThat(settings.externalKafka()).isNull();
		assertThat(settings.externalPostgresUrl()).isNull();
		assertThat(settings.dataDirectory()).isEqualTo(HOME.resolve(".devstack"));
		assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:8080");
	}

	@Test
	void takesPortsAndExternalInfrastructureFromTheEnvironment() {
		Settings settings = Settings
			.from(Map.of("GATEWAY_PORT", "9080", "AUDIT_PORT", "9085", "KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092",
					"POSTGRES_URL", "jdbc:postgresql://db.internal:5432", "POSTGRES_USER", "claimport"), HOME);

		assertThat(settings.ports()).containsEntry(Service.GATEWAY, 9080).containsEntry(Service.AUDIT, 9085);
		assertThat(settings.managementPorts()).as("each port plus 100 unless set")
			.containsEntry(Service.GATEWAY, 9180)
			.containsEntry(Service.CATALOG, 8181);
		assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:9080");
		assertThat(settings.externalKafka()).isEqualTo("kafka.internal:9092");
		assertThat(settings.externalPostgresUrl()).isEqualTo("jdbc:postgresql://db.internal:5432");
		assertThat(settings.postgresUser()).isEqualTo("claimport");
	}

	@Test
	void takesAManagementPortFromItsOwnVariable() {
		Settings settings = Settings.from(Map.of("CLAIMS_MANAGEMENT_PORT", "19083"), HOME);

		assertThat(settings.managementPorts()).containsEntry(Service.CLAIMS, 19083).containsEntry(Service.ORDER, 8182);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.from(Map.of("AUDIT_MANAGEMENT_PORT", "0x50"), HOME))
			.withMessageContaining("AUDIT_MANAGEMENT_PORT");
	}

	@Test
	void treatsBlankInfrastructureVariablesAsUnset() {
		Settings settings = Settings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "POSTGRES_URL", ""), HOME);

		assertThat(settings.externalKafka()).isNull();
		assertThat(settings.externalPostgresUrl()).isNull();
	}

	@Test
	void namesTheVariableOfAPortThatIsNotAPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(Map.of("CLAIMS_PORT", "eighty"), HOME))
			.withMessageContaining("CLAIMS_PORT")
			.withMessageContaining("eighty");
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(Map.of("KAFKA_PORT", "70000"), HOME))
			.withMessageContaining("KAFKA_PORT");
	}

	@Test
	void theGatewayFindsEachServiceByAVariableNamedAfterItsPort() {
		assertThat(Service.CATALOG.urlVariable()).isEqualTo("CATALOG_URL");
		assertThat(Service.ORDER.urlVariable()).isEqualTo("ORDER_URL");
		assertThat(Service.AUDIT.urlVariable()).isEqualTo("AUDIT_URL");
	}

}
