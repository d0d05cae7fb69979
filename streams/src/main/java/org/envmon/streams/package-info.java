/** envmon streams module. */
package org.envmon.streams;
