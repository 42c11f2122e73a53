package io.claimport.service.openapi;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names for the contract: a nested type is named with the type it is nested in
 * ({@code ClaimNode.Item} is {@code ClaimNodeItem}), so that the many small records named
 * {@code Item} or {@code Customer} do not take each other's place.
 */
public final class NestedTypeNames extends TypeNameResolver {

	/** The schema name of a type. */
	public static String nameOf(Class<?> type) {
		StringBuilder name = new StringBuilder(type.getSimpleName());
		for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
			name.insert(0, outer.getSimpleName());
		}
		return name.toString();
	}

	@Override
	protected String getNameOfClass(Class<?> type) {
		return type.getName().startsWith("io.claimport.") ? nameOf(type) : super.getNameOfClass(type);
	}

}
