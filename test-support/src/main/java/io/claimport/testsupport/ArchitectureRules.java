package io.claimport.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.repository.Repository;
import org.springframework.kafka.core.KafkaTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (see STYLE.md). A service's {@code ArchitectureTest}
 * checks its own classes against these rules with
 * {@code ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

	@ArchTest
	public static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..internal..", "org.springframework.web..", "org.springframework.stereotype..",
				"org.springframework.kafka..")
		.because("domain rules are plain Java that a unit test builds without Spring")
		// a service that only projects events, like audit, has no domain package
		.allowEmptyShould(true);

	@ArchTest
	public static final ArchRule controllersDelegate = noClasses().that()
		.resideInAPackage("..web..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class)
		.because("controllers parse, validate and delegate to the service that owns the transaction");

	@ArchTest
	public static final ArchRule eventsGoThroughTheOutbox = noClasses().should()
		.dependOnClassesThat()
		.areAssignableTo(KafkaTemplate.class)
		.because("a domain event is recorded in the transactional outbox, never sent to Kafka directly");

	private ArchitectureRules() {
	}

}
