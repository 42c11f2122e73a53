package io.claimport.service.web;

import io.claimport.service.bulk.BulkValidator;
import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@AutoConfiguration
@Import(ApiProblems.class)
public class WebConfiguration {

	@Bean
	BulkValidator bulkValidator(Validator validator) {
		return new BulkValidator(validator);
	}

}
