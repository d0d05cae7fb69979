package org.envmon.streams.internals.plan;

import org.envmon.schemas.PlanProgress;
import org.envmon.standards.catalog.PlanTarget;

/**
 * A year-to-date value with the plan target it is judged against.
 *
 * @param target   the catalog target
 * @param progress the published record (ratios as fractions 0-1)
 */
public record TargetProgress(PlanTarget target, PlanProgress progress) {}
