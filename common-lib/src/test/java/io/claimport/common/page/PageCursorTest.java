package io.claimport.common.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageCursorTest {

	@Test
	void aCursorReadsBackAsItWasMadeEvenForTheLongestNameInAnyScript() {
		String longestName = "\uD83D\uDE00".repeat(100) + "\n";
		PageCursor cursor = new PageCursor("-name", longestName, "prod_01M97AHVXX73V11EWXJSAX2P6W");

		assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
	}

	@Test
	void aTokenTheApiDidNotMakeIsNoCursor() {
		assertThat(PageCursor.decode("not-a-cursor")).isEmpty();
		assertThat(PageCursor.decode("%%%")).isEmpty();
		assertThat(PageCursor.decode("x".repeat(5000))).isEmpty();
		assertThat(PageCursor.decode("")).isEmpty();
	}

}
