package io.claimport.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.claimport.common.id.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order: a SKU, how many and at what price. ClaimPort numbers every line
 * ({@code li_…}) so that a claim can name the line it is about; the store's own id of the
 * line ({@code sourceItemId}, a Shopify or WooCommerce line item id) is kept when given,
 * and a claim may name the line by either, or by its SKU when no other line has it.
 */
@Embeddable
public class LineItem {

	static final String ID_PREFIX = "li";

	private String id;

	@Column(name = "source_item_id")
	private String sourceItemId;

	private String sku;

	private String name;

	private int quantity;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	protected LineItem() {
	}

	public LineItem(String sku, String name, int quantity, BigDecimal unitPrice) {
		this(null, sku, name, quantity, unitPrice);
	}

	/** A line as a store sent it, not numbered yet. */
	public LineItem(String sourceItemId, String sku, String name, int quantity, BigDecimal unitPrice) {
		this.sourceItemId = sourceItemId;
		this.sku = sku;
		this.name = name;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	private LineItem numbered(String lineId) {
		LineItem line = new LineItem(this.sourceItemId, this.sku, this.name, this.quantity, this.unitPrice);
		line.id = lineId;
		return line;
	}

	/**
	 * The lines as a store sent them, numbered: a line that was already there keeps its
	 * id (the line with the same {@code sourceItemId}, or, for lines without one, the
	 * next earlier line of the same SKU), the others get new ones.
	 */
	static List<LineItem> numbered(List<LineItem> sent, List<LineItem> before) {
		List<LineItem> unmatched = new ArrayList<>(before);
		List<LineItem> lines = new ArrayList<>(sent.size());
		for (LineItem line : sent) {
			LineItem earlier = unmatched.stream()
				.filter((old) -> (line.sourceItemId != null) ? line.sourceItemId.equals(old.sourceItemId)
						: old.sourceItemId == null && line.sku.equals(old.sku))
				.findFirst()
				.orElse(null);
			if (earlier != null) {
				unmatched.remove(earlier);
			}
			lines.add(line.numbered((earlier != null) ? earlier.id : PublicIds.next(ID_PREFIX)));
		}
		return lines;
	}

	public BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

	public String getId() {
		return this.id;
	}

	public String getSourceItemId() {
		return this.sourceItemId;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	/**
	 * A line is a value: the same store id, SKU, name, quantity and price (by value);
	 * ClaimPort's number does not count, so a line sent again equals the one it numbered.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof LineItem that && Objects.equals(this.sourceItemId, that.sourceItemId)
				&& Objects.equals(this.sku, that.sku) && Objects.equals(this.name, that.name)
				&& this.quantity == that.quantity && this.unitPrice.compareTo(that.unitPrice) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sourceItemId, this.sku, this.name, this.quantity, this.unitPrice.stripTrailingZeros());
	}

}
