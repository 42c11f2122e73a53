package io.claimport.catalog.product.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.claimport.catalog.product.domain.Product;
import io.claimport.catalog.product.domain.ProductDraft;
import io.claimport.catalog.product.domain.ProductImport;
import io.claimport.common.event.EventTypes;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The products of each account: bulk import and lookups, always within one account. */
@Service
public class ProductCatalog {

	private final ProductRepository products;

	private final DomainEventPublisher events;

	private final Clock clock;

	ProductCatalog(ProductRepository products, DomainEventPublisher events, Clock clock) {
		this.products = products;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates every accepted product and its ProductCreated event in one transaction;
	 * items refused earlier (by field validation) come in as errors and are reported with
	 * the rest.
	 */
	@Transactional
	public BulkResult importProducts(String accountId, int total, List<Indexed<ProductDraft>> drafts,
			List<ItemError> invalid) {
		Set<String> existing = this.products.findExistingSkus(accountId,
				drafts.stream().map((numbered) -> numbered.item().sku()).toList());
		ProductImport decision = ProductImport.decide(drafts, existing);
		Instant now = this.clock.instant();
		List<String> created = new ArrayList<>();
		List<Product> toSave = new ArrayList<>();
		for (Indexed<ProductDraft> accepted : decision.accepted()) {
			Product product = Product.create(accountId, accepted.item(), now);
			toSave.add(product);
			created.add(product.getId());
		}
		this.products.saveAll(toSave);
		for (Product product : toSave) {
			this.events.publish(EventTypes.PRODUCT_CREATED, accountId, product.getId(), product.getVersion(),
					product.createdEvent());
		}
		return BulkResult.of("product", total, created, invalid, decision.refused());
	}

	@Transactional(readOnly = true)
	public Page<Product> search(String accountId, String category, String sku, int page, int size) {
		return this.products.search(accountId, category, sku, PageRequest.of(page, size, Sort.by("id")));
	}

	@Transactional(readOnly = true)
	public Product get(String accountId, String productId) {
		return this.products.findByIdAndAccountId(productId, accountId)
			.orElseThrow(() -> new NotFoundException("product", productId));
	}

}
