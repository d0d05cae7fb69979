/** envmon broker module. */
package org.envmon.broker;
