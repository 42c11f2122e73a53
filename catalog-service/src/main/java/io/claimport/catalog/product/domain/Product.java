package io.claimport.catalog.product.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.ProductDeleted;
import io.claimport.common.event.ProductUpdated;
import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * A product of an account's catalog, kept in step with the integrator's store: created,
 * changed (only what differs is an event) and deleted softly (it stays readable by id,
 * and its SKU is free for a new product).
 */
@Entity
@Table(name = "product")
public class Product implements Persistable<String> {

	public static final String ID_PREFIX = "prod";

	@Id
	private String id;

	@Column(name = "account_id", nullable = false, updatable = false)
	private String accountId;

	private String name;

	private String sku;

	private String category;

	private BigDecimal price;

	@Column(name = "warranty_months")
	private int warrantyMonths;

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Version
	private long version;

	@Transient
	private boolean isNew;

	protected Product() {
	}

	private Product(String accountId, ProductDraft draft, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.accountId = accountId;
		this.name = draft.name();
		this.sku = draft.sku();
		this.category = draft.category();
		this.price = draft.price();
		this.warrantyMonths = draft.warrantyMonths();
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	public static Product create(String accountId, ProductDraft draft, Instant now) {
		return new Product(accountId, draft, now);
	}

	public ProductCreated createdEvent() {
		return new ProductCreated(this.id, this.name, this.sku, this.category, this.price, this.warrantyMonths);
	}

	/**
	 * Makes the product what the draft says. The event names the fields that changed and
	 * what they were; there is none when the draft says what the product already is.
	 */
	public Optional<ProductUpdated> change(ProductDraft next, Instant now) {
		if (isDeleted()) {
			throw new ProductDeletedException(this.id, this.deletedAt);
		}
		List<String> changed = new ArrayList<>();
		if (!this.name.equals(next.name())) {
			changed.add("name");
		}
		if (!this.sku.equals(next.sku())) {
			changed.add("sku");
		}
		if (!this.category.equals(next.category())) {
			changed.add("category");
		}
		if (this.price.compareTo(next.price()) != 0) {
			changed.add("price");
		}
		if (this.warrantyMonths != next.warrantyMonths()) {
			changed.add("warrantyMonths");
		}
		if (changed.isEmpty()) {
			return Optional.empty();
		}
		ProductUpdated.Before before = new ProductUpdated.Before(this.name, this.sku, this.category, this.price,
				this.warrantyMonths);
		this.name = next.name();
		this.sku = next.sku();
		this.category = next.category();
		this.price = next.price();
		this.warrantyMonths = next.warrantyMonths();
		this.updatedAt = now;
		return Optional.of(new ProductUpdated(this.id, this.name, this.sku, this.category, this.price,
				this.warrantyMonths, changed, before));
	}

	/** The product as it is, as a draft to change from. */
	public ProductDraft asDraft() {
		return new ProductDraft(this.name, this.sku, this.category, this.price, this.warrantyMonths);
	}

	/**
	 * Takes the product out of the catalog; nothing happens to one already deleted (a
	 * repeated delete is answered as the first).
	 */
	public Optional<ProductDeleted> delete(Instant now) {
		if (isDeleted()) {
			return Optional.empty();
		}
		this.deletedAt = now;
		this.updatedAt = now;
		return Optional.of(new ProductDeleted(this.id, this.sku, this.category, now));
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getName() {
		return this.name;
	}

	public String getSku() {
		return this.sku;
	}

	public String getCategory() {
		return this.category;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public int getWarrantyMonths() {
		return this.warrantyMonths;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

}
