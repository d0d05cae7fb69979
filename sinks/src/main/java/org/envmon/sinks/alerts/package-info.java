/**
 * Alert delivery: webhooks (signed, retried, dead-lettered per subscriber), Server-Sent Events
 * and the open-alerts API, all fed from {@code envmon.alerts}. Start everything with
 * {@link org.envmon.sinks.alerts.AlertDelivery#start(AlertDeliveryOptions)}.
 */
package org.envmon.sinks.alerts;
