package org.envmon.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test (class or method) runs only where a Docker engine is reachable; elsewhere it
 * is reported as skipped with the reason, never failed. Start its containers with
 * {@link TestContainers#startOrSkip} so an image that cannot be pulled also skips.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {}
