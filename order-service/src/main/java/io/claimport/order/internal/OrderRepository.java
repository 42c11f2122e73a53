package io.claimport.order.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<Order, String> {

	Optional<Order> findByIdAndAccountId(String id, String accountId);

	@Query("""
			select o from Order o where o.accountId = :accountId
			and (:status is null or o.status = :status)
			and (:customerEmail is null or lower(o.customerEmail) = :customerEmail)
			""")
	/** customerEmail must be given in lower case. */
	Page<Order> search(@Param("accountId") String accountId, @Param("status") OrderStatus status,
			@Param("customerEmail") String customerEmail, Pageable pageable);

	@Query("select o.orderNumber from Order o where o.accountId = :accountId and o.orderNumber in :numbers")
	Set<String> findExistingOrderNumbers(@Param("accountId") String accountId,
			@Param("numbers") Collection<String> numbers);

}
