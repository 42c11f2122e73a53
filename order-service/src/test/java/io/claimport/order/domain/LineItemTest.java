package io.claimport.order.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineItemTest {

	private static final BigDecimal PRICE = new BigDecimal("19.99");

	@Test
	void everyLineOfANewOrderGetsItsOwnIdAlsoTwoLinesOfOneSku() {
		List<LineItem> lines = LineItem
			.numbered(List.of(new LineItem("A", "red", 1, PRICE), new LineItem("A", "blue", 1, PRICE)), List.of());

		assertThat(lines).extracting(LineItem::getId).allMatch((id) -> id.startsWith("li_")).doesNotHaveDuplicates();
	}

	@Test
	void aLineSentAgainKeepsItsIdAndANewLineGetsANewOne() {
		List<LineItem> before = LineItem.numbered(List.of(new LineItem("A", "A", 1, PRICE)), List.of());

		List<LineItem> after = LineItem
			.numbered(List.of(new LineItem("B", "B", 1, PRICE), new LineItem("A", "A", 3, PRICE)), before);

		assertThat(after.get(1).getId()).as("the SKU's line, its quantity changed").isEqualTo(before.get(0).getId());
		assertThat(after.get(0).getId()).isNotEqualTo(before.get(0).getId()).startsWith("li_");
	}

	@Test
	void aLineWithTheStoresIdKeepsItsIdByThatIdEvenWhenItsSkuChanges() {
		List<LineItem> before = LineItem.numbered(
				List.of(new LineItem("9001", "A", "A", 1, PRICE), new LineItem("9002", "A", "A", 1, PRICE)), List.of());

		List<LineItem> after = LineItem.numbered(List.of(new LineItem("9002", "A-2", "A", 1, PRICE)), before);

		assertThat(after).singleElement().extracting(LineItem::getId).isEqualTo(before.get(1).getId());
	}

	@Test
	void aLineSentAgainEqualsTheNumberedOneSoAnUnchangedOrderStaysUnchanged() {
		List<LineItem> sent = List.of(new LineItem("9001", "A", "A", 1, PRICE));

		assertThat(LineItem.numbered(sent, List.of())).isEqualTo(sent);
		assertThat(LineItem.numbered(sent, List.of())).isNotEqualTo(List.of(new LineItem("9009", "A", "A", 1, PRICE)));
	}

}
