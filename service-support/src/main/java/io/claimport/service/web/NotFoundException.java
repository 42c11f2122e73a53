package io.claimport.service.web;

/**
 * No such object in the caller's account. Objects of other accounts are reported the same
 * way, so nobody learns that an id exists elsewhere.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String resource, String id) {
		super("No " + resource + " with id " + id + " exists.");
	}

}
