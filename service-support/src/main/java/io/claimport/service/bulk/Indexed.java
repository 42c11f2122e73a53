package io.claimport.service.bulk;

/** One item of a bulk request with its position in the request array, counted from 0. */
public record Indexed<T>(int index, T item) {

}
