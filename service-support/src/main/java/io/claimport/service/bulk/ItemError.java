package io.claimport.service.bulk;

/**
 * Why one item of a bulk request was not created; index counts from 0 in the request
 * array.
 */
public record ItemError(int index, String field, String rule, String message) {

}
