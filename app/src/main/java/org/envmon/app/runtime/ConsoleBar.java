package org.envmon.app.runtime;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress bar output: redrawn in place on a terminal, one line every few seconds otherwise, so
 * logs of a non-interactive run stay readable.
 */
public final class ConsoleBar implements ProgressBarConsumer {
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private long lastLine;

  public ConsoleBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public int getMaxRenderedLength() {
    return 100;
  }

  @Override
  public void accept(String rendered) {
    if (terminal) {
      out.print('\r' + rendered);
    } else if (System.currentTimeMillis() - lastLine > 5000) {
      out.println(rendered);
      lastLine = System.currentTimeMillis();
    }
  }

  @Override
  public void close() {
    if (terminal) {
      out.println();
    }
  }
}
