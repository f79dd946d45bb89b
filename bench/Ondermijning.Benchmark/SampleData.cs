namespace Ondermijning.Benchmark;

/// <summary>Thirty municipalities (CBS codes) of the southern RIEC regions: enough spread for grouped statistics.</summary>
public static class SampleData
{
    /// <summary>The RIEC region (<c>Statistics:Regions</c>) the benchmark configures with all of <see cref="Municipalities"/>.</summary>
    public const string Region = "bench";

    public static readonly string[] Municipalities =
    [
        "GM0935", "GM0917", "GM0928", "GM0882", "GM0899", "GM0888", "GM0965", "GM0981", "GM0986", "GM0994",
        "GM1729", "GM1883", "GM1903", "GM0957", "GM0944", "GM0946", "GM0983", "GM1507", "GM1640", "GM1641",
        "GM0796", "GM0772", "GM0855", "GM0758", "GM0794", "GM1652", "GM0828", "GM0785", "GM0797", "GM0865",
    ];
}
