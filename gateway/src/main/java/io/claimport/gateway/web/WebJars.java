package io.claimport.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the gateway serves a WebJar's files from: its version names the path. */
public final class WebJars {

	private WebJars() {
	}

	/** {@code /webjars/<artifact>/<version>/} of a WebJar on the class path. */
	public static String root(String group, String artifact) {
		try (InputStream in = WebJars.class.getClassLoader()
			.getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
			if (in == null) {
				throw new IllegalStateException("the " + artifact + " WebJar is not on the class path");
			}
			Properties properties = new Properties();
			properties.load(in);
			return "/webjars/" + artifact + "/" + properties.getProperty("version") + "/";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
