package io.claimport.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.claimport.gateway.GatewayProperties;
import io.claimport.common.problem.FieldViolation;
import io.claimport.gateway.web.InvalidRequestException;
import io.claimport.gateway.web.UnauthenticatedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' API, protected by the admin token from configuration. */
@RestController
@RequestMapping("/admin/v1")
class AdminController {

	private final AccountOnboarding onboarding;

	private final byte[] adminToken;

	AdminController(AccountOnboarding onboarding, GatewayProperties properties) {
		this.onboarding = onboarding;
		String token = properties.adminToken();
		this.adminToken = (token == null || token.isBlank()) ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<AccountCreated> createAccount(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody NewAccount request) {
		requireAdmin(authorization);
		Plan plan = request.validPlan();
		return Mono.fromCallable(() -> this.onboarding.open(request.name().trim(), plan))
			.subscribeOn(Schedulers.boundedElastic())
			.map(AccountCreated::of);
	}

	private void requireAdmin(String authorization) {
		String presented = (authorization != null && authorization.startsWith("Bearer "))
				? authorization.substring("Bearer ".length()) : "";
		if (this.adminToken == null
				|| !MessageDigest.isEqual(this.adminToken, presented.getBytes(StandardCharsets.UTF_8))) {
			throw new UnauthenticatedException("invalid_admin_token",
					"The admin API needs the admin token as 'Authorization: Bearer <token>'.");
		}
	}

	record NewAccount(String name, String plan) {

		Plan validPlan() {
			List<FieldViolation> violations = new ArrayList<>();
			if (this.name == null || this.name.isBlank()) {
				violations.add(new FieldViolation("name", "notBlank", "name must not be blank"));
			}
			else if (this.name.length() > 200) {
				violations.add(new FieldViolation("name", "size", "name must be at most 200 characters"));
			}
			Plan parsed = Arrays.stream(Plan.values())
				.filter((p) -> p.name().equals(this.plan))
				.findFirst()
				.orElse(null);
			if (parsed == null) {
				violations
					.add(new FieldViolation("plan", "oneOf", "plan must be one of " + Arrays.toString(Plan.values())));
			}
			if (!violations.isEmpty()) {
				throw new InvalidRequestException(violations);
			}
			return parsed;
		}

	}

	record AccountCreated(String id, String name, Plan plan, Instant createdAt, KeyCreated apiKey) {

		static AccountCreated of(AccountOnboarding.Onboarded onboarded) {
			Account account = onboarded.account();
			return new AccountCreated(account.id(), account.name(), account.plan(), account.createdAt(),
					new KeyCreated(onboarded.key().key().id(), onboarded.key().secret(), onboarded.key().key().prefix(),
							onboarded.key().key().lastFour(), onboarded.key().key().scopes(),
							onboarded.key().key().createdAt()));
		}

	}

	/** The only answer that ever carries a key's secret. */
	record KeyCreated(String id, String key, String prefix, String lastFour, Set<String> scopes, Instant createdAt) {

	}

}
