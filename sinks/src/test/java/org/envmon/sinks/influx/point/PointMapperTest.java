package org.envmon.sinks.influx.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.junit.jupiter.api.Test;

class PointMapperTest {
  /** 2026-01-01T00:00Z, i.e. 08:00 Beijing. */
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final long MS = T.toEpochMilli();

  private final PointMapper mapper = new PointMapper(
      station -> station.equals("N1") ? Optional.of(new NoiseZones.Zone("4a", 70, 55)) : Optional.empty());

  static Aggregate.Builder aggregate(String statistic, Double value) {
    return Aggregate.newBuilder().setStationId("Dongsi").setDistrict("东城").setMedium(Medium.AIR)
        .setParameter("PM2_5").setStatistic(statistic).setPeriodStart(T)
        .setPeriodEnd(T.plusSeconds(86_400)).setValue(value).setUnit("ug/m3").setCount(20)
        .setRequired(20).setValid(true).setStandard("GB 3095-2012");
  }

  @Test
  void hourly() {
    HourlyValue h = HourlyValue.newBuilder().setStationId("Dongsi").setDistrict("东城")
        .setMedium(Medium.AIR).setParameter("PM2_5").setHourStart(T).setValue(35.5)
        .setUnit("ug/m3").setSamples(12).setSampleMinutes(60).setValid(true).build();
    assertThat(mapper.map(h)).extracting(LinePoint::toLineProtocol).containsExactly(
        "hourly,district=东城,medium=air,parameter=PM2_5,station=Dongsi value=35.5,samples=12i,valid=true " + MS);
  }

  @Test
  void invalidHourKeepsCountsAndValidFlagWithoutValue() {
    HourlyValue h = HourlyValue.newBuilder().setStationId("Dongsi").setDistrict("东城")
        .setMedium(Medium.AIR).setParameter("CO").setHourStart(T).setValue(null)
        .setUnit("mg/m3").setSamples(0).setSampleMinutes(0).setValid(false).build();
    assertThat(mapper.hourly(h).toLineProtocol()).isEqualTo(
        "hourly,district=东城,medium=air,parameter=CO,station=Dongsi samples=0i,valid=false " + MS);
  }

  @Test
  void rollingWindows() {
    assertThat(mapper.aggregate(aggregate("ROLLING_8H", 40.25).setCount(6).setValid(true).build())
        .toLineProtocol()).isEqualTo(
        "rolling,district=东城,medium=air,parameter=PM2_5,station=Dongsi,window=8h value=40.25,hours=6i,valid=true " + MS);
    assertThat(mapper.aggregate(aggregate("ROLLING_24H", null).setCount(10).setValid(false).build())
        .toLineProtocol()).isEqualTo(
        "rolling,district=东城,medium=air,parameter=PM2_5,station=Dongsi,window=24h hours=10i,valid=false " + MS);
  }

  @Test
  void dailyStatisticsNameTheirParameter() {
    assertThat(mapper.aggregate(aggregate("DAILY_MEAN", 75.0).build()).toLineProtocol()).isEqualTo(
        "daily,district=东城,medium=air,parameter=PM2_5,standard=GB\\ 3095-2012,station=Dongsi value=75.0,hours=20i,valid=true " + MS);
    assertThat(mapper.aggregate(aggregate("O3_1H_MAX", 210.0).setParameter("O3").setCount(22).build())
        .toLineProtocol()).isEqualTo(
        "daily,district=东城,medium=air,parameter=O3_1H_MAX,standard=GB\\ 3095-2012,station=Dongsi value=210.0,hours=22i,valid=true " + MS);
    assertThat(mapper.aggregate(aggregate("O3_MDA8", null).setParameter("O3").setCount(10)
        .setRequired(14).setValid(false).build()).toLineProtocol()).isEqualTo(
        "daily,district=东城,medium=air,parameter=O3_MDA8,standard=GB\\ 3095-2012,station=Dongsi hours=10i,valid=false " + MS);
  }

  @Test
  void noiseWithZoneAndLimit() {
    Aggregate night = aggregate("LEQ_NIGHT", 57.3).setStationId("N1").setDistrict("朝阳")
        .setMedium(Medium.NOISE).setParameter("LEQ").setStandard("GB 3096-2008").build();
    Aggregate lmax = aggregate("LMAX_NIGHT", 71.0).setStationId("N1").setDistrict("朝阳")
        .setMedium(Medium.NOISE).setParameter("LMAX").setStandard("GB 3096-2008").build();
    Aggregate dayUnknownZone = aggregate("LEQ_DAY", 60.0).setStationId("N2").setDistrict("朝阳")
        .setMedium(Medium.NOISE).setParameter("LEQ").setStandard("GB 3096-2008").build();
    assertThat(mapper.aggregate(night).toLineProtocol()).isEqualTo(
        "noise,district=朝阳,medium=noise,period=night,station=N1,zone=4a leq=57.3,limit=55.0,valid=true " + MS);
    assertThat(mapper.aggregate(lmax).toLineProtocol()).isEqualTo(
        "noise,district=朝阳,medium=noise,period=night,station=N1,zone=4a lmax=71.0,lmax_valid=true " + MS);
    assertThat(mapper.aggregate(dayUnknownZone).toLineProtocol()).isEqualTo(
        "noise,district=朝阳,medium=noise,period=day,station=N2,zone=unknown leq=60.0,valid=true " + MS);
  }

  @Test
  void waterValuesAndClasses() {
    Aggregate codMean = aggregate("DAILY_MEAN", 18.5).setStationId("W1").setDistrict("海淀")
        .setMedium(Medium.WATER).setParameter("COD").setStandard("GB 3838-2002").build();
    Aggregate section = aggregate("WATER_CLASS", 4.0).setStationId("W1").setDistrict("海淀")
        .setMedium(Medium.WATER).setParameter("SECTION").setStandard("GB 3838-2002").build();
    assertThat(mapper.aggregate(codMean).toLineProtocol()).isEqualTo(
        "water,district=海淀,medium=water,parameter=COD,station=W1 value=18.5,valid=true " + MS);
    assertThat(mapper.aggregate(section).toLineProtocol()).isEqualTo(
        "water,district=海淀,medium=water,parameter=SECTION,station=W1 class=4i,class_valid=true " + MS);
  }

  @Test
  void unknownStatisticIsUnmappable() {
    assertThatThrownBy(() -> mapper.aggregate(aggregate("P98", 1.0).build()))
        .isInstanceOf(UnmappableRecordException.class).hasMessageContaining("'P98'");
  }

  @Test
  void aqiWithPrimaryPollutantsAndSortedIaqi() {
    AqiRecord q = AqiRecord.newBuilder().setStationId("Dongsi").setDistrict("东城").setPeriod("DAY")
        .setPeriodStart(T).setAqi(155).setLevel(4).setCategory("中度污染")
        .setPrimaryPollutants(List.of("PM2_5", "PM10")).setIaqi(Map.of("PM10", 155, "PM2_5", 155, "CO", 20))
        .setStandard("HJ 633-2026").build();
    assertThat(mapper.map(q)).extracting(LinePoint::toLineProtocol).containsExactly(
        "aqi,district=东城,medium=air,period=day,standard=HJ\\ 633-2026,station=Dongsi aqi=155i,level=4i,"
            + "category=\"中度污染\",published=true,primary=\"PM2_5,PM10\",iaqi_CO=20i,iaqi_PM10=155i,"
            + "iaqi_PM2_5=155i " + MS);
  }

  @Test
  void unpublishableAqiIsStoredAsNotPublished() {
    AqiRecord q = AqiRecord.newBuilder().setStationId("Dongsi").setDistrict("东城").setPeriod("HOUR")
        .setPeriodStart(T).setAqi(null).setLevel(null).setCategory(null).setMissing(List.of("PM2_5"))
        .setStandard("HJ 633-2026").build();
    assertThat(mapper.aqi(q).toLineProtocol()).isEqualTo(
        "aqi,district=东城,medium=air,period=hour,standard=HJ\\ 633-2026,station=Dongsi published=false " + MS);
  }

  @Test
  void alert() {
    Alert a = Alert.newBuilder().setAlertId("Dongsi|GB3095-2012.PM2_5.24h.II|1767225600000")
        .setState(AlertState.OPEN).setSeverity("major").setStationId("Dongsi").setDistrict("东城")
        .setMedium(Medium.AIR).setRuleId("GB3095-2012.PM2_5.24h.II").setRuleSource("GB 3095-2012 Table 1")
        .setParameter("PM2_5").setStatistic("DAILY_MEAN").setObserved(80.0).setThreshold(75.0)
        .setPeriodStart(T).setEpisodeStart(T).setTransitionAt(T.plusSeconds(3600))
        .setMessage("PM2.5 24 h mean 80 > 75 \"Class II\"").build();
    assertThat(mapper.map(a)).extracting(LinePoint::toLineProtocol).containsExactly(
        "alerts,district=东城,medium=air,rule=GB3095-2012.PM2_5.24h.II,severity=major,state=OPEN,station=Dongsi "
            + "observed=80.0,threshold=75.0,alert_id=\"Dongsi|GB3095-2012.PM2_5.24h.II|1767225600000\","
            + "parameter=\"PM2_5\",message=\"PM2.5 24 h mean 80 > 75 \\\"Class II\\\"\" " + MS);
  }

  @Test
  void planProgress() {
    PlanProgress p = PlanProgress.newBuilder().setScope("东城").setTarget("pm25_annual").setYear(2026)
        .setAsOf(T).setActual(31.2).setTargetValue(29.0).setOnTrack(false).setDays(120)
        .setSource("plan 002 annex 4").build();
    assertThat(mapper.map(p)).extracting(LinePoint::toLineProtocol).containsExactly(
        "plan_progress,district=东城,medium=air,station=东城,target=pm25_annual,year=2026 "
            + "actual=31.2,target=29.0,on_track=false,days=120i " + MS);
  }

  @Test
  void sameRecordSamePointIdentity() {
    Aggregate a = aggregate("DAILY_MEAN", 75.0).build();
    Aggregate revised = aggregate("DAILY_MEAN", 77.0).setRevision(1).build();
    LinePoint first = mapper.aggregate(a);
    LinePoint second = mapper.aggregate(revised);
    assertThat(second.measurement()).isEqualTo(first.measurement());
    assertThat(second.tags()).isEqualTo(first.tags());
    assertThat(second.timeMillis()).isEqualTo(first.timeMillis());
  }
}
