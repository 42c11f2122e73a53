package io.claimport.catalog.product.web;

import io.claimport.catalog.product.domain.Product;
import io.claimport.catalog.product.domain.ProductDraft;

import org.mapstruct.Mapper;

@Mapper
interface ProductMapper {

	ProductDraft toDraft(ProductRequest request);

	ProductResponse toResponse(Product product);

}
