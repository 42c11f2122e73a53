package io.claimport.catalog.product.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.claimport.common.event.ProductCreated;
import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

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
