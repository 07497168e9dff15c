/**
 * One call from a site checkout and a description of a change to a build plan and its picture,
 * for callers that are not the command line (the Jenkins steps): {@link io.strata.engine.service.PlanService}.
 */
package io.strata.engine.service;
