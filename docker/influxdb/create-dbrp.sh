#!/bin/bash
# Runs once, after DOCKER_INFLUXDB_INIT_MODE=setup created the org, bucket and admin token (the
# influx CLI is already configured with them). Grafana's dashboards speak InfluxQL, so:
#   1. map database "envmon" / retention policy "autogen" to the bucket (DBRP);
#   2. create a read-only v1 user for Grafana's basic auth on /query.
set -euo pipefail

influx v1 dbrp create \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${DOCKER_INFLUXDB_INIT_BUCKET}" \
  --rp autogen \
  --default

influx v1 auth create \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --username "${ENVMON_GRAFANA_INFLUX_USER}" \
  --password "${ENVMON_GRAFANA_INFLUX_PASSWORD}" \
  --read-bucket "${DOCKER_INFLUXDB_INIT_BUCKET_ID}"
