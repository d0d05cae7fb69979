/** envmon standards module. */
package org.envmon.standards;
