package io.claimport.service.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.TextRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a bulk request item by item with Bean Validation and {@link TextRules}, so one
 * bad item is reported without failing the others. The item count is checked first:
 * outside its bounds nothing is created.
 */
public class BulkValidator {

	private final Validator validator;

	public BulkValidator(Validator validator) {
		this.validator = validator;
	}

	public <T> Checked<T> check(String resource, List<T> items, int maxItems) {
		return check(resource, items, maxItems, List.of());
	}

	/**
	 * Checks the items but those already refused (null in {@code items}, such as a CSV
	 * row whose price is not a number), whose errors the result keeps.
	 */
	public <T> Checked<T> check(String resource, List<T> items, int maxItems, List<ItemError> refusedBefore) {
		if (items == null || items.isEmpty() || items.size() > maxItems) {
			throw new BulkLimitExceededException(resource, maxItems, (items == null) ? 0 : items.size());
		}
		Set<Integer> refused = refusedBefore.stream().map(ItemError::index).collect(Collectors.toSet());
		List<Indexed<T>> valid = new ArrayList<>();
		List<ItemError> errors = new ArrayList<>(refusedBefore);
		for (int index = 0; index < items.size(); index++) {
			T item = items.get(index);
			if (item == null && refused.contains(index)) {
				continue;
			}
			if (item == null) {
				errors.add(new ItemError(index, "", "notNull", "item must be an object"));
				continue;
			}
			int at = index;
			List<ItemError> itemErrors = violations(item).stream()
				.map((violation) -> new ItemError(at, violation.field(), violation.rule(), violation.message()))
				.toList();
			if (itemErrors.isEmpty()) {
				valid.add(new Indexed<>(index, item));
			}
			else {
				errors.addAll(itemErrors);
			}
		}
		return new Checked<>(items.size(), valid, errors);
	}

	/**
	 * Every field rule (Bean Validation and {@link TextRules}) one object breaks, in
	 * field and rule order: for a single-object request, such as a change merged into
	 * what the object was.
	 */
	public List<FieldViolation> violations(Object item) {
		List<FieldViolation> violations = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(item)) {
			String field = violation.getPropertyPath().toString();
			violations.add(new FieldViolation(field, rule(violation), field + " " + violation.getMessage()));
		}
		violations.addAll(TextRules.violations(item));
		violations.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule));
		return violations;
	}

	private static String rule(ConstraintViolation<?> violation) {
		String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * The items that passed, with their positions in the request, and the errors of those
	 * that did not.
	 */
	public record Checked<T>(int total, List<Indexed<T>> valid, List<ItemError> errors) {

		/** The valid items turned into something else, each keeping its position. */
		public <D> List<Indexed<D>> map(Function<T, D> mapper) {
			return this.valid.stream()
				.map((indexed) -> new Indexed<>(indexed.index(), mapper.apply(indexed.item())))
				.toList();
		}

	}

}
