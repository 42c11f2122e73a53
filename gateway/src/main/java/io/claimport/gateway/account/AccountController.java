package io.claimport.gateway.account;

import java.time.Instant;
import java.util.List;

import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.plan.PlanLimits;
import io.claimport.gateway.plan.Plans;
import io.claimport.gateway.web.ExchangeAttributes;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling account as the key it called with sees it: its plan and that plan's limits
 * (the console draws them over the usage), and the key itself.
 */
@RestController
class AccountController {

	private final AccountStore accounts;

	private final Plans plans;

	AccountController(AccountStore accounts, Plans plans) {
		this.accounts = accounts;
		this.plans = plans;
	}

	@GetMapping("/api/v1/account")
	@Operation(summary = "The caller's account, its plan's limits and the key it called with")
	Mono<AccountView> account(@RequestAttribute(ExchangeAttributes.API_KEY) ApiKey key) {
		return Mono.fromCallable(() -> this.accounts.find(key.accountId()).orElseThrow())
			.subscribeOn(Schedulers.boundedElastic())
			.map((account) -> new AccountView(account.id(), account.name(), account.plan().name(), account.createdAt(),
					this.plans.of(account.plan()),
					new AccountView.CallingKey(key.id(), key.name(), key.scopes().stream().sorted().toList())));
	}

	/**
	 * @param limits per key: requests a minute and a UTC day; keys at most
	 * @param key the key of this call, with its scopes
	 */
	record AccountView(String id, String name, String plan, Instant createdAt, PlanLimits limits, CallingKey key) {

		record CallingKey(String id, String name, List<String> scopes) {

		}

	}

}
