package io.claimport.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.OrderUpdated;
import io.claimport.common.id.PublicIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "customer_order")
public class Order implements Persistable<String> {

	public static final String ID_PREFIX = "ord";

	@Id
	private String id;

	@Column(name = "account_id", nullable = false, updatable = false)
	private String accountId;

	@Column(name = "order_number")
	private String orderNumber;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Column(name = "customer_email")
	private String customerEmail;

	@Column(name = "customer_name")
	private String customerName;

	private String currency;

	@Column(name = "total_amount")
	private BigDecimal totalAmount;

	// line items belong to the order: they load with it, one query for a whole page of
	// orders
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "order_line_item", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<LineItem> lineItems = new ArrayList<>();

	@Column(name = "ordered_at")
	private Instant orderedAt;

	@Column(name = "shipped_at")
	private Instant shippedAt;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	private String carrier;

	@Column(name = "tracking_number")
	private String trackingNumber;

	@Embedded
	private ShippingAddress shippingAddress;

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	@Transient
	private boolean isNew;

	protected Order() {
	}

	private Order(String accountId, OrderDraft draft, Instant now) {
		this.id = PublicIds.next(ID_PREFIX);
		this.accountId = accountId;
		this.orderNumber = draft.orderNumber();
		this.status = draft.status();
		this.customerEmail = draft.customerEmail();
		this.customerName = draft.customerName();
		this.currency = draft.currency().toUpperCase(Locale.ROOT);
		this.lineItems = new ArrayList<>(draft.lineItems());
		this.totalAmount = draft.total();
		this.orderedAt = (draft.orderedAt() != null) ? draft.orderedAt() : now;
		this.shippingAddress = draft.shippingAddress();
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	public static Order place(String accountId, OrderDraft draft, Instant now) {
		return new Order(accountId, draft, now);
	}

	public OrderCreated createdEvent() {
		int totalQuantity = this.lineItems.stream().mapToInt(LineItem::getQuantity).sum();
		Map<String, Integer> quantities = new LinkedHashMap<>();
		this.lineItems.forEach((line) -> quantities.merge(line.getSku(), line.getQuantity(), Integer::sum));
		List<OrderCreated.Line> lines = quantities.entrySet()
			.stream()
			.map((line) -> new OrderCreated.Line(line.getKey(), line.getValue()))
			.toList();
		return new OrderCreated(this.id, this.orderNumber, this.status.name(), this.lineItems.size(), totalQuantity,
				this.totalAmount, this.currency, this.orderedAt, lines);
	}

	/**
	 * Changes the order as asked: a status move along the {@link OrderLifecycle}
	 * ({@code OrderStatusChanged}; a move to SHIPPED or DELIVERED without its time takes
	 * {@code now}) and its shipment's details ({@code OrderUpdated}, naming what
	 * changed). The events, in that order; none when nothing differs.
	 * @throws OrderTransitionRefusedException for a move the life cycle does not allow
	 */
	public List<Object> change(OrderChange change, Instant now) {
		List<Object> events = new ArrayList<>();
		OrderStatus from = this.status;
		Instant shipped = change.shippedAt();
		Instant delivered = change.deliveredAt();
		if (change.status() != null && change.status() != from) {
			if (!OrderLifecycle.allows(from, change.status())) {
				throw new OrderTransitionRefusedException(from, change.status());
			}
			this.status = change.status();
			if (shipped == null && this.shippedAt == null
					&& (this.status == OrderStatus.SHIPPED || this.status == OrderStatus.DELIVERED)) {
				shipped = now;
			}
			if (delivered == null && this.deliveredAt == null && this.status == OrderStatus.DELIVERED) {
				delivered = now;
			}
			events.add(new OrderStatusChanged(this.id, from.name(), this.status.name(), now));
		}
		List<String> changed = new ArrayList<>();
		if (shipped != null && !shipped.equals(this.shippedAt)) {
			this.shippedAt = shipped;
			changed.add("shippedAt");
		}
		if (delivered != null && !delivered.equals(this.deliveredAt)) {
			this.deliveredAt = delivered;
			changed.add("deliveredAt");
		}
		if (change.carrier() != null && !change.carrier().equals(this.carrier)) {
			this.carrier = change.carrier();
			changed.add("carrier");
		}
		if (change.trackingNumber() != null && !change.trackingNumber().equals(this.trackingNumber)) {
			this.trackingNumber = change.trackingNumber();
			changed.add("trackingNumber");
		}
		if (change.shippingAddress() != null && !change.shippingAddress().equals(this.shippingAddress)) {
			this.shippingAddress = change.shippingAddress();
			changed.add("shippingAddress");
		}
		if (!changed.isEmpty()) {
			events.add(new OrderUpdated(this.id, changed, this.status.name(), this.shippedAt, this.deliveredAt,
					this.carrier));
		}
		if (!events.isEmpty()) {
			this.updatedAt = now;
		}
		return events;
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

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public String getCustomerEmail() {
		return this.customerEmail;
	}

	public String getCustomerName() {
		return this.customerName;
	}

	public String getCurrency() {
		return this.currency;
	}

	public BigDecimal getTotalAmount() {
		return this.totalAmount;
	}

	public List<LineItem> getLineItems() {
		return List.copyOf(this.lineItems);
	}

	public Instant getOrderedAt() {
		return this.orderedAt;
	}

	public Instant getShippedAt() {
		return this.shippedAt;
	}

	public Instant getDeliveredAt() {
		return this.deliveredAt;
	}

	public String getCarrier() {
		return this.carrier;
	}

	public String getTrackingNumber() {
		return this.trackingNumber;
	}

	public ShippingAddress getShippingAddress() {
		return this.shippingAddress;
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
