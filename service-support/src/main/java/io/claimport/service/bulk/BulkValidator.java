package io.claimport.service.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
		if (items == null || items.isEmpty() || items.size() > maxItems) {
			throw new BulkLimitExceededException(resource, maxItems, (items == null) ? 0 : items.size());
		}
		List<Indexed<T>> valid = new ArrayList<>();
		List<ItemError> errors = new ArrayList<>();
		for (int index = 0; index < items.size(); index++) {
			T item = items.get(index);
			if (item == null) {
				errors.add(new ItemError(index, "", "notNull", "item must be an object"));
				continue;
			}
			List<ItemError> itemErrors = new ArrayList<>();
			for (ConstraintViolation<T> violation : this.validator.validate(item)) {
				String field = violation.getPropertyPath().toString();
				itemErrors.add(new ItemError(index, field, rule(violation), field + " " + violation.getMessage()));
			}
			for (FieldViolation violation : TextRules.violations(item)) {
				itemErrors.add(new ItemError(index, violation.field(), violation.rule(), violation.message()));
			}
			if (itemErrors.isEmpty()) {
				valid.add(new Indexed<>(index, item));
			}
			else {
				itemErrors.sort(Comparator.comparing(ItemError::field).thenComparing(ItemError::rule));
				errors.addAll(itemErrors);
			}
		}
		return new Checked<>(items.size(), valid, errors);
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
