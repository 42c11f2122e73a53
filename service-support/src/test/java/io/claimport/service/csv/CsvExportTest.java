package io.claimport.service.csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

	@Test
	void writesAHeaderAndRowsQuotingWhatNeedsItAndLeavingNullsEmpty() {
		String csv = CsvExport.write(List.of("sku", "count", "amount"),
				List.of(Arrays.asList("A,1", 3L, new BigDecimal("9.50")), Arrays.asList("say \"hi\"", 0L, null)));

		assertThat(csv).isEqualTo("sku,count,amount\r\n\"A,1\",3,9.50\r\n\"say \"\"hi\"\"\",0,\r\n");
	}

	@Test
	void keepsASpreadsheetFromRunningATextCellAsAFormula() {
		String csv = CsvExport.write(List.of("sku", "delta"),
				List.of(Arrays.asList("=HYPERLINK(\"http://evil\")", -5L), Arrays.asList("@SUM(A1)", 1L)));

		assertThat(csv).contains("'=HYPERLINK").contains("'@SUM(A1)").contains(",-5\r\n");
	}

}
