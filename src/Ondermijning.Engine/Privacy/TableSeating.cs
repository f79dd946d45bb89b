using Microsoft.Extensions.Options;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Per municipality (CBS code) and table (an id of the vocabulary: lwo, atom, mot, …), the organisations that sit there.
    /// A table a municipality does not configure has the seating the vocabulary declares for it.
    /// </summary>
    public Dictionary<string, Dictionary<string, List<string>>> Tables { get; set; } = [];

    public AccessLogAnchorOptions AccessLogAnchor { get; set; } = new();
}

/// <summary>Who sits at which table in which municipality. Checked once at start-up, so a typo cannot silently widen access.</summary>
public sealed class TableSeating
{
    private readonly Dictionary<(MunicipalityCode, TableId), IReadOnlySet<OrganisationId>> _configured = [];

    public TableSeating(IOptions<PrivacyOptions> options, WorkflowCatalog catalog)
    {
        var vocabulary = catalog.Vocabulary;
        var problems = new List<string>();
        foreach (var (municipalityText, tables) in options.Value.Tables)
        {
            if (!MunicipalityCode.TryParse(municipalityText, out var municipality))
            {
                problems.Add($"Privacy:Tables:{municipalityText}: not a CBS municipality code like GM0935");
                continue;
            }
            foreach (var (tableText, members) in tables)
            {
                if (vocabulary.FindTable(tableText) is not { } table)
                {
                    problems.Add($"Privacy:Tables:{municipalityText}:{tableText}: not a table of the vocabulary; the tables are: " +
                        string.Join(", ", vocabulary.Tables.Select(t => t.Id)));
                    continue;
                }
                var unknown = members.Where(m => !vocabulary.IsKnown(new OrganisationId(m))).ToList();
                if (unknown.Count > 0)
                    problems.Add($"Privacy:Tables:{municipalityText}:{tableText}: unknown organisation(s) {string.Join(", ", unknown)}");
                _configured[(municipality, table.Id)] = members.Select(m => new OrganisationId(m)).ToHashSet();
            }
        }
        if (problems.Count > 0)
            throw new StartupRefusal("The table seating is not valid; the service does not start until it is fixed:" +
                Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }

    public IReadOnlySet<OrganisationId> Seated(MunicipalityCode municipality, TableDefinition table) =>
        _configured.GetValueOrDefault((municipality, table.Id)) ?? table.DefaultSeating;
}
