package io.claimport.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list operation whose answer depends on its parameters: a connection of
 * {@link #value() nodes} when a cursor parameter is given, otherwise a numbered page of
 * them (deprecated) or, when {@link #whole()} names one, that answer. The contract
 * describes the answer as one of the two ({@link ContractConventions}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CursorList {

	/** What the list lists. */
	Class<?> value();

	/** The answer without a cursor parameter, if not a numbered page. */
	Class<?> whole() default Void.class;

}
