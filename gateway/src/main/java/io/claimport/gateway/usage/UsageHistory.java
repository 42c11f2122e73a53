package io.claimport.gateway.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;

import org.springframework.stereotype.Service;

/**
 * Each key's use per UTC day, as the gateway counted it: every request made with a key,
 * refused ones included, with how many got a 4xx or 5xx answer, and its last use. The one
 * count of usage: the key API's "today" and the usage report are both read from it, and
 * this replica's counts not yet stored are added to today's.
 */
@Service
public class UsageHistory {

	private final UsageStore store;

	private final UsageCounters counters;

	UsageHistory(UsageStore store, UsageCounters counters) {
		this.store = store;
		this.counters = counters;
	}

	/** The account's rows of the period (of one key, if given), by day then key. */
	public List<UsageRow> report(String accountId, String keyId, UsagePeriod period) {
		Objects.requireNonNull(accountId, "accountId");
		return this.counters.withUnstoredToday((pending) -> {
			List<UsageRow> rows = new ArrayList<>(this.store.history(accountId, keyId, period));
			Map<String, KeyUsage> left = pendingOf(accountId, keyId, period, pending);
			rows.replaceAll((row) -> left.containsKey(row.keyId()) && row.day().equals(this.counters.today())
					? row.plus(left.remove(row.keyId())) : row);
			// keys used today only since the last store
			left.forEach((key, usage) -> rows
				.add(new UsageRow(key, this.counters.today(), 0, 0, 0, null, null).plus(usage)));
			rows.sort(Comparator.comparing(UsageRow::day).thenComparing(UsageRow::keyId));
			return rows;
		});
	}

	/**
	 * A page of the account's rows beyond a cursor; today's rows carry this replica's
	 * counts not yet stored (a key first used since the last store has its row a moment
	 * later).
	 */
	public Connection<UsageRow> walk(String accountId, String keyId, UsagePeriod period, CursorPage page) {
		Objects.requireNonNull(accountId, "accountId");
		return this.counters.withUnstoredToday((pending) -> {
			Map<String, KeyUsage> left = pendingOf(accountId, keyId, period, pending);
			return this.store.history(accountId, keyId, period, page)
				.map((row) -> left.containsKey(row.keyId()) && row.day().equals(this.counters.today())
						? row.plus(left.get(row.keyId())) : row);
		});
	}

	private Map<String, KeyUsage> pendingOf(String accountId, String keyId, UsagePeriod period,
			Map<String, KeyUsage> pending) {
		if (pending.isEmpty() || !period.contains(this.counters.today())) {
			return new HashMap<>();
		}
		Set<String> mine = this.store.ofAccount(accountId,
				pending.keySet().stream().filter((key) -> keyId == null || key.equals(keyId)).toList());
		Map<String, KeyUsage> left = new HashMap<>(pending);
		left.keySet().retainAll(mine);
		return left;
	}

}
