package io.claimport.order.web;

import io.claimport.order.domain.LineItem;
import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderChange;
import io.claimport.order.domain.OrderDraft;
import io.claimport.order.domain.ShippingAddress;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface OrderMapper {

	@Mapping(target = "customerEmail", source = "customer.email")
	@Mapping(target = "customerName", source = "customer.name")
	OrderDraft toDraft(OrderRequest request);

	OrderChange toChange(OrderChangeRequest request);

	ShippingAddress toAddress(AddressRequest address);

	default LineItem toLineItem(OrderRequest.LineItemRequest item) {
		return new LineItem(item.sourceItemId(), item.sku(), item.name(), item.quantity(), item.price());
	}

	@Mapping(target = "customer.email", source = "customerEmail")
	@Mapping(target = "customer.name", source = "customerName")
	OrderResponse toResponse(Order order);

	@Mapping(target = "price", source = "unitPrice")
	OrderResponse.LineItem toResponse(LineItem item);

}
