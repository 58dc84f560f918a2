package org.pilotline.mes.gateway.ui;

import java.util.List;

/**
 * A UI action the person's roles do not allow, asked for anyway (the screen never offers it): refused here, in the
 * person's language (see {@link UiErrorPages}), and the service behind would refuse it too.
 */
final class Forbidden {

    private Forbidden() {
    }

    static ServiceProblem problem() {
        return new ServiceProblem(403, "forbidden", "", List.of(), List.of());
    }
}
