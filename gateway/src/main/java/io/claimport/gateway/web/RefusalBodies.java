package io.claimport.gateway.web;

import java.nio.charset.StandardCharsets;

import io.claimport.common.problem.StatusProblem;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a body to the answers Netty sends on its own when it cannot decode a request (431
 * for headers too large, 414 for a request line too long, 400 for a bare CR or LF in a
 * header or Content-Length with Transfer-Encoding): the same problem+json as every other
 * error, where Netty sends none. Such a request never reaches the gateway's checks, so
 * the request log does not see it.
 */
@Configuration(proxyBeanMethods = false)
class RefusalBodies {

	private static final String HANDLER = "claimport.refusalBodies";

	@Bean
	NettyServerCustomizer problemBodiesForNettysOwnRefusals() {
		ChannelHandler handler = new ProblemBody();
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, handler);
			}
		});
	}

	@ChannelHandler.Sharable
	static final class ProblemBody extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof FullHttpResponse response && needsBody(response)) {
				int status = response.status().code();
				ByteBuf body = Unpooled.copiedBuffer(StatusProblem.of(status).toJson(), StandardCharsets.UTF_8);
				FullHttpResponse withBody = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
						body);
				withBody.headers().set(response.headers());
				withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
				withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
				response.release();
				super.write(ctx, withBody, promise);
				return;
			}
			super.write(ctx, msg, promise);
		}

		private static boolean needsBody(FullHttpResponse response) {
			return response.status().code() >= 400 && !response.content().isReadable()
					&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
		}

	}

}
