// Which services a meter's volume is billed for. Sewerage (водовідведення) has no meter of its own in a
// household: it is billed on the cold-water volume, so a water meter's reading makes two charges.

/** A service billed on another service's meters: sewerage on cold water. */
export const BILLED_ON_VOLUME_OF: Readonly<Record<string, string>> = { sewerage: "cold_water" };

/** The services a meter of `meterService` is billed for, among those that have a tariff (`withTariff`). */
export function servicesBilledOnMeter<S extends string>(meterService: S, withTariff: ReadonlySet<S>): S[] {
  const derived = Object.entries(BILLED_ON_VOLUME_OF)
    .filter(([service, on]) => on === meterService && withTariff.has(service as S))
    .map(([service]) => service as S);
  return [...(withTariff.has(meterService) ? [meterService] : []), ...derived];
}
