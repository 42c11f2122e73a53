package io.claimport.claims.claim.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps an offline claim's details as JSON in one column: they are read whole, never
 * searched.
 */
@Converter
class OfflineDetailsConverter implements AttributeConverter<OfflineDetails, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(OfflineDetails details) {
		return (details != null) ? JSON.writeValueAsString(details) : null;
	}

	@Override
	public OfflineDetails convertToEntityAttribute(String json) {
		return (json != null) ? JSON.readValue(json, OfflineDetails.class) : null;
	}

}
