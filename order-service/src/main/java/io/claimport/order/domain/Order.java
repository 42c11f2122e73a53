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

	/** The currency of an order that names none. */
	public static final String DEFAULT_CURRENCY = "USD";

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
		this.status = (draft.status() != null) ? draft.status() : OrderStatus.PENDING;
		this.customerEmail = draft.customerEmail();
		this.customerName = draft.customerName();
		this.currency = (draft.currency() != null) ? draft.currency().toUpperCase(Locale.ROOT) : DEFAULT_CURRENCY;
		this.lineItems = LineItem.numbered(draft.lineItems(), List.of());
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
		return new OrderCreated(this.id, this.orderNumber, this.status.name(), this.lineItems.size(), totalQuantity,
				this.totalAmount, this.currency, this.orderedAt, lines());
	}

	/** Each line of the order, with its ids, SKU and quantity. */
	private List<OrderCreated.Line> lines() {
		return this.lineItems.stream()
			.map((line) -> new OrderCreated.Line(line.getId(), line.getSourceItemId(), line.getSku(),
					line.getQuantity()))
			.toList();
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
		List<String> changed = new ArrayList<>();
		move(change.status(), change.shippedAt(), change.deliveredAt(), now, events, changed);
		if (change.carrier() != null && !change.carrier().equals(this.carrier)) {
			this.carrier = change.carrier();
			changed.add("carrier");
		}
		if (change.trackingNumber() != null && !change.trackingNumber().equals(this.trackingNumber)) {
			this.trackingNumber = change.trackingNumber();
			changed.add("trackingNumber");
		}
		changeAddress(change.shippingAddress(), changed);
		return finish(events, changed, now);
	}

	/**
	 * Makes the order what the store now says it is (an upsert by order number): its
	 * status moves along the {@link OrderLifecycle}, and its purchase time, customer,
	 * currency, lines (and so its total) and address become the draft's. The events as
	 * for {@link #change}; none when the draft says what the order already is.
	 * @throws OrderTransitionRefusedException for a move the life cycle does not allow;
	 * the order is then unchanged
	 */
	public List<Object> sync(OrderDraft draft, Instant now) {
		List<Object> events = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		move(draft.status(), null, null, now, events, changed);
		if (draft.orderedAt() != null && !draft.orderedAt().equals(this.orderedAt)) {
			this.orderedAt = draft.orderedAt();
			changed.add("orderedAt");
		}
		if (!draft.customerEmail().equals(this.customerEmail) || !draft.customerName().equals(this.customerName)) {
			this.customerEmail = draft.customerEmail();
			this.customerName = draft.customerName();
			changed.add("customer");
		}
		if (draft.currency() != null && !draft.currency().toUpperCase(Locale.ROOT).equals(this.currency)) {
			this.currency = draft.currency().toUpperCase(Locale.ROOT);
			changed.add("currency");
		}
		if (!draft.lineItems().equals(this.lineItems)) {
			this.lineItems = LineItem.numbered(draft.lineItems(), this.lineItems);
			this.totalAmount = draft.total();
			changed.add("lineItems");
		}
		changeAddress(draft.shippingAddress(), changed);
		return finish(events, changed, now);
	}

	/**
	 * A status move, if {@code to} differs: checked against the life cycle before
	 * anything changes; a move to SHIPPED or DELIVERED without its time takes
	 * {@code now}.
	 */
	private void move(OrderStatus to, Instant shippedAt, Instant deliveredAt, Instant now, List<Object> events,
			List<String> changed) {
		OrderStatus from = this.status;
		Instant shipped = shippedAt;
		Instant delivered = deliveredAt;
		if (to != null && to != from) {
			if (!OrderLifecycle.allows(from, to)) {
				throw new OrderTransitionRefusedException(from, to);
			}
			this.status = to;
			if (shipped == null && this.shippedAt == null
					&& (to == OrderStatus.SHIPPED || to == OrderStatus.DELIVERED)) {
				shipped = now;
			}
			if (delivered == null && this.deliveredAt == null && to == OrderStatus.DELIVERED) {
				delivered = now;
			}
			events.add(new OrderStatusChanged(this.id, from.name(), to.name(), now));
		}
		if (shipped != null && !shipped.equals(this.shippedAt)) {
			this.shippedAt = shipped;
			changed.add("shippedAt");
		}
		if (delivered != null && !delivered.equals(this.deliveredAt)) {
			this.deliveredAt = delivered;
			changed.add("deliveredAt");
		}
	}

	private void changeAddress(ShippingAddress address, List<String> changed) {
		if (address != null && !address.equals(this.shippingAddress)) {
			this.shippingAddress = address;
			changed.add("shippingAddress");
		}
	}

	private List<Object> finish(List<Object> events, List<String> changed, Instant now) {
		if (!changed.isEmpty()) {
			events.add(new OrderUpdated(this.id, changed, this.status.name(), this.shippedAt, this.deliveredAt,
					this.carrier, this.orderedAt, lines(), this.totalAmount, this.currency));
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
