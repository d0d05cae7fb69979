/** envmon testkit module. */
package org.envmon.testkit;
