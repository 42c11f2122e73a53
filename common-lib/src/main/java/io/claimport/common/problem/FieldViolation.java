package io.claimport.common.problem;

/** One broken rule: which field, which rule, and a sentence for people. */
public record FieldViolation(String field, String rule, String message) {

}
