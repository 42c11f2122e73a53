package io.claimport.order.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.claimport.order.domain.Order;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<Order, String>, JpaSpecificationExecutor<Order> {

	Optional<Order> findByIdAndAccountId(String id, String accountId);

	@Query("select o.orderNumber from Order o where o.accountId = :accountId and o.orderNumber in :numbers")
	Set<String> findExistingOrderNumbers(@Param("accountId") String accountId,
			@Param("numbers") Collection<String> numbers);

	/** An order to change, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id and o.accountId = :accountId")
	Optional<Order> findForChange(@Param("id") String id, @Param("accountId") String accountId);

	/** The account's orders with these numbers, their rows locked for an upsert. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.accountId = :accountId and o.orderNumber in :numbers")
	List<Order> findForChangeByNumbers(@Param("accountId") String accountId,
			@Param("numbers") Collection<String> numbers);

}
