package io.claimport.common.page;

/**
 * A page of a list walked with cursors: {@code size} objects after a cursor (forwards,
 * {@code first}/{@code after}) or before one (backwards, {@code last}/{@code before}); no
 * cursor means from the start (or, backwards, from the end).
 */
public record CursorPage(int size, boolean backwards, PageCursor cursor) {

}
