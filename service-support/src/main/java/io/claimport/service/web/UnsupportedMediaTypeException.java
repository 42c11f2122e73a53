package io.claimport.service.web;

import java.util.List;

import org.springframework.http.MediaType;

/** A body sent as a media type the API does not read; answered with 415. */
public class UnsupportedMediaTypeException extends RuntimeException {

	public static final List<MediaType> SUPPORTED = List.of(MediaType.APPLICATION_JSON);

	UnsupportedMediaTypeException(String contentType) {
		super("Content-Type '" + contentType.replaceAll("[^\\x20-\\x7e]", "?")
				+ "' is not a media type the API reads; send the body as application/json (UTF-8).");
	}

}
