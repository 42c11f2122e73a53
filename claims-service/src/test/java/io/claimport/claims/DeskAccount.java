package io.claimport.claims;

import io.claimport.claims.purchase.PlacedOrders;
import io.claimport.claims.purchase.Purchases;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A fresh account at the claims service under test, one per test: its API client (a
 * full-access identity as the gateway would forward it), its orders and products as the
 * claims service learns them from Kafka, and clients of other accounts. Register it on an
 * integration test with {@code @RegisterExtension}.
 */
public final class DeskAccount implements BeforeEachCallback, AfterEachCallback {

	private String baseUrl;

	private String id;

	private ApiClient api;

	private PlacedOrders orders;

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		this.baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port");
		this.id = PublicIds.next("acct");
		this.api = clientOf(this.id);
		this.orders = new PlacedOrders(application.getBean(Purchases.class));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.orders != null) {
			this.orders.close();
		}
	}

	/** The account's id, the {@code storeId} of its claims. */
	public String id() {
		return this.id;
	}

	/** The account's client. */
	public ApiClient api() {
		return this.api;
	}

	/** A client of a new account that shares nothing with this one. */
	public ApiClient otherAccount() {
		return clientOf(PublicIds.next("acct"));
	}

	/**
	 * Orders and products of this or any account, known to the claims service on return.
	 */
	public PlacedOrders orders() {
		return this.orders;
	}

	/** A new order of this account, bought yesterday, with ten of each SKU; its id. */
	public String placeOrder(String... skus) {
		return this.orders.place(this.id, skus);
	}

	private ApiClient clientOf(String account) {
		return new ApiClient(this.baseUrl).with("Authorization", TestIdentities.bearer(account, "full:access"));
	}

}
