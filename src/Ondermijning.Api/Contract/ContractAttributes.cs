using Ondermijning.Api.Enrichment;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Contract;

/// <summary>
/// Request fields arrive as text, so the server can name every mistake per field in one answer; these attributes say in the
/// OpenAPI document what the text must be. <see cref="ContractSchemaTransformer"/> reads them.
/// </summary>
public interface IChoice
{
    IEnumerable<string> Values(IServiceProvider services);
}

/// <summary>
/// One of an enum's members as <see cref="Mapping.ApiSpelling.Kebab{T}(T)"/> spells them (kebab-case), or only the members named in
/// <paramref name="only"/> (a status that a request may set, say).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ChoiceAttribute(Type enumType, params string[] only) : Attribute, IChoice
{
    public IEnumerable<string> Values(IServiceProvider services) =>
        Enum.GetNames(enumType).Where(n => only.Length == 0 || only.Contains(n)).Select(Mapping.ApiSpelling.Kebab);
}

/// <summary>One of the values of a list the server parses against; <paramref name="list"/> names a member of <see cref="ChoiceLists"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ChoiceListAttribute(string list) : Attribute, IChoice
{
    public IEnumerable<string> Values(IServiceProvider services) =>
        (IEnumerable<string>)(typeof(ChoiceLists).GetProperty(list)?.GetValue(null)
            ?? throw new InvalidOperationException($"{nameof(ChoiceLists)} has no list '{list}'."));
}

/// <summary>An organisation of the vocabulary, by its id.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OrganisationChoiceAttribute : Attribute, IChoice
{
    public IEnumerable<string> Values(IServiceProvider services) => services.GetRequiredService<Vocabulary>().Organisations.Select(o => o.Id.Value);
}

/// <summary>The lists the server parses against that are not an enum's members.</summary>
public static class ChoiceLists
{
    public static IEnumerable<string> SourceChannels => RegisterSignalRequest.Channels.Keys;
    public static IEnumerable<string> InformationCategories => InformationTerms.Categories.Keys;
    public static IEnumerable<string> ConfidentialityLevels => InformationTerms.ConfidentialityLevels.Keys;
    public static IEnumerable<string> ManualFindingSources => ManualFindingRequest.Sources.Keys;
    public static IEnumerable<string> AnnualFormats => ["json", "csv", "xlsx", "html"];
}

public enum WorkflowTerm
{
    Severity,
    Trigger,
    Stage,
}

/// <summary>
/// A severity, step or stage: each workflow defines its own, so the document lists those of every loaded definition
/// (<c>GET /api/workflows</c> tells which belongs to which version).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WorkflowChoiceAttribute(WorkflowTerm term) : Attribute, IChoice
{
    public IEnumerable<string> Values(IServiceProvider services)
    {
        var definitions = services.GetRequiredService<Engine.Workflows.WorkflowCatalog>().All.ToList();
        return (term switch
        {
            WorkflowTerm.Severity => definitions.SelectMany(d => d.SeverityLevels.Select(l => l.Id.Value)),
            WorkflowTerm.Trigger => definitions.SelectMany(d => d.Transitions.Select(t => t.Trigger.Value)),
            _ => definitions.SelectMany(d => d.Stages.Select(s => s.Id.Value)),
        }).Distinct();
    }
}

/// <summary>A calendar date written YYYY-MM-DD (<c>format: date</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoDateAttribute : Attribute;

/// <summary>A moment written as ISO 8601 (<c>format: date-time</c>); the server also takes a date alone, as the start of that day.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoDateTimeAttribute : Attribute;

/// <summary>
/// A further media type of an answer, beside the JSON its return type declares (the annual table as CSV, a workbook or a
/// printable page): a route's metadata of one status code replace each other, so these are added to the document apart.
/// </summary>
public sealed record AlsoAnswers(int Status, string ContentType, bool Binary = false);
