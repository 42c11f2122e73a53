package io.claimport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.FileSystemUtils;

/**
 * The whole suite, started once for every end-to-end test class of the run that asks for
 * it ({@code @ExtendWith(SharedSuite.class)}) and stopped when the run ends, instead of
 * starting the six applications again for each class. Each class works in accounts of its
 * own; the fault runs of {@code SuiteIT} hand the suite back running.
 */
final class SharedSuite implements BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSuite.class);

	/**
	 * No answer leaves the gateway before its request-log entry is on disk: the fault run
	 * kills the gateway and finds every answered request in the audit log.
	 */
	private static final Map<String, String> SETTINGS = Map.of("REQUEST_LOG_DURABILITY", "strict");

	private static Suite suite;

	@Override
	public void beforeAll(ExtensionContext context) {
		// the root store closes it when the whole run ends
		suite = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> new Running(start()), Running.class)
			.suite();
	}

	/** The running suite, for the classes extended with this. */
	static Suite suite() {
		if (suite == null) {
			throw new IllegalStateException("the test class is not extended with SharedSuite");
		}
		return suite;
	}

	/**
	 * The suite, stopped with its databases and Kafka's log removed: the services' logs
	 * stay, for a failure's post-mortem.
	 */
	private record Running(Suite suite) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.suite.close();
			Path data = this.suite.settings().dataDirectory();
			for (String store : List.of("postgres", "kafka")) {
				FileSystemUtils.deleteRecursively(data.resolve(store));
			}
		}

	}

	private static Suite start() {
		try {
			return FreshSuite.start(SETTINGS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
