package org.pilotline.mes.workorders.domain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.ProductApi.CreateProduct;
import org.pilotline.mes.workorders.api.ProductApi.ProductView;
import org.pilotline.mes.workorders.persistence.ProductEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Products;

@ApplicationScoped
public class ProductService {

    private final Products products;
    private final AuditTrail audit;

    ProductService(Products products, AuditTrail audit) {
        this.products = products;
        this.audit = audit;
    }

    @Transactional
    public ProductView create(CreateProduct req, Actor actor) {
        if (products.byCode(req.code()).isPresent()) {
            throw ProblemException.conflict("product-exists", "Product " + req.code() + " already exists");
        }
        ProductEntity p = new ProductEntity();
        p.code = req.code();
        p.name = req.name().strip();
        p.stage = req.stage();
        p.nominalCapacityAh = req.nominalCapacityAh();
        if (req.scaledFrom() != null) {
            p.scaledFrom = products.byCode(req.scaledFrom()).orElseThrow(() -> ProblemException
                    .badRequest("unknown-product", "scaledFrom: product " + req.scaledFrom() + " does not exist"));
        }
        p.chemistry = req.chemistry();
        p.createdAt = Instant.now();
        products.persist(p);
        ProductView view = view(p);
        audit.record(actor, "product.created", "product", p.code, null, view, null);
        return view;
    }

    public ProductView get(String code) {
        return products.byCode(code).map(ProductService::view)
                .orElseThrow(() -> ProblemException.notFound("Product", code));
    }

    public List<ProductView> list(int page, int size) {
        return products.findAll(io.quarkus.panache.common.Sort.by("code")).page(page, size).list().stream()
                .map(ProductService::view).toList();
    }

    public long count() {
        return products.count();
    }

    static ProductView view(ProductEntity p) {
        return new ProductView(p.code, p.name, p.stage, p.nominalCapacityAh,
                p.scaledFrom == null ? null : p.scaledFrom.code, p.chemistry, p.createdAt);
    }
}
