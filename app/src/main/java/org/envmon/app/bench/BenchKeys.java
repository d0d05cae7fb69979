package org.envmon.app.bench;

/** Keys of the machine-readable {@code BENCH {json}} summary line, documented in docs/benchmarks.md. */
public final class BenchKeys {
  private BenchKeys() {}

  public static final String PRELOAD_RATE = "ingest_producer_readings_per_s";
  public static final String BASELINE_RATE = "baseline_passthrough_readings_per_s";
  public static final String PIPELINE_RATE = "pipeline_readings_per_s";
  public static final String PIPELINE_RATIO = "pipeline_to_baseline_ratio";
  public static final String BASELINE_CPU = "baseline_cpu_us_per_reading";
  public static final String PIPELINE_CPU = "pipeline_cpu_us_per_reading";
  public static final String LATENCY_LOAD_SHARE = "latency_load_share";
  public static final String LATENCY_RATE = "latency_load_readings_per_s";
  public static final String LATENCY_JIT_SHARE = "latency_jit_cores";
  public static final String LATENCY_PROCESS_CORES = "latency_process_cores";
  public static final String LATENCY_P50 = "alert_latency_p50_ms";
  public static final String LATENCY_P99 = "alert_latency_p99_ms";
  public static final String LATENCY_MAX = "alert_latency_max_ms";
  public static final String LATENCY_SAMPLES = "alert_latency_samples";
  public static final String LATENCY_WRITTEN_P50 = "alert_written_p50_ms";
  public static final String LATENCY_WRITTEN_P99 = "alert_written_p99_ms";
  public static final String COMMIT_LATENCY_AVG = "streams_commit_latency_avg_ms";
  public static final String COMMIT_LATENCY_MAX = "streams_commit_latency_max_ms";
  public static final String HOUR_CLOSE_RATE = "hour_close_station_hours_per_s";
  public static final String HOUR_CLOSE_STREAM_CPU = "hour_close_stream_cpu_us";
  public static final String HOUR_CLOSE_PROCESS_CPU = "hour_close_process_cpu_us";
  public static final String SINK_RATE = "sink_envmon_points_per_s";
  public static final String SINK_RAW_RATE = "sink_raw_post_points_per_s";
  public static final String SINK_RATIO = "sink_to_raw_ratio";
  public static final String SINK_GZIP_RATE = "sink_envmon_gzip_points_per_s";
  public static final String SINK_GZIP_RATIO = "sink_gzip_to_raw_ratio";
  public static final String REPLAY_SECONDS = "replay_wall_s";
  public static final String REPLAY_RATE = "replay_readings_per_s";
  public static final String REPLAY_CONSUMED = "replay_readings_consumed";
  public static final String REPLAY_CONSUMED_RATE = "replay_consumed_readings_per_s";
  public static final String PEAK_HEAP_MIB = "peak_heap_mib";
  public static final String MAX_HEAP_MIB = "max_heap_mib";
  public static final String PEAK_RSS_MIB = "peak_rss_mib";
  public static final String GC_PAUSE_MS = "gc_total_ms";
  public static final String LOAD_AVERAGE = "load_average_1m";
}
