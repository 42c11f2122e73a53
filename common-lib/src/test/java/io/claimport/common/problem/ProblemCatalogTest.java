package io.claimport.common.problem;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCatalogTest {

	@Test
	void everyProblemTypeTheApiAnswersWithHasAPageOnce() throws IllegalAccessException {
		List<URI> types = new ArrayList<>();
		for (Field field : ProblemTypes.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class) {
				types.add((URI) field.get(null));
			}
		}

		assertThat(ProblemCatalog.ALL).extracting(ProblemCatalog.Entry::type)
			.containsExactlyInAnyOrderElementsOf(types);
		assertThat(ProblemCatalog.ALL).extracting(ProblemCatalog.Entry::slug).doesNotHaveDuplicates();
	}

	@Test
	void findsAnEntryByTheLastSegmentOfItsType() {
		assertThat(ProblemCatalog.bySlug("rate-limited")).get()
			.satisfies((entry) -> assertThat(entry.statuses()).containsExactly(429));
		assertThat(ProblemCatalog.bySlug("nothing-like-it")).isEmpty();
	}

}
