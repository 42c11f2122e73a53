package io.claimport.gateway.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.TextRules;
import io.claimport.gateway.key.KeyView;
import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.web.InvalidRequestException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' API; AdminAuthenticationCheck has checked the admin token. */
@RestController
@RequestMapping("/admin/v1")
class AdminController {

	private final AccountOnboarding onboarding;

	AdminController(AccountOnboarding onboarding) {
		this.onboarding = onboarding;
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<AccountCreated> createAccount(@RequestBody NewAccount request) {
		Plan plan = request.validPlan();
		return Mono.fromCallable(() -> this.onboarding.open(request.name().trim(), plan))
			.subscribeOn(Schedulers.boundedElastic())
			.map(AccountCreated::of);
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
			else if (TextRules.problem(this.name) != null) {
				violations.add(new FieldViolation("name", TextRules.RULE, "name " + TextRules.problem(this.name)));
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

	record AccountCreated(String id, String name, Plan plan, Instant createdAt, KeyView apiKey) {

		static AccountCreated of(AccountOnboarding.Onboarded onboarded) {
			Account account = onboarded.account();
			return new AccountCreated(account.id(), account.name(), account.plan(), account.createdAt(),
					KeyView.issued(onboarded.key(), account.createdAt()));
		}

	}

}
