package io.claimport.service.csv;

import java.nio.charset.StandardCharsets;

import io.claimport.service.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvTableTest {

	@Test
	void readsRowsNumberedAsASpreadsheetDoesWithQuotedCommasAndLineBreaks() {
		CsvTable table = CsvTable.read(bytes("\uFEFFSKU,Name\nA-1,\"Lamp, brass\"\n\nA-2,\"Two\nlines\"\n"));

		assertThat(table.headers()).containsExactly("SKU", "Name");
		assertThat(table.rows()).extracting(CsvRow::number).containsExactly(2, 3);
		assertThat(table.rows().get(0).get(new CsvColumn("sku"))).isEqualTo("A-1");
		assertThat(table.rows().get(1).get(new CsvColumn("name"))).isEqualTo("Two\nlines");
	}

	@Test
	void aQuoteNeverClosedNamesItsRowAndColumn() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> CsvTable.read(bytes("sku,name,price\nA-1,Lamp,1.00\nA-2,\"Lamp,2.00\n")));

		assertThat(refused.violations().get(0).field()).isEqualTo("name");
		assertThat(refused.violations().get(0).message()).startsWith("row 3, column name:");
	}

	@Test
	void textAfterAClosingQuoteNamesItsRowAndColumn() {
		assertThat(CsvTable.badQuote("a,b\n1,\"x\"y\n")).containsExactly(2, 2);
		assertThat(CsvTable.badQuote("a,b\n1,\"x\"\"y\"\n")).containsExactly(3, 1);
	}

	@Test
	void aRowWithMoreCellsThanTheHeaderNamesTheFirstExtraColumn() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> CsvTable.read(bytes("sku,name\nA-1,Lamp,extra\n")));

		assertThat(refused.violations().get(0).field()).isEqualTo("column 3");
		assertThat(refused.violations().get(0).message()).contains("row 2");
	}

	@Test
	void aHeaderNamedTwiceWhateverItsCaseIsRefused() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> CsvTable.read(bytes("sku,SKU\nA-1,A-2\n")));

		assertThat(refused.violations().get(0).message()).contains("twice");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
