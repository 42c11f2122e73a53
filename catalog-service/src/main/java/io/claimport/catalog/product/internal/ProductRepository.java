package io.claimport.catalog.product.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.claimport.catalog.product.domain.Product;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends JpaRepository<Product, String>, JpaSpecificationExecutor<Product> {

	Optional<Product> findByIdAndAccountId(String id, String accountId);

	/** The account's products (not deleted) with these SKUs. */
	@Query("select p from Product p where p.accountId = :accountId and p.sku in :skus and p.deletedAt is null")
	List<Product> findLiveBySkus(@Param("accountId") String accountId, @Param("skus") Collection<String> skus);

	/**
	 * A product to change, its row locked until the transaction ends: changes take turns.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.id = :id and p.accountId = :accountId")
	Optional<Product> findForChange(@Param("id") String id, @Param("accountId") String accountId);

}
