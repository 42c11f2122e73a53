package io.claimport.service.web;

import java.io.IOException;
import java.io.Writer;

import io.claimport.common.problem.StatusProblem;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report as problem+json instead of its HTML page. Tomcat writes it for
 * requests it refuses before any servlet runs (an encoded slash, a NUL or a stray
 * {@code %} in the path, too many or too large headers) and for errors nobody answered.
 * It names no server and echoes nothing of the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(StatusProblem.of(status).toJson());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the answer already started: nothing more to write
		}
	}

}
