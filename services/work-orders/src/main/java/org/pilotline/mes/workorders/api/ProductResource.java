package org.pilotline.mes.workorders.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.ProductApi.CreateProduct;
import org.pilotline.mes.workorders.api.ProductApi.ProductView;
import org.pilotline.mes.workorders.domain.ProductService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/products")
@Tag(name = "Products", description = "Cell formats per development stage")
@Idempotent
public class ProductResource {

    private final ProductService products;
    private final SecurityIdentity identity;

    ProductResource(ProductService products, SecurityIdentity identity) {
        this.products = products;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a cell format")
    public Response create(@Valid @NotNull CreateProduct req) {
        ProductView view = products.create(req, Actor.of(identity));
        return Response.created(URI.create("products/" + view.code())).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public Page<ProductView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        return req.result(products.list(req.page(), req.size()), products.count());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public ProductView get(@PathParam("code") String code) {
        return products.get(code);
    }
}
