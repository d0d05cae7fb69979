/** envmon app module. */
package org.envmon.app;
