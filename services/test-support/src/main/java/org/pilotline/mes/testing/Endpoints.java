package org.pilotline.mes.testing;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Checks over a service's JAX-RS resources, read from its compiled classes. */
public final class Endpoints {

    /** The JAX-RS method annotations of requests that change state (by name: this library does not need JAX-RS). */
    private static final Set<String> WRITES = Set.of("jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH",
            "jakarta.ws.rs.DELETE");

    private Endpoints() {
    }

    /**
     * Every state-changing resource method (POST, PUT, PATCH, DELETE) in the package whose class and method both lack
     * the annotation, as "Class.method"; empty when every one has it.
     */
    public static List<String> writesWithout(Class<? extends Annotation> annotation, String packageName) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : classes(packageName)) {
            if (type.isAnnotationPresent(annotation)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (changesState(m) && !m.isAnnotationPresent(annotation)) {
                    missing.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        return missing;
    }

    private static boolean changesState(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> WRITES.contains(a.annotationType().getName()));
    }

    private static List<Class<?>> classes(String packageName) {
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Enumeration<URL> dirs = loader.getResources(packageName.replace('.', '/'));
            while (dirs.hasMoreElements()) {
                URL dir = dirs.nextElement();
                if (!"file".equals(dir.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        String name = f.getFileName().toString();
                        classes.add(Class.forName(packageName + "." + name.substring(0, name.length() - 6), false,
                                loader));
                    }
                }
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the classes of " + packageName, e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes in " + packageName);
        }
        return classes;
    }
}
