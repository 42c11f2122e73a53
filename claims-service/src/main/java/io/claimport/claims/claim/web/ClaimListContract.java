package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The claim list's parameters in the contract: the list reads them from one map
 * ({@link ClaimListQuery}), so the contract names each from the same sets.
 */
@Component
class ClaimListContract implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!handler.getMethod().getDeclaringClass().equals(ClaimController.class)
				|| !handler.getMethod().getName().equals("list")) {
			return operation;
		}
		List<Parameter> parameters = new ArrayList<>();
		for (String name : new TreeSet<>(ClaimListQuery.TEXT_FILTERS)) {
			parameters.add(query(name, new ArraySchema().items(new StringSchema()),
					"Claims with this " + name + "; repeat it for any of several"));
		}
		ClaimListQuery.ALLOWED.forEach((name, values) -> {
			StringSchema constant = new StringSchema();
			values.forEach((value) -> constant.addEnumItem(value.toString()));
			parameters.add(query(name, new ArraySchema().items(constant),
					"Claims in any of these (repeatable; case does not matter)"));
		});
		for (String time : List.of("createdAfter", "createdBefore", "updatedAfter", "updatedBefore")) {
			parameters.add(query(time, new StringSchema().format("date-time"), "A time window (ISO 8601)"));
		}
		parameters.add(query("filterOperator", new StringSchema()._enum(List.of("AND", "OR")),
				"AND (default): claims passing every filter; OR: any filter (the time windows always apply)"));
		parameters.add(query("first",
				new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ClaimListQuery.MAX_PAGE)),
				"How many claims forwards (default 20)"));
		parameters.add(query("after", new StringSchema(), "A page's pageInfo.endCursor"));
		parameters.add(query("last",
				new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ClaimListQuery.MAX_PAGE)),
				"How many claims backwards"));
		parameters.add(query("before", new StringSchema(), "A page's pageInfo.startCursor"));
		operation.setParameters(parameters);
		return operation;
	}

	private static Parameter query(String name, Schema<?> schema, String description) {
		return new Parameter().in("query").name(name).schema(schema).description(description).required(false);
	}

}
