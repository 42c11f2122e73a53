package io.claimport.common.page;

import java.util.List;

/** One page of a list answer, numbered from 0. */
public record PageResponse<T>(List<T> data, int page, int size, long totalElements, int totalPages) {

	public static <T> PageResponse<T> of(List<T> data, int page, int size, long totalElements) {
		int totalPages = (size == 0) ? 0 : (int) ((totalElements + size - 1) / size);
		return new PageResponse<>(data, page, size, totalElements, totalPages);
	}

}
