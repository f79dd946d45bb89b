using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Statistics;

public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>RIEC regions by name, each with the CBS codes of its municipalities.</summary>
    public Dictionary<string, List<string>> Regions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Whose figures: one municipality, or the municipalities of a RIEC region together.</summary>
public sealed record StatisticsScope(string? Region, IReadOnlyList<MunicipalityCode> Municipalities)
{
    public string Name => Region is null ? Municipalities[0].Value : $"{Region} ({string.Join(", ", Municipalities)})";

    /// <summary>
    /// The scope, if the actor may read it: a municipality they do not work for is not found; a region only for those
    /// who work for every municipality in it, since its figures add all of them up.
    /// </summary>
    public StatisticsScope For(Actor actor, Permission permission)
    {
        if (Region is null)
        {
            AccessGate.Require(actor, permission, Municipalities[0]);
            return this;
        }
        AccessGate.Require(actor, permission);
        var outside = Municipalities.Where(m => !actor.WorksFor(m)).ToList();
        if (outside.Count > 0)
            throw new EngineProblem(ProblemKind.Forbidden, "You do not work for the whole region",
                $"The figures of region {Region} add up {Municipalities.Count} municipalities; you do not work for " +
                $"{string.Join(", ", outside)}. Ask for the figures of your own municipality instead.");
        return this;
    }

    public static StatisticsScope Resolve(string? municipality, string? region, StatisticsOptions options)
    {
        if (string.IsNullOrWhiteSpace(municipality) == string.IsNullOrWhiteSpace(region))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["municipality"] = ["Ask for one municipality (municipality=GM0935) or one RIEC region (region=…), not both."],
            });
        if (!string.IsNullOrWhiteSpace(municipality))
            return MunicipalityCode.TryParse(municipality, out var code)
                ? new StatisticsScope(null, [code])
                : throw EngineProblem.Validation(new Dictionary<string, string[]>
                {
                    ["municipality"] = ["Give a CBS municipality code such as GM0935."],
                });

        var match = options.Regions.FirstOrDefault(r => string.Equals(r.Key, region!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match.Key is null)
            throw new EngineProblem(ProblemKind.NotFound, "Region not found",
                options.Regions.Count == 0
                    ? $"There is no region '{region}'; no regions are configured (Statistics:Regions)."
                    : $"There is no region '{region}'. Known regions: {string.Join(", ", options.Regions.Keys.Order())}.");
        return new StatisticsScope(match.Key, match.Value.Select(MunicipalityCode.Parse).Distinct().OrderBy(c => c.Value).ToList());
    }
}
