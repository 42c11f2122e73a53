package io.claimport.gateway.requestlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RequestLogJournalTest {

	private static final long SEGMENT = 4 * 1024;

	@TempDir
	Path directory;

	@Test
	void entriesComeBackInTheOrderTheyWereWrittenAcrossSegments() throws IOException {
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			List<RequestLogJournal.Entry> written = entries(0, 300);
			for (int i = 0; i < written.size(); i += 7) {
				assertThat(journal.append(written.subList(i, Math.min(written.size(), i + 7))))
					.isEqualTo(Math.min(7, written.size() - i));
			}

			List<RequestLogJournal.Entry> read = readAll(journal, 50);

			assertThat(read).containsExactlyElementsOf(written);
			assertThat(segmentFiles()).as("rolled over into several segments").hasSizeGreaterThan(3);
		}
	}

	@Test
	void aRestartedGatewayReadsWhatWasNotAcknowledgedAndNothingThatWas() {
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			journal.append(entries(0, 200));
			RequestLogJournal.Batch sent = journal.read(120);
			journal.acknowledge(sent.end());
			journal.read(50); // read but never acknowledged: Kafka had not taken them
		}

		try (RequestLogJournal reopened = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			assertThat(readAll(reopened, 1000)).containsExactlyElementsOf(entries(120, 200));
		}
	}

	@Test
	void aLineCutShortWhenTheGatewayDiedIsDroppedAndWritingGoesOnAfterTheLastWholeOne() throws IOException {
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			journal.append(entries(0, 3));
		}
		Path last = segmentFiles().get(segmentFiles().size() - 1);
		Files.writeString(last, "acct_1\t{\"requestId\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		try (RequestLogJournal reopened = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			reopened.append(entries(3, 5));

			assertThat(readAll(reopened, 100)).containsExactlyElementsOf(entries(0, 5));
		}
	}

	@Test
	void aFullJournalTakesWhatFitsAndMoreOnceKafkaTookEnoughForWholeSegmentsToGo() {
		long max = 8 * SEGMENT;
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, max, SEGMENT)) {
			int taken = 0;
			for (int i = 0; i < 1000; i += 10) {
				taken += journal.append(entries(i, i + 10));
			}
			assertThat(taken).isLessThan(1000);
			assertThat(journal.bytes()).isLessThanOrEqualTo(max).isGreaterThan(max - SEGMENT);
			assertThat(journal.append(entries(5000, 5001))).as("full").isZero();

			journal.acknowledge(journal.read(taken).end());

			assertThat(journal.bytes()).isLessThanOrEqualTo(SEGMENT);
			assertThat(journal.append(entries(5000, 5010))).isEqualTo(10);
			assertThat(readAll(journal, 100)).containsExactlyElementsOf(entries(5000, 5010));
		}
	}

	@Test
	void entriesOfCallersWithoutAnAccountKeepHavingNone() {
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			journal.append(List.of(new RequestLogJournal.Entry(null, "{\"status\":401}")));

			assertThat(journal.read(10).entries())
				.containsExactly(new RequestLogJournal.Entry(null, "{\"status\":401}"));
		}
	}

	@Test
	void aSecondGatewayCannotShareTheDirectory() {
		try (RequestLogJournal journal = RequestLogJournal.open(this.directory, 1 << 20, SEGMENT)) {
			assertThatIllegalStateException().isThrownBy(() -> RequestLogJournal.open(this.directory, 1 << 20, SEGMENT))
				.withMessageContaining("in use by another gateway");
		}
	}

	private static List<RequestLogJournal.Entry> entries(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj((n) -> new RequestLogJournal.Entry("acct_" + (n % 3),
					"{\"requestId\":\"r" + n + "\",\"path\":\"/api/v1/products/ü" + n + "\"}"))
			.toList();
	}

	private static List<RequestLogJournal.Entry> readAll(RequestLogJournal journal, int batch) {
		List<RequestLogJournal.Entry> read = new ArrayList<>();
		for (RequestLogJournal.Batch next; !(next = journal.read(batch)).entries().isEmpty();) {
			read.addAll(next.entries());
		}
		return read;
	}

	private List<Path> segmentFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(".journal")).sorted().toList();
		}
	}

}
