# syntax=docker/dockerfile:1
# envmon image: built from this checkout, run as `envmon run --config /etc/envmon/envmon.properties`.
# See docs/docker.md. Build: docker build -t envmon .

# --- build stage: the same Maven reactor build ./envmon does, without tests -------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms and the wrapper first, so the dependency layer is reused while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY schemas/pom.xml schemas/pom.xml
COPY standards/pom.xml standards/pom.xml
COPY broker/pom.xml broker/pom.xml
COPY testkit/pom.xml testkit/pom.xml
COPY ingest/pom.xml ingest/pom.xml
COPY streams/pom.xml streams/pom.xml
COPY sinks/pom.xml sinks/pom.xml
COPY app/pom.xml app/pom.xml
COPY schemas/src schemas/src
COPY standards/src standards/src
COPY broker/src broker/src
COPY testkit/src testkit/src
COPY ingest/src ingest/src
COPY streams/src streams/src
COPY sinks/src sinks/src
COPY app/src app/src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -Dmaven.test.skip=true install

# --- runtime stage -----------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl serves the HEALTHCHECK only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 envmon \
 && useradd --system --uid 10001 --gid envmon --home-dir /opt/envmon --shell /usr/sbin/nologin envmon
WORKDIR /opt/envmon
# Same layout as ./envmon uses (app/target/classes + app/target/lib), one level flatter.
COPY --from=build /src/app/target/classes app/classes
COPY --from=build /src/app/target/lib app/lib
COPY config config
COPY docker/envmon.properties /etc/envmon/envmon.properties
# Kafka Streams state (changelogged, so losing it loses no data) lives in a volume.
RUN mkdir -p /opt/envmon/data && chown envmon:envmon /opt/envmon/data
VOLUME ["/opt/envmon/data"]
USER envmon
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# 8080 HTTP ingest + /health + /metrics; 8081 alerts API (SSE, open alerts); 9212 HJ 212 over TCP.
EXPOSE 8080 8081 9212
# /health answers 200 only while Kafka is reachable; start-period covers topic creation and
# the streams application reaching RUNNING.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-cp", "app/classes:app/lib/*", "org.envmon.app.EnvmonCli"]
CMD ["run", "--config", "/etc/envmon/envmon.properties"]
