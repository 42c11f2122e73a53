package io.claimport.analytics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.claimport.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.claimport.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests layering = ArchTests.in(ArchitectureRules.class);

}
