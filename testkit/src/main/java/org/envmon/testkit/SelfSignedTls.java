package org.envmon.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed server certificate for 127.0.0.1 made by the JDK's keytool, and a client trusting only it. */
public final class SelfSignedTls {
  private SelfSignedTls() {}

  /** Writes a PKCS12 keystore with an EC key pair for CN=localhost, SAN ip:127.0.0.1, valid 2 days. */
  public static Path keystore(Path file, String password) throws IOException, InterruptedException {
    ExternalTool.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "envmon", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password), "");
    return file;
  }

  /** A TLS context trusting the certificates of {@code keystore} only. */
  public static SSLContext trusting(Path keystore, String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
