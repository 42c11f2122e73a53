package io.claimport.catalog.product.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import io.claimport.catalog.product.domain.Product;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends JpaRepository<Product, String> {

	Optional<Product> findByIdAndAccountId(String id, String accountId);

	@Query("""
			select p from Product p where p.accountId = :accountId
			and (:category is null or p.category = :category)
			and (:sku is null or p.sku = :sku)
			""")
	Page<Product> search(@Param("accountId") String accountId, @Param("category") String category,
			@Param("sku") String sku, Pageable pageable);

	@Query("select p.sku from Product p where p.accountId = :accountId and p.sku in :skus")
	Set<String> findExistingSkus(@Param("accountId") String accountId, @Param("skus") Collection<String> skus);

}
