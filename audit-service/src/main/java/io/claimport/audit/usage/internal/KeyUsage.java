package io.claimport.audit.usage.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.claimport.audit.request.domain.StorableRequest;
import io.claimport.common.event.LoggedRequests;
import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;
import io.claimport.service.page.SortKey;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each key's use per UTC day, rolled up from the gateway's request log: every request
 * made with a key, with how many got a 4xx or 5xx answer, and its last use.
 */
@Service
public class KeyUsage {

	/** How usage rows are ordered: by day, then key. */
	public static final SortKey<UsageRow> DAY = new SortKey<>("day", "day", true, UsageRow::day, LocalDate::parse);

	static final String CONSUMER = "audit-key-usage";

	private final KeyUsageStore store;

	private final ProcessedEventLedger ledger;

	KeyUsage(KeyUsageStore store, ProcessedEventLedger ledger) {
		this.store = store;
		this.ledger = ledger;
	}

	/**
	 * Adds a request-log event's requests made with a key, once however often it comes.
	 */
	@Transactional
	public void record(ReceivedEvent event) {
		List<KeyDayUsage> usage = KeyDayUsage
			.of(StorableRequest.all(LoggedRequests.in(event.payload()), event.envelope().occurredAt()));
		if (!usage.isEmpty() && this.ledger.firstDelivery(CONSUMER, event.envelope())) {
			usage.forEach(this.store::add);
		}
	}

	@Transactional(readOnly = true)
	public List<UsageRow> forAccount(String accountId, String keyId, UsagePeriod period) {
		Objects.requireNonNull(accountId, "accountId");
		return this.store.find(accountId, keyId, period);
	}

	/** A page of the account's usage rows of the period beyond a cursor. */
	@Transactional(readOnly = true)
	public Connection<UsageRow> forAccount(String accountId, String keyId, UsagePeriod period, SortKey<UsageRow> sort,
			CursorPage page) {
		Objects.requireNonNull(accountId, "accountId");
		return this.store.walk(accountId, keyId, period, sort, page);
	}

}
