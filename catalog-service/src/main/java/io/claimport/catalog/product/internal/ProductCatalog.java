package io.claimport.catalog.product.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.claimport.catalog.product.domain.Product;
import io.claimport.catalog.product.domain.ProductDraft;
import io.claimport.catalog.product.domain.ProductImport;
import io.claimport.catalog.product.domain.SkuTakenException;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.ProductUpdated;
import io.claimport.common.page.Connection;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;
import io.claimport.service.bulk.RowOutcome;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.common.page.CursorPage;
import io.claimport.service.page.Keyset;
import io.claimport.service.page.SortKey;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.web.StaleVersionException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products of each account: bulk import and upsert, changes and deletion, lookups,
 * always within one account. Every change and its event commit together.
 */
@Service
public class ProductCatalog {

	private static final String PRODUCT = "product";

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
		ProductImport decision = ProductImport.decide(drafts, liveBySku(accountId, drafts).keySet());
		List<String> created = create(accountId, decision.accepted(), this.clock.instant()).stream()
			.map(RowOutcome::id)
			.toList();
		return BulkResult.of(PRODUCT, total, created, invalid, decision.refused());
	}

	/**
	 * Creates the products whose SKU the account does not have and makes those it has
	 * what the drafts say, each with its event, in one transaction; a draft that says
	 * what a product already is changes nothing and is reported unchanged.
	 */
	@Transactional
	public BulkResult upsertProducts(String accountId, int total, List<Indexed<ProductDraft>> drafts,
			List<ItemError> invalid) {
		Map<String, Product> existing = liveBySku(accountId, drafts);
		ProductImport decision = ProductImport.upsert(drafts, existing.keySet());
		Instant now = this.clock.instant();
		List<RowOutcome> outcomes = new ArrayList<>(create(accountId, decision.accepted(), now));
		List<Product> changed = new ArrayList<>();
		List<ProductUpdated> updates = new ArrayList<>();
		for (Indexed<ProductDraft> draft : decision.toUpdate()) {
			Product product = existing.get(draft.item().sku());
			Optional<ProductUpdated> update = product.change(draft.item(), now);
			update.ifPresent((event) -> {
				changed.add(product);
				updates.add(event);
			});
			outcomes.add(new RowOutcome(draft.index(), product.getId(),
					update.isPresent() ? RowOutcome.Outcome.UPDATED : RowOutcome.Outcome.UNCHANGED));
		}
		// the new versions are known once the changes are flushed
		this.products.saveAllAndFlush(changed);
		for (int i = 0; i < changed.size(); i++) {
			Product product = changed.get(i);
			this.events.publish(EventTypes.PRODUCT_UPDATED, accountId, product.getId(), product.getVersion(),
					updates.get(i));
		}
		return BulkResult.ofUpsert(PRODUCT, total, outcomes, invalid, decision.refused());
	}

	/**
	 * Changes one product as {@code change} says, with ProductUpdated if anything
	 * changed. With an expected version (the product's ETag) the change happens only if
	 * nobody changed the product since.
	 */
	@Transactional
	public Product change(String accountId, String productId, Long expectedVersion,
			UnaryOperator<ProductDraft> change) {
		Product product = forChange(accountId, productId, expectedVersion);
		ProductDraft next = change.apply(product.asDraft());
		if (!next.sku().equals(product.getSku())
				&& !this.products.findLiveBySkus(accountId, List.of(next.sku())).isEmpty()) {
			throw new SkuTakenException(next.sku());
		}
		Optional<ProductUpdated> updated = product.change(next, this.clock.instant());
		if (updated.isPresent()) {
			this.products.saveAndFlush(product);
			this.events.publish(EventTypes.PRODUCT_UPDATED, accountId, productId, product.getVersion(), updated.get());
		}
		return product;
	}

	/**
	 * Deletes a product softly, with ProductDeleted; deleting it again changes nothing.
	 */
	@Transactional
	public Product delete(String accountId, String productId, Long expectedVersion) {
		Product product = forChange(accountId, productId, expectedVersion);
		product.delete(this.clock.instant()).ifPresent((deleted) -> {
			this.products.saveAndFlush(product);
			this.events.publish(EventTypes.PRODUCT_DELETED, accountId, productId, product.getVersion(), deleted);
		});
		return product;
	}

	/** A page of the account's products matching the search, walked with cursors. */
	@Transactional(readOnly = true)
	public Connection<Product> search(String accountId, ProductSearch search, SortKey<Product> sort, CursorPage page) {
		return Keyset.page(this.products, ProductSpecifications.matching(accountId, search), sort, page,
				Product::getId);
	}

	/**
	 * A numbered page of the account's products matching the search (the deprecated
	 * {@code page}/{@code size} listing).
	 */
	@Transactional(readOnly = true)
	public Page<Product> searchPage(String accountId, ProductSearch search, SortKey<Product> sort, int page, int size) {
		return this.products.findAll(ProductSpecifications.matching(accountId, search),
				PageRequest.of(page, size, sort.sort()));
	}

	@Transactional(readOnly = true)
	public Product get(String accountId, String productId) {
		return this.products.findByIdAndAccountId(productId, accountId)
			.orElseThrow(() -> new NotFoundException(PRODUCT, productId));
	}

	private List<RowOutcome> create(String accountId, List<Indexed<ProductDraft>> drafts, Instant now) {
		List<RowOutcome> created = new ArrayList<>();
		List<Product> toSave = new ArrayList<>();
		for (Indexed<ProductDraft> accepted : drafts) {
			Product product = Product.create(accountId, accepted.item(), now);
			toSave.add(product);
			created.add(new RowOutcome(accepted.index(), product.getId(), RowOutcome.Outcome.CREATED));
		}
		this.products.saveAll(toSave);
		for (Product product : toSave) {
			this.events.publish(EventTypes.PRODUCT_CREATED, accountId, product.getId(), product.getVersion(),
					product.createdEvent());
		}
		return created;
	}

	private Map<String, Product> liveBySku(String accountId, List<Indexed<ProductDraft>> drafts) {
		List<String> skus = drafts.stream().map((numbered) -> numbered.item().sku()).toList();
		return this.products.findLiveBySkus(accountId, skus)
			.stream()
			.collect(Collectors.toMap(Product::getSku, Function.identity()));
	}

	private Product forChange(String accountId, String productId, Long expectedVersion) {
		Product product = this.products.findForChange(productId, accountId)
			.orElseThrow(() -> new NotFoundException(PRODUCT, productId));
		if (expectedVersion != null && expectedVersion != product.getVersion()) {
			throw new StaleVersionException(PRODUCT, product.getVersion());
		}
		return product;
	}

}
