package io.claimport.claims.claim.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A store credit a claim was settled with: a gift card or discount code the customer
 * spends in the store. Its code is a bearer secret: it appears in the claim and nowhere
 * else (no event, no log).
 */
@Embeddable
public class StoreCredit {

	/** No e-mail goes out from the claims desk: the store sends the code itself. */
	static final String NOT_SENT = "NOT_SENT";

	static final String NO_BONUS = "NONE";

	private String code;

	@Enumerated(EnumType.STRING)
	@Column(name = "credit_type")
	private CreditType creditType;

	@Column(name = "email_status")
	private String emailStatus;

	@Column(name = "email_time")
	private Instant emailTime;

	@Column(name = "credit_value")
	private BigDecimal creditValue;

	@Column(name = "bonus_value")
	private BigDecimal bonusValue;

	@Column(name = "total_value")
	private BigDecimal totalValue;

	private BigDecimal bonus;

	@Column(name = "bonus_type")
	private String bonusType;

	@Column(name = "credit_currency")
	private String creditCurrency;

	@Column(name = "exchange_rate")
	private BigDecimal exchangeRate;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected StoreCredit() {
	}

	StoreCredit(String code, CreditType creditType, Money value, Instant now) {
		this.code = code;
		this.creditType = creditType;
		this.emailStatus = NOT_SENT;
		this.creditValue = value.amount();
		this.bonusValue = BigDecimal.ZERO;
		this.totalValue = value.amount();
		this.bonus = BigDecimal.ZERO;
		this.bonusType = NO_BONUS;
		this.creditCurrency = value.currency();
		this.exchangeRate = BigDecimal.ONE;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getCode() {
		return this.code;
	}

	public CreditType getCreditType() {
		return this.creditType;
	}

	public String getEmailStatus() {
		return this.emailStatus;
	}

	public Instant getEmailTime() {
		return this.emailTime;
	}

	public BigDecimal getCreditValue() {
		return this.creditValue;
	}

	public BigDecimal getBonusValue() {
		return this.bonusValue;
	}

	public BigDecimal getTotalValue() {
		return this.totalValue;
	}

	public BigDecimal getBonus() {
		return this.bonus;
	}

	public String getBonusType() {
		return this.bonusType;
	}

	public String getCreditCurrency() {
		return this.creditCurrency;
	}

	public BigDecimal getExchangeRate() {
		return this.exchangeRate;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
