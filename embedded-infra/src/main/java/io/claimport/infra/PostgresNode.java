package io.claimport.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the zonky binaries artifact. With a data directory it
 * keeps its data across restarts; without one it starts empty and is wiped when closed.
 */
public final class PostgresNode implements AutoCloseable {

	public static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private PostgresNode(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static PostgresNode start(Path dataDirectory, int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "300")
			.setCleanDataDirectory(dataDirectory == null)
			// whoever starts the node stops it, after the services that use it
			.setRegisterShutdownHook(false);
		if (dataDirectory != null) {
			// a server that keeps its data keeps its log too, as an installed one does:
			// log/postgresql-<weekday>.log in its data directory, a week of it
			builder.setDataDirectory(dataDirectory)
				.setServerConfig("logging_collector", "on")
				.setServerConfig("log_directory", "log")
				.setServerConfig("log_filename", "postgresql-%a.log")
				.setServerConfig("log_truncate_on_rotation", "on")
				.setServerConfig("log_rotation_age", "1d")
				.setServerConfig("log_rotation_size", "0");
		}
		if (port > 0) {
			builder.setPort(port);
		}
		try {
			return new PostgresNode(builder.start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("PostgreSQL did not start", ex);
		}
	}

	public static PostgresNode startEphemeral() {
		return start(null, 0);
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** A JDBC URL of the given database on this server. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	public String user() {
		return USER;
	}

	public String password() {
		return USER;
	}

	/** Creates the database unless it exists. */
	public void createDatabase(String database) {
		createDatabase(this.postgres.getPostgresDatabase()::getConnection, database);
	}

	/** Creates the database on any PostgreSQL server reachable through the connection. */
	public static void createDatabase(ConnectionSource admin, String database) {
		if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("unsafe database name: " + database);
		}
		try (Connection connection = admin.connect();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + database, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException("PostgreSQL did not stop cleanly", ex);
		}
	}

	@FunctionalInterface
	public interface ConnectionSource {

		Connection connect() throws SQLException;

	}

}
