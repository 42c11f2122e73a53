package io.claimport.gateway.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.Utf8Json;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;

/**
 * The gateway's own API (keys, accounts) reads JSON as strictly as the services do: a key
 * given twice or a fraction for a whole number is refused, not resolved silently, and a
 * body that is not well-formed UTF-8 is refused before Jackson turns an overlong sequence
 * into the character it imitates.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	@Bean
	CodecCustomizer wellFormedUtf8Bodies(JsonMapper json) {
		return (configurer) -> configurer.defaultCodecs().jacksonJsonDecoder(new WellFormedUtf8Decoder(json));
	}

	static final class WellFormedUtf8Decoder extends JacksonJsonDecoder {

		/**
		 * A field the body does not have is refused, never ignored; the application's own
		 * mapper (the request-log journal) stays tolerant.
		 */
		WellFormedUtf8Decoder(JsonMapper json) {
			super(json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
		}

		@Override
		public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType,
				Map<String, Object> hints) {
			int start = buffer.readPosition();
			byte[] body = new byte[buffer.readableByteCount()];
			buffer.read(body);
			buffer.readPosition(start);
			Optional<FieldViolation> malformed = Utf8Json.malformed(body);
			if (malformed.isPresent()) {
				DataBufferUtils.release(buffer);
				throw new InvalidRequestException(List.of(malformed.get()));
			}
			return super.decode(buffer, targetType, mimeType, hints);
		}

	}

}
