package io.claimport.service.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.problem.FieldViolation;

/**
 * A JSON merge patch (RFC 7396) of an object none of whose fields can be removed: a field
 * left out stays as it is, one given replaces it, and one given as {@code null} is
 * refused rather than ignored. A subclass has a {@code @JsonSetter} per field that calls
 * {@link #give}: Jackson calls a setter only for a field the body has, so the fields
 * given are told apart from those left out.
 */
public abstract class MergePatch {

	private final Map<String, Object> given = new LinkedHashMap<>();

	protected final void give(String field, Object value) {
		this.given.put(field, value);
	}

	/** The value given for a field, or {@code current} when it was left out. */
	@SuppressWarnings("unchecked")
	protected final <T> T valueOr(String field, T current) {
		return (T) this.given.getOrDefault(field, current);
	}

	/** The fields given as {@code null}, each a violation naming it. */
	public List<FieldViolation> removals() {
		List<FieldViolation> removals = new ArrayList<>();
		this.given.forEach((field, value) -> {
			if (value == null) {
				removals.add(new FieldViolation(field, "notNull",
						field + " cannot be removed; leave it out to keep it, or give a new value"));
			}
		});
		return removals;
	}

}
