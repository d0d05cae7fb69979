package org.envmon.standards.catalog;

/** A catalog file that cannot be used; the message names the rule and what to fix. */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
