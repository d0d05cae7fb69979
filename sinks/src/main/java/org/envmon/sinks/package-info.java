/** envmon sinks module. */
package org.envmon.sinks;
