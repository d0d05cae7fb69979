/** envmon ingest module. */
package org.envmon.ingest;
