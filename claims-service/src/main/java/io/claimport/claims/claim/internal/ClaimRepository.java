package io.claimport.claims.claim.internal;

import java.util.List;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.claimport.claims.claim.domain.Claim;
import jakarta.persistence.LockModeType;
import io.claimport.claims.claim.domain.ClaimState;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClaimRepository extends JpaRepository<Claim, String>, JpaSpecificationExecutor<Claim> {

	Optional<Claim> findByIdAndAccountId(String id, String accountId);

	/**
	 * How much of each line of these orders the account's claims cover, but those denied
	 * or dismissed: rows of order id, line (its id, or the SKU a claim named a line
	 * without id by) and quantity.
	 */
	@Query("""
			select c.orderId, coalesce(i.lineItemId, i.itemId), sum(i.quantity) from Claim c join c.claimItems i
			where c.accountId = :accountId and c.orderId in :orderIds and c.claimState not in :notCovering
			group by c.orderId, coalesce(i.lineItemId, i.itemId)
			""")
	List<Object[]> claimedQuantities(@Param("accountId") String accountId,
			@Param("orderIds") Collection<String> orderIds, @Param("notCovering") Collection<ClaimState> notCovering);

	/**
	 * The claim, locked until the transaction ends: changes of one claim take turns, and
	 * each is checked against the state the one before it left.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Claim c where c.id = :id and c.accountId = :accountId")
	Optional<Claim> findForChange(@Param("id") String id, @Param("accountId") String accountId);

}
