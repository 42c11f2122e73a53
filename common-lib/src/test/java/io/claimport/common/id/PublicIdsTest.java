package io.claimport.common.id;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicIdsTest {

	@Test
	void idsCarryTheirPrefixAndAreWellFormed() {
		String id = PublicIds.next("prod");

		assertThat(id).startsWith("prod_").hasSize(31);
		assertThat(PublicIds.isWellFormed("prod", id)).isTrue();
		assertThat(PublicIds.isWellFormed("ord", id)).isFalse();
		assertThat(PublicIds.isWellFormed("prod", "prod_1")).isFalse();
		assertThat(PublicIds.isWellFormed("prod", "1")).isFalse();
	}

	@Test
	void laterIdsSortAfterEarlierOnes() {
		String earlier = PublicIds.next("clm", Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
		String later = PublicIds.next("clm", Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC));

		assertThat(later).isGreaterThan(earlier);
	}

	@Test
	void idsMadeInOneMillisecondSortInTheOrderTheyWereMade() {
		Clock frozen = Clock.fixed(Instant.now(), ZoneOffset.UTC);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(PublicIds.next("prod", frozen));
		}

		assertThat(ids).isSorted().doesNotHaveDuplicates();
		assertThat(ids.get(999).substring(5, 15)).isEqualTo(ids.get(0).substring(5, 15));
	}

	@Test
	void idsDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(PublicIds.next("prod"));
		}
		assertThat(ids).hasSize(10_000);
	}

}
